import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { severityRank, type Finding, type Severity } from '../../schemas/index.js';
import { DEFAULT_MAX_BYTES, InputError, processFile, type ProcessedDocument, type ProcessOptions } from '../pipeline/index.js';
import { collectInputs, UsageError } from '../pipeline/files.js';
import { manifestNear, readManifest, type ManifestEntry } from '../pipeline/metadata.js';
import { makeFinding } from '../reconcile/finding.js';
import { rules } from '../reconcile/registry.js';
import { renderCsv, renderReport, summarise, type Report, type ReportFormat } from '../report/index.js';
import { openStore, type Store } from '../store/index.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadableFiles: 3 } as const;

type FailOn = Severity | 'never';

function manifestsFor(files: string[], explicit?: string, allowOutside = false): Map<string, ManifestEntry> {
  const merged = new Map<string, ManifestEntry>();
  const paths = explicit ? [explicit] : [...new Set(files.map(manifestNear).filter((m): m is string => m !== null))];
  for (const p of paths) for (const [k, v] of readManifest(p, { allowOutside })) merged.set(k, v);
  return merged;
}

/** Run the pipeline over files; a file that cannot be read becomes a finding, and the run goes on. */
function processAll(files: string[], manifest: Map<string, ManifestEntry>, onDocument: (d: ProcessedDocument) => void, options: ProcessOptions = {}) {
  const failed: Finding[] = [];
  for (const file of files) {
    try {
      onDocument(processFile(file, { ...options, manifest }));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      // InputError names the file already; a failure while storing does not.
      const message = err instanceof InputError ? detail : `${file}: ${detail}`;
      process.stderr.write(`klopt: ${message}\n`);
      failed.push(makeFinding({ file, id: '' }, { rule: 'unreadable-file', severity: 'error', documentId: null, message }));
    }
  }
  return failed;
}

function reachesThreshold(findings: Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => severityRank[f.severity] >= severityRank[failOn]);
}

function writeOut(path: string, content: string) {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, content);
}

function reportFromStore(store: Store): Report {
  const findings = store.listFindings();
  const documents = store.listDocuments().map((d) =>
    summarise(d, store.documentCounts(d.id), findings),
  );
  return { documents, findings };
}

function oneLineSummary(findings: Finding[], documents: number): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `klopt: ${documents} document(s), ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
}

const formatOption = () => new Option('--format <format>', 'output format').choices(['json', 'csv', 'md']);
/** Options every command that reads documents takes (hostile input: size limit, manifest paths). */
interface InputOptions {
  maxBytes: number;
  allowOutsideManifest?: boolean;
}
const inputOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--max-bytes <n>', 'refuse files larger than this many bytes').default(DEFAULT_MAX_BYTES).argParser(parseByteCount))
    .option('--allow-outside-manifest', "let manifest entries name files outside the manifest's directory");
function parseByteCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--max-bytes: "${value}" is not a positive whole number of bytes`);
  return n;
}

const failOnOption = (dflt: FailOn) => new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['error', 'warning', 'info', 'never']).default(dflt);

export function buildProgram(): Command {
  const program = new Command('klopt')
    .description('Reads Dutch municipal P&C documents and proves whether their figures add up')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  inputOptions(program
    .command('ingest'))
    .description('extract, reconcile and store documents in SQLite; prints a summary per document')
    .argument('<paths...>', 'files or directories')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .option('--manifest <file>', 'manifest CSV (file,gemeente,document_type,jaar,programma,source_format); default: manifest.csv beside each file')
    .option('--report <file>', 'also write the markdown report of everything stored')
    .option('--findings-csv <file>', 'also write all stored findings as CSV')
    .addOption(failOnOption('never'))
    .action((paths: string[], opts: InputOptions & { db: string; manifest?: string; report?: string; findingsCsv?: string; failOn: FailOn }) => {
      const files = collectInputs(paths);
      const manifest = manifestsFor(files, opts.manifest, opts.allowOutsideManifest);
      const store = openStore(opts.db);
      const runId = store.startRun(VERSION);
      let skipped = 0;
      let ingested = 0;
      const runFindings: Finding[] = [];
      try {
        const failed = processAll(files, manifest, (doc) => {
          const unchanged = store.hasDocument(doc.document.id);
          if (unchanged) skipped++;
          else {
            store.replaceDocument(doc, runId);
            ingested++;
          }
          runFindings.push(...doc.findings);
          const count = (s: Severity) => doc.findings.filter((f) => f.severity === s).length;
          process.stdout.write(
            `${doc.document.file}: ${unchanged ? 'unchanged' : 'ingested'}; ${doc.tables.length} tables, ${doc.financial.length} financial and ${doc.indicators.length} indicator facts; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info\n`,
          );
        }, { maxBytes: opts.maxBytes });
        if (failed.length) store.addFindings(failed, runId);
        runFindings.push(...failed);
        const count = (s: Severity) => runFindings.filter((f) => f.severity === s).length;
        store.finishRun(runId, { filesSeen: files.length, filesSkipped: skipped, filesIngested: ingested, filesFailed: failed.length, findingsError: count('error'), findingsWarning: count('warning'), findingsInfo: count('info'), status: failed.length ? 'finished with failures' : 'finished' });
        const report = reportFromStore(store);
        if (opts.report) writeOut(opts.report, renderReport(report, 'md'));
        if (opts.findingsCsv) writeOut(opts.findingsCsv, renderCsv(report.findings));
        process.stderr.write(`${oneLineSummary(runFindings, files.length)} (database ${opts.db})\n`);
        process.exitCode = failed.length ? EXIT.unreadableFiles : reachesThreshold(runFindings, opts.failOn) ? EXIT.findings : EXIT.ok;
      } finally {
        store.close();
      }
    });

  inputOptions(program
    .command('check'))
    .description('extract and reconcile without a database; prints the report to stdout')
    .argument('<paths...>', 'files or directories')
    .option('--manifest <file>', 'manifest CSV; default: manifest.csv beside each file')
    .addOption(formatOption().default('md'))
    .addOption(failOnOption('error'))
    .action((paths: string[], opts: InputOptions & { manifest?: string; format: ReportFormat; failOn: FailOn }) => {
      const files = collectInputs(paths);
      const manifest = manifestsFor(files, opts.manifest, opts.allowOutsideManifest);
      const docs: ProcessedDocument[] = [];
      const failed = processAll(files, manifest, (d) => docs.push(d), { maxBytes: opts.maxBytes });
      const findings = [...docs.flatMap((d) => d.findings), ...failed];
      const documents = docs.map((d) => summarise(d.document, { tables: d.tables.length, financialFacts: d.financial.length, indicatorFacts: d.indicators.length }, findings));
      process.stdout.write(renderReport({ documents, findings }, opts.format));
      process.stderr.write(`${oneLineSummary(findings, files.length)}\n`);
      process.exitCode = failed.length ? EXIT.unreadableFiles : reachesThreshold(findings, opts.failOn) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('report')
    .description('render the findings stored in a database')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .addOption(formatOption().default('md'))
    .option('--out <file>', 'write to a file instead of stdout')
    .addOption(failOnOption('never'))
    .action((opts: { db: string; format: ReportFormat; out?: string; failOn: FailOn }) => {
      if (!existsSync(opts.db)) throw new UsageError(`${opts.db}: no such database (run klopt ingest first)`);
      const store = openStore(opts.db);
      try {
        const report = reportFromStore(store);
        const text = renderReport(report, opts.format);
        if (opts.out) writeOut(opts.out, text);
        else process.stdout.write(text);
        process.stderr.write(`${oneLineSummary(report.findings, report.documents.length)}\n`);
        process.exitCode = reachesThreshold(report.findings, opts.failOn) ? EXIT.findings : EXIT.ok;
      } finally {
        store.close();
      }
    });

  program
    .command('rules')
    .description('list every reconciler rule with its default severity')
    .action(() => {
      for (const r of rules) process.stdout.write(`${r.id.padEnd(20)} ${r.severity.padEnd(8)} ${r.docs.description.split('. ')[0]}\n`);
    });
  return program;
}

export function main(argv: string[]): void {
  try {
    buildProgram().parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : EXIT.usage;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`klopt: ${err.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`klopt: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.unreadableFiles;
  }
}

main(process.argv.slice(2));
