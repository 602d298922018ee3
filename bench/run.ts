/**
 * npm run bench: figures, never assertions. Runs the whole pipeline (extract → interpret →
 * reconcile) over the bundled samples many times and prints documents/s, facts/s and MB/s.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';

const dir = join(import.meta.dirname, '..', 'data', 'samples');
const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f));
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
for (const f of files) processFile(f); // warm-up

const rounds = 20;
let facts = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) for (const f of files) {
  const r = processFile(f);
  facts += r.financial.length + r.indicators.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const docs = rounds * files.length;
console.log(`pipeline on ${files.length} samples × ${rounds}: ${docs} documents in ${seconds.toFixed(2)} s`);
console.log(`  ${(docs / seconds).toFixed(1)} documents/s, ${(facts / seconds).toFixed(0)} facts/s, ${((rounds * bytes) / 1e6 / seconds).toFixed(2)} MB/s`);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

// Glued rows: enumerating the splits the Dutch number grammar allows (issue 3).
const { candidatesOf } = await import('../extractors/text/glued.js');
const { formatDutch } = await import('../src/grammar/number.js');
for (const width of [4, 6, 12]) {
  const tail = Array.from({ length: width }, (_, i) => formatDutch((i % 2 ? 1 : -1) * (i + 1) * 12345)).join('');
  const n = 200;
  const t0 = process.hrtime.bigint();
  let candidates = 0;
  for (let i = 0; i < n; i++) candidates = candidatesOf(tail, width)?.length ?? 0;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`glued row of ${String(width).padStart(2)} cells: ${(n / s).toFixed(0)} rows/s (${candidates} grammatical readings)`);
}
