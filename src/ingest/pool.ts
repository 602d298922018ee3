/**
 * Readers: the CPU-bound part of ingestion (extract → interpret → reconcile). With concurrency
 * above 1 a pool of worker threads, each reading one file at a time; with 1, the main thread.
 * A worker that dies (out of memory, a crash in native code) fails only the file it was reading:
 * it is replaced and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { readOne, type ReadResult, type ReadTask } from './read.js';

export interface Reader {
  read(task: ReadTask): Promise<ReadResult>;
  close(): Promise<void>;
}

export function createReader(concurrency: number): Reader {
  if (concurrency <= 1) return { read: readOne, close: async () => {} };
  return new WorkerPool(concurrency);
}

interface Job {
  task: ReadTask;
  resolve: (r: ReadResult) => void;
  started: number;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

class WorkerPool implements Reader {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  read(task: ReadTask): Promise<ReadResult> {
    if (this.closed) return Promise.reject(new Error('reader is closed'));
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
    const slot: Slot = { worker: new Worker(BOOT), job: null };
    slot.worker.on('message', (r: ReadResult) => {
      const job = slot.job;
      slot.job = null;
      job?.resolve(r);
      this.pump();
    });
    const die = (why: string) => {
      if (this.closed) return;
      const job = slot.job;
      slot.job = null;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      if (job) job.resolve({ seq: job.task.seq, ok: false, error: `${job.task.path}: the reader crashed (${why})`, ms: performance.now() - job.started });
      this.pump();
    };
    slot.worker.on('error', (e) => die(e.message));
    slot.worker.on('exit', (code) => die(`exit code ${code}`));
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      slot.job = this.queue.shift()!;
      slot.worker.postMessage(slot.job.task);
    }
  }
}
