/** `klopt ingest`: bulk, incremental, parallel ingestion into SQLite (src/ingest). */
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import type { LogFormat, Reporter } from '../../ingest/index.js';
import type { FileEvent } from '../../ingest/writer.js';
import {
  EXIT,
  VERSION,
  addConfigOptions,
  failOnOption,
  positiveInt,
  inputOptions,
  type InputOptions,
  type FailOn,
} from '../common.js';

interface IngestCliOptions extends InputOptions {
  db: string;
  manifest?: string;
  report?: string;
  findingsCsv?: string;
  failOn: FailOn;
  concurrency: number;
  prune?: boolean;
  wait: number;
  quiet?: boolean;
  logFormat?: LogFormat;
  format: 'text' | 'json';
  config?: string;
  rule?: string[];
}

/** `--format json`: nothing per file, one object for the whole run at the end. */
function collectingReporter(): Reporter & { files: FileEvent[] } {
  const files: FileEvent[] = [];
  return { files, start: () => {}, file: (e) => files.push(e), end: () => {} };
}

export function register(program: Command): void {
  inputOptions(addConfigOptions(program.command('ingest')))
    .description('extract, reconcile and store documents in SQLite; only new and changed files are read')
    .argument('[paths...]', 'files, directories or quoted glob patterns')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .option(
      '--manifest <file>',
      'manifest CSV or JSON (file,gemeente,document_type,jaar,programma,source_format): its files are ' +
        'ingested with its metadata; default: manifest.csv beside each file',
    )
    .option('--report <file>', 'also write the markdown report of everything stored')
    .option('--findings-csv <file>', 'also write all stored findings as CSV')
    .addOption(failOnOption('never'))
    .addOption(
      new Option('--concurrency <n>', 'files read in parallel (worker threads)')
        .argParser(positiveInt('--concurrency'))
        .default(availableParallelism(), 'number of cores'),
    )
    .option('--prune', 'delete the stored rows of files that are gone from disk (default: only report them)')
    .addOption(
      new Option('--wait <seconds>', 'when another ingest holds the database, wait up to this long')
        .argParser(positiveInt('--wait'))
        .default(0),
    )
    .option('--quiet', 'print nothing but failures')
    .addOption(
      new Option(
        '--format <format>',
        'stdout: the per-file log (text), or one JSON object for the whole run at the end (json)',
      )
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      new Option(
        '--log-format <format>',
        'per-file log: text lines, or JSON lines (default: text on a terminal, json otherwise)',
      ).choices(['text', 'json']),
    )
    .action(async (paths: string[], opts: IngestCliOptions) => {
      const { BusyError, createReporter, ingest } = await import('../../ingest/index.js');
      const { renderReport } = await import('../../report/index.js');
      const { openStore } = await import('../../store/index.js');
      const { reachesThreshold, reportFromStore, writeOut } = await import('../output.js');
      const { configFrom, ingestHooks } = await import('../corpus.js');
      const format: LogFormat = opts.logFormat ?? (process.stdout.isTTY ? 'text' : 'json');
      const config = configFrom(opts);
      const collected = opts.format === 'json' ? collectingReporter() : null;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const end = await ingest({
          paths,
          manifest: opts.manifest,
          db: opts.db,
          concurrency: opts.concurrency || availableParallelism(),
          prune: opts.prune,
          waitSeconds: opts.wait,
          version: VERSION,
          reporter: collected ?? createReporter(format, Boolean(opts.quiet)),
          signal: controller.signal,
          maxBytes: opts.maxBytes,
          allowOutsideManifest: opts.allowOutsideManifest,
          ...ingestHooks(config, VERSION),
        });
        if (opts.report || opts.findingsCsv) {
          const store = openStore(opts.db);
          try {
            const report = reportFromStore(store);
            if (opts.report) writeOut(opts.report, renderReport(report, 'md'));
            if (opts.findingsCsv) writeOut(opts.findingsCsv, renderReport(report, 'csv'));
          } finally {
            store.close();
          }
        }
        const f = end.findings;
        if (!opts.quiet) {
          process.stderr.write(
            `klopt: ${end.filesSeen} file(s): ${end.ingested} ingested, ${end.unchanged} unchanged, ` +
              `${end.duplicates} duplicate, ${end.failed} failed, ${end.removed + end.pruned} ` +
              `removed${end.pruned ? ' (pruned)' : ''}; ${f.error} error(s), ${f.warning} warning(s), ` +
              `${f.info} info in ${end.seconds} s (database ${opts.db}, run ` +
              `${end.runId}${end.status === 'interrupted' ? ', interrupted' : ''})\n`,
          );
        }
        const severities = (['error', 'warning', 'info'] as const)
          .filter((s) => f[s] > 0)
          .map((severity) => ({ severity }));
        process.exitCode =
          end.status === 'interrupted'
            ? 130
            : end.failed
              ? EXIT.unreadableFiles
              : reachesThreshold(severities, opts.failOn)
                ? EXIT.findings
                : EXIT.ok;
        if (collected) {
          const documents = collected.files
            .filter((e) => e.documentId !== null)
            .map(({ ms: _ms, error: _error, documentId, ...e }) => ({ ...e, id: documentId }));
          const failedFiles = collected.files
            .filter((e) => e.status === 'failed')
            .map((e) => ({ file: e.file, message: e.error }));
          process.stdout.write(
            `${JSON.stringify({ run: end.runId, database: opts.db, exitCode: process.exitCode, status: end.status, documents, failedFiles, findings: f }, null, 2)}\n`,
          );
        }
      } catch (e) {
        if (!(e instanceof BusyError)) throw e;
        process.stderr.write(`klopt: ${opts.db}: ${e.message}\n`);
        process.exitCode = EXIT.busy;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
