/**
 * Pipeline section of `npm run bench`. Runs the whole pipeline (extract → interpret →
 * reconcile) over the bundled samples many times and prints documents/s, facts/s and MB/s.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';

const dir = join(import.meta.dirname, '..', 'data', 'samples');
const files = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => join(dir, f));
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
for (const f of files) processFile(f); // warm-up

const rounds = 20;
let facts = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++)
  for (const f of files) {
    const r = processFile(f);
    facts += r.financial.length + r.indicators.length;
  }
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const docs = rounds * files.length;
console.log(`pipeline on ${files.length} samples × ${rounds}: ${docs} documents in ${seconds.toFixed(2)} s`);
console.log(
  `  ${(docs / seconds).toFixed(1)} documents/s, ${(facts / seconds).toFixed(0)} facts/s, ` +
    `${((rounds * bytes) / 1e6 / seconds).toFixed(2)} MB/s`,
);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
