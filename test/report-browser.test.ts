/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core. Skipped only
 * when no chromium executable exists (.ci/run installs it), and then it says so loudly.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_SKIP_REASON,
  chromiumExecutable,
  HOSTILE_FILE,
  ingestedDatabase,
  klopt,
  TEST_OUTPUT,
} from './report-fixtures.js';

const executable = chromiumExecutable;
const SKIP_REASON = CHROMIUM_SKIP_REASON;
if (!executable) console.warn(`\n*** SKIPPING the browser test of the HTML report: ${SKIP_REASON} ***\n`);

const REPORT = join(TEST_OUTPUT, 'report.html');
const HENGELO_FILE = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';

/** What a reader sees: the findings not hidden by a filter, in their current order. */
const visibleFindings = (page: Page) =>
  page.$$eval('#findings tbody.finding', (tbs) =>
    (tbs as HTMLElement[])
      .filter((tb) => tb.offsetParent !== null)
      .map((tb) => ({
        rule: tb.dataset.rule,
        document: tb.dataset.document,
        row: tb
          .querySelector('td.place')
          ?.textContent?.match(/row (.*?)column/)?.[1]
          .trim(),
        found: (tb.querySelectorAll('tr.head td')[4] as HTMLElement).innerText,
        mark: tb.querySelector('mark')?.textContent,
      })),
  );

describe('the HTML report in headless chromium', () => {
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!executable) return;
    rmSync(REPORT, { force: true });
    mkdirSync(TEST_OUTPUT, { recursive: true });
    const r = klopt('report', '--db', ingestedDatabase({ hostile: true }), '--format', 'html', '--out', REPORT);
    expect(r.status).toBe(0);
    browser = await chromium.launch({ executablePath: executable });
    // No network at all: a self-contained report needs none, and a request would show it is not.
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, offline: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) pageErrors.push(`request to ${req.url()}`);
    });
    await page.goto(pathToFileURL(REPORT).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows only the four Hengelo 2023 errors when filtered by severity, and saves a screenshot', async (ctx) => {
    if (!executable) ctx.skip(SKIP_REASON);
    const all = await visibleFindings(page);
    // 57 findings (54 on the samples, 3 on the hostile document) in 48 entries: the five share-of-total
    // columns of one Hengelo 2019 row are one, four heuristic-split lines carry their label-boundary,
    // the Hengelo 2023 footing explained by three row errors is listed under each of them
    expect(all.length).toBe(48);
    await page.selectOption('#filter-severity', 'error');
    await page.selectOption('#filter-document', HENGELO_FILE);
    const errors = await visibleFindings(page);
    expect(errors.map((f) => [f.rule, f.row, f.found, f.mark])).toEqual([
      ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', '7', '7'],
      ['saldo-verschil', '6.73A Pleegzorg / Saldo', '16', '16'],
      ['saldo-verschil', '6.73B Gezinsgericht / Saldo', '-31', '-31'],
      [
        'missing-cell',
        '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo',
        '',
        '6.74A Jeugdhulp behandeling GGZ zonder verblijf',
      ],
    ]);
    expect(await page.textContent('#shown-count')).toBe('4 of 48 entries shown (4 findings)');
    await page.locator('#findings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(TEST_OUTPUT, 'report-hengelo-2023-errors.png'), fullPage: true });
    expect(existsSync(join(TEST_OUTPUT, 'report-hengelo-2023-errors.png'))).toBe(true);
  });

  it('filters by rule across documents, sorts by difference, and resets', async (ctx) => {
    if (!executable) ctx.skip(SKIP_REASON);
    await page.click('#filter-reset');
    await page.selectOption('#filter-rule', 'verschil');
    const verschil = await visibleFindings(page);
    expect(verschil.map((f) => [f.document?.endsWith(HOSTILE_FILE) ? 'hostile' : f.document, f.found])).toEqual([
      ['hostile', '7'], // its path, ../../tmp/…, sorts before data/
      [HENGELO_FILE, '7'],
    ]);
    await page.click('#filter-reset');
    await page.selectOption('#filter-severity', 'error');
    await page.click('button.sort[data-key="difference"]');
    await page.click('button.sort[data-key="difference"]'); // second click: descending
    // |difference| 62, 32, 20 (Hengelo 2019's indicator printed twice), 14, 14, 10 (Enschede 2023's doelenboom total),
    // none
    expect((await visibleFindings(page)).map((f) => f.found)).toEqual(['-31', '16', '571', '7', '7', '476.589', '']);
    expect(await page.getAttribute('button.sort[data-key="difference"] >> xpath=..', 'aria-sort')).toBe('descending');
    await page.click('#filter-reset');
    expect(await page.textContent('#shown-count')).toBe('48 of 48 entries shown (56 findings)');
  });

  it(
    'searches, keeps filters and sort in the URL, filters by a click on a chart, links to the document and its ' +
      'source',
    async (ctx) => {
      if (!executable) ctx.skip(SKIP_REASON);
      await page.click('#filter-reset');
      await page.fill('#filter-search', 'Gemiddeld aantal per');
      expect(await page.textContent('#shown-count')).toBe('0 of 48 entries shown (0 findings)');
      await page.fill('#filter-search', '6.73B Gezinsgericht');
      // its own entry, and the two whose consequence (the footing) names it
      expect(
        (await visibleFindings(page)).map((f) => [f.rule, f.row]).sort((a, b) => a[1]!.localeCompare(b[1]!)),
      ).toEqual([
        ['saldo-verschil', '6.73A Pleegzorg / Saldo'],
        ['saldo-verschil', '6.73B Gezinsgericht / Saldo'],
        ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo'],
      ]);
      await page.selectOption('#filter-severity', 'error');
      await page.click('button.sort[data-key="difference"]');
      expect(new URL(page.url()).hash).toBe('#severity=error&q=6.73B%20Gezinsgericht&sort=difference:ascending');
      // the URL shows the same list after a reload, or to whoever it is sent to
      await page.reload();
      expect(await page.inputValue('#filter-search')).toBe('6.73B Gezinsgericht');
      expect(await page.inputValue('#filter-severity')).toBe('error');
      expect(await page.getAttribute('button.sort[data-key="difference"] >> xpath=..', 'aria-sort')).toBe('ascending');
      expect((await visibleFindings(page)).map((f) => f.found)).toEqual(['16', '-31', '']);
      // a click on a chart's bar lists its findings
      await page.click('svg[aria-label="Checks per rule"] g.chart-link[data-filter-value="missing-cell"]');
      expect(await page.inputValue('#filter-rule')).toBe('missing-cell');
      expect(await page.inputValue('#filter-search')).toBe('');
      expect((await visibleFindings(page)).map((f) => f.row)).toEqual([
        '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo',
      ]);
      await page.click(
        'svg[aria-label="Reading notices per document"] ' +
          'g.chart-link[data-filter-value="data/samples/enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt"]',
      );
      expect(await page.textContent('#shown-count')).toBe('5 of 48 entries shown (5 findings)');
      // the finding's file links to its document in the summary and to the source file beside the report
      const entry = 'tbody.finding[data-rule="missing-cell"]';
      expect(await page.getAttribute(`${entry} a.doc-link`, 'href')).toBe('#doc-5'); // the hostile document's path, ../../tmp/…, sorts first
      expect(await page.textContent('#doc-5 td.file')).toBe(HENGELO_FILE);
      expect(await page.getAttribute(`${entry} a.source-link`, 'href')).toBe(`../${HENGELO_FILE}`);
      const hostileSource = await page.$$eval('a.source-link', (as) =>
        as.map((a) => a.getAttribute('href')!).find((h) => h.includes('evil')),
      );
      expect(hostileSource).toMatch(/\/evil%20%3Cimg%20src%3Dx%20onerror%3Dwindow\.__xss%3D4%3E\.txt$/);
      // reset clears the filters and the search; the order stays
      await page.click('#filter-reset');
      expect(new URL(page.url()).hash).toBe('#sort=difference:ascending');
    },
  );

  it('runs nothing a document put in it, and makes no network request', async (ctx) => {
    if (!executable) ctx.skip(SKIP_REASON);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    const label = await page.$$eval(
      'tbody.finding',
      (tbs, file) =>
        (tbs as HTMLElement[])
          .find((tb) => tb.dataset.rule === 'verschil' && tb.dataset.document?.endsWith(file))
          ?.querySelector('td.place')?.textContent,
      HOSTILE_FILE,
    );
    expect(label).toContain('6.72D Jeugdhulp <img src=x onerror="window.__xss=2"> overig / Baten');
    expect(label).toContain('6 Sociaal domein <script>window.__xss = 1</script>');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('prints without the filter controls', async (ctx) => {
    if (!executable) ctx.skip(SKIP_REASON);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#filters')).toBe(false);
    expect(await page.isVisible('#findings')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('#filters')).toBe(true);
  });
});
