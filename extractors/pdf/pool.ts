import { Worker } from 'node:worker_threads';
import type { PageText } from './read-pages.mjs';

/**
 * The page readers: worker threads running pdf.js, kept for the life of the process (unref'd
 * while idle, so they never hold it open). A job shares the file's bytes once (a
 * SharedArrayBuffer) and a page counter; each reader engaged parses the document once and
 * claims runs of contiguous pages. The first reader says how many pages there are; only then
 * are more engaged, and only when the file is long enough to repay them.
 */

export interface ReadOptions {
  /** Readers at most. */
  workers: number;
  /** Below this many pages one reader does it all. */
  poolFromPages: number;
  /** Pages a reader claims at a time. */
  run?: number;
}

export class PageReadError extends Error {
  constructor(
    message: string,
    /** pdf.js's name for the failure (PasswordException, InvalidPDFException, ...). */
    readonly pdfjsName?: string,
  ) {
    super(message);
  }
}

interface Reader {
  worker: Worker;
  jobs: number;
  dead: boolean;
}

const readers: Reader[] = [];
const URL_ = new URL('./page-worker.mjs', import.meta.url);

function reader(k: number): Reader {
  if (!readers[k] || readers[k].dead) {
    const r: Reader = { worker: new Worker(URL_, { execArgv: [] }), jobs: 0, dead: false };
    r.worker.unref();
    r.worker.on('error', () => (r.dead = true));
    r.worker.on('exit', () => (r.dead = true));
    readers[k] = r;
  }
  return readers[k];
}

type Msg = {
  id: number;
  numPages?: number;
  page?: PageText;
  error?: string;
  pageNumber?: number;
  openError?: { name?: string; message: string };
  done?: true;
};

let jobs = 0;

/** Read every page of the PDF in `bytes`; `onPage` gets each as it arrives (in no set order). */
export function readPages(bytes: Uint8Array, options: ReadOptions, onPage: (p: PageText) => void): Promise<number> {
  const id = ++jobs;
  const data = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(data).set(bytes);
  const counter = new SharedArrayBuffer(4);
  const run = options.run ?? 8;
  return new Promise((resolve, reject) => {
    let numPages = -1;
    let received = 0;
    let failure: Error | null = null;
    let running = 0;
    let settled = false;
    const engaged: { r: Reader; onMessage: (m: Msg) => void; onError: (e: Error) => void; onExit: () => void }[] = [];
    const settle = () => {
      if (settled) return;
      settled = true;
      for (const e of engaged) {
        e.r.worker.off('message', e.onMessage).off('error', e.onError).off('exit', e.onExit);
        if (--e.r.jobs === 0) e.r.worker.unref();
      }
      if (failure) reject(failure);
      else resolve(numPages);
    };
    const finishOne = () => {
      if (--running === 0) settle();
    };
    const engage = (r: Reader) => {
      let finished = false;
      const end = () => {
        if (!finished) {
          finished = true;
          finishOne();
        }
      };
      const onMessage = (m: Msg) => {
        if (m.id !== id) return;
        if (m.openError) failure ??= new PageReadError(m.openError.message, m.openError.name ?? 'Error');
        if (m.numPages !== undefined && numPages < 0) {
          numPages = m.numPages;
          if (numPages >= options.poolFromPages)
            for (let k = 1; k < Math.min(options.workers, Math.ceil(numPages / run)); k++) engage(reader(k));
        }
        if (m.page && !failure) {
          try {
            onPage(m.page);
            // Every page is in: done, without waiting for a reader still starting (a cold one
            // loading pdf.js finds no page left and its late messages go unheard).
            if (++received === numPages) settle();
          } catch (err) {
            // Not thrown from a message listener (that would take the process down): the job fails.
            failure = err as Error;
            Atomics.store(new Int32Array(counter), 0, 1 << 30);
          }
        }
        if (m.error !== undefined) failure ??= new PageReadError(`page ${m.pageNumber}: ${m.error}`);
        if (m.done) end();
      };
      const onError = (e: Error) => {
        failure ??= new PageReadError(`reading pages failed: ${e.message}`);
        Atomics.store(new Int32Array(counter), 0, 1 << 30);
        end();
      };
      const onExit = () => {
        failure ??= new PageReadError('a page reader stopped');
        end();
      };
      running++;
      if (r.jobs++ === 0) r.worker.ref();
      engaged.push({ r, onMessage, onError, onExit });
      r.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      r.worker.postMessage({ id, data, counter, run });
    };
    engage(reader(0));
  });
}
