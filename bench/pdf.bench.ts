/**
 * PDF section of `npm run bench`: pages/s of the whole PDF extraction (text → lines → tables),
 * beside pdf.js's own getTextContent() on the same file and `pdftotext -layout` (poppler-utils,
 * skipped when not installed), as ratios, on the 112-page fixture. Peak RSS is read from the
 * OS (ru_maxrss: this process and, for the pool, its worker threads).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../extractors/pdf/index.js';
import { openPdf } from '../extractors/pdf/read-pages.mjs';

const file = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf', 'hengelo-2023-x7.pdfkit.pdf');
const bytes = new Uint8Array(readFileSync(file));

async function rawPdfjs(): Promise<number> {
  const doc = await openPdf(bytes.slice());
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

const time = async (f: () => Promise<unknown>, rounds = 3) => {
  await f(); // warm-up
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
};

const pages = await rawPdfjs();
const tRaw = await time(rawPdfjs);
const tOne = await time(() => extractPdf(file, { workers: 1 }));
const workers = Math.min(4, availableParallelism());
const tPool = await time(() => extractPdf(file, { workers, poolFromPages: 1 }));
let tPoppler: number | null = null;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  tPoppler = await time(async () => execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }));
} catch {
  tPoppler = null;
}
const pps = (t: number) => (pages / t).toFixed(0);
console.log(`pdf: ${pages} pages (best of 3 runs each)`);
console.log(`  pdf.js getTextContent, 1 thread:        ${pps(tRaw)} pages/s`);
console.log(`  klopt extraction to tables, 1 thread:   ${pps(tOne)} pages/s = ${((tRaw / tOne) * 100).toFixed(0)}% of pdf.js (target ≥ 80%)`);
console.log(`  klopt extraction, pool of ${workers} workers:   ${pps(tPool)} pages/s = ${((tRaw / tPool) * 100).toFixed(0)}% of single-thread pdf.js (${availableParallelism()} cores)`);
if (tPoppler !== null) console.log(`  pdftotext -layout (poppler):           ${pps(tPoppler)} pages/s; klopt 1 thread = ${((tPoppler / tOne) * 100).toFixed(0)}% of it`);
else console.log('  pdftotext not installed: poppler comparison skipped');
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
