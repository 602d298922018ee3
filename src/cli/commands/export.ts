import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../pipeline/files.js';
import {
  EXPORTS,
  exportColumns,
  exportRows,
  renderExport,
  type ExportFormat,
  type ExportWhat,
} from '../../report/export.js';

/** `klopt export`: stored facts or findings as CSV or JSON, for analysts and spreadsheets. */
export function register(program: Command): void {
  program
    .command('export')
    .description('write stored financial facts, indicator facts or findings as CSV or JSON')
    .addOption(new Option('--what <what>', 'what to export').choices([...EXPORTS]).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .option('--excel-nl', 'CSV for Dutch Excel: semicolons, decimal commas, UTF-8 BOM, formulas neutralised')
    .action(async (opts: { what: ExportWhat; format: ExportFormat; out?: string; db: string; excelNl?: boolean }) => {
      if (opts.excelNl && opts.format !== 'csv') throw new UsageError('--excel-nl applies to --format csv only');
      if (!existsSync(opts.db)) throw new UsageError(`${opts.db}: no such database (run klopt ingest first)`);
      const { openStore } = await import('../../store/index.js');
      const store = openStore(opts.db);
      try {
        const rows = exportRows(store, opts.what);
        const text = renderExport(exportColumns(store, opts.what), rows, opts.format, opts.excelNl);
        if (opts.out) {
          mkdirSync(dirname(resolve(opts.out)), { recursive: true });
          writeFileSync(opts.out, text);
        } else process.stdout.write(text);
        process.stderr.write(
          `klopt: exported ${rows.length} ${opts.what} row(s) as ` +
            `${opts.format}${opts.excelNl ? ' (Excel NL)' : ''} to ${opts.out ?? 'stdout'}\n`,
        );
      } finally {
        store.close();
      }
    });
}
