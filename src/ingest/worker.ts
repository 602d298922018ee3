/** Worker thread: reads the files the pool sends, one at a time, and posts back what it found. */
import { parentPort } from 'node:worker_threads';
import { readOne, type ReadTask } from './read.js';

if (!parentPort) throw new Error('src/ingest/worker.ts runs as a worker thread');
const port = parentPort;
// One file at a time, in the order sent: the pool sends the next before this one is done (so no
// wait between files), and a crash must fail only the file being read (the pool requeues the rest).
let reading: Promise<void> = Promise.resolve();
port.on('message', (task: ReadTask) => {
  reading = reading.then(async () => port.postMessage(await readOne(task)));
});
