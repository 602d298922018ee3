import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { TriageEntry, TriageStatus } from '../../../schemas/index.js';
import { UsageError } from '../../pipeline/files.js';
import type { Store } from '../../store/index.js';

const STATUSES = ['explained', 'accepted', 'false-alarm'];
const STATES = ['new', 'review', 'explained', 'accepted', 'false-alarm', 'gone'];

/** Opens an existing database (triage is about stored findings). */
async function storeAt(db: string): Promise<Store> {
  if (!existsSync(db)) throw new UsageError(`${db}: no such database (run klopt ingest first)`);
  const { openStore } = await import('../../store/index.js');
  return openStore(db);
}

/**
 * A triage file read whole and checked before anything is written: valid JSON, klopt's triage
 * format, every entry complete. Errors name the file and the entry.
 */
export async function readTriageFile(path: string): Promise<TriageEntry[]> {
  const { readFileSync } = await import('node:fs');
  const { TriageFile } = await import('../../../schemas/index.js');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not JSON (${(e as Error).message})`);
  }
  const parsed = TriageFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [first, index, ...rest] = issue.path;
    const where =
      first === 'entries' && typeof index === 'number'
        ? `entry ${index + 1}${rest.length ? ` (${rest.join('.')})` : ''}`
        : issue.path.join('.') || 'the file';
    throw new UsageError(`${path}: not a klopt triage file: ${where}: ${issue.message}`);
  }
  const { fingerprintOf } = await import('../../store/triage.js');
  parsed.data.entries.forEach((e, i) => {
    if (fingerprintOf(e) !== e.fingerprint)
      throw new UsageError(
        `${path}: entry ${i + 1} (${e.rule}${e.row ? `, ${e.row}` : ''}${e.column ? `, ${e.column}` : ''}): ` +
          `its fingerprint is not that of its rule, document, place and values (edited by hand?)`,
      );
  });
  return parsed.data.entries;
}

/** `klopt triage`: record what an auditor decided about findings, list, import and export it. */
export function register(program: Command): void {
  const triage = program
    .command('triage')
    .description('mark findings explained, accepted or false alarm; list, import and export the decisions');

  triage
    .command('mark')
    .description('mark a stored finding (by its fingerprint, or a prefix of it as reports show it)')
    .argument('<fingerprint>', "the finding's fingerprint or a unique prefix (at least 6 characters)")
    .addOption(new Option('--status <status>', 'the decision').choices(STATUSES).makeOptionMandatory())
    .requiredOption('--comment <text>', 'why: the explanation, the acceptance, what makes it a false alarm')
    .option('--by <name>', 'who decided')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .action(async (prefix: string, opts: { status: TriageStatus; comment: string; by?: string; db: string }) => {
      if (!/^[0-9a-f]{6,64}$/.test(prefix))
        throw new UsageError(`"${prefix}": a fingerprint is 6 to 64 hexadecimal characters`);
      if (!opts.comment.trim()) throw new UsageError('--comment: say why');
      const { fingerprintOf, triageEntryFor } = await import('../../store/triage.js');
      const store = await storeAt(opts.db);
      try {
        const matches = new Map(
          store
            .listFindings()
            .map((f) => [fingerprintOf(f), f] as const)
            .filter(([fp]) => fp.startsWith(prefix)),
        );
        if (matches.size === 0)
          throw new UsageError(`${opts.db}: no finding with fingerprint ${prefix}… (klopt triage list shows them)`);
        if (matches.size > 1)
          throw new UsageError(
            `${opts.db}: ${matches.size} findings have fingerprints starting ${prefix}: give more characters`,
          );
        const [[fingerprint, finding]] = [...matches];
        store.putTriage([triageEntryFor(finding, opts.status, opts.comment.trim(), opts.by ?? null)], opts.db);
        process.stderr.write(
          `klopt: ${fingerprint.slice(0, 12)} ${finding.rule} ` +
            `(${finding.file}${finding.row ? `, ${finding.row}` : ''}${finding.column ? `, ${finding.column}` : ''}) ` +
            `marked ${opts.status}\n`,
        );
      } finally {
        store.close();
      }
    });

  triage
    .command('clear')
    .description('remove the decision on a finding')
    .argument('<fingerprint>', 'the full fingerprint of the decision (klopt triage list --format json shows it)')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .action(async (fingerprint: string, opts: { db: string }) => {
      const store = await storeAt(opts.db);
      try {
        const entry = store.listTriage().filter((e) => e.fingerprint.startsWith(fingerprint));
        if (entry.length !== 1)
          throw new UsageError(
            `${opts.db}: ${entry.length === 0 ? 'no decision' : `${entry.length} decisions`} with ` +
              `fingerprint ${fingerprint}…`,
          );
        store.clearTriage(entry[0].fingerprint);
        process.stderr.write(`klopt: decision on ${entry[0].fingerprint.slice(0, 12)} removed\n`);
      } finally {
        store.close();
      }
    });

  triage
    .command('list')
    .description(
      'every stored finding with its triage state (new, review, explained, accepted, false-alarm), and ' +
        'decisions whose finding is gone',
    )
    .addOption(new Option('--status <state...>', 'only these states').choices(STATES))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .action(async (opts: { status?: string[]; format: 'text' | 'json'; db: string }) => {
      const { locusOf } = await import('../../store/triage.js');
      const { shownFindings, triageSummary } = await import('../../report/index.js');
      const store = await storeAt(opts.db);
      try {
        const entries = store.listTriage();
        const view = shownFindings({ documents: [], findings: store.listFindings(), triage: { entries } });
        // A decision no finding answers to any more, not even at its locus: the finding is gone (fixed, or the file
        // removed).
        const used = new Set(
          view.shown.flatMap((s) => (s.triage.status === 'new' ? [] : [s.triage.entry.fingerprint])),
        );
        const loci = new Set(view.shown.map((s) => locusOf(s.finding)));
        const gone = entries.filter((e) => !used.has(e.fingerprint) && !loci.has(locusOf(e)));
        const rows = [
          ...view.shown.map(({ finding: f, fingerprint, triage: t }) => ({
            state: t.status,
            fingerprint,
            severity: f.severity,
            rule: f.rule,
            file: f.file,
            line: f.line,
            page: f.page,
            table: f.table,
            row: f.row,
            column: f.column,
            expected: f.expected,
            found: f.found,
            message: f.message,
            decision:
              t.status === 'new'
                ? null
                : { status: t.entry.status, comment: t.entry.comment, by: t.entry.by, at: t.entry.at },
          })),
          ...gone.map((e) => ({
            state: 'gone',
            fingerprint: e.fingerprint,
            severity: null,
            rule: e.rule,
            file: e.file,
            line: e.line,
            page: e.page,
            table: e.table,
            row: e.row,
            column: e.column,
            expected: e.expected,
            found: e.found,
            message: null,
            decision: { status: e.status, comment: e.comment, by: e.by, at: e.at },
          })),
        ].filter((r) => !opts.status || opts.status.includes(r.state));
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else {
          for (const r of rows) {
            const place = [r.file + (r.page ? ` p. ${r.page}` : r.line ? `:${r.line}` : ''), r.row, r.column]
              .filter(Boolean)
              .join(', ');
            const decision = r.decision
              ? ` — ` +
                `${r.state === 'review' || r.state === 'gone' ? `was ${r.decision.status}` : r.decision.status}: ` +
                `${r.decision.comment}`
              : '';
            process.stdout.write(
              `${r.fingerprint.slice(0, 12)}  ${r.state.padEnd(11)} ${(r.severity ?? '').padEnd(7)} ` +
                `${r.rule}  ${place}${decision}\n`,
            );
          }
        }
        process.stderr.write(
          `klopt: ` +
            `${triageSummary(view.counts) || 'no findings'}${gone.length ? `; ${gone.length} decision(s) whose finding is gone` : ''}\n`,
        );
      } finally {
        store.close();
      }
    });

  triage
    .command('import')
    .description('read triage files (as the HTML report exports them) into the database: all or nothing')
    .argument('<files...>', 'triage JSON files')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .action(async (files: string[], opts: { db: string }) => {
      // every file read and checked before the database is touched
      const read: Array<[string, TriageEntry[]]> = [];
      for (const f of files) read.push([f, await readTriageFile(f)]);
      const store = await storeAt(opts.db);
      try {
        store.db.transaction(() => {
          for (const [f, entries] of read) store.putTriage(entries, f);
        })();
        const n = read.reduce((a, [, e]) => a + e.length, 0);
        process.stderr.write(`klopt: imported ${n} triage decision(s) from ${files.join(', ')} into ${opts.db}\n`);
      } finally {
        store.close();
      }
    });

  triage
    .command('export')
    .description("write the database's triage decisions as a triage file (for check --triage, or another database)")
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <file>', 'SQLite database', 'out/klopt.sqlite')
    .action(async (opts: { out?: string; db: string }) => {
      const { writeOut } = await import('../output.js');
      const store = await storeAt(opts.db);
      try {
        const entries = store.listTriage();
        const text = `${JSON.stringify({ klopt: 'triage', version: 1, entries }, null, 2)}\n`;
        if (opts.out) writeOut(opts.out, text);
        else process.stdout.write(text);
        process.stderr.write(`klopt: exported ${entries.length} triage decision(s) to ${opts.out ?? 'stdout'}\n`);
      } finally {
        store.close();
      }
    });
}
