/**
 * Bulk, incremental ingestion: which files to read (inputs, files table), reading them in
 * parallel (pool), writing them in order through one writer (writer), recording the run (runs).
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import pLimit from 'p-limit';
import type { ProcessedDocument } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import { decide, loadRecorded, readKeyOf, type Decision } from './files.js';
import { inScope, resolveInputs } from './inputs.js';
import { createReader } from './pool.js';
import type { Reporter, RunEnd } from './progress.js';
import { claimRunWaiting, finishRun } from './runs.js';
import { Writer, type FileEvent } from './writer.js';

export { BusyError } from './runs.js';
export { createReporter, type LogFormat, type Reporter, type RunEnd } from './progress.js';

export interface IngestOptions {
  /** Files, directories and glob patterns. */
  paths: string[];
  /** CSV or JSON manifest: its files are ingested too, with its metadata. */
  manifest?: string;
  db: string;
  /** Readers in parallel; default: the number of cores. */
  concurrency?: number;
  /** Delete the rows of recorded files that are gone from disk. */
  prune?: boolean;
  /** Wait this long for another ingest on the same database to finish (default: do not wait). */
  waitSeconds?: number;
  version: string;
  reporter: Reporter;
  /** Paths in records are relative to this directory (default: the process's). */
  cwd?: string;
  /** Stop dispatching when this signal fires; what was read is still written (SIGINT, SIGTERM). */
  signal?: AbortSignal;
  /** Applied to each document read, on the main thread, before it is written (severity configuration). */
  transform?: (doc: ProcessedDocument) => ProcessedDocument;
  /** Runs once everything read is written, before the run's findings are counted (rules over the whole database). */
  afterWrite?: (store: Store, runId: number) => void;
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** Let manifest entries name files outside the manifest's directory. */
  allowOutsideManifest?: boolean;
}

/** Stat and hash several files at once: I/O, not CPU. */
const IO_CONCURRENCY = 16;

export async function ingest(opts: IngestOptions): Promise<RunEnd> {
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const concurrency = Math.max(1, opts.concurrency ?? availableParallelism());
  const inputs = resolveInputs(opts.paths, opts.manifest, { allowOutside: opts.allowOutsideManifest });
  const inputSet = new Set(inputs.files);
  const store = openStore(opts.db);
  try {
    const runId = await claimRunWaiting(store.db, opts.version, concurrency, opts.waitSeconds ?? 0);
    const recorded = loadRecorded(store.db);

    // 1. Which files must be read: stat each (and hash those touched but the same size).
    const io = pLimit(IO_CONCURRENCY);
    const keys = inputs.files.map((f) => readKeyOf(opts.version, inputs.manifest.get(f) ?? null));
    const decisions: Decision[] = await Promise.all(
      inputs.files.map((f, i) => io(() => decide(f, recorded.get(f), keys[i]))),
    );
    const touch = store.db.prepare(`UPDATE files SET mtime_ns = ? WHERE path = ?`);
    store.db
      .transaction(() => {
        for (const [i, d] of decisions.entries())
          if (d.kind === 'unchanged' && d.touched) touch.run(d.stat.mtimeNs, inputs.files[i]);
      })
      .immediate();
    const toRead = inputs.files.flatMap((path, i) => (decisions[i].kind === 'read' ? [{ path, i }] : []));

    opts.reporter.start({
      runId,
      db: opts.db,
      files: inputs.files.length,
      toRead: toRead.length,
      concurrency,
      version: opts.version,
    });
    const documentIds: string[] = [];
    for (const [i, d] of decisions.entries()) {
      if (d.kind !== 'unchanged') continue;
      documentIds.push(d.recorded.documentId!);
      opts.reporter.file({
        file: relative(cwd, inputs.files[i]) || inputs.files[i],
        status: 'unchanged',
        documentId: d.recorded.documentId,
      });
    }

    // 2. Read in parallel, write in order.
    const writer = new Writer(store, runId, cwd, inputSet, (e) => opts.reporter.file(e));
    const reader = createReader(Math.min(concurrency, Math.max(1, toRead.length)));
    const window = concurrency * 8;
    let interrupted = false;
    try {
      const pending: Promise<void>[] = [];
      for (const [seq, { path, i }] of toRead.entries()) {
        await writer.room(seq, window);
        if (opts.signal?.aborted) {
          interrupted = true;
          break;
        }
        const d = decisions[i] as Extract<Decision, { kind: 'read' }>;
        const readKey = keys[i];
        const entry = inputs.manifest.get(path) ?? null;
        const result = d.error
          ? Promise.resolve({ seq, ok: false as const, error: `${relative(cwd, path) || path}: ${d.error}`, ms: 0 })
          : reader.read({ seq, path, cwd, entry, maxBytes: opts.maxBytes });
        const transform = opts.transform;
        const transformed = transform ? result.then((r) => (r.ok ? { ...r, doc: transform(r.doc) } : r)) : result;
        pending.push(transformed.then((r) => writer.accept({ seq, path, stat: d.stat, readKey, result: r })));
      }
      await Promise.all(pending);
      writer.flush();
    } finally {
      await reader.close();
    }
    documentIds.push(...writer.documentIds);
    opts.afterWrite?.(store, runId);

    // 3. Recorded files in this run's scope that it did not find.
    const removed = [...recorded.values()].filter((r) => !inputSet.has(r.path) && inScope(r.path, inputs.scopes));
    const removedEvents: FileEvent[] = removed.map((r) => ({
      file: relative(cwd, r.path) || r.path,
      status: opts.prune ? 'pruned' : 'removed',
      documentId: r.documentId,
    }));
    if (opts.prune && removed.length && !interrupted)
      prune(
        store.db,
        removed.map((r) => ({ path: r.path, documentId: r.documentId, file: relative(cwd, r.path) || r.path })),
      );
    for (const e of removedEvents) opts.reporter.file(e);

    // 4. Findings of every document this run covers (read now or unchanged), and of failed files.
    const findings = { error: 0, warning: 0, info: 0 };
    const bySeverity = store.db.prepare<[string, number], { severity: 'error' | 'warning' | 'info'; n: number }>(`
      SELECT severity, count(*) AS n FROM findings
      WHERE document_id IN (SELECT DISTINCT value FROM json_each(?)) OR (document_id IS NULL AND run_id = ?)
      GROUP BY severity`);
    for (const r of bySeverity.all(JSON.stringify(documentIds), runId)) findings[r.severity] = r.n;

    const c = writer.counts;
    const status = interrupted ? 'interrupted' : c.failed ? 'finished with failures' : 'finished';
    finishRun(store.db, runId, {
      filesSeen: inputs.files.length,
      filesSkipped: inputs.files.length - toRead.length,
      filesIngested: c.ingested,
      filesFailed: c.failed,
      filesRemoved: removed.length,
      findingsError: findings.error,
      findingsWarning: findings.warning,
      findingsInfo: findings.info,
      status,
    });
    const seconds = (performance.now() - t0) / 1000;
    const end: RunEnd = {
      runId,
      status,
      seconds: Math.round(seconds * 1000) / 1000,
      filesSeen: inputs.files.length,
      unchanged: inputs.files.length - toRead.length,
      ingested: c.ingested,
      duplicates: c.duplicates,
      failed: c.failed,
      removed: opts.prune ? 0 : removed.length,
      pruned: opts.prune ? removed.length : 0,
      findings,
      documentsPerSecond: round1(c.ingested / seconds),
      factsPerSecond: round1(c.facts / seconds),
      rowsPerSecond: round1(c.rows / seconds),
    };
    opts.reporter.end(end);
    return end;
  } finally {
    store.close();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Deletes what removed files left: their documents (unless another file holds the same one), failures, files rows. */
function prune(
  db: import('better-sqlite3').Database,
  gone: { path: string; documentId: string | null; file: string }[],
) {
  const delDoc = db.prepare(
    `DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM files WHERE document_id = ? AND path != ?)`,
  );
  const delFailures = db.prepare(
    `DELETE FROM findings WHERE document_id IS NULL AND rule = 'unreadable-file' AND file = ?`,
  );
  const delFile = db.prepare(`DELETE FROM files WHERE path = ?`);
  db.transaction(() => {
    for (const g of gone) {
      if (g.documentId) delDoc.run(g.documentId, g.documentId, g.path);
      delFailures.run(g.file);
      delFile.run(g.path);
    }
  }).immediate();
}
