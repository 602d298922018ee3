/**
 * Scoreboard of the real-pages corpus while working on readers: per page, golden facts matched,
 * missing and wrong, findings by severity, verdict. `npx tsx scripts/real-pages-score.ts [slug…] [-v]`
 */
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, PENDING_DIR, loadCorpus, scoreFacts } from '../test/real-pages/golden.js';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
/** --facts: print every stored fact (row | line item | column = value) of the pages named. */
const dumpFacts = args.includes('--facts');
const only = args.filter((a) => !a.startsWith('-'));
/** --floors: record each page's matched count as its floor in test/real-pages/floors.json (the test's ratchet). */
const writeFloors = args.includes('--floors');
/** --pending: score the pages of test/fixtures/real-pages-pending instead of the corpus. */
const dir = args.includes('--pending') ? PENDING_DIR : CORPUS_DIR;
const floors: Record<string, number> = {};
const manifest = readManifest(join(dir, 'manifest.csv'));
let total = 0;
let matched = 0;
for (const page of loadCorpus(dir)) {
  if (only.length && !only.some((o) => page.slug.includes(o))) continue;
  const doc = processFile(page.file, { manifest });
  const s = scoreFacts(doc, page.golden);
  total += page.golden.facts.length;
  matched += s.matched;
  floors[page.slug] = s.matched;
  const sev = (x: string) => doc.findings.filter((f) => f.severity === x).length;
  const facts =
    doc.financial.filter((f) => f.status === 'printed').length + doc.indicators.filter((f) => f.value !== null).length;
  console.log(
    `${page.slug.padEnd(72)} ${String(s.matched).padStart(4)}/${String(page.golden.facts.length).padEnd(4)} ` +
      `miss ${String(s.missing.length).padStart(3)} wrong ${String(s.wrong.length).padStart(3)}  facts ` +
      `${String(facts).padStart(4)}  E${sev('error')} W${sev('warning')} I${sev('info')}`,
  );
  if (verbose) {
    for (const m of s.missing.slice(0, 6)) console.log('   missing', JSON.stringify(m));
    for (const w of s.wrong.slice(0, 6)) console.log('   wrong', JSON.stringify(w));
    for (const f of doc.findings.filter((f) => f.severity !== 'info'))
      console.log(
        `   ${f.severity} ${f.rule} l${f.line} ${f.row ?? ''} | ${f.column ?? ''}: ${f.message.slice(0, 160)}`,
      );
  }
  if (dumpFacts) {
    for (const f of doc.financial)
      console.log(
        `   t${f.tableIndex} l${f.provenance.line} ${f.rowLabel} ` +
          `[${f.taakveld ?? ''}${f.group ? ` in ${f.group}` : ''}] | ` +
          `${f.lineItem} | ${f.columnHeader} = ` +
          `${f.value} (${f.status})`,
      );
    for (const f of doc.indicators)
      console.log(`   ind l${f.provenance.line} ${f.name} | ${f.area ?? ''} | ${f.columnHeader} = ${f.value}`);
  }
}
console.log(`total ${matched}/${total} golden facts`);
if (writeFloors && dir === CORPUS_DIR)
  writeFileSync(
    join(import.meta.dirname, '..', 'test', 'real-pages', 'floors.json'),
    `${JSON.stringify(floors, null, 2)}\n`,
  );
