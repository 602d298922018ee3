/**
 * Data safety (issue 9, part 5): an ingest that fails part-way through writing a document leaves
 * the database as it was before that document; an older schema is migrated forward; a newer one
 * is refused without being touched. Through the CLI, on the real samples.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, openStore } from '../src/store/index.js';
import { HENGELO_2023, TRANSFORMATIEPLAN } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'klopt.js');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-data-'));
const CLI_TIMEOUT = 120_000;

/** Every row of every table, as text: equal snapshots mean an unchanged database. */
function snapshot(db: string): Record<string, string[]> {
  const d = new Database(db, { readonly: true });
  const out: Record<string, string[]> = {};
  for (const t of ['documents', 'tables', 'financial_facts', 'indicator_facts', 'findings']) {
    // ingested_at and run ids differ per run by design; everything else must not
    out[t] = d
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((r) => JSON.stringify({ ...(r as object), ingested_at: undefined, run_id: undefined, id: undefined }));
  }
  d.close();
  return out;
}

describe('an ingest interrupted while writing a document leaves the database as before it', () => {
  it(
    'a failure injected at the first, a middle and the last write of each table rolls the document back',
    () => {
      const dir = tmp();
      const db = join(dir, 'klopt.sqlite');
      const doc = join(dir, 'hengelo-jaarstukken-2023.txt');
      copyFileSync(HENGELO_2023, doc);
      expect(klopt('ingest', doc, '--db', db).status).toBe(0);
      const before = snapshot(db);
      const facts = before.financial_facts.length;
      expect(facts).toBeGreaterThan(300);
      // A changed version of the file: its ingest deletes the old rows, then inserts the new.
      writeFileSync(
        doc,
        readFileSync(HENGELO_2023, 'utf8').replace(
          'Toegang en eerstelijnsvoorzieningen',
          'Toegang en eerstelijns voorzieningen',
        ),
      );
      // the new version's rows only (the document row is written first, in the same transaction)
      const ours = "NEW.document_id IN (SELECT id FROM documents WHERE file LIKE '%hengelo-jaarstukken-2023.txt')";
      const points: [string, string][] = [
        ['documents', "NEW.file LIKE '%hengelo-jaarstukken-2023.txt'"],
        ['tables', `${ours} AND NEW.table_index = 0`],
        [
          'financial_facts',
          `${ours} AND (SELECT count(*) FROM financial_facts WHERE document_id = NEW.document_id) = ` +
            `${Math.floor(facts / 2)}`,
        ],
        [
          'financial_facts',
          `${ours} AND (SELECT count(*) FROM financial_facts WHERE document_id = NEW.document_id) = ${facts - 1}`,
        ],
        ['findings', `${ours} AND (SELECT count(*) FROM findings WHERE document_id = NEW.document_id) = 2`],
      ];
      for (const [table, when] of points) {
        const d = new Database(db);
        d.exec(
          `CREATE TRIGGER inject BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected ` +
            `failure in ${table}'); END;`,
        );
        d.close();
        // the other file of the run is still ingested
        const r = klopt('ingest', doc, TRANSFORMATIEPLAN, '--db', db);
        expect(r.status, `${table} ${when}`).toBe(3);
        const after = snapshot(db);
        const plan = (s: Record<string, string[]>) => s.documents.filter((x) => x.includes('transformatieplan'));
        expect(plan(after)).toHaveLength(1);
        // the Hengelo document, its tables and facts are exactly as before the failed ingest
        const hengelo = (s: Record<string, string[]>) =>
          Object.fromEntries(
            Object.entries(s).map(([t, rows]) => [
              t,
              rows.filter((x) => x.includes('hengelo-jaarstukken-2023.txt') && !x.includes('unreadable-file')),
            ]),
          );
        expect(hengelo(after)).toEqual(hengelo(before));
        const d2 = new Database(db);
        d2.exec(
          "DROP TRIGGER inject; DELETE FROM documents WHERE file LIKE '%transformatieplan%'; DELETE FROM " +
            "findings WHERE rule = 'unreadable-file';",
        );
        d2.close();
      }
      // without the trigger the new version goes in whole
      expect(klopt('ingest', doc, '--db', db).status).toBe(0);
      const d = new Database(db, { readonly: true });
      expect(
        d
          .prepare("SELECT count(*) FROM financial_facts WHERE row_label LIKE '%eerstelijns voorzieningen%'")
          .pluck()
          .get(),
      ).toBeGreaterThan(0);
      d.close();
    },
    CLI_TIMEOUT,
  );
});

describe('schema versions', () => {
  it('a database written at schema version 1 is migrated forward, keeping its rows', () => {
    const db = join(tmp(), 'v1.sqlite');
    const raw = new Database(db);
    raw.exec(MIGRATIONS[0]);
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO documents (id, file, gemeente, document_type, year, programme, source_format, bytes, metadata_source, ingested_at)
      VALUES (?, 'old.txt', 'Hengelo', 'jaarstukken', 2023, NULL, 'html-text', 10, 'manifest', '2024-01-01T00:00:00Z')`,
      )
      .run('a'.repeat(64));
    raw.close();
    const store = openStore(db);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.listDocuments().map((d) => [d.file, d.gemeente])).toEqual([['old.txt', 'Hengelo']]);
    store.close();
  });

  it(
    'a database from a newer klopt is refused with a clear message, and left untouched',
    () => {
      const db = join(tmp(), 'newer.sqlite');
      const raw = new Database(db);
      raw.exec('CREATE TABLE future (x INTEGER)');
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const bytes = readFileSync(db);
      for (const args of [
        ['ingest', TRANSFORMATIEPLAN, '--db', db],
        ['report', '--db', db],
      ]) {
        const r = klopt(...args);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toContain(
          `${db}: database schema version ${SCHEMA_VERSION + 1} is newer than this klopt supports ` +
            `(${SCHEMA_VERSION}); upgrade klopt or use another database`,
        );
      }
      expect(readFileSync(db).equals(bytes)).toBe(true);
    },
    CLI_TIMEOUT,
  );
});
