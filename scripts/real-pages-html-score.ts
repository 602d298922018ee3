/**
 * Scoreboard of the HTML rebuilds of the real-pages corpus (test/fixtures/real-pages-html): per page,
 * golden facts matched, missing and wrong, findings by severity. `npx tsx scripts/real-pages-html-score.ts [slug…]
 * [-v]`
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { CORPUS_DIR, scoreFacts, type Golden } from '../test/real-pages/golden.js';

const HTML_DIR = join(CORPUS_DIR, '..', 'real-pages-html');
const args = process.argv.slice(2);
const verbose = args.includes('-v');
const only = args.filter((a) => !a.startsWith('-'));
const manifest = readManifest(join(HTML_DIR, 'manifest.csv'));
let total = 0;
let matched = 0;
for (const row of readFileSync(join(HTML_DIR, 'manifest.csv'), 'utf8').trim().split('\n').slice(1)) {
  const file = row.split(',')[0];
  const slug = file.replace(/\.html$/, '');
  if (only.length && !only.some((o) => slug.includes(o))) continue;
  if (!existsSync(join(HTML_DIR, file))) continue;
  const golden = JSON.parse(readFileSync(join(CORPUS_DIR, `${slug}.json`), 'utf8')) as Golden;
  const doc = processFile(join(HTML_DIR, file), { manifest });
  const s = scoreFacts(doc, golden);
  total += golden.facts.length;
  matched += s.matched;
  const sev = (x: string) => doc.findings.filter((f) => f.severity === x).length;
  const facts =
    doc.financial.filter((f) => f.status === 'printed').length + doc.indicators.filter((f) => f.value !== null).length;
  console.log(
    `${slug.padEnd(72)} ${String(s.matched).padStart(4)}/${String(golden.facts.length).padEnd(4)} miss ` +
      `${String(s.missing.length).padStart(3)} wrong ${String(s.wrong.length).padStart(3)}  facts ` +
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
}
console.log(`total ${matched}/${total} golden facts`);
