/**
 * Issue 15: the triage round trip in a real browser. The HTML report is a static file: the
 * auditor marks a finding in the page and exports a triage file, the CLI imports it, and the
 * decision survives re-ingesting the unchanged document; when a cell changes the finding is
 * flagged for review. On a copy of the real Hengelo 2023 sample (6.72D Baten verschil printed 7).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_SKIP_REASON,
  chromiumExecutable,
  ingestedHengeloCopy,
  klopt,
  TEST_OUTPUT,
} from './report-fixtures.js';

if (!chromiumExecutable)
  console.warn(`\n*** SKIPPING the triage round trip in a browser: ${CHROMIUM_SKIP_REASON} ***\n`);

const VERSCHIL = 'tbody.finding[data-rule="verschil"]';
const COMMENT = 'Verschil printed with the sign of the 2e berap; agreed with the controller';

describe('triage round trip through the HTML report in headless chromium', () => {
  let browser: Browser | undefined;
  let page: Page;
  let copy: ReturnType<typeof ingestedHengeloCopy>;
  const pageErrors: string[] = [];

  /** The report of the copy's database, written and opened in the page. */
  async function openReport(name: string) {
    const out = join(copy.dir, name);
    expect(klopt('report', '--db', copy.db, '--format', 'html', '--out', out).status).toBe(0);
    await page.goto(pathToFileURL(out).href);
  }
  const stateOf = (selector: string) => page.getAttribute(selector, 'data-triage');

  beforeAll(async () => {
    if (!chromiumExecutable) return;
    copy = ingestedHengeloCopy();
    browser = await chromium.launch({ executablePath: chromiumExecutable });
    const context = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      offline: true,
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('mark in the page, export, import, re-ingest: still marked; change the cell: flagged for review', async (ctx) => {
    if (!chromiumExecutable) ctx.skip(CHROMIUM_SKIP_REASON);
    await openReport('report.html');
    expect(await page.textContent('#triage-counts')).toBe('Triage: 15 new.');
    expect(await stateOf(VERSCHIL)).toBe('new');

    // a status without a comment is not exported
    await page.selectOption(`${VERSCHIL} select.triage-status`, 'explained');
    await page.click('#triage-export');
    expect(await page.textContent('#triage-message')).toBe(
      '1 marked finding(s) have no comment: say why before exporting.',
    );
    expect(await page.getAttribute(`${VERSCHIL} input.triage-comment`, 'class')).toContain('invalid');

    await page.fill(`${VERSCHIL} input.triage-comment`, COMMENT);
    await page.fill('#triage-by', 'A. Auditor');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#triage-export')]);
    expect(download.suggestedFilename()).toBe('klopt-triage.json');
    const file = join(copy.dir, 'klopt-triage.json');
    await download.saveAs(file);
    expect(await page.textContent('#triage-message')).toBe('1 triaged finding(s) exported to klopt-triage.json.');
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.entries).toHaveLength(1);
    expect(exported.entries[0]).toMatchObject({
      rule: 'verschil',
      row: '6.72D Jeugdhulp zonder verblijf overig / Baten',
      column: 'Verschil',
      expected: -7,
      found: 7,
      status: 'explained',
      comment: COMMENT,
      by: 'A. Auditor',
    });
    await page.screenshot({
      path: join(TEST_OUTPUT, 'report-triage.png'),
      clip: (await page.locator(VERSCHIL).boundingBox())!,
    });

    // the CLI reads the file back; the document is read again unchanged
    const imported = klopt('triage', 'import', file, '--db', copy.db);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('imported 1 triage decision(s)');
    writeFileSync(copy.file, readFileSync(copy.file));
    expect(klopt('ingest', copy.file, '--db', copy.db).status).toBe(0);
    await openReport('report-2.html');
    expect(await stateOf(VERSCHIL)).toBe('explained');
    expect(await page.inputValue(`${VERSCHIL} select.triage-status`)).toBe('explained');
    expect(await page.inputValue(`${VERSCHIL} input.triage-comment`)).toBe(COMMENT);
    expect(await page.textContent(`${VERSCHIL} .triage-note`)).toContain(
      `Marked explained: “${COMMENT}” (A. Auditor, `,
    );
    expect(await page.textContent('#triage-counts')).toBe('Triage: 14 new, 1 explained.');
    await page.selectOption('#filter-triage', 'explained');
    expect(await page.textContent('#shown-count')).toBe('1 of 14 entries shown (1 findings)');

    // the cell changes (7 → 8): a new fingerprint, the earlier decision shown for review
    writeFileSync(copy.file, readFileSync(copy.file, 'utf8').replace(/\n78\n\n71\n\n7\n/, '\n78\n\n71\n\n8\n'));
    expect(klopt('ingest', copy.file, '--db', copy.db).status).toBe(0);
    await openReport('report-3.html');
    expect(await stateOf(VERSCHIL)).toBe('review');
    expect(await page.inputValue(`${VERSCHIL} select.triage-status`)).toBe('');
    expect(await page.textContent(`${VERSCHIL} .triage-note.review`)).toContain(
      `this finding was marked explained (“${COMMENT}”, A. Auditor,`,
    );
    expect(await page.textContent('#triage-counts')).toBe('Triage: 14 new, 1 review.');
    const listed = JSON.parse(
      klopt('triage', 'list', '--db', copy.db, '--format', 'json', '--status', 'review').stdout,
    );
    expect(listed.map((r: { rule: string; found: number }) => [r.rule, r.found])).toEqual([['verschil', 8]]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
