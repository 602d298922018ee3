import { existsSync, readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Severity } from '../../../schemas/index.js';
import type { Iv3Kind } from '../../iv3/read.js';
import type { ReportFormat } from '../../report/index.js';
import { UsageError } from '../../pipeline/files.js';
import { addConfigOptions } from '../common.js';

export function register(program: Command): void {
  const iv3 = program.command('iv3').description('IV3 figures delivered to CBS: import them, check them');

  iv3
    .command('import')
    .description('load IV3 figures (semicolon CSV export, amounts × € 1.000, or CBS JSON delivery) into the database')
    .argument('<files...>', 'IV3 files')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .option('--year <year>', 'year of a CSV export whose file name does not say', (v) => Number(v))
    .addOption(
      new Option('--kind <kind>', 'begroting or realisatie, for a CSV export whose file name does not say').choices([
        'begroting',
        'realisatie',
      ]),
    )
    .action(async (files: string[], opts: { db: string; year?: number; kind?: Iv3Kind }) => {
      for (const f of files) if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
      const { Iv3InputError, readIv3File } = await import('../../iv3/read.js');
      const { importIv3 } = await import('../../iv3/store.js');
      const { openStore } = await import('../../store/index.js');
      // Read everything first: a bad file stops the run before anything is written.
      const inputs = files.map((f) => {
        try {
          return { input: readIv3File(f, { year: opts.year, kind: opts.kind }), content: readFileSync(f, 'utf8') };
        } catch (e) {
          if (e instanceof Iv3InputError) throw new UsageError(e.message);
          throw e;
        }
      });
      const store = openStore(opts.db);
      try {
        for (const { input, content } of inputs) {
          const r = importIv3(store, input, content);
          const keys = [...new Set(input.figures.map((x) => `${x.gemeente} ${x.kind} ${x.year}`))];
          process.stdout.write(
            `${input.file}: ${r.figures} taakveld rows (${keys.length} gemeente/year/kind: ` +
              `${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}), ${r.population} inwonertallen\n`,
          );
        }
      } finally {
        store.close();
      }
    });

  addConfigOptions(
    iv3
      .command('check')
      .description(
        "CBS's delivery checks (fouten.json) that apply to the imported figures: PF006 total lasten = total baten",
      )
      .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'md']).default('md'))
      .addOption(
        new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists')
          .choices(['error', 'warning', 'info', 'never'])
          .default('error'),
      ),
  ).action(
    async (opts: {
      db: string;
      format: ReportFormat;
      failOn: Severity | 'never';
      config?: string;
      rule?: string[];
    }) => {
      if (!existsSync(opts.db)) throw new UsageError(`${opts.db}: no such database (run klopt iv3 import first)`);
      const { severityRank } = await import('../../../schemas/index.js');
      const { listIv3Figures } = await import('../../iv3/store.js');
      const { runRules } = await import('../../reconcile/registry.js');
      const { renderReport } = await import('../../report/index.js');
      const { openStore } = await import('../../store/index.js');
      const { configFrom, configure } = await import('../corpus.js');
      const store = openStore(opts.db);
      try {
        const figures = listIv3Figures(store);
        const findings = configure(runRules('iv3', { documents: [], iv3: figures }).findings, configFrom(opts), []);
        process.stdout.write(renderReport({ documents: [], findings }, opts.format));
        process.stderr.write(`klopt: ${figures.length} IV3 rows checked, ${findings.length} finding(s)\n`);
        process.exitCode =
          opts.failOn !== 'never' &&
          findings.some((f) => severityRank[f.severity] >= severityRank[opts.failOn as Severity])
            ? 1
            : 0;
      } finally {
        store.close();
      }
    },
  );
}
