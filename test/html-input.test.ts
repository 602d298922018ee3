import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline/index.js';
import { bigPage, FIXTURES, PAGES } from '../scripts/html-fixtures.js';

/** Saved pages that are broken, hostile or simply large: a clear result or error, never a crash or hang. */
const BIN = join(import.meta.dirname, '..', 'bin', 'klopt.js');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..'),
    timeout: 120_000,
  });

function processHtml(html: string, name = 'pagina.html') {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-html-'));
  const file = join(dir, name);
  writeFileSync(file, html);
  return processFile(file);
}

const COST = '<tr><th>Post<th>Begroting 2023<th>Rekening 2023<th>Verschil';

describe('malformed HTML', () => {
  it('reads a table whose tags are never closed, as a browser would', () => {
    const r = processHtml(
      `<h2>Wat heeft het gekost? (bedragen x ` +
        `1.000)<table>${COST}<tr><td>Subsidies<td>1.234<td>1.300<td>66<tr><td>Leges<td>500<td>600<td>100<tr><td>Totaal<td>1.734<td>1.900<td>166`,
    );
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ kind: 'financial', scale: 1000 });
    expect(r.financial.filter((f) => f.rowLabel === 'Totaal').map((f) => [f.value, f.isTotal])).toEqual([
      [1734, true],
      [1900, true],
      [166, true],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('does not invent a table from stray <td> cells outside any table', () => {
    const r = processHtml('<p>Inleiding</p><td>1.234</td><td>5.678</td></tr><p>Slot</p>');
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['no-tables', 'info']]);
    expect(r.findings[0].message).toMatch(/No tables in the page/);
  });

  it('ignores scripts, styles and templates, even when they hold table markup', () => {
    const r = processHtml(
      '<script>document.write("<table><tr><td>Baten<td>1</table>")</script><style>td{}</style><template><table><tr><td>x<td>1.000</table></template><p>Alleen ' +
        'tekst.</p>',
    );
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['no-tables']);
  });

  it('refuses a 50,000-row table with a notice naming its size, and still reads the rest of the page', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<tr><td>r${i}<td>${i}`).join('\n');
    const r = processHtml(`<table>${COST}<tr><td>Baten<td>10<td>12<td>2</table><table>${COST}${rows}</table>`);
    expect(r.tables).toHaveLength(1);
    const notice = r.findings.find((f) => f.rule === 'unread-table')!;
    expect(notice).toMatchObject({ severity: 'warning', line: 1 });
    expect(notice.message).toMatch(/table has 50,001 rows, over the limit of 5,000/);
    expect(notice.message).toMatch(/^Table at line 1 \(html > body > table:nth-of-type\(2\)\) not read/);
    expect(r.financial.map((f) => f.value)).toEqual([10, 12, 2]);
  }, 120_000);

  it('refuses a page nested a hundred thousand elements deep with an error, and reads one nested 1,000 deep', () => {
    const nest = (n: number) =>
      '<div>'.repeat(n) + `<table>${COST}<tr><td>Baten<td>10<td>12<td>2</table>` + '</div>'.repeat(n);
    const deep = processHtml(nest(100_000));
    expect(deep.tables).toEqual([]);
    expect(deep.findings.map((f) => [f.rule, f.severity])).toEqual([['unreadable-page', 'error']]);
    expect(deep.findings[0].message).toMatch(/nest more than 3,000 deep/);
    expect(processHtml(nest(1_000)).financial.map((f) => f.value)).toEqual([10, 12, 2]);
  }, 120_000);

  it('reads absurd spans without blowing up the grid', () => {
    const r = processHtml(
      `<table><tr><th>Post<th colspan="99999999">Begroting 2023<tr><td rowspan="-3">Baten<td>1<td ` +
        `colspan="0">2</table>`,
    );
    expect(r.tables).toHaveLength(1);
    expect(r.financial.map((f) => f.value).slice(0, 2)).toEqual([1, 2]);
  });

  it('reports a binary file as unreadable, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-html-'));
    writeFileSync(join(dir, 'kapot.html'), Buffer.from([0x3c, 0x70, 0x3e, 0, 1, 2]));
    expect(() => processFile(join(dir, 'kapot.html'))).toThrow(/kapot\.html: binary content/);
  });
});

describe('a 2 MB page', () => {
  it('reads every copy of the Hengelo 2023 programme with its four errors', () => {
    const { html, copies } = bigPage();
    expect(html.length).toBeGreaterThan(1.9 * 1024 * 1024);
    const r = processHtml(html, 'groot.html');
    expect(r.tables.filter((t) => t.kind === 'financial')).toHaveLength(copies);
    expect(r.tables.filter((t) => t.kind === 'indicator')).toHaveLength(8 * copies);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(4 * copies);
    expect(new Set(errors.map((f) => `${f.rule} ${f.row} ${f.expected} ${f.found}`)).size).toBe(4);
  }, 120_000);
});

describe('klopt on a directory of saved pages', () => {
  it('check reads .html and .htm pages by their manifest and exits 1 on the errors found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-pages-'));
    copyFileSync(join(FIXTURES, PAGES[0].page), join(dir, 'jaarstukken-2023.htm'));
    copyFileSync(join(FIXTURES, PAGES[3].page), join(dir, PAGES[3].page));
    writeFileSync(join(dir, 'leeg.html'), '<html><body><p>Geen tabellen.</p></body></html>');
    writeFileSync(
      join(dir, 'manifest.csv'),
      `file,gemeente,document_type,jaar,programma,source_format\njaarstukken-2023.htm,Hengelo,jaarstukken,2023,6 ` +
        `Sociaal domein,html\n`,
    );
    const r = klopt('check', dir, '--format', 'json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(
      out.documents
        .map((d: { file: string; sourceFormat: string }) => [d.file.split('/').at(-1), d.sourceFormat])
        .sort(),
    ).toEqual([
      [PAGES[3].page, 'html'],
      ['jaarstukken-2023.htm', 'html'],
      ['leeg.html', 'html'],
    ]);
    expect(out.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(4);
    expect(
      out.findings.filter((f: { rule: string }) => f.rule === 'no-tables').map((f: { file: string }) => f.file),
    ).toEqual([expect.stringContaining('leeg.html')]);
  }, 120_000);

  it('ingest stores the pages', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'klopt-db-')), 'k.sqlite');
    const r = klopt('ingest', FIXTURES, '--db', db);
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const sql = new Database(db, { readonly: true });
    const docs = sql.prepare("SELECT count(*) AS n FROM documents WHERE source_format = 'html'").get() as { n: number };
    expect(docs.n).toBe(PAGES.length);
    const errors = sql
      .prepare("SELECT rule, count(*) AS n FROM findings WHERE severity = 'error' GROUP BY rule ORDER BY rule")
      .all() as { rule: string; n: number }[];
    // The two Hengelo 2023 pages, four each; Enschede 2023's doelenboom totals; Hengelo 2019's indicator twice with two
    // values.
    expect(errors).toEqual([
      { rule: 'doelenboom-totals', n: 1 },
      { rule: 'indicator-conflict', n: 1 },
      { rule: 'missing-cell', n: 2 },
      { rule: 'saldo-verschil', n: 4 },
      { rule: 'verschil', n: 2 },
    ]);
    sql.close();
  }, 120_000);
});
