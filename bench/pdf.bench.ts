/**
 * PDF section of `npm run bench`: pages/s of the whole PDF extraction (text → lines → tables),
 * beside pdf.js's own getTextContent() on the same file and `pdftotext -layout` (poppler-utils,
 * skipped when not installed), as ratios; on the 112-page fixture and on a 600-page PDF drawn
 * here into a temporary directory (the Hengelo document 38 times). Then the worker pool against
 * one reader on files of 16 to 600 pages (the break-even behind POOL_FROM_PAGES), and peak RSS
 * per way of reading, each in a fresh process (pdf.js in this tsx process costs ~350 MB more:
 * tsx's transform of its source).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../extractors/pdf/index.js';
import { openPdf } from '../extractors/pdf/read-pages.mjs';
import { FIXTURE_SAMPLES, load, pdfkitPdf } from '../scripts/make-pdf-fixtures.js';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf');
const dir = mkdtempSync(join(tmpdir(), 'klopt-pdf-bench-'));
const big = join(dir, 'hengelo-2023-x38.pdf');
await pdfkitPdf(Array.from({ length: 38 }, () => load(FIXTURE_SAMPLES[0])), big);

async function rawPdfjs(file: string): Promise<number> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
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
  await f(); // warm-up (and the page readers started)
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
};
const pool = Math.min(4, availableParallelism());
let poppler = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  poppler = false;
}
console.log(`pdf: best of 3 warm runs each; ${availableParallelism()} cores, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
for (const [file, rounds] of [[join(FIX, 'hengelo-2023-x7.pdfkit.pdf'), 3], [big, 2]] as const) {
  const pages = await rawPdfjs(file);
  const tRaw = await time(() => rawPdfjs(file), rounds);
  const tHere = await time(() => extractPdf(file, { workers: 0 }), rounds);
  const tOne = await time(() => extractPdf(file, { workers: 1 }), rounds);
  const tPool = await time(() => extractPdf(file, { workers: pool, poolFromPages: 1 }), rounds);
  const pps = (t: number) => `${(pages / t).toFixed(0)} pages/s`.padEnd(13);
  const ratio = (t: number) => `${((tRaw / t) * 100).toFixed(0)}% of pdf.js`;
  console.log(`  ${pages} pages:`);
  console.log(`    pdf.js getTextContent, this thread:         ${pps(tRaw)}`);
  console.log(`    klopt to tables, all in this thread:        ${pps(tHere)} = ${ratio(tHere)} (target ≥ 80%)`);
  console.log(`    klopt to tables, 1 reader thread:           ${pps(tOne)} = ${ratio(tOne)} (layout in this thread meanwhile)`);
  console.log(`    klopt to tables, pool of ${pool} readers:        ${pps(tPool)} = ${ratio(tPool)}`);
  if (poppler) {
    const tPop = await time(async () => execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 << 20 }), rounds);
    console.log(`    pdftotext -layout (poppler):                ${pps(tPop)}; klopt 1 reader = ${((tPop / tOne) * 100).toFixed(0)}% of it`);
  }
}
if (!poppler) console.log('  pdftotext not installed: poppler comparison skipped');

// Break-even: one reader against the pool, by length.
console.log(`  pool of ${pool} against 1 reader (warm readers), seconds:`);
for (const file of [join(FIX, 'hengelo-2023.pdfkit.pdf'), join(FIX, 'hengelo-2023-x7.pdfkit.pdf'), big]) {
  const pages = (await extractPdf(file, { workers: 1 })).tables.at(-1)?.rows.at(-1)?.page ?? 0;
  const one = await time(() => extractPdf(file, { workers: 1 }), 2);
  const many = await time(() => extractPdf(file, { workers: pool, poolFromPages: 1 }), 2);
  console.log(`    ~${pages} pages: 1 reader ${one.toFixed(2)} s, pool ${many.toFixed(2)} s (${((one / many) * 100 - 100).toFixed(0)}% faster)`);
}

// Peak RSS on the 600-page file, each way in a process of its own.
const child = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'pdf-child.ts'), big, mode], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { seconds: number; rssMB: number };
console.log('  600-page PDF, cold process each (tsx, as the CLI runs), peak RSS (target < 500 MB):');
for (const [mode, what] of [['1', '1 reader thread (the CLI default on 1 core)'], [String(pool), `pool of ${pool} readers (the default)`], ['0', 'all in this thread (pdf.js under tsx)'], ['raw', 'pdf.js getTextContent alone, under tsx']] as const) {
  const r = child(mode);
  console.log(`    ${what.padEnd(44)} ${String(r.rssMB).padStart(4)} MB, ${r.seconds.toFixed(1)} s`);
}
rmSync(dir, { recursive: true, force: true });
