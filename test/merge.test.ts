/**
 * `klopt merge`: two machines each ingest a shard into a database of their own; the merged
 * database must hold what one ingest of everything holds, including the findings between
 * documents of different shards. The pair compared across shards: Hengelo's begroting 2019 (shard
 * A) and the jaarstukken-2019 copy of its jaarstukken 2023 (shard B, see test/mutate.ts), whose
 * 6.3 lasten primitief (51.598) differs from the adopted 51.913.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hengeloJaarstukken2019Copy, mutatedSample } from './mutate.js';

const ROOT = join(import.meta.dirname, '..');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'klopt.js'), ...args], { encoding: 'utf8', cwd: ROOT });

const dir = mkdtempSync(join(tmpdir(), 'klopt-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shardA = join(dir, 'a');
const shardB = join(dir, 'b');
mkdirSync(shardA);
mkdirSync(shardB);
mutatedSample('hengelo-begroting-2019-programma-6-sociaal-domein.txt', [], { dir: shardA });
mutatedSample('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt', [], { dir: shardA });
const copy2019 = hengeloJaarstukken2019Copy(shardB);
mutatedSample('hengelo-transformatieplan-sociaal-domein-2022.md', [], { dir: shardB });
const db = (name: string) => join(dir, name);

/** What a database holds, without row ids, run ids and times (which legitimately differ). */
function contents(path: string) {
  const sqlite = new Database(path, { readonly: true });
  const q = (sql: string) =>
    sqlite
      .prepare(sql)
      .raw()
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
  try {
    return {
      documents: q('SELECT id, file, gemeente, document_type, year, source_format FROM documents'),
      tables: q('SELECT * FROM tables'),
      financialFacts: q(
        'SELECT document_id, table_index, row_index, column_index, taakveld, line_item, column_kind, year, ' +
          'amount_eur, raw, line, status FROM financial_facts',
      ),
      indicatorFacts: q(
        'SELECT document_id, table_index, row_index, column_index, name, value, raw, line, reading FROM ' +
          'indicator_facts',
      ),
      statutory: q('SELECT * FROM statutory_indicators'),
      findings: q(
        'SELECT document_id, rule, severity, file, row_label, column_header, line, expected, found, message, ' +
          'evidence_json FROM findings',
      ),
      files: q('SELECT path, hash, status, document_id FROM files'),
    };
  } finally {
    sqlite.close();
  }
}

const primitief63 = (path: string) => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite
      .prepare(
        `SELECT severity, expected, found FROM findings WHERE rule = 'begroting-primitief' AND row_label = ` +
          `'6.3 Inkomensregelingen / Lasten'`,
      )
      .all();
  } finally {
    sqlite.close();
  }
};

describe('klopt merge', () => {
  it('gives what one ingest of all shards gives, the findings between shards included', { timeout: 180_000 }, () => {
    for (const [shard, name] of [
      [shardA, 'a.sqlite'],
      [shardB, 'b.sqlite'],
    ])
      expect(klopt('ingest', shard, '--db', db(name), '--quiet').status).toBe(0);
    expect(klopt('ingest', shardA, shardB, '--db', db('full.sqlite'), '--quiet').status).toBe(0);
    // Neither shard alone holds the pair.
    expect(primitief63(db('a.sqlite'))).toEqual([]);
    expect(primitief63(db('b.sqlite'))).toEqual([]);
    expect(primitief63(db('full.sqlite'))).toEqual([{ severity: 'error', expected: 51913, found: 51598 }]);

    const r = klopt('merge', db('a.sqlite'), db('b.sqlite'), '--out', db('merged.sqlite'), '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.shards.map((s: { documents: number; files: number }) => [s.documents, s.files])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(out.corpusFindings).toBeGreaterThan(0);
    const full = contents(db('full.sqlite'));
    expect(full.financialFacts.length).toBeGreaterThan(500);
    expect(contents(db('merged.sqlite'))).toEqual(full);

    // It writes a new database, never over one.
    const again = klopt('merge', db('a.sqlite'), db('b.sqlite'), '--out', db('merged.sqlite'));
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/merged\.sqlite exists; klopt merge writes a new database/);
    expect(contents(db('merged.sqlite'))).toEqual(full);
  });

  it(
    "after the shards change (a file corrected, one unreadable, one the same content as another shard's, one " +
      'removed and pruned) still equals one ingest',
    { timeout: 180_000 },
    () => {
      // Shard B's machine: the copy corrected (6.3 primitief as adopted), the transformatieplan
      // gone (pruned), an empty file (unreadable), and shard A's Enschede 2018 under another name
      // (the same bytes: one ingest of both records it as a duplicate).
      writeFileSync(copy2019, readFileSync(copy2019, 'utf8').replace('\n51.598\n', '\n51.913\n'));
      rmSync(join(shardB, 'hengelo-transformatieplan-sociaal-domein-2022.md'));
      writeFileSync(join(shardB, 'empty.txt'), '');
      copyFileSync(
        join(shardA, 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt'),
        join(shardB, 'enschede-2018-kopie.txt'),
      );
      expect(klopt('ingest', shardB, '--db', db('b.sqlite'), '--quiet', '--prune').status).toBe(3); // empty.txt
      expect(klopt('ingest', shardA, shardB, '--db', db('full2.sqlite'), '--quiet').status).toBe(3);

      const r = klopt('merge', db('a.sqlite'), db('b.sqlite'), '--out', db('merged2.sqlite'));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/b\.sqlite: 1 document\(s\), 3 file\(s\) \(1 duplicate of an earlier shard's\)/);
      const full = contents(db('full2.sqlite'));
      const merged = contents(db('merged2.sqlite'));
      expect(merged).toEqual(full);
      expect(merged.documents).toHaveLength(3);
      expect(merged.files.filter((f) => /"(failed|duplicate)"/.test(f)).map((f) => JSON.parse(f).slice(2, 3))).toEqual([
        ['failed'],
        ['duplicate'],
      ]); // empty.txt, enschede-2018-kopie.txt
      expect(merged.findings.filter((f) => f.includes('unreadable-file'))).toHaveLength(1);
      expect(primitief63(db('merged2.sqlite'))).toEqual([]);
    },
  );

  it('refuses shards it cannot merge, naming them, and writes nothing', { timeout: 60_000 }, () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, but long enough to look like a file of some size');
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(db('b.sqlite'), newer);
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    const cases = [
      [[db('b.sqlite'), junk], /junk\.sqlite: not a (readable SQLite|klopt) database/],
      [[db('b.sqlite'), newer], /newer\.sqlite: shard schema version 99 is newer/],
      [[db('b.sqlite'), join(dir, 'gone.sqlite')], /gone\.sqlite: no such shard database/],
      // full2 holds every file of shard A: the shards overlap.
      [
        [db('a.sqlite'), db('full2.sqlite')],
        /full2\.sqlite: .*enschede-jaarstukken-2018.* is also in an earlier shard/,
      ],
    ] as const;
    for (const [shards, why] of cases) {
      const r = klopt('merge', ...shards, '--out', db('refused.sqlite'));
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toMatch(/nothing merged/);
      expect(existsSync(db('refused.sqlite'))).toBe(false);
      expect(existsSync(db('refused.sqlite.partial'))).toBe(false);
    }
  });
});
