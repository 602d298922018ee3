/**
 * The single SQLite writer. Results arrive from the readers in any order; they are written in
 * input order (so the database is the same whatever the concurrency, row ids included), several
 * documents per IMMEDIATE transaction. A document, its facts, its findings and its files row
 * commit together: a process killed at any moment leaves either all of them or none, and the next
 * run reads whatever did not commit.
 */
import { relative } from 'node:path';
import type Database from 'better-sqlite3';
import type { Severity } from '../../schemas/index.js';
import { makeFinding } from '../arithmetic/finding.js';
import type { Store } from '../store/index.js';
import type { FileStat, FileStatus } from './files.js';
import type { ReadResult } from './read.js';

export interface WriteItem {
  seq: number;
  path: string;
  stat: FileStat | null;
  readKey: string;
  result: ReadResult;
}

export interface FileEvent {
  file: string;
  status: FileStatus | 'unchanged' | 'removed' | 'pruned';
  documentId: string | null;
  tables?: number;
  financialFacts?: number;
  indicatorFacts?: number;
  findings?: Record<Severity, number>;
  ms?: number;
  error?: string;
}

export interface WriterCounts {
  ingested: number;
  duplicates: number;
  failed: number;
  facts: number;
  rows: number;
}

/** Flush when this many documents wait, or this long after the first of them arrived. */
const BATCH_DOCS = 64;
const BATCH_MS = 250;

export class Writer {
  readonly counts: WriterCounts = { ingested: 0, duplicates: 0, failed: 0, facts: 0, rows: 0 };
  /** Document ids this run wrote or found duplicated. */
  readonly documentIds: string[] = [];
  private readonly waiting = new Map<number, WriteItem>();
  private batch: WriteItem[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private roomWaiters: { seq: number; resolve: () => void }[] = [];
  private readonly stmts;
  private readonly flushTx: (items: WriteItem[]) => FileEvent[];

  constructor(
    private readonly store: Store,
    private readonly runId: number,
    private readonly cwd: string,
    /** Absolute paths of this run's inputs: a document stored for one of them is not stolen by a copy. */
    private readonly inputs: Set<string>,
    private readonly onEvent: (e: FileEvent) => void,
  ) {
    const db: Database.Database = store.db;
    this.stmts = {
      upsertFile:
        db.prepare(`INSERT INTO files (path, size, mtime_ns, hash, read_key, status, document_id, error, run_id)
        VALUES (@path, @size, @mtimeNs, @hash, @readKey, @status, @documentId, @error, @runId)
        ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash,
          read_key = excluded.read_key, status = excluded.status, document_id = excluded.document_id,
          error = excluded.error, run_id = excluded.run_id`),
      holders: db
        .prepare<[string, string], string>(
          `SELECT path FROM files WHERE document_id = ? AND path != ? AND status = 'ingested' ORDER BY path`,
        )
        .pluck(),
      deleteDocumentAt: db.prepare(`DELETE FROM documents WHERE file = ? AND id != ?`),
      deleteFailures: db.prepare(
        `DELETE FROM findings WHERE document_id IS NULL AND rule = 'unreadable-file' AND file = ?`,
      ),
      heartbeat: db.prepare(`UPDATE runs SET heartbeat_at = ? WHERE id = ?`),
    };
    const flush = db.transaction((items: WriteItem[]) => {
      const events = items.map((item) => this.apply(item));
      this.stmts.heartbeat.run(new Date().toISOString(), this.runId);
      return events;
    });
    this.flushTx = (items) => flush.immediate(items);
  }

  /** Resolves once `seq` is within `window` of the next result to be written (bounds memory). */
  room(seq: number, window: number): Promise<void> {
    if (seq - this.next < window) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push({ seq: seq - window, resolve }));
  }

  accept(item: WriteItem): void {
    this.waiting.set(item.seq, item);
    while (this.waiting.has(this.next)) {
      this.batch.push(this.waiting.get(this.next)!);
      this.waiting.delete(this.next);
      this.next++;
    }
    if (this.batch.length >= BATCH_DOCS) this.flush();
    else if (this.batch.length && !this.timer) this.timer = setTimeout(() => this.flush(), BATCH_MS);
    this.roomWaiters = this.roomWaiters.filter((w) => (w.seq < this.next ? (w.resolve(), false) : true));
  }

  /** Writes everything accepted in order so far; call once more at the end. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    // Events only after the commit: a file reported ingested is in the database.
    for (const e of this.flushTx(items)) this.onEvent(e);
  }

  private rel(path: string): string {
    return relative(this.cwd, path) || path;
  }

  private apply(item: WriteItem): FileEvent {
    const { result } = item;
    if (!result.ok) return this.fail(item, result.error);
    const doc = result.doc;
    const id = doc.document.id;
    const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of doc.findings) findings[f.severity]++;
    const base = {
      file: doc.document.file,
      documentId: id,
      tables: doc.tables.length,
      financialFacts: doc.financial.length,
      indicatorFacts: doc.indicators.length,
      findings,
      ms: Math.round(result.ms),
    };
    // The same content under another input path already holds this document: record the copy.
    const holder = this.stmts.holders.all(id, item.path).find((p) => this.inputs.has(p));
    if (holder) {
      this.stmts.deleteDocumentAt.run(doc.document.file, id); // this path's older version, if any
      this.stmts.deleteFailures.run(doc.document.file); // and its failure, if it failed last time
      this.upsert(item, 'duplicate', id, `same content as ${this.rel(holder)}`);
      this.counts.duplicates++;
      this.documentIds.push(id);
      return { ...base, status: 'duplicate', error: `same content as ${this.rel(holder)}` };
    }
    try {
      // A savepoint inside the batch: all or nothing. Prevalidated: the readers are klopt's own
      // pipeline, which builds every record through its schema; parsing each again here cost the
      // single writer thread more than a tenth of its time.
      this.store.replaceDocument(doc, this.runId, { prevalidated: true });
    } catch (e) {
      // The savepoint rolled this document back; its previous version stays as it was (issue 9: an
      // interrupted write leaves the database as before that document). The file is retried next run.
      return this.fail(item, `${doc.document.file}: not stored: ${e instanceof Error ? e.message : String(e)}`, {
        keepStored: true,
      });
    }
    this.stmts.deleteFailures.run(doc.document.file);
    this.upsert(item, 'ingested', id, null);
    this.counts.ingested++;
    const facts = doc.financial.length + doc.indicators.length;
    this.counts.facts += facts;
    this.counts.rows += 2 + doc.tables.length + facts + doc.findings.length;
    this.documentIds.push(id);
    return { ...base, status: 'ingested' };
  }

  /**
   * A file that could not be read: its old rows go (the file changed), a finding says why. One
   * that was read but could not be stored keeps its previous version (`keepStored`).
   */
  private fail(item: WriteItem, error: string, options: { keepStored?: boolean } = {}): FileEvent {
    const file = this.rel(item.path);
    if (!options.keepStored) this.stmts.deleteDocumentAt.run(file, '');
    this.stmts.deleteFailures.run(file);
    const finding = makeFinding(
      { file, id: '' },
      { rule: 'unreadable-file', severity: 'error', documentId: null, message: error },
    );
    this.store.addFindings([finding], this.runId);
    this.upsert(item, 'failed', null, error);
    this.counts.failed++;
    this.counts.rows += 2;
    return {
      file,
      status: 'failed',
      documentId: null,
      findings: { error: 1, warning: 0, info: 0 },
      ms: Math.round(item.result.ms),
      error,
    };
  }

  private upsert(item: WriteItem, status: FileStatus, documentId: string | null, error: string | null): void {
    this.stmts.upsertFile.run({
      path: item.path,
      size: item.stat?.size ?? 0,
      mtimeNs: item.stat?.mtimeNs ?? null,
      hash: documentId, // the document id is the sha256 of the bytes read
      readKey: item.readKey,
      status,
      documentId,
      error,
      runId: this.runId,
    });
  }
}
