// A reader of the page pool (pool.ts). It lives as long as the process and serves one job per
// PDF: it parses the document once from the shared bytes, then claims runs of contiguous pages
// from the job's shared counter until none are left, posting each page's items as soon as it
// is read (pages are streamed, never all held here). Started without the TypeScript loader:
// tsx's transform of pdf.js's 2 MB of source costs some 350 MB of memory.
import { parentPort } from 'node:worker_threads';
import { openPdf, readPage } from './read-pages.mjs';

parentPort.on('message', async ({ id, data, counter, run }) => {
  const next = new Int32Array(counter);
  let doc = null;
  try {
    // A private copy: pdf.js takes over (detaches) the buffer it is given.
    doc = await openPdf(new Uint8Array(data).slice());
  } catch (err) {
    parentPort.postMessage({ id, openError: { name: err?.name, message: String(err?.message ?? err) } });
  }
  if (doc) {
    const n = doc.numPages;
    parentPort.postMessage({ id, numPages: n });
    for (let from = Atomics.add(next, 0, run) + 1; from <= n; from = Atomics.add(next, 0, run) + 1) {
      for (let p = from; p < from + run && p <= n; p++) {
        try {
          parentPort.postMessage({ id, page: await readPage(doc, p) });
        } catch (err) {
          parentPort.postMessage({ id, error: String(err?.message ?? err), pageNumber: p });
          Atomics.store(next, 0, 1 << 30); // stop every reader of this job
        }
      }
    }
    await doc.destroy();
  }
  parentPort.postMessage({ id, done: true });
});
