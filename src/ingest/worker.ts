/** Worker thread: reads the files the pool sends, one at a time, and posts back what it found. */
import { parentPort } from 'node:worker_threads';
import { readOne, type ReadTask } from './read.js';

if (!parentPort) throw new Error('src/ingest/worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', async (task: ReadTask) => port.postMessage(await readOne(task)));
