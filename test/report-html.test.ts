import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { HENGELO_2023, processSample } from './helpers.js';
import {
  HOSTILE_FILE,
  HOSTILE_GEMEENTE,
  HOSTILE_LABEL,
  HOSTILE_TITLE,
  ingestedDatabase,
  klopt,
  writeHostileDocument,
} from './report-fixtures.js';
import { clipLine } from '../src/reconcile/evidence.js';

const HENGELO_FILE = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';

function renderHtml(db: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'klopt-html-')), 'report.html');
  const r = klopt('report', '--db', db, '--format', 'html', '--out', out);
  return { r, html: readFileSync(out, 'utf8') };
}

describe('klopt report --format html on the samples', () => {
  let html: string;
  let stderr: string;
  let status: number | null;
  beforeAll(() => {
    const { r, html: h } = renderHtml(ingestedDatabase());
    html = h;
    stderr = r.stderr;
    status = r.status;
  });

  it('writes one self-contained file: no external script, style, image, font or link', () => {
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /^klopt: 5 document\(s\), 6 error\(s\), 25 warning\(s\), 23 info; 1 adds up, 3 does not add up, 1 not fully read; amounts read 927 of 927 \(100 %\); triage: 54 new\n$/,
    );
    const $ = load(html);
    expect($('script[src], link, img, iframe, object, embed').length).toBe(0);
    expect(html).not.toMatch(/@import|url\(/);
    // the only absolute URL is the SVG namespace name, which is never fetched
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
    expect($('style').text()).toContain('@media print');
  });

  it('summarises every document with its counts and verdict', () => {
    const $ = load(html);
    const rows = $('table.summary tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .slice(0, 12)
          .map((td) => $(td).text()),
      );
    expect(rows.map((r) => [r[0].replace('data/samples/', ''), r[5], r[6], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      // Columns: tables, facts, amounts read (reading coverage), errors, warnings, info, verdict.
      // Enschede 2018: the programme table, the doelenboom and the statutory list add up, but three
      // sections are charts the text dump does not hold (unread-table), so it is not fully read;
      // one line's mojibake (cliƫnten) is normalised (text-normalised); its doelenboom's amounts take part in no
      // sum klopt can evaluate (unchecked-table), as in Enschede 2023.
      [
        'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt',
        '3',
        '53',
        '52 of 52 (100 %)',
        '0',
        '0',
        '5',
        'not fully read',
      ],
      // Enschede 2023: the doelen's "totale lasten" (476.589) match no column of the Lasten row; 7 action counts
      // disagree.
      [
        'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt',
        '3',
        '41',
        '41 of 41 (100 %)',
        '1',
        '7',
        '2',
        'does not add up',
      ],
      // Hengelo 2019: one indicator printed twice with different figures (error); the uitstroom
      // shares that do not match their counts in 5 columns (share-of-total); 6 rows read by the
      // documented magnitude heuristic and 4 label boundaries settled by cell padding (warnings).
      [
        'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
        '3',
        '189',
        '181 of 181 (100 %)',
        '1',
        '15',
        '2',
        'does not add up',
      ],
      [
        'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
        '9',
        '397',
        '256 of 256 (100 %)',
        '4',
        '3',
        '8',
        'does not add up',
      ],
      // The transformatieplan: its client-count and BUIG tables state no sum (two unchecked-table notices).
      ['hengelo-transformatieplan-sociaal-domein-2022.md', '32', '453', '397 of 397 (100 %)', '0', '0', '6', 'adds up'],
    ]);
    expect(rows[3].slice(1, 5)).toEqual(['Hengelo', 'jaarstukken', '2023', '6 Sociaal domein']);
  });

  it(
    'lists the four Hengelo 2023 errors with place, amounts, tolerance and the printed value marked in its ' +
      'source line',
    () => {
      const $ = load(html);
      const errors = $('tbody.finding[data-severity="error"]')
        .toArray()
        .filter((tb) => $(tb).attr('data-document') === HENGELO_FILE)
        .map((tb) => {
          const t = $(tb);
          const cells = t
            .find('tr.head td')
            .toArray()
            .map((td) => $(td).text());
          return {
            rule: t.attr('data-rule'),
            document: t.attr('data-document'),
            place: t.find('td.place').text(),
            amounts: cells.slice(3),
            marked: t.find('.src.focus').text(),
            mark: t.find('mark').text(),
            lines: t
              .find('.src .ln')
              .toArray()
              .map((e) => $(e).text())
              .filter((l) => /\d/.test(l)),
          };
        });
      expect(errors.map((e) => [e.rule, e.document, e.amounts])).toEqual([
        ['verschil', HENGELO_FILE, ['-7', '7', '14', '±1,5']],
        ['saldo-verschil', HENGELO_FILE, ['-16', '16', '32', '±1']],
        ['saldo-verschil', HENGELO_FILE, ['31', '-31', '-62', '±1']],
        ['missing-cell', HENGELO_FILE, ['44', '', '', '']],
      ]);
      expect(errors[0].place).toContain('line 1000');
      expect(errors[0].place).toContain('row 6.72D Jeugdhulp zonder verblijf overig / Baten');
      expect(errors[0].place).toContain('column Verschil');
      expect(errors[0].place).toContain('table 6 Sociaal domein');
      // the excerpt runs from the row's label "Baten" (line 992) past the offending cell (line 1000)
      // to the next row's label (blank lines between the cells are not shown)
      expect(errors[0].lines).toEqual(['992', '994', '996', '998', '1000', '1002']);
      expect(errors.map((e) => [e.marked, e.mark])).toEqual([
        ['10007', '7'],
        ['105016', '16'],
        ['1080-31', '-31'],
        ['11326.74A Jeugdhulp behandeling GGZ zonder verblijf', '6.74A Jeugdhulp behandeling GGZ zonder verblijf'],
      ]);
      // the cells the rule compared are shown and marked as such
      expect(
        $('tbody.finding[data-rule="verschil"] .src.compared .ln')
          .toArray()
          .map((e) => $(e).text()),
      ).toEqual(['996', '998']);
    },
  );

  it(
    'has filters for every severity, rule and document present, and charts of checks and of reading notices ' +
      'per document and rule',
    () => {
      const $ = load(html);
      const values = (id: string) =>
        $(`#${id} option`)
          .toArray()
          .map((o) => $(o).attr('value'));
      expect(values('filter-severity')).toEqual(['', 'error', 'warning', 'info']);
      expect(values('filter-rule')).toEqual([
        '',
        'column-footing',
        'doelenboom-counts',
        'doelenboom-totals',
        'explanation-sum',
        'footnote-marker',
        'heuristic-split',
        'indicator-conflict',
        'label-boundary',
        'missing-cell',
        'number-format',
        'saldo-verschil',
        'scale-inferred',
        'share-of-total',
        'short-row',
        'taakveld-catalogue',
        'text-normalised',
        'unchecked-table',
        'unread-table',
        'verschil',
      ]);
      expect(values('filter-document')).toHaveLength(6); // "all" and the five samples
      // errors come from checks only: three documents, five rules; reading notices are charted apart
      expect($('svg[aria-label="Checks per document"] rect.bar-error').length).toBe(3);
      expect($('svg[aria-label="Checks per rule"] rect.bar-error').length).toBe(5);
      expect($('svg[aria-label="Reading notices per document"] rect.bar-error').length).toBe(0);
      const ruleLabels = (chart: string) =>
        $(`svg[aria-label="${chart}"] text title`)
          .toArray()
          .map((t) => $(t).text());
      expect(ruleLabels('Reading notices per rule').sort()).toEqual([
        'footnote-marker',
        'heuristic-split',
        'label-boundary',
        'number-format',
        'scale-inferred',
        'short-row',
        'text-normalised',
        'unchecked-table',
        'unread-table',
      ]);
      // documents by their whole file name, not cut
      expect(ruleLabels('Checks per document')).toContain('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt');
      expect($('.chart-legend').text()).toContain('Reading notices: what klopt could not read');
    },
  );
});

describe('escaping', () => {
  it('renders HTML in labels, file names and manifest metadata as text, through ingest and report', () => {
    const { r, html } = renderHtml(ingestedDatabase({ hostile: true }));
    expect(r.status).toBe(0);
    const $ = load(html);
    // our own script only; no element the document tried to inject
    expect($('script').length).toBe(1);
    expect($('script').text()).not.toContain('__xss');
    expect($('img').length).toBe(0);
    expect($('[onerror]').length).toBe(0);
    const hostile = $('tbody.finding[data-rule="verschil"]').filter((_, tb) =>
      ($(tb).attr('data-document') ?? '').endsWith(HOSTILE_FILE),
    );
    expect(hostile.length).toBe(1);
    expect(hostile.find('td.place').text()).toContain(`row ${HOSTILE_LABEL} / Baten`);
    expect(hostile.find('td.place').text()).toContain(`table ${HOSTILE_TITLE}`);
    expect($('table.summary td').filter((_, td) => $(td).text() === HOSTILE_GEMEENTE).length).toBe(1);
    expect(html).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(html).toContain('6.72D Jeugdhulp &lt;img src=x onerror=&quot;window.__xss=2&quot;&gt; overig');
  });
});

describe('evidence excerpts', () => {
  it('are stored at ingest, so the report shows them after the source file is gone', () => {
    const { dir, file } = writeHostileDocument();
    const db = join(dir, 'klopt.sqlite');
    expect(klopt('ingest', file, '--db', db).status).toBe(0);
    renameSync(dir, `${dir}-moved`);
    const moved = join(`${dir}-moved`, 'klopt.sqlite');
    const { html } = renderHtml(moved);
    const $ = load(html);
    const excerpt = $('tbody.finding[data-rule="verschil"] .evidence .src')
      .toArray()
      .map((e) => $(e).text());
    expect(excerpt).toEqual(['11Baten', '13-', '1578', '1771', '197', '21Lasten']);
    expect(dirname(moved)).not.toBe(dir);
  });

  it('are carried by processFile findings, cut from the source text around the finding', () => {
    const verschil = processSample(HENGELO_2023).findings.find((f) => f.rule === 'verschil');
    expect(verschil?.evidence?.filter((l) => l.text !== '')).toEqual([
      { line: 992, text: 'Baten' },
      { line: 994, text: '-' },
      { line: 996, text: '78' },
      { line: 998, text: '71' },
      { line: 1000, text: '7' },
      { line: 1002, text: 'Lasten' },
    ]);
    expect(verschil?.evidence?.map((l) => l.line)).toEqual([992, 993, 994, 995, 996, 997, 998, 999, 1000, 1001, 1002]);
  });

  it('cut a long line to a window around the offending value', () => {
    const line = `6.3 Inkomensregelingen${'-51.913 43.374 '.repeat(40)}12.345${' 1'.repeat(200)}`;
    const clipped = clipLine(line, '12.345');
    expect(clipped.length).toBeLessThanOrEqual(302);
    expect(clipped).toContain('12.345');
    expect(clipped.startsWith('…') && clipped.endsWith('…')).toBe(true);
    expect(clipLine('Baten', '7')).toBe('Baten');
  });
});
