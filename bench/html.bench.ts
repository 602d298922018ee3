/**
 * HTML section of `npm run bench` (issue 4): pages per second and MB per second, for the
 * extractor alone (parse + tables + context) and for the whole pipeline, on the fixture pages
 * (test/fixtures/html) and on the 2 MB page built from them.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractHtml } from '../extractors/html/index.js';
import { processFile } from '../src/pipeline/index.js';
import { bigPage, FIXTURES } from '../scripts/html-fixtures.js';

const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => join(FIXTURES, f));
const big = join(mkdtempSync(join(tmpdir(), 'klopt-bench-')), 'groot.html');
writeFileSync(big, bigPage().html);

function measure(label: string, files: string[], rounds: number) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  for (const t of texts) extractHtml(t); // warm-up (and loads cheerio)
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const t of texts) extractHtml(t);
  const extract = Number(process.hrtime.bigint() - t0) / 1e9;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const f of files) processFile(f);
  const pipeline = Number(process.hrtime.bigint() - t0) / 1e9;
  const n = rounds * files.length;
  const mb = (rounds * bytes) / 1e6;
  console.log(`${label}: ${files.length} page(s), ${(bytes / 1e6).toFixed(2)} MB, × ${rounds}`);
  console.log(`  extract:  ${(n / extract).toFixed(1)} pages/s, ${(mb / extract).toFixed(2)} MB/s`);
  console.log(`  pipeline: ${(n / pipeline).toFixed(1)} pages/s, ${(mb / pipeline).toFixed(2)} MB/s`);
}

measure('HTML fixture pages', pages, 5);
measure('2 MB page', [big], 2);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
