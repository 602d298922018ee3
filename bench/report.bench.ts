/**
 * Report section of `npm run bench` (issue 7): how long the HTML report and the Excel-NL CSV
 * export take, and how big the HTML gets, for the samples' real findings repeated to report sizes
 * a bulk run produces.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';
import { renderReport, summarise } from '../src/report/index.js';
import { renderExport } from '../src/report/export.js';

const dir = join(import.meta.dirname, '..', 'data', 'samples');
const docs = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => processFile(join(dir, f)));
const findings = docs.flatMap((d) => d.findings);
const documents = docs.map((d) =>
  summarise(
    d.document,
    { tables: d.tables.length, financialFacts: d.financial.length, indicatorFacts: d.indicators.length },
    findings,
  ),
);

for (const copies of [1, 100, 1000]) {
  const many = Array.from({ length: copies }, () => findings).flat();
  const t0 = process.hrtime.bigint();
  const html = renderReport({ documents, findings: many }, 'html');
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `html report, ${String(many.length).padStart(6)} findings: ${(s * 1000).toFixed(0)} ms, ` +
      `${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB ` +
      `(${(Buffer.byteLength(html) / many.length / 1000).toFixed(1)} kB per finding)`,
  );
}

const facts = docs.flatMap((d) =>
  d.financial.map((f) => ({
    file: f.provenance.file,
    taakveld: f.taakveld,
    row_label: f.rowLabel,
    column_header: f.columnHeader,
    value: f.value,
    scale: f.scale,
    raw: f.provenance.raw,
  })),
);
const rows = Array.from({ length: 100 }, () => facts).flat();
const columns = Object.keys(facts[0]);
const t0 = process.hrtime.bigint();
const csv = renderExport(columns, rows, 'csv', true);
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `excel-nl csv export, ${rows.length} rows: ${(s * 1000).toFixed(0)} ms (${(rows.length / s).toFixed(0)} ` +
    `rows/s, ${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB)`,
);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
