/**
 * Issue 15, item 5: every stored fact says what it measures (table_kind: money, count, ratio,
 * percentage); amount_eur holds money only, counts and ratios are in quantity; a database of
 * schema version 8 upgrades to it in one transaction, classifying what it holds as a new
 * ingest would.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, openStore } from '../src/store/index.js';
import { ingestedDatabase, klopt } from './report-fixtures.js';

type Row = Record<string, string>;
const PLAN = 'data/samples/hengelo-transformatieplan-sociaal-domein-2022.md';
const HENGELO_2023 = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-kind-'));

/** A copy of `db` as schema version 8 wrote it: the same rows, without table_kind, amount_eur stored for every fact. */
function asVersion8(db: string): string {
  const old = join(tmp(), 'v8.sqlite');
  const raw = new Database(old);
  for (const sql of MIGRATIONS.slice(0, 8)) raw.exec(sql);
  raw.pragma('user_version = 8');
  raw.prepare('ATTACH DATABASE ? AS src').run(db);
  const tables = raw
    .prepare<[], string>("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();
  raw.transaction(() => {
    for (const t of tables) {
      // table_info leaves generated columns out: amount_eur is computed again by version 8's own definition
      const cols = raw
        .prepare<[], { name: string }>(`PRAGMA main.table_info(${t})`)
        .all()
        .map((c) => c.name)
        .join(', ');
      raw.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM src.${t}`);
    }
  })();
  raw.exec('DETACH DATABASE src');
  raw.close();
  return old;
}

describe('table_kind on every fact', () => {
  let db: string;
  beforeAll(() => {
    db = ingestedDatabase();
  });

  it(
    "the samples: money in the cost tables, the transformatieplan's client counts and their average per client " +
      'apart, every indicator classified',
    () => {
      const d = new Database(db, { readonly: true });
      const kinds = d
        .prepare(`SELECT table_kind, count(*) AS n FROM financial_facts GROUP BY table_kind ORDER BY table_kind`)
        .all();
      // 9 cells of "Ontwikkelingen in aantallen unieke cliënten en indicaties jeugd" (6 counts, 3 averages)
      // and 32 of "Gemiddelde aantallen" (bijstand, IOAW, IOAZ benefits and their total)
      expect(kinds).toEqual([
        { table_kind: 'count', n: 38 },
        { table_kind: 'money', n: 895 },
        { table_kind: 'ratio', n: 3 },
      ]);
      const cell = (row: string, column: string) =>
        d
          .prepare(
            `SELECT f.table_kind, f.value, f.amount_eur, f.quantity FROM financial_facts f JOIN documents doc ON doc.id = f.document_id
                 WHERE doc.file = ? AND f.row_label = ? AND f.column_header = ?`,
          )
          .get(PLAN, row, column);
      expect(cell('2019', 'Totaal aantal unieke cliënten')).toEqual({
        table_kind: 'count',
        value: 1941,
        amount_eur: null,
        quantity: 1941,
      });
      expect(cell('2020', 'Gemiddeld aantal indicaties per cliënt')).toEqual({
        table_kind: 'ratio',
        value: 2.7,
        amount_eur: null,
        quantity: 2.7,
      });
      expect(cell('Algemene bijstand', '2021 realisatie')).toEqual({
        table_kind: 'count',
        value: 2069,
        amount_eur: null,
        quantity: 2069,
      });
      expect(cell('PGB Jeugd', 'Jaarrekening 2021')).toEqual({
        table_kind: 'money',
        value: 110,
        amount_eur: 110_000,
        quantity: null,
      });
      expect(d.prepare('SELECT count(*) FROM financial_facts WHERE table_kind IS NULL').pluck().get()).toBe(0);
      expect(d.prepare('SELECT count(*) FROM indicator_facts WHERE table_kind IS NULL').pluck().get()).toBe(0);
      const indicator = (name: string) =>
        d.prepare('SELECT DISTINCT table_kind FROM indicator_facts WHERE name = ?').pluck().all(name);
      expect(indicator('Percentage Hengelose volwassenen (18+) dat aangeeft mantelzorg te verlenen (%)')).toEqual([
        'percentage',
      ]);
      expect(indicator('aantal afgeronde schuldhulpverleningstrajecten')).toEqual(['count']);
      expect(
        indicator(
          'Personen met een bijstandsuitkering (per 10.000 inwoners voor de jaren 2017 en 2018; per 1.000 ' +
            'inwoners voor het jaar 2019)',
        ),
      ).toEqual(['ratio']);
      // Hengelo 2019 prints a count with its share in one cell, "410 (52,5%)": the figure stored is the count
      const uitstroom = d
        .prepare(
          `SELECT raw, value, table_kind FROM indicator_facts WHERE name = 'Uitstroom overig (aantal en %)' ` +
            `AND column_header = 'Begroting 2018'`,
        )
        .all();
      expect(uitstroom).toEqual([{ raw: '410 (52,5%)', value: 410, table_kind: 'count' }]);
      d.close();
    },
  );

  it('the financial export writes money in amount_eur only, counts and ratios in quantity', () => {
    const out = join(tmp(), 'financial.csv');
    expect(klopt('export', '--db', db, '--what', 'financial', '--excel-nl', '--out', out).status).toBe(0);
    const rows = Papa.parse<Row>(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    const header = Object.keys(rows[0]);
    expect(header.slice(header.indexOf('column_year'), header.indexOf('line'))).toEqual([
      'column_year',
      'table_kind',
      'value',
      'status',
      'decimals',
      'scale',
      'amount_eur',
      'quantity',
    ]);
    const ratio = rows.find(
      (r) => r.file === PLAN && r.row_label === '2020' && r.column_header === 'Gemiddeld aantal indicaties per cliënt',
    );
    expect(ratio).toMatchObject({ table_kind: 'ratio', value: '2,7', amount_eur: '', quantity: '2,7' });
    const pleegzorg = rows.find(
      (r) =>
        r.file === HENGELO_2023 && r.taakveld === '6.73A' && r.line_item === 'lasten' && r.column_kind === 'realisatie',
    );
    expect(pleegzorg).toMatchObject({ table_kind: 'money', amount_eur: '2009000', quantity: '' });
    expect(rows.filter((r) => r.table_kind !== 'money' && r.amount_eur !== '')).toEqual([]);
    expect(rows.filter((r) => r.table_kind === 'money' && r.status === 'printed' && r.amount_eur === '')).toEqual([]);
    const indicators = join(tmp(), 'indicators.json');
    expect(klopt('export', '--db', db, '--what', 'indicators', '--format', 'json', '--out', indicators).status).toBe(0);
    const mantelzorg = (JSON.parse(readFileSync(indicators, 'utf8')) as Record<string, unknown>[]).find(
      (r) => r.doelstelling === '6.1.1' && r.column_header === 'Werkelijk 2022',
    );
    expect(mantelzorg).toMatchObject({ table_kind: 'percentage', value: 47.3, raw: '47,3%' });
  });

  it(
    'a database of schema version 8 upgrades: every fact classified and every finding fingerprinted as a new ' +
      'ingest does it, counts out of amount_eur and v_taakveld_year',
    () => {
      const old = asVersion8(db);
      const before = new Database(old, { readonly: true });
      // version 8 stored the 38 client and benefit counts and the 3 averages as euros
      expect(
        before
          .prepare(`SELECT count(*) FROM financial_facts WHERE row_label = 'Algemene bijstand' AND amount_eur = value`)
          .pluck()
          .get(),
      ).toBe(8);
      before.close();
      const store = openStore(old);
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      store.close();
      const a = new Database(db, { readonly: true });
      const b = new Database(old, { readonly: true });
      const q = (d: Database.Database, sql: string) => d.prepare(sql).all();
      for (const sql of [
        'SELECT id, table_kind, amount_eur, quantity FROM financial_facts ORDER BY id',
        'SELECT id, table_kind FROM indicator_facts ORDER BY id',
        'SELECT * FROM v_taakveld_year ORDER BY 1, 2, 3, 4, 5, 6, 7, 8',
        // migration 10: the findings' fingerprints, as triage keys them
        'SELECT id, fingerprint FROM findings ORDER BY id',
      ]) {
        expect(q(b, sql)).toEqual(q(a, sql));
      }
      expect(
        b
          .prepare(
            `SELECT count(*) FROM financial_facts WHERE row_label = 'Algemene bijstand' AND amount_eur IS NOT NULL`,
          )
          .pluck()
          .get(),
      ).toBe(0);
      a.close();
      b.close();
    },
  );

  it('the upgrade is one transaction: a failure while classifying leaves the version 8 database as it was', () => {
    const old = asVersion8(db);
    const raw = new Database(old);
    // a fault planted in the backfill: the 100th fact cannot be updated
    raw.exec(
      `CREATE TRIGGER inject BEFORE UPDATE ON financial_facts WHEN old.id = 100 BEGIN SELECT RAISE(ABORT, ` +
        `'planted fault'); END;`,
    );
    raw.close();
    const bytes = readFileSync(old);
    expect(() => openStore(old)).toThrow(/planted fault/);
    const after = new Database(old, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(8);
    expect(
      after
        .prepare(`SELECT count(*) FROM pragma_table_xinfo('financial_facts') WHERE name IN ('table_kind', 'quantity')`)
        .pluck()
        .get(),
    ).toBe(0);
    expect(after.prepare(`SELECT count(*) FROM financial_facts WHERE amount_eur IS value * scale`).pluck().get()).toBe(
      936,
    );
    after.close();
    expect(readFileSync(old).length).toBe(bytes.length);
  });
});
