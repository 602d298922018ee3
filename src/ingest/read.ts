/** One file through the pipeline, as a worker (or the main thread at --concurrency 1) runs it. */
import { processFileAsync, type ProcessedDocument } from '../pipeline/index.js';
import type { ManifestEntry } from '../pipeline/metadata.js';

export interface ReadTask {
  seq: number;
  path: string;
  cwd: string;
  entry: ManifestEntry | null;
  /** Refuse files larger than this (default: the pipeline's). */
  maxBytes?: number;
}

export type ReadResult =
  { seq: number; ok: true; doc: ProcessedDocument; ms: number } | { seq: number; ok: false; error: string; ms: number };

export async function readOne(task: ReadTask): Promise<ReadResult> {
  const t0 = performance.now();
  try {
    const manifest = task.entry ? new Map([[task.path, task.entry]]) : undefined;
    // awaited, so an async processFile needs no change here
    const doc = await processFileAsync(task.path, { manifest, cwd: task.cwd, maxBytes: task.maxBytes });
    return { seq: task.seq, ok: true, doc, ms: performance.now() - t0 };
  } catch (err) {
    return {
      seq: task.seq,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      ms: performance.now() - t0,
    };
  }
}
