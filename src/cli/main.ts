import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { Finding } from '../../schemas/index.js';
import type { ProcessedDocument, ProcessOptions } from '../pipeline/index.js';
import { collectInputs, UsageError } from '../pipeline/files.js';
import type { ManifestEntry } from '../pipeline/metadata.js';
import type { ReportFormat } from '../report/index.js';
import {
  EXIT,
  VERSION,
  addConfigOptions,
  failOnOption,
  formatOption,
  inputOptions,
  type InputOptions,
  type FailOn,
} from './common.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerExport } from './commands/export.js';
import { register as registerIv3 } from './commands/iv3.js';
import { register as registerMerge } from './commands/merge.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerTriage } from './commands/triage.js';

// Declaring the commands imports only commander and common.ts; what a command runs is imported
// by its action, so `klopt --help` does not load the readers, the store or the report.

export { EXIT } from './common.js';

/** Run the pipeline over files; a file that cannot be read becomes a finding, and the run goes on. */
async function processAll(
  files: string[],
  manifest: Map<string, ManifestEntry>,
  onDocument: (d: ProcessedDocument) => void,
  options: ProcessOptions = {},
) {
  const { InputError, processFileAsync } = await import('../pipeline/index.js');
  const { makeFinding } = await import('../arithmetic/finding.js');
  const failed: Finding[] = [];
  for (const file of files) {
    try {
      onDocument(await processFileAsync(file, { ...options, manifest }));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      // InputError names the file already; other failures do not.
      const message = err instanceof InputError ? detail : `${file}: ${detail}`;
      process.stderr.write(`klopt: ${message}\n`);
      failed.push(
        makeFinding({ file, id: '' }, { rule: 'unreadable-file', severity: 'error', documentId: null, message }),
      );
    }
  }
  return failed;
}

export function buildProgram(): Command {
  const program = new Command('klopt')
    .description('Reads Dutch municipal P&C documents and proves whether their figures add up')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  registerIngest(program);

  inputOptions(addConfigOptions(program.command('check')))
    .description('extract and reconcile without a database; prints the report to stdout')
    .argument('<paths...>', 'files or directories')
    .option('--manifest <file>', 'manifest CSV; default: manifest.csv beside each file')
    .addOption(formatOption().default('md'))
    .addOption(failOnOption('error'))
    .option('--iv3 <files...>', "IV3 files (CSV export or CBS JSON) to compare the documents' taakveld figures with")
    .option(
      '--triage <files...>',
      "triage files (klopt triage export, or the HTML report's export): show each finding's decision",
    )
    .option('--hide-triaged', 'leave findings triaged (and unchanged since) out of the report and of --fail-on')
    .action(
      async (
        paths: string[],
        opts: InputOptions & {
          manifest?: string;
          format: ReportFormat;
          failOn: FailOn;
          iv3?: string[];
          config?: string;
          rule?: string[];
          triage?: string[];
          hideTriaged?: boolean;
        },
      ) => {
        const { configFrom, configure, corpusFindings } = await import('./corpus.js');
        const { manifestsFor, oneLineSummary, reachesThreshold } = await import('./output.js');
        const { renderReport, shownFindings, summarise } = await import('../report/index.js');
        const { readTriageFile } = await import('./commands/triage.js');
        if (opts.hideTriaged && !opts.triage)
          throw new UsageError('--hide-triaged needs --triage <file> (check has no database)');
        const entries = [];
        for (const f of opts.triage ?? []) entries.push(...(await readTriageFile(f)));
        const files = collectInputs(paths);
        const config = configFrom(opts);
        const manifest = manifestsFor(files, opts.manifest, opts.allowOutsideManifest);
        const docs: ProcessedDocument[] = [];
        const failed = await processAll(files, manifest, (d) => docs.push(d), { maxBytes: opts.maxBytes });
        const findings = [
          ...configure([...docs.flatMap((d) => d.findings), ...corpusFindings(docs, opts.iv3 ?? [])], config, docs),
          ...failed,
        ];
        const documents = docs.map((d) =>
          summarise(
            d.document,
            { tables: d.tables.length, financialFacts: d.financial.length, indicatorFacts: d.indicators.length },
            findings,
          ),
        );
        const cellsOf = (documentId: string, tableIndex: number) =>
          docs.find((d) => d.document.id === documentId)?.financial.filter((c) => c.tableIndex === tableIndex) ?? [];
        const report = {
          documents,
          findings,
          cellsOf,
          ...(opts.triage ? { triage: { entries, hide: opts.hideTriaged } } : {}),
        };
        process.stdout.write(renderReport(report, opts.format));
        const view = shownFindings(report);
        process.stderr.write(`${oneLineSummary(findings, files.length, documents, opts.triage ? view : undefined)}\n`);
        // Like a baseline: findings triaged and unchanged since do not fail the run when hidden.
        const counted = view.shown.map((s) => s.finding);
        process.exitCode = failed.length
          ? EXIT.unreadableFiles
          : reachesThreshold(counted, opts.failOn)
            ? EXIT.findings
            : EXIT.ok;
      },
    );

  program
    .command('report')
    .description('render the findings stored in a database')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .addOption(formatOption().default('md'))
    .option('--out <file>', 'write to a file instead of stdout')
    .addOption(failOnOption('never'))
    .option('--hide-triaged', 'leave findings triaged (and unchanged since) out of the report and of --fail-on')
    .action(async (opts: { db: string; format: ReportFormat; out?: string; failOn: FailOn; hideTriaged?: boolean }) => {
      if (!existsSync(opts.db)) throw new UsageError(`${opts.db}: no such database (run klopt ingest first)`);
      const { openStore } = await import('../store/index.js');
      const { oneLineSummary, reachesThreshold, reportFromStore, writeOut } = await import('./output.js');
      const { renderReport, shownFindings } = await import('../report/index.js');
      const store = openStore(opts.db);
      try {
        const report = reportFromStore(store, opts.hideTriaged);
        // source files are linked relative to where the report is written
        const linkBase = opts.out ? dirname(resolve(opts.out)) : process.cwd();
        const text = renderReport(report, opts.format, {
          generatedAt: new Date().toISOString(),
          kloptVersion: VERSION,
          linkBase,
        });
        if (opts.out) writeOut(opts.out, text);
        else process.stdout.write(text);
        const view = shownFindings(report);
        process.stderr.write(`${oneLineSummary(report.findings, report.documents.length, report.documents, view)}\n`);
        process.exitCode = reachesThreshold(
          view.shown.map((s) => s.finding),
          opts.failOn,
        )
          ? EXIT.findings
          : EXIT.ok;
      } finally {
        store.close();
      }
    });

  registerExport(program);
  registerRules(program);
  registerTriage(program);
  registerIv3(program);
  registerMerge(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' }); // ingest is async
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

await main(process.argv.slice(2));
