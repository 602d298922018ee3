import { join } from 'node:path';
import { processFile } from './src/pipeline/index.js';
import { readManifest } from './src/pipeline/metadata.js';
import { PAGES, SAMPLES, FIXTURES } from './scripts/html-fixtures.js';
import { RULES } from './src/reconcile/registry.js';
const sm = readManifest(join(SAMPLES, 'manifest.csv'));
const hm = readManifest(join(FIXTURES, 'manifest.csv'));
const fin = (r: any) => r.financial.map((f: any) => [f.taakveld, f.rowLabel, f.lineItem, f.group, f.isTotal, f.columnIndex, f.columnHeader, f.columnKind, f.year, f.value, f.status, f.decimals, f.scale].join('|'));
const ind = (r: any) => r.indicators.map((f: any) => [f.doelstelling, f.name, f.unit, f.columnIndex, f.columnKind, f.year, f.value, f.decimals, f.referenceYear, f.footnote].join('|'));
const fnd = (r: any) => r.findings.map((f: any) => [f.rule, f.severity, f.row, f.column, f.expected, f.found].join('|'));
const diff = (a: string[], b: string[]) => { const sb = new Set(b), sa = new Set(a); return { onlyText: a.filter(x => !sb.has(x)), onlyHtml: b.filter(x => !sa.has(x)) }; };
for (const p of PAGES.filter(p => !process.argv[2] || p.page.includes(process.argv[2]))) {
  const t = processFile(join(SAMPLES, p.sample), { manifest: sm });
  const h = processFile(join(FIXTURES, p.page), { manifest: hm });
  console.log('==', p.page, 'tables', t.tables.length, h.tables.length, 'fin', t.financial.length, h.financial.length, 'ind', t.indicators.length, h.indicators.length);
  for (const [name, f] of [['fin', fin], ['ind', ind], ['findings', fnd]] as const) {
    const d = diff(f(t), f(h));
    if (d.onlyText.length || d.onlyHtml.length) console.log(' ', name, JSON.stringify(d, null, 0).slice(0, 1500));
  }
  console.log('  html tables:', h.tables.map(x => `${x.index}:${x.kind}:${x.title.slice(0,30)}:${x.scale}`).join(' ; ').slice(0, 600));
}
