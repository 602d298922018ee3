import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readIv3File } from '../src/iv3/read.js';
import { HENGELO_2023 } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'klopt.js');
const klopt = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const IV3_CSV = ['2023_begroting', '2023_jaarrekening', '2024_begroting', '2025_begroting'].map((n) =>
  join(ROOT, 'data', 'iv3', `${n}-hengelo-enschede.csv`),
);
const JSON_FIXTURE = join(ROOT, 'test', 'fixtures', 'iv3', 'hengelo-2023-realisatie.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-iv3-'));

describe('IV3 reading', () => {
  it('reads the CSV export: year and kind from the file name, amounts × € 1.000, inwonertal', () => {
    const r = readIv3File(IV3_CSV[1]);
    const f = r.figures.find((x) => x.gemeente === 'Hengelo' && x.taakveld === '6.71D')!;
    expect(f).toMatchObject({
      year: 2023,
      kind: 'realisatie',
      label: '6.71d Overige maatwerkarrangementen ..',
      baten: 11000,
      lasten: 0,
      halfWidth: 500,
    });
    expect(r.population.find((p) => p.gemeente === 'Hengelo')).toEqual({
      gemeente: 'Hengelo',
      year: 2023,
      inwonertal: 82311,
    });
  });

  it('reads the JSON delivery: categories summed per taakveld', () => {
    const r = readIv3File(JSON_FIXTURE);
    expect(r.figures.find((x) => x.taakveld === '6.1')).toMatchObject({
      gemeente: 'Hengelo',
      year: 2023,
      kind: 'realisatie',
      baten: 21246000,
      lasten: 22799000,
      halfWidth: 1000,
    });
  });

  it('refuses a file that is no IV3 export, naming file and line', () => {
    const dir = tmp();
    const bad = join(dir, '2023_begroting-x.csv');
    writeFileSync(bad, 'Gemeenten;Taakveld;Baten;Lasten\nHengelo;6.1 Samenkracht;12,5;3\n');
    const r = klopt('iv3', 'import', bad, '--db', join(dir, 'k.sqlite'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: Baten "12,5" is not a number`);
    const json = join(dir, 'delivery.json');
    writeFileSync(json, '{"metadata": {}}');
    expect(klopt('iv3', 'import', json, '--db', join(dir, 'k.sqlite')).stderr).toMatch(
      /delivery\.json: not an IV3 delivery/,
    );
  });
});

describe('klopt iv3 import / check and the per-inwoner view', { timeout: 60_000 }, () => {
  it('imports CSV and JSON into the database and fills v_taakveld_per_inwoner', () => {
    const db = join(tmp(), 'k.sqlite');
    const r = klopt('iv3', 'import', ...IV3_CSV, '--db', db);
    expect(r.status).toBe(0);
    expect(klopt('ingest', HENGELO_2023, '--db', db).status).toBe(0);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) FROM iv3_figures').pluck().get()).toBe(846);
    const row = d
      .prepare(
        `SELECT amount_eur, inwonertal, eur_per_inwoner FROM v_taakveld_per_inwoner WHERE gemeente = ` +
          `'Hengelo' AND taakveld = '6.1' AND line_item = 'lasten' AND column_kind = 'realisatie'`,
      )
      .get() as Record<string, number>;
    expect(row).toEqual({ amount_eur: 22699000, inwonertal: 82311, eur_per_inwoner: 22699000 / 82311 });
    // the stored-database check compared the document with the imported IV3: the primitief differences, nothing in
    // realisatie
    const found = d
      .prepare(`SELECT row_label, column_header, expected, found FROM findings WHERE rule = 'iv3-taakveld'`)
      .all() as Record<string, unknown>[];
    expect(found).toHaveLength(9);
    expect(found).toContainEqual({
      row_label: '6.1 Samenkracht en burgerparticipatie / Lasten',
      column_header: 'Begroting 2023 primitief',
      expected: 12782,
      found: 14015,
    });
    expect(found.filter((f) => f.column_header === 'Rekening 2023')).toEqual([]);
    d.close();
    // ingesting again replaces the corpus findings, it does not add to them
    klopt('ingest', HENGELO_2023, '--db', db);
    const again = new Database(db, { readonly: true });
    expect(again.prepare(`SELECT count(*) FROM findings WHERE rule = 'iv3-taakveld'`).pluck().get()).toBe(9);
    again.close();
    expect(klopt('iv3', 'import', JSON_FIXTURE, '--db', db).status).toBe(0);
  });

  it('iv3 check runs PF006: Hengelo and Enschede balance, the national totals of the export do not', () => {
    const db = join(tmp(), 'k.sqlite');
    klopt('iv3', 'import', ...IV3_CSV, '--db', db);
    const r = klopt('iv3', 'check', '--db', db, '--format', 'json');
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).findings;
    expect(found.map((f: { row: string; difference: number }) => [f.row, f.difference])).toEqual([
      ['Nederland begroting 2023', -14373],
      ['Nederland realisatie 2023', -254],
      ['Nederland begroting 2025', -196],
    ]);
  });

  it('check --iv3 compares by code, families across the 2023 split, and reports both figures', () => {
    const r = klopt('check', HENGELO_2023, '--iv3', IV3_CSV[0], IV3_CSV[1], '--format', 'json', '--fail-on', 'never');
    const found = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'iv3-taakveld');
    expect(found).toHaveLength(9);
    const jeugd = found.find((f: { row: string }) => f.row === '6.72 Maatwerkdienstverlening 18- / Lasten');
    expect([jeugd.expected, jeugd.found]).toEqual([29667, 29152]);
    expect(jeugd.message).toContain('compared as a sum');
    // the JSON fixture raised 6.1 lasten by 100: a realisatie difference
    const j = JSON.parse(
      klopt('check', HENGELO_2023, '--iv3', JSON_FIXTURE, '--format', 'json', '--fail-on', 'never').stdout,
    ).findings.filter((f: { rule: string }) => f.rule === 'iv3-taakveld');
    expect(
      j.map((f: { row: string; column: string; expected: number; found: number }) => [
        f.row,
        f.column,
        f.expected,
        f.found,
      ]),
    ).toEqual([['6.1 Samenkracht en burgerparticipatie / Lasten', 'Rekening 2023', 22799, 22699]]);
  });
});
