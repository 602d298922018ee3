import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { load } from 'cheerio';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_PROGRAMME, HOSTILE_FILE, ingestedDatabase, klopt } from './report-fixtures.js';
import { excelNumber } from '../src/report/export.js';

const HENGELO_FILE = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
type Row = Record<string, string>;

let db: string;
let dir: string;
beforeAll(() => {
  db = ingestedDatabase({ hostile: true });
  dir = mkdtempSync(join(tmpdir(), 'klopt-export-'));
});

function exportTo(name: string, ...args: string[]) {
  const out = join(dir, name);
  const r = klopt('export', '--db', db, '--out', out, ...args);
  return { r, text: r.status === 0 ? readFileSync(out, 'utf8') : '' };
}

const parse = (text: string, delimiter: string) =>
  Papa.parse<Row>(text.replace(/^\ufeff/, ''), { header: true, delimiter, skipEmptyLines: true }).data;

describe('klopt export', () => {
  it('writes financial facts as CSV for Dutch Excel: BOM, semicolons, decimal commas', () => {
    const { r, text } = exportTo('financial.csv', '--what', 'financial', '--excel-nl');
    expect(r.status).toBe(0);
    expect(text.startsWith('\ufeffgemeente;document_type;document_year;programme;file;table_index;table_title;')).toBe(
      true,
    );
    const rows = parse(text, ';');
    const d = new Database(db, { readonly: true });
    expect(rows.length).toBe(d.prepare('select count(*) from financial_facts').pluck().get());
    d.close();
    expect(r.stderr).toBe(
      `klopt: exported ${rows.length} financial row(s) as csv (Excel NL) to ${join(dir, 'financial.csv')}\n`,
    );
    const pleegzorg = rows.find(
      (x) =>
        x.file === HENGELO_FILE && x.taakveld === '6.73A' && x.line_item === 'lasten' && x.column_kind === 'realisatie',
    );
    expect(pleegzorg).toMatchObject({
      gemeente: 'Hengelo',
      document_year: '2023',
      row_label: 'Lasten',
      value: '2009',
      scale: '1000',
      amount_eur: '2009000',
      raw: '2.009',
      line: '1038',
    });
  });

  it('writes indicator facts with decimal commas in Excel NL CSV, and decimal points in plain CSV', () => {
    const nl = parse(exportTo('indicators-nl.csv', '--what', 'indicators', '--excel-nl').text, ';');
    const plain = parse(exportTo('indicators.csv', '--what', 'indicators').text, ',');
    const d = new Database(db, { readonly: true });
    const stored = d.prepare('select count(*) from indicator_facts').pluck().get();
    d.close();
    expect(nl.length).toBe(stored);
    expect(plain.length).toBe(stored);
    expect(nl.filter((x) => x.file === HENGELO_FILE).length).toBe(57); // the eight indicator tables of Hengelo 2023
    const mantelzorg = (rows: Row[]) =>
      rows.find((x) => x.doelstelling === '6.1.1' && x.column_header === 'Werkelijk 2022');
    expect(mantelzorg(nl)).toMatchObject({ value: '47,3', unit: '%', raw: '47,3%', column_year: '2022' });
    expect(mantelzorg(plain)).toMatchObject({ value: '47.3', raw: '47,3%' });
  });

  it('neutralises text Excel would run as a formula, but leaves negative numbers alone', () => {
    const nl = exportTo('findings-nl.csv', '--what', 'findings', '--excel-nl').text;
    const rows = parse(nl, ';');
    const hostile = rows.filter((x) => x.file.endsWith(HOSTILE_FILE));
    // scale-inferred and verschil (the real 6.72D sign error), and taakveld-catalogue: the label's name is not the
    // catalogue's
    expect(hostile.map((x) => x.rule).sort()).toEqual(['scale-inferred', 'taakveld-catalogue', 'verschil']);
    const fin = parse(exportTo('financial-nl.csv', '--what', 'financial', '--excel-nl').text, ';').filter((x) =>
      x.file.endsWith(HOSTILE_FILE),
    );
    expect(new Set(fin.map((x) => x.programme))).toEqual(new Set([`'${FORMULA_PROGRAMME}`]));
    expect(rows.find((x) => x.rule === 'verschil' && x.file === HENGELO_FILE)).toMatchObject({
      expected: '-7',
      found: '7',
      difference: '14',
      tolerance: '1,5',
    });
    // plain CSV keeps the text exactly as printed
    const plain = parse(exportTo('financial.csv', '--what', 'financial').text, ',').filter((x) =>
      x.file.endsWith(HOSTILE_FILE),
    );
    expect(plain[0].programme).toBe(FORMULA_PROGRAMME);
  });

  it('writes findings as JSON with the document each belongs to', () => {
    const { r, text } = exportTo('findings.json', '--what', 'findings', '--format', 'json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(text) as Array<Record<string, unknown>>;
    const errors = rows.filter((f) => f.severity === 'error' && f.file === HENGELO_FILE);
    expect(errors.map((f) => [f.rule, f.row, f.column, f.line, f.expected, f.found])).toEqual([
      ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 'Verschil', 1000, -7, 7],
      ['saldo-verschil', '6.73A Pleegzorg / Saldo', 'Verschil', 1050, -16, 16],
      ['saldo-verschil', '6.73B Gezinsgericht / Saldo', 'Verschil', 1080, 31, -31],
      ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil', 1132, 44, null],
    ]);
    expect(errors[0]).toMatchObject({ gemeente: 'Hengelo', document_type: 'jaarstukken', document_year: 2023 });
  });

  it('refuses bad usage with exit 2', () => {
    expect(klopt('export', '--db', db, '--what', 'findings', '--format', 'json', '--excel-nl')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--excel-nl applies to --format csv only'),
    });
    expect(klopt('export', '--db', db, '--what', 'taakvelden')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('taakvelden'),
    });
    expect(klopt('export', '--db', db)).toMatchObject({ status: 2, stderr: expect.stringContaining('--what') });
    expect(klopt('export', '--db', join(dir, 'none.sqlite'), '--what', 'findings')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('none.sqlite: no such database'),
    });
  });

  it('formats numbers the way Dutch Excel reads them', () => {
    expect([excelNumber(-1.5), excelNumber(2009000), excelNumber(1e-7), excelNumber(0.1 + 0.2)]).toEqual([
      '-1,5',
      '2009000',
      '0,0000001',
      '0,30000000000000004',
    ]);
  });
});

describe('machine output for jobs', () => {
  it('ingest --format json prints one object, a one-line summary on stderr, and exits 1 with --fail-on error', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'klopt-jobs-')), 'klopt.sqlite');
    const r = klopt('ingest', HENGELO_FILE, '--db', fresh, '--format', 'json', '--fail-on', 'error');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    // 4 errors (the real inconsistencies), 3 warnings (12.8% typo, 10,8% (31,0%), the 6.73c explanation
    // that sums to 910.000 for 889.000), 8 info (how it read the table; the 4 old taakveld codes of the split)
    const findings = { error: 4, warning: 3, info: 8 };
    expect(out).toMatchObject({ run: 1, database: fresh, exitCode: 1, status: 'finished', failedFiles: [], findings });
    expect(out.documents).toEqual([
      {
        file: HENGELO_FILE,
        id: 'e135afa367a99ea51558204d14fa2b86d07ceac62740d17ec84f8a6772294e84',
        status: 'ingested',
        tables: 9,
        financialFacts: 340,
        indicatorFacts: 57,
        findings,
      },
    ]);
    expect(r.stderr).toMatch(
      new RegExp(
        `^klopt: 1 file\\(s\\): 1 ingested, 0 unchanged, 0 duplicate, 0 failed, 0 removed; 4 error\\(s\\), 3 ` +
          `warning\\(s\\), 8 info in [\\d.]+ s \\(database .*klopt\\.sqlite, run 1\\)\\n$`,
      ),
    );
    const again = klopt('ingest', HENGELO_FILE, '--db', fresh, '--format', 'json', '--fail-on', 'warning');
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).documents[0].status).toBe('unchanged');
    expect(klopt('ingest', HENGELO_FILE, '--db', fresh, '--format', 'json').status).toBe(0); // --fail-on never is the default
  });

  it('npm start writes out/report.html beside the markdown report', () => {
    const root = join(import.meta.dirname, '..');
    const r = spawnSync('npm', ['start', '--silent'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const $ = load(readFileSync(join(root, 'out', 'report.html'), 'utf8'));
    expect($('tbody.finding[data-severity="error"]').length).toBe(6); // Hengelo 2023's four, Enschede 2023's doelenboom total, Hengelo 2019's duplicated indicator
    expect(
      $('table.summary .verdict')
        .toArray()
        .map((e) => $(e).text()),
    ).toEqual(['not fully read', 'does not add up', 'does not add up', 'does not add up', 'adds up']);
  });
});
