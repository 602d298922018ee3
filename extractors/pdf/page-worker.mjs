// A worker of the page pool: opens the PDF once, reads the pages it is asked for, posts each
// page's items back as soon as it is read (pages are streamed, never all held here).
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf, readPage } from './read-pages.mjs';

const doc = await openPdf(new Uint8Array(workerData.data));
parentPort.on('message', async (msg) => {
  if (msg === 'close') {
    await doc.destroy();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ page: await readPage(doc, msg) });
  } catch (err) {
    parentPort.postMessage({ error: String(err?.message ?? err), pageNumber: msg });
  }
});
parentPort.postMessage({ ready: true });
