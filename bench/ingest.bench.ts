/**
 * Bulk ingestion section of `npm run bench` (issue 8). Builds a synthetic corpus from the samples
 * and the HTML pages of the same documents (test/fixtures/html) in a temp dir, then measures a
 * cold ingest, a no-op re-run (in this process, and `bin/klopt.js ingest` end to end, startup
 * included) and a re-run with 1 % changed. The runs go through the same hooks as `klopt ingest`
 * (ingestHooks: severity configuration, corpus rules over the whole database).
 *
 * The corpus: each document is a sample with another gemeente name, its years shifted by 0–9, and
 * (for the documents whose cells stand alone on a line, in a tab-separated cell or in an HTML td) every amount
 * multiplied by a whole factor and re-printed in the same place and notation, so sums still add
 * up. The glued samples keep their figures (re-gluing scaled cells would test the segmenter, not
 * ingestion). A share of the scalable documents gets one planted error: one detail cell changed.
 * Planted cells are taken from those where the change breaks a relation in the original sample;
 * whether the scaled, renamed and shifted copy is caught is what the bench measures.
 *
 * KLOPT_BENCH_DOCS (default 2000) sets the corpus size; KLOPT_BENCH_CONCURRENCY the readers.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { FinancialFact } from '../schemas/index.js';
import { formatDutch } from '../src/grammar/number.js';
import { VERSION } from '../src/cli/common.js';
import { configFrom, ingestHooks } from '../src/cli/corpus.js';
import { ingest, type Reporter, type RunEnd } from '../src/ingest/index.js';
import { rulesOf } from '../src/reconcile/registry.js';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';

const N = Number(process.env.KLOPT_BENCH_DOCS ?? 2000);
const CONCURRENCY = Number(process.env.KLOPT_BENCH_CONCURRENCY ?? availableParallelism());
const PLANTED_SHARE = 0.05;
const FACTORS = [1, 2, 3, 5, 7, 10, 12, 25];
const GEMEENTEN = [
  'Almelo',
  'Borne',
  'Oldenzaal',
  'Losser',
  'Dinkelland',
  'Tubbergen',
  'Wierden',
  'Rijssen-Holten',
  'Hof van Twente',
  'Haaksbergen',
  'Deventer',
  'Zwolle',
  'Kampen',
  'Raalte',
  'Ommen',
  'Hardenberg',
  'Dalfsen',
  'Olst-Wijhe',
  'Twenterand',
  'Hellendoorn',
  'Apeldoorn',
  'Zutphen',
  'Lochem',
  'Berkelland',
  'Winterswijk',
  'Oost Gelre',
  'Aalten',
  'Doetinchem',
  'Arnhem',
  'Nijmegen',
  'Utrecht',
  'Amersfoort',
  'Groningen',
  'Leeuwarden',
  'Assen',
  'Emmen',
  'Tilburg',
  'Breda',
  'Eindhoven',
  'Maastricht',
];
const ROOT = join(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'data', 'samples');
const HTML = join(ROOT, 'test', 'fixtures', 'html');
const YEAR = /\b(19|20)\d{2}\b/g;

interface Base {
  file: string;
  /** Where the manifest entry is found: the sample's or the HTML page's. */
  path: string;
  lines: string[];
  /** What separates the cells of a table row on one line: a tab, or an HTML cell's end. */
  sep: string;
  facts: FinancialFact[]; // printed, with a value
  scalable: boolean;
  /** Factors whose scaled copy reads as the sample does (rounding in a table can break others). */
  factors: number[];
  signature: string[];
  candidates: FinancialFact[];
}

/** What a document's findings say, without the things a variant legitimately changes (years in headers, place). */
const NAMES = new RegExp(`\\b(${['Hengelo', 'Enschede', 'Proef', ...GEMEENTEN].join('|')})\\b`, 'g');
const neutral = (s: string | null) => (s ?? '').replace(YEAR, 'YYYY').replace(NAMES, 'G');
const sig = (f: {
  rule: string;
  severity: string;
  tableIndex: number | null;
  row: string | null;
  column: string | null;
}) => `${f.rule}|${f.severity}|${f.tableIndex}|${neutral(f.row)}|${neutral(f.column)}`;
const sameSignature = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The raw cell re-printed with another value: same sign notation, € sign, decimals. */
function reprint(raw: string, value: number, decimals: number): string {
  const m = /\d[\d.]*(?:,\d+)?/.exec(raw);
  if (!m) return raw;
  return raw.slice(0, m.index) + formatDutch(Math.abs(value), decimals) + raw.slice(m.index + m[0].length);
}

/** A sample with every amount × k, one cell changed by `plant`, years + d, and another gemeente. */
function render(
  base: Base,
  k: number,
  d: number,
  gemeente: string,
  plant?: { fact: FinancialFact; delta: number },
): string {
  const lines = [...base.lines];
  if (k !== 1 || plant) {
    const byLine = new Map<number, FinancialFact[]>();
    for (const f of base.facts) byLine.set(f.provenance.line! - 1, [...(byLine.get(f.provenance.line! - 1) ?? []), f]);
    for (const [i, facts] of byLine) {
      const cells = lines[i].split(base.sep);
      let from = 0;
      for (const f of facts.sort((a, b) => a.columnIndex - b.columnIndex)) {
        const at = cells.findIndex((c, j) => j >= from && c.includes(f.provenance.raw));
        if (at < 0) continue;
        const value = f.value! * k + (plant?.fact === f ? Math.sign(f.value!) * plant.delta : 0);
        cells[at] = cells[at].replace(f.provenance.raw, reprint(f.provenance.raw, value, f.decimals));
        from = at + 1;
      }
      lines[i] = cells.join(base.sep);
    }
  }
  return lines
    .join('\n')
    .replace(YEAR, (y) => String(Number(y) + d))
    .replace(/\b(Hengelo|Enschede)\b/g, gemeente);
}

const scratch = mkdtempSync(join(tmpdir(), 'klopt-bench-ingest-'));
const trial = (text: string, name: string) => {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return processFile(p);
};

// The corpus rules compare documents with each other; which pairs a synthetic corpus forms is an
// accident of its naming, so they are counted apart and left out of the per-document comparison.
const CORPUS_RULES = new Set(rulesOf('corpus').map((r) => r.id));

// 1. The samples and HTML pages: their facts, their findings, and cells where a change breaks a relation.
const manifest = new Map([...readManifest(join(SAMPLES, 'manifest.csv')), ...readManifest(join(HTML, 'manifest.csv'))]);
const bases: Base[] = [...manifest.keys()].sort().map((path) => {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const sep = path.endsWith('.html') ? '</td>' : '\t';
  const doc = processFile(path);
  const facts = doc.financial.filter((f) => f.value !== null && f.status === 'printed' && f.provenance.line !== null);
  const scalable =
    facts.length > 0 &&
    facts.every((f) => {
      const line = lines[f.provenance.line! - 1] ?? '';
      return line.trim() === f.provenance.raw || line.includes(sep);
    });
  const base: Base = {
    file: basename(path),
    path,
    lines,
    sep,
    facts,
    scalable,
    factors: [1],
    signature: doc.findings.map(sig).sort(),
    candidates: [],
  };
  if (scalable) {
    base.factors = FACTORS.filter(
      (k) =>
        k === 1 ||
        sameSignature(
          trial(render(base, k, 0, 'Proef'), base.file)
            .findings.map(sig)
            .sort(),
          base.signature,
        ),
    );
    const details = facts.filter((f) => !f.isTotal && f.value !== 0);
    for (
      let i = 0;
      i < details.length && base.candidates.length < 6;
      i += Math.max(1, Math.floor(details.length / 12))
    ) {
      const fact = details[i];
      const planted = trial(
        render(base, 1, 0, 'Proef', { fact, delta: Math.max(25, Math.ceil(Math.abs(fact.value!) * 0.2)) }),
        base.file,
      );
      const before = new Set(base.signature);
      if (planted.findings.some((f) => f.severity === 'error' && !before.has(sig(f)))) base.candidates.push(fact);
    }
  }
  return base;
});

// 2. The corpus.
const corpus = join(scratch, 'corpus');
const manifestRows: Record<string, string | number>[] = [];
const docs: { rel: string; base: Base; planted: FinancialFact | null }[] = [];
const plantable = bases.filter((b) => b.candidates.length > 0);
let plantedCount = 0;
let plantableSeen = 0;
// every plantEvery-th document of a plantable sample gets an error: PLANTED_SHARE of the corpus
const plantEvery = Math.max(1, Math.floor(plantable.length / bases.length / PLANTED_SHARE));
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const base = bases[i % bases.length];
  const j = Math.floor(i / bases.length);
  const gemeente = GEMEENTEN[j % GEMEENTEN.length];
  const d = Math.floor(j / GEMEENTEN.length) % 10;
  const k = base.factors[j % base.factors.length];
  const plantNow = plantable.includes(base) && ++plantableSeen % plantEvery === 0;
  const fact = plantNow ? base.candidates[plantedCount % base.candidates.length] : null;
  if (fact) plantedCount++;
  const slug = gemeente.toLowerCase().replace(/ /g, '-');
  const entry = manifest.get(base.path)!;
  const rel = `${slug}/${base.file.replace(/^(hengelo|enschede)/, slug).replace(YEAR, (y) => String(Number(y) + d))}`;
  mkdirSync(join(corpus, slug), { recursive: true });
  writeFileSync(
    join(corpus, rel),
    render(
      base,
      k,
      d,
      gemeente,
      fact ? { fact, delta: Math.max(25, Math.ceil(Math.abs(fact.value! * k) * 0.2)) } : undefined,
    ),
  );
  docs.push({ rel, base, planted: fact });
  manifestRows.push({
    file: rel,
    gemeente,
    document_type: entry.documentType,
    jaar: entry.year! + d,
    programma: entry.programme ?? '',
    source_format: entry.sourceFormat ?? '',
  });
}
writeFileSync(join(corpus, 'manifest.csv'), Papa.unparse(manifestRows));
console.log(
  `corpus: ${N} documents from ${bases.length} samples, ${plantedCount} with a planted error, written in ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s to ${corpus}`,
);
for (const b of bases)
  console.log(
    `  ${b.file}: figures ` +
      `×${b.factors.join('/')}${b.candidates.length ? `, ${b.candidates.length} cells to plant in` : ''}`,
  );

// 3. The runs.
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`;
const silent: Reporter = { start: () => {}, file: () => {}, end: () => {} };
const db = join(scratch, 'bench.sqlite');
// What `klopt ingest` passes (default configuration, its version), with the corpus rules timed.
const hooks = ingestHooks(configFrom({}), VERSION);
let afterWriteMs = 0;
const run = (what: string, target?: number): Promise<RunEnd> => {
  const cpu0 = process.cpuUsage();
  return ingest({
    paths: [corpus],
    manifest: join(corpus, 'manifest.csv'),
    db,
    concurrency: CONCURRENCY,
    version: VERSION,
    reporter: silent,
    transform: hooks.transform,
    afterWrite: (store, runId) => {
      const t = performance.now();
      hooks.afterWrite(store, runId);
      afterWriteMs = performance.now() - t;
    },
  }).then((r) => {
    const versus = target === undefined ? '' : ` (target < ${target} s: ${r.seconds < target ? 'met' : 'NOT met'})`;
    console.log(
      `${what}: ${r.seconds.toFixed(2)} s${versus}; ${r.ingested} ingested, ${r.unchanged} unchanged, ` +
        `${r.duplicates} duplicate, ${r.failed} failed; corpus rules over the database ` +
        `${(afterWriteMs / 1000).toFixed(2)} s of it`,
    );
    if (r.ingested)
      console.log(
        `  ${r.documentsPerSecond} documents/s, ${r.factsPerSecond} facts/s, ${r.rowsPerSecond} SQLite rows/s`,
      );
    // On a shared machine the wall time says little; the CPU time of all threads says what free cores would need.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `  CPU time ${cpuSeconds.toFixed(1)} s (all threads): at least ` +
        `${(cpuSeconds / availableParallelism()).toFixed(1)} s on ${availableParallelism()} free cores; ` +
        `${load()}`,
    );
    return r;
  });
};

console.log(`readers: ${CONCURRENCY} (${availableParallelism()} cores); ${load()}`);
await run(`cold ingest of ${N}`, N === 2000 ? 60 : undefined);
console.log(
  `  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process, worker threads included)`,
);

// 4. What was found, against what the samples themselves give.
const sqlite = new Database(db, { readonly: true });
const findingsOf = sqlite.prepare<
  [string],
  {
    rule: string;
    severity: string;
    tableIndex: number | null;
    row: string | null;
    column: string | null;
    line: number | null;
  }
>(`
  SELECT f.rule, f.severity, f.table_index AS tableIndex, f.row_label AS row, f.column_header AS column, f.line
  FROM files fl JOIN findings f ON f.document_id = fl.document_id WHERE fl.path = ?`);
const corpusFindings = sqlite
  .prepare<[], { rule: string; n: number }>(
    `SELECT rule, count(*) AS n FROM findings WHERE rule IN ` +
      `(${[...CORPUS_RULES].map((r) => `'${r}'`).join(', ')}) GROUP BY rule`,
  )
  .all();
let consistent = 0;
const bySample = new Map<string, [number, number]>();
let found = 0;
let atCell = 0;
for (const doc of docs) {
  const got = findingsOf.all(join(corpus, doc.rel)).filter((f) => !CORPUS_RULES.has(f.rule));
  const expected = new Map<string, number>();
  for (const s of doc.base.signature) expected.set(s, (expected.get(s) ?? 0) + 1);
  const extra = got.filter((f) => {
    const n = expected.get(sig(f)) ?? 0;
    expected.set(sig(f), n - 1);
    return n <= 0;
  });
  const missing = [...expected.values()].some((n) => n > 0);
  if (!doc.planted) {
    const ok = !extra.length && !missing;
    if (ok) consistent++;
    const c = bySample.get(doc.base.file) ?? [0, 0];
    bySample.set(doc.base.file, [c[0] + (ok ? 1 : 0), c[1] + 1]);
    if (!ok && process.env.KLOPT_BENCH_DEBUG)
      console.log(
        doc.rel,
        JSON.stringify({ extra: extra.map(sig), missing: [...expected].filter(([, n]) => n > 0).map(([k]) => k) }),
      );
    continue;
  }
  const newErrors = extra.filter((f) => f.severity === 'error');
  if (newErrors.length) found++;
  if (newErrors.some((f) => f.line === doc.planted!.provenance.line)) atCell++;
}
sqlite.close();
console.log(
  `planted errors found: ${found} of ${plantedCount} (${atCell} reported at the planted cell's own line, the ` +
    `rest at the total or saldo it breaks)`,
);
console.log(
  `documents without a planted error whose findings equal their sample's: ${consistent} of ${N - plantedCount}`,
);
for (const [file, [ok, all]] of bySample) console.log(`  ${file}: ${ok} of ${all}`);
console.log(
  `corpus-rule findings between documents (not compared above): ` +
    `${corpusFindings.map((r) => `${r.rule} ${r.n}`).join(', ') || 'none'}`,
);

await run('no-op re-run', N === 2000 ? 2 : undefined);
// The nightly job as users run it: a new process (bin/klopt.js, compiled dist/), start-up and all.
const t1 = performance.now();
const cli = spawnSync(
  process.execPath,
  [join(ROOT, 'bin', 'klopt.js'), 'ingest', corpus, '--manifest', join(corpus, 'manifest.csv'), '--db', db, '--quiet'],
  { encoding: 'utf8' },
);
const cliSeconds = (performance.now() - t1) / 1000;
console.log(
  `no-op re-run, bin/klopt.js ingest end to end: ${cliSeconds.toFixed(2)} ` +
    `s${N === 2000 ? ` (target < 2 s: ${cliSeconds < 2 ? 'met' : 'NOT met'})` : ''}; exit ` +
    `${cli.status}${cli.stderr.trim() ? `; stderr: ${cli.stderr.trim()}` : ''}`,
);
const changed = docs.filter((d) => !d.planted).slice(0, Math.max(1, Math.round(N / 100)));
for (const d of changed) appendFileSync(join(corpus, d.rel), '\nBijgewerkt na publicatie.\n');
await run(`re-run with ${changed.length} changed (1 %)`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB over all runs; ${load()}`);

// The database as one shard of a larger set: `klopt merge` copying it into a new database.
const t2 = performance.now();
const merge = spawnSync(
  process.execPath,
  [join(ROOT, 'bin', 'klopt.js'), 'merge', db, '--out', join(scratch, 'merged.sqlite')],
  { encoding: 'utf8' },
);
console.log(
  `klopt merge of this database as a shard, end to end: ${((performance.now() - t2) / 1000).toFixed(2)} s; ` +
    `exit ${merge.status}; ${merge.stderr.trim().split('\n').at(-1)}`,
);

rmSync(scratch, { recursive: true, force: true });
