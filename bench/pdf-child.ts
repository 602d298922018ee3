/**
 * One PDF extraction in a process of its own, for bench/pdf.bench.ts: prints a JSON line with
 * the seconds taken (wall, from before the page readers are started: a cold start, as one CLI
 * run on one PDF is), the CPU seconds of the process (all its threads) in that time, and its
 * peak RSS. `raw` runs pdf.js's own
 * getTextContent() over every page in this thread instead.
 * Usage: tsx bench/pdf-child.ts <file> <workers|raw> [poolFromPages]
 */
import { readFileSync } from 'node:fs';
import { extractPdf } from '../extractors/pdf/index.js';
import { openPdf } from '../extractors/pdf/read-pages.mjs';

const [file, mode, poolFrom] = process.argv.slice(2);
const t = process.hrtime.bigint();
const cpu = process.cpuUsage();
if (mode === 'raw') {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
} else await extractPdf(file, { workers: Number(mode), ...(poolFrom ? { poolFromPages: Number(poolFrom) } : {}) });
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    seconds: Number(process.hrtime.bigint() - t) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
