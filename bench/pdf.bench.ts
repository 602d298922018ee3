/**
 * PDF section of `npm run bench`: pages/s of the whole PDF extraction (text → lines → tables),
 * beside pdf.js's own getTextContent() on the same file and `pdftotext -layout` (poppler-utils,
 * skipped when not installed), as ratios; on the 112-page fixture and on a 600-page PDF drawn
 * here into a temporary directory (the Hengelo document 38 times); wall time and CPU time (the
 * process's, all threads: comparable when other jobs share the cores). Then the worker pool
 * against one reader on files of 16 to 608 pages, warm (readers already started) and cold (a
 * fresh process per run, as one CLI run on one PDF is): the break-even behind POOL_FROM_PAGES.
 * Then peak RSS per way of reading, each in a fresh process (pdf.js in this tsx process costs
 * ~350 MB more: tsx's transform of its source).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers, extractPdf, POOL_FROM_PAGES } from '../extractors/pdf/index.js';
import { openPdf } from '../extractors/pdf/read-pages.mjs';
import { FIXTURE_SAMPLES, load, pdfkitPdf } from '../scripts/make-pdf-fixtures.js';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf');
const dir = mkdtempSync(join(tmpdir(), 'klopt-pdf-bench-'));
const big = join(dir, 'hengelo-2023-x38.pdf');
await pdfkitPdf(
  Array.from({ length: 38 }, () => load(FIXTURE_SAMPLES[0])),
  big,
);

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

/** Best wall and best CPU seconds (this process, all threads) of `rounds` warm runs. */
const measure = async (f: () => Promise<unknown>, rounds = 3) => {
  await f(); // warm-up (and the page readers started)
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    await f();
    const u = process.cpuUsage(c);
    wall = Math.min(wall, Number(process.hrtime.bigint() - t) / 1e9);
    cpu = Math.min(cpu, (u.user + u.system) / 1e6);
  }
  return { wall, cpu };
};
const time = async (f: () => Promise<unknown>, rounds = 3) => (await measure(f, rounds)).wall;
const pool = Math.min(4, availableParallelism());
let poppler = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  poppler = false;
}
const loadAvg = () => loadavg()[0].toFixed(1);
console.log(
  `pdf: best of 3 warm runs each (wall; CPU of the process, all threads); ${availableParallelism()} cores, ` +
    `load average ${loadAvg()}`,
);
for (const [file, rounds] of [
  [join(FIX, 'hengelo-2023-x7.pdfkit.pdf'), 3],
  [big, 2],
] as const) {
  const pages = await rawPdfjs(file);
  const raw = await measure(() => rawPdfjs(file), rounds);
  const tRaw = raw.wall;
  const here = await measure(() => extractPdf(file, { workers: 0 }), rounds);
  const tOne = await time(() => extractPdf(file, { workers: 1 }), rounds);
  const tPool = await time(() => extractPdf(file, { workers: pool, poolFromPages: 1 }), rounds);
  const pps = (t: number) => `${(pages / t).toFixed(0)} pages/s`.padEnd(13);
  const ratio = (t: number) => `${((tRaw / t) * 100).toFixed(0)}% of pdf.js`;
  console.log(`  ${pages} pages (load average ${loadAvg()}):`);
  console.log(
    `    pdf.js getTextContent, this thread:         ${pps(tRaw)} (CPU ` +
      `${((raw.cpu / pages) * 1000).toFixed(1)} ms/page)`,
  );
  console.log(
    `    klopt to tables, all in this thread:        ${pps(here.wall)} = ${ratio(here.wall)}; by CPU ` +
      `${((raw.cpu / here.cpu) * 100).toFixed(0)}% (target ≥ 80%)`,
  );
  console.log(
    `    klopt to tables, 1 reader thread:           ${pps(tOne)} = ${ratio(tOne)} (layout in this thread meanwhile)`,
  );
  console.log(`    klopt to tables, pool of ${pool} readers:        ${pps(tPool)} = ${ratio(tPool)}`);
  if (poppler) {
    const tPop = await time(
      async () => execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 << 20 }),
      rounds,
    );
    console.log(
      `    pdftotext -layout (poppler):                ${pps(tPop)}; klopt 1 reader = ` +
        `${((tPop / tOne) * 100).toFixed(0)}% of it`,
    );
  }
}
if (!poppler) console.log('  pdftotext not installed: poppler comparison skipped');

// Break-even: one reader against the pool, by length; the Hengelo document 1 to 38 times.
const lengths = [1, 3, 7, 14, 38];
const files = new Map<number, string>();
for (const n of lengths) {
  const f = n === 38 ? big : join(dir, `hengelo-2023-x${n}.pdf`);
  if (n !== 38)
    await pdfkitPdf(
      Array.from({ length: n }, () => load(FIXTURE_SAMPLES[0])),
      f,
    );
  files.set(n * 16, f);
}
const child = (file: string, mode: string, poolFrom?: number) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'pdf-child.ts'),
        file,
        mode,
        ...(poolFrom ? [String(poolFrom)] : []),
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { seconds: number; cpuSeconds: number; rssMB: number };
const faster = (one: number, many: number) =>
  `${one >= many ? `${((one / many) * 100 - 100).toFixed(0)}% faster` : `${((many / one) * 100 - 100).toFixed(0)}% slower`}`;
console.log(`  pool of ${pool} against 1 reader, warm (readers started), best of 2, wall:`);
for (const [pages, file] of files) {
  const one = await time(() => extractPdf(file, { workers: 1 }), 2);
  const many = await time(() => extractPdf(file, { workers: pool, poolFromPages: 1 }), 2);
  console.log(
    `    ${String(pages).padStart(3)} pages: 1 reader ${one.toFixed(2)} s, pool ${many.toFixed(2)} s: pool ` +
      `${faster(one, many)}`,
  );
}
console.log(
  `  pool of ${pool} against 1 reader, cold (a fresh process per run, readers started in it), median of 3, ` +
    `wall and CPU:`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [pages, file] of files) {
  const ones: ReturnType<typeof child>[] = [];
  const manys: ReturnType<typeof child>[] = [];
  for (let i = 0; i < 3; i++) {
    ones.push(child(file, '1'));
    manys.push(child(file, String(pool), 1));
  }
  const [one, many] = [ones, manys].map((rs) => ({
    wall: median(rs.map((r) => r.seconds)),
    cpu: median(rs.map((r) => r.cpuSeconds)),
  }));
  console.log(
    `    ${String(pages).padStart(3)} pages: 1 reader ${one.wall.toFixed(2)} s (CPU ${one.cpu.toFixed(2)} ` +
      `s), pool ${many.wall.toFixed(2)} s (CPU ${many.cpu.toFixed(2)} s): pool ${faster(one.wall, many.wall)}, ` +
      `+${(many.cpu - one.cpu).toFixed(2)} s CPU; load average ${loadAvg()}`,
  );
}
console.log(
  `  POOL_FROM_PAGES = ${POOL_FROM_PAGES}: the pool joins from that many pages, and by default only with ` +
    `cores idle (defaultWorkers() now: ${defaultWorkers()} at load average ${loadAvg()}); README, PDF ` +
    `extractor: how it was set.`,
);

// Peak RSS on the 600-page file, each way in a process of its own.
console.log('  600-page PDF, cold process each (tsx, as the CLI runs), peak RSS (target < 500 MB):');
for (const [mode, what] of [
  ['1', '1 reader thread (the default on a busy or 1-core machine)'],
  [String(pool), `pool of ${pool} readers (the default on idle cores)`],
  ['0', 'all in this thread (pdf.js under tsx)'],
  ['raw', 'pdf.js getTextContent alone, under tsx'],
] as const) {
  const r = child(big, mode);
  console.log(`    ${what.padEnd(44)} ${String(r.rssMB).padStart(4)} MB, ${r.seconds.toFixed(1)} s`);
}
rmSync(dir, { recursive: true, force: true });
