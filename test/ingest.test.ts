/**
 * klopt ingest as a nightly job runs it: a subprocess over the samples. Incremental (unchanged,
 * touched, changed, removed, failed files), identical output whatever the concurrency, a kill -9
 * mid-run that the next run completes, and a second ingest on the same database refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'klopt.js');
// Subprocesses on a shared 2-core machine: generous time, never a timed assertion.
const SLOW = { timeout: 120_000 };

const klopt = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const events = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const SAMPLE_FILES = readdirSync(SAMPLES)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort();
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A corpus dir: the samples (and their manifest), plus `copies` more with distinct content. */
function corpus(copies = 0): string {
  const dir = tmp('klopt-corpus-');
  for (const f of [...SAMPLE_FILES, 'manifest.csv']) copyFileSync(join(SAMPLES, f), join(dir, f));
  for (let i = 0; i < copies; i++) {
    const f = SAMPLE_FILES[i % SAMPLE_FILES.length];
    const name = f.replace(/(\.\w+)$/, `-copy${i}$1`);
    copyFileSync(join(SAMPLES, f), join(dir, name));
    appendFileSync(join(dir, name), '\n'.repeat(i + 1)); // other bytes, same document
  }
  return dir;
}

const STORED = ['documents', 'tables', 'financial_facts', 'indicator_facts', 'findings', 'files'];

/** Every stored row but timestamps and run bookkeeping; with `ids`, row ids too. */
function dump(db: string, ids: boolean) {
  const d = new Database(db, { readonly: true });
  const out: Record<string, unknown[]> = {};
  const drop = new Set(['ingested_at', 'mtime_ns', 'run_id', ...(ids ? [] : ['id'])]);
  for (const t of STORED) {
    const rows = d.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'files' ? 'path' : 'rowid'}`).all() as Record<
      string,
      unknown
    >[];
    const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k))));
    // without ids, compare as multisets
    out[t] = ids ? clean : clean.map((r) => JSON.stringify(r)).sort();
  }
  d.close();
  return out;
}

function query<T = Record<string, unknown>>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

describe('klopt ingest (bulk, incremental)', () => {
  it('stores the same rows, ids included, with one reader or two', SLOW, () => {
    const dir = tmp('klopt-conc-');
    const one = klopt('ingest', SAMPLES, '--db', join(dir, 'one.sqlite'), '--concurrency', '1', '--quiet');
    const two = klopt('ingest', SAMPLES, '--db', join(dir, 'two.sqlite'), '--concurrency', '2', '--quiet');
    expect([one.status, two.status, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    const a = dump(join(dir, 'one.sqlite'), true);
    expect(a.documents).toHaveLength(5);
    const hengelo = (a.documents as { id: string; file: string }[]).find((d) =>
      d.file.includes('hengelo-jaarstukken-2023'),
    )!;
    expect(a.financial_facts.filter((f) => (f as { document_id: string }).document_id === hengelo.id)).toHaveLength(
      340,
    );
    // its four real inconsistencies (other documents may have findings of their own)
    expect(
      a.findings.filter(
        (f) =>
          (f as { document_id: string; severity: string }).document_id === hengelo.id &&
          (f as { severity: string }).severity === 'error',
      ),
    ).toHaveLength(4);
    expect(dump(join(dir, 'two.sqlite'), true)).toEqual(a);
  });

  it(
    'skips unchanged and touched files, replaces changed ones, reports and prunes removed ones, records failures',
    SLOW,
    () => {
      const dir = corpus();
      const db = join(tmp('klopt-inc-'), 'k.sqlite');
      const first = klopt('ingest', dir, '--db', db, '--log-format', 'json');
      expect(first.status).toBe(0);
      const start = events(first.stdout)[0];
      expect(start).toMatchObject({ event: 'run-start', files: 5, toRead: 5 });
      const firstEnd = events(first.stdout).at(-1);
      expect(firstEnd.findings.error).toBeGreaterThanOrEqual(4);
      expect(events(first.stdout).filter((e) => e.status === 'ingested')).toHaveLength(5);
      const before = dump(db, true);

      // A touched file (new mtime, same bytes) is hashed, found the same, and not read again.
      const hengelo = join(
        dir,
        SAMPLE_FILES.find((f) => f.startsWith('hengelo-jaarstukken-2023'))!,
      );
      utimesSync(hengelo, new Date('2020-01-01'), new Date('2020-01-01'));
      const second = klopt('ingest', dir, '--db', db, '--log-format', 'json');
      expect(second.status).toBe(0);
      const ev2 = events(second.stdout);
      expect(ev2[0]).toMatchObject({ files: 5, toRead: 0 });
      expect(ev2.filter((e) => e.event === 'file').map((e) => e.status)).toEqual(Array(5).fill('unchanged'));
      // the findings of unchanged documents still count in the run
      expect(ev2.at(-1)).toMatchObject({ event: 'run-end', ingested: 0, unchanged: 5, findings: firstEnd.findings });
      const after = dump(db, true);
      expect(query(db, 'SELECT mtime_ns FROM files WHERE path = ?', hengelo)).toEqual([
        { mtime_ns: `${Date.parse('2020-01-01')}000000` },
      ]);
      expect({ ...after, files: [] }).toEqual({ ...before, files: [] });

      // A changed file replaces its rows; a removed one is reported; a broken one fails the run (exit 3) but not the
      // others.
      const oldId = query<{ id: string }>(
        db,
        `SELECT id FROM documents WHERE file LIKE '%hengelo-jaarstukken-2023%'`,
      )[0].id;
      appendFileSync(hengelo, '\nEen extra regel.\n');
      const transformatieplan = join(dir, 'hengelo-transformatieplan-sociaal-domein-2022.md');
      rmSync(transformatieplan);
      writeFileSync(join(dir, 'kapot.txt'), 'a\0b');
      const third = klopt('ingest', dir, '--db', db, '--log-format', 'json');
      expect(third.status).toBe(3);
      const ev3 = events(third.stdout).filter((e) => e.event === 'file');
      expect(ev3.find((e) => e.file.endsWith('kapot.txt'))).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('NUL bytes'),
      });
      expect(ev3.find((e) => e.file.includes('hengelo-jaarstukken-2023'))).toMatchObject({
        status: 'ingested',
        findings: { error: 4 },
      });
      expect(ev3.find((e) => e.file.includes('transformatieplan'))).toMatchObject({ status: 'removed' });
      const docs = query<{ id: string; file: string }>(db, 'SELECT id, file FROM documents');
      expect(docs).toHaveLength(5); // the removed file's document stays until --prune
      expect(docs.some((d) => d.id === oldId)).toBe(false);
      expect(
        query(
          db,
          `SELECT count(*) AS n FROM financial_facts f JOIN documents d ON d.id = f.document_id WHERE d.file ` +
            `LIKE '%hengelo-jaarstukken-2023%'`,
        ),
      ).toEqual([{ n: 340 }]);
      const run3 = query(db, 'SELECT * FROM runs WHERE id = 3')[0];
      expect(run3).toMatchObject({
        status: 'finished with failures',
        files_seen: 5,
        files_skipped: 3,
        files_ingested: 1,
        files_failed: 1,
        files_removed: 1,
        findings_error: firstEnd.findings.error + 1,
      });

      // Again: the broken file is tried again and still fails, and its failure is stored once, not twice.
      const fourth = klopt('ingest', dir, '--db', db, '--prune', '--log-format', 'json');
      expect(fourth.status).toBe(3);
      expect(events(fourth.stdout).find((e) => e.file?.includes('transformatieplan'))).toMatchObject({
        status: 'pruned',
      });
      expect(query(db, `SELECT count(*) AS n FROM findings WHERE rule = 'unreadable-file'`)).toEqual([{ n: 1 }]);
      expect(query(db, 'SELECT count(*) AS n FROM documents')).toEqual([{ n: 4 }]);
      expect(query(db, `SELECT count(*) AS n FROM files WHERE path LIKE '%transformatieplan%'`)).toEqual([{ n: 0 }]);

      // The broken file replaced by a copy of another input: a duplicate now, and its old failure goes.
      copyFileSync(hengelo, join(dir, 'kapot.txt'));
      const fifth = klopt('ingest', dir, '--db', db, '--log-format', 'json');
      expect(fifth.status).toBe(0);
      expect(events(fifth.stdout).find((e) => e.file?.endsWith('kapot.txt'))).toMatchObject({ status: 'duplicate' });
      expect(query(db, `SELECT count(*) AS n FROM findings WHERE rule = 'unreadable-file'`)).toEqual([{ n: 0 }]);
    },
  );

  it('takes globs and a JSON manifest, whose metadata wins and whose missing files fail', SLOW, () => {
    const dir = corpus();
    const manifest = join(dir, 'list.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        {
          file: 'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
          gemeente: 'Borne',
          document_type: 'begroting',
          jaar: 2020,
        },
        { file: 'er-niet.txt', gemeente: 'Almelo', document_type: 'begroting', jaar: 2021 },
      ]),
    );
    const db = join(tmp('klopt-glob-'), 'k.sqlite');
    const r = klopt('ingest', join(dir, '*.md'), '--manifest', manifest, '--db', db, '--log-format', 'text');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('hengelo-transformatieplan-sociaal-domein-2022.md: ingested');
    expect(r.stdout).toMatch(/er-niet\.txt: failed; .*er-niet\.txt: no such file/);
    expect(query(db, 'SELECT gemeente, document_type, year, metadata_source FROM documents ORDER BY file')).toEqual([
      { gemeente: 'Borne', document_type: 'begroting', year: 2020, metadata_source: 'manifest' },
      { gemeente: 'Hengelo', document_type: 'beleidsplan', year: 2022, metadata_source: 'filename' },
    ]);
  });

  it('survives kill -9 mid-run: the database stays consistent and the next run completes it', SLOW, async () => {
    const dir = corpus(10);
    const work = tmp('klopt-kill-');
    const clean = klopt('ingest', dir, '--db', join(work, 'clean.sqlite'), '--concurrency', '2', '--quiet');
    expect(clean.status).toBe(0);

    const db = join(work, 'killed.sqlite');
    const child = spawn(
      process.execPath,
      [BIN, 'ingest', dir, '--db', db, '--concurrency', '2', '--log-format', 'json'],
      { cwd: ROOT },
    );
    let seen = 0;
    let out = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      seen = out.split('\n').filter((l) => l.includes('"status":"ingested"')).length;
      if (seen >= 3) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(seen).toBeLessThan(15);
    expect(query(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // every document that committed is whole: its files row and its facts came with it
    const partial = query<{ n: number }>(db, 'SELECT count(*) AS n FROM documents')[0].n;
    expect(partial).toBeGreaterThanOrEqual(3);
    expect(query(db, `SELECT count(*) AS n FROM files WHERE status = 'ingested'`)).toEqual([{ n: partial }]);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'running' }]);

    const again = klopt('ingest', dir, '--db', db, '--concurrency', '2', '--log-format', 'json');
    expect(again.status).toBe(0);
    expect(events(again.stdout).at(-1)).toMatchObject({ unchanged: partial, ingested: 15 - partial });
    expect(query(db, 'SELECT id, status FROM runs')).toEqual([
      { id: 1, status: 'interrupted' },
      { id: 2, status: 'finished' },
    ]);
    expect(dump(db, false)).toEqual(dump(join(work, 'clean.sqlite'), false));
  });

  it(
    'refuses a second ingest on a database another one is writing, naming it, and corrupts nothing',
    SLOW,
    async () => {
      // enough files that the first run is still reading when the second has started (a few seconds)
      const dir = corpus(60);
      const db = join(tmp('klopt-busy-'), 'k.sqlite');
      const first = spawn(
        process.execPath,
        [BIN, 'ingest', dir, '--db', db, '--concurrency', '1', '--log-format', 'json'],
        { cwd: ROOT },
      );
      const firstDone = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) => first.stdout.once('data', () => resolve())); // run-start: it holds the database
      const second = klopt('ingest', dir, '--db', db);
      expect(second.status).toBe(4);
      expect(second.stderr).toContain(`another klopt ingest is writing this database (run 1, pid ${first.pid}`);
      expect(await firstDone).toBe(0);
      expect(query(db, 'SELECT id, status, files_ingested FROM runs')).toEqual([
        { id: 1, status: 'finished', files_ingested: 65 },
      ]);
      expect(query(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    },
  );
});
