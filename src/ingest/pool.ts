/**
 * Readers: the CPU-bound part of ingestion (extract → interpret → reconcile). With concurrency
 * above 1 a pool of worker threads, each reading one file at a time; with 1, the main thread.
 * A worker that dies (out of memory, a crash in native code) fails only the file it was reading:
 * it is replaced, the files queued behind it go to the pool again, and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { readOne, type ReadResult, type ReadTask } from './read.js';

export interface Reader {
  read(task: ReadTask): Promise<ReadResult>;
  close(): Promise<void>;
}

/**
 * Compiled (dist/), the worker is plain JavaScript. Run from the TypeScript sources (tests, bench),
 * a worker thread does not inherit the main thread's tsx loader: worker-boot.mjs registers it.
 */
const BOOT = new URL(import.meta.url.endsWith('.ts') ? './worker-boot.mjs' : './worker.js', import.meta.url);

/** `boot`: the worker script (default: BOOT; a test substitutes one that crashes). */
export function createReader(concurrency: number, boot: URL = BOOT): Reader {
  if (concurrency <= 1) return { read: readOne, close: async () => {} };
  return new WorkerPool(concurrency, boot);
}

interface Job {
  task: ReadTask;
  resolve: (r: ReadResult) => void;
  started: number;
}

interface Slot {
  worker: Worker;
  /** Sent to this worker, in the order it reads them: the first is the one it is reading. */
  jobs: Job[];
}

/**
 * Files sent to a worker ahead of its result. With one, a worker that finished waited for the
 * main thread to hand it the next file, and the main thread is busy writing a batch of results
 * for up to a few hundred ms: the workers then stood idle about a tenth of the run.
 */
const DEPTH = 2;

class WorkerPool implements Reader {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Deaths since the last file a worker finished: many in a row means workers cannot start at all. */
  private deathsInARow = 0;
  private broken: string | null = null;

  constructor(
    size: number,
    private readonly boot: URL,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  read(task: ReadTask): Promise<ReadResult> {
    if (this.closed) return Promise.reject(new Error('reader is closed'));
    if (this.broken) return Promise.resolve({ seq: task.seq, ok: false, error: `${task.path}: ${this.broken}`, ms: 0 });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve, started: performance.now() });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.boot), jobs: [] };
    slot.worker.on('message', (r: ReadResult) => {
      this.deathsInARow = 0;
      const i = slot.jobs.findIndex((j) => j.task.seq === r.seq);
      const [job] = i < 0 ? [] : slot.jobs.splice(i, 1);
      job?.resolve(r);
      this.pump();
    });
    const die = (why: string) => {
      if (this.closed) return;
      const [job, ...unread] = slot.jobs;
      slot.jobs = [];
      const i = this.slots.indexOf(slot);
      if (i < 0) return; // 'exit' after 'error': already replaced
      if (job)
        job.resolve({
          seq: job.task.seq,
          ok: false,
          error: `${job.task.path}: the reader crashed (${why})`,
          ms: performance.now() - job.started,
        });
      this.queue.unshift(...unread); // not started: read by another worker, in their order
      if (++this.deathsInARow > 2 * this.slots.length) {
        this.broken = `worker threads cannot start (${why})`;
        for (const j of this.queue.splice(0))
          j.resolve({ seq: j.task.seq, ok: false, error: `${j.task.path}: ${this.broken}`, ms: 0 });
        return;
      }
      this.slots[i] = this.spawn();
      this.pump();
    };
    slot.worker.on('error', (e) => die(e.message));
    slot.worker.on('exit', (code) => die(`exit code ${code}`));
    return slot;
  }

  /** Fills every worker's first place before any second one, so the first files spread out. */
  private pump(): void {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.slots) {
        if (slot.jobs.length >= depth || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        job.started = performance.now();
        slot.jobs.push(job);
        slot.worker.postMessage(job.task);
      }
    }
  }
}
