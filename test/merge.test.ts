/**
 * `klopt merge`: two machines each ingest a shard into a database of their own; the merged
 * database must hold what one ingest of everything holds, including the findings between
 * documents of different shards. The pair compared across shards: Hengelo's begroting 2019 (shard
 * A) and the jaarstukken-2019 copy of its jaarstukken 2023 (shard B, see test/mutate.ts), whose
 * 6.3 lasten primitief (51.598) differs from the adopted 51.913.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hengeloJaarstukken2019Copy, mutatedSample } from './mutate.js';

const ROOT = join(import.meta.dirname, '..');
const klopt = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'klopt.js'), ...args], { encoding: 'utf8', cwd: ROOT });

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
  const q = (sql: string) => sqlite.prepare(sql).raw().all().map((r) => JSON.stringify(r)).sort();
  try {
    return {
      documents: q('SELECT id, file, gemeente, document_type, year, source_format FROM documents'),
      tables: q('SELECT * FROM tables'),
      financialFacts: q('SELECT document_id, table_index, row_index, column_index, taakveld, line_item, column_kind, year, amount_eur, raw, line, status FROM financial_facts'),
      indicatorFacts: q('SELECT document_id, table_index, row_index, column_index, name, value, raw, line, reading FROM indicator_facts'),
      statutory: q('SELECT * FROM statutory_indicators'),
      findings: q('SELECT document_id, rule, severity, file, row_label, column_header, line, expected, found, message, evidence_json FROM findings'),
      files: q('SELECT path, hash, status, document_id FROM files'),
    };
  } finally {
    sqlite.close();
  }
}

const primitief63 = (path: string) => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.prepare(`SELECT severity, expected, found FROM findings WHERE rule = 'begroting-primitief' AND row_label = '6.3 Inkomensregelingen / Lasten'`).all();
  } finally {
    sqlite.close();
  }
};

describe('klopt merge', () => {
  it('gives what one ingest of all shards gives, the findings between shards included; again is a no-op; a changed file replaces its old version', { timeout: 180_000 }, () => {
    for (const [shard, name] of [[shardA, 'a.sqlite'], [shardB, 'b.sqlite']]) expect(klopt('ingest', shard, '--db', db(name), '--quiet').status).toBe(0);
    expect(klopt('ingest', shardA, shardB, '--db', db('full.sqlite'), '--quiet').status).toBe(0);
    // Neither shard alone holds the pair.
    expect(primitief63(db('a.sqlite'))).toEqual([]);
    expect(primitief63(db('b.sqlite'))).toEqual([]);
    expect(primitief63(db('full.sqlite'))).toEqual([{ severity: 'error', expected: 51913, found: 51598 }]);

    const r = klopt('merge', db('a.sqlite'), db('b.sqlite'), '--db', db('merged.sqlite'), '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.shards.map((s: { documents: number; files: number }) => [s.documents, s.files])).toEqual([[2, 2], [2, 2]]);
    expect(out.corpusFindings).toBeGreaterThan(0);
    const full = contents(db('full.sqlite'));
    expect(full.financialFacts.length).toBeGreaterThan(500);
    expect(contents(db('merged.sqlite'))).toEqual(full);

    // Merging the same shards again changes nothing.
    expect(klopt('merge', db('a.sqlite'), db('b.sqlite'), '--db', db('merged.sqlite')).status).toBe(0);
    expect(contents(db('merged.sqlite'))).toEqual(full);

    // Shard B's machine re-reads the copy after a correction (6.3 primitief as adopted): its new
    // version replaces the old one in the merged database, and the finding between shards goes.
    writeFileSync(copy2019, readFileSync(copy2019, 'utf8').replace('\n51.598\n', '\n51.913\n'));
    expect(klopt('ingest', shardB, '--db', db('b.sqlite'), '--quiet').status).toBe(0);
    const again = klopt('merge', db('b.sqlite'), '--db', db('merged.sqlite'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/1 file\(s\) replaced another version/);
    const merged = contents(db('merged.sqlite'));
    expect(merged.documents).toHaveLength(4);
    expect(primitief63(db('merged.sqlite'))).toEqual([]);
    expect(merged.files.filter((f) => f.includes('hengelo-jaarstukken-2019-copy.txt'))).toHaveLength(1);
  });

  it('refuses a shard that is not a klopt database of this schema, naming it, before anything is merged', { timeout: 60_000 }, () => {
    const target = db('refuse.sqlite');
    expect(klopt('ingest', shardA, '--db', target, '--quiet').status).toBe(0);
    const before = contents(target);

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, but long enough to look like a file of some size');
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(db('b.sqlite'), newer);
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();

    for (const [shard, why] of [[junk, /junk\.sqlite: not a (readable SQLite|klopt) database/], [newer, /newer\.sqlite: shard schema version 99 is newer/], [join(dir, 'gone.sqlite'), /gone\.sqlite: no such shard database/]] as const) {
      // The good shard first: a bad one later in the list still stops the merge before it starts.
      const r = klopt('merge', db('b.sqlite'), shard, '--db', target);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toMatch(/nothing merged/);
      expect(contents(target)).toEqual(before);
    }
  });
});
