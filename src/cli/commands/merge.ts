/**
 * `klopt merge`: shard databases, each ingested on a machine of its own, copied into a new one (src/store/merge.ts).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UsageError } from '../../pipeline/files.js';
import type { ShardMerge } from '../../store/merge.js';
import { EXIT, VERSION, addConfigOptions } from '../common.js';

interface MergeCliOptions {
  out: string;
  format: 'text' | 'json';
  config?: string;
  rule?: string[];
}

const removeDatabase = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
};

export function register(program: Command): void {
  addConfigOptions(program.command('merge'))
    .description(
      'copy shard databases (each from its own klopt ingest) into a new one; the rules between documents run ' +
        'over the whole',
    )
    .argument(
      '<shards...>',
      'shard databases, in this order (the same content in two: the first holds it, the other file is its duplicate)',
    )
    .addOption(
      new Option(
        '--out <file>',
        'the new database (must not exist; written under <file>.partial and renamed when complete)',
      ).makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <format>', 'summary as text on stderr, or one JSON object on stdout')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(async (shards: string[], opts: MergeCliOptions) => {
      const { claimRun, finishRun } = await import('../../ingest/runs.js');
      const { rulesOf } = await import('../../reconcile/registry.js');
      const { openStore } = await import('../../store/index.js');
      const { checkShard, MergeError, mergeShard } = await import('../../store/merge.js');
      const { configFrom, recheckStore } = await import('../corpus.js');
      const config = configFrom(opts);
      const twice = shards.find((s, i) => shards.indexOf(s) !== i);
      if (twice) throw new UsageError(`${twice} is named twice`);
      // A new database each time: an in-place merge would keep what a shard has since pruned or read again.
      if (existsSync(opts.out))
        throw new UsageError(
          `${opts.out} exists; klopt merge writes a new database (give a new name, and move it into place when done)`,
        );
      // Every shard is checked before the first is copied: a bad one stops the merge with nothing written.
      try {
        for (const s of shards) checkShard(s);
      } catch (e) {
        if (!(e instanceof MergeError)) throw e;
        process.stderr.write(`klopt: ${e.message}; nothing merged\n`);
        process.exitCode = EXIT.unreadableFiles;
        return;
      }
      const partial = `${opts.out}.partial`;
      removeDatabase(partial); // left by a merge that was killed
      const store = openStore(partial);
      let complete = false;
      try {
        const runId = claimRun(store.db, VERSION, 1);
        const merged: ShardMerge[] = [];
        for (const s of shards) {
          const m = mergeShard(
            store,
            s,
            runId,
            rulesOf('corpus').map((r) => r.id),
          );
          merged.push(m);
          if (opts.format === 'text') {
            process.stderr.write(
              `klopt: ${s}: ${m.documents} document(s), ${m.files} ` +
                `file(s)${m.duplicates ? ` (${m.duplicates} duplicate of an earlier shard's)` : ''}, ` +
                `${m.findings} finding(s)\n`,
            );
            const other = m.versions.filter((v) => v !== VERSION);
            if (other.length)
              process.stderr.write(
                `klopt: ${s}: warning: read by klopt ${other.join(', ')}, this is ${VERSION}; figures may ` +
                  `have been read differently\n`,
              );
          }
        }
        const corpus = recheckStore(store, runId, config, VERSION) ?? [];
        const count = (sql: string, ...p: unknown[]) =>
          store.db
            .prepare<unknown[], number>(sql)
            .pluck()
            .get(...p)!;
        const bySeverity = { error: 0, warning: 0, info: 0 };
        for (const sev of ['error', 'warning', 'info'] as const)
          bySeverity[sev] = count('SELECT count(*) FROM findings WHERE severity = ?', sev);
        const files = count('SELECT count(*) FROM files');
        const failed = count(`SELECT count(*) FROM files WHERE status = 'failed'`);
        finishRun(store.db, runId, {
          filesSeen: files,
          filesSkipped: 0,
          filesIngested: files - failed,
          filesFailed: failed,
          filesRemoved: 0,
          findingsError: bySeverity.error,
          findingsWarning: bySeverity.warning,
          findingsInfo: bySeverity.info,
          status: failed ? 'finished with failures' : 'finished',
        });
        if (opts.format === 'json')
          process.stdout.write(
            `${JSON.stringify({ run: runId, database: opts.out, shards: merged, corpusFindings: corpus.length, findings: bySeverity }, null, 2)}\n`,
          );
        else
          process.stderr.write(
            `klopt: merged ${shards.length} shard(s) into ${opts.out}: ${files} file(s), ${bySeverity.error} ` +
              `error(s), ${bySeverity.warning} warning(s), ${bySeverity.info} info; rules between documents: ` +
              `${corpus.length} finding(s)\n`,
          );
        // One file to rename, no -wal beside it (openStore turns WAL on again when it is opened).
        store.db.pragma('journal_mode = DELETE');
        complete = true;
      } catch (e) {
        if (!(e instanceof MergeError)) throw e;
        process.stderr.write(`klopt: ${e.message}; nothing merged\n`);
        process.exitCode = EXIT.unreadableFiles;
      } finally {
        store.close();
        if (complete) renameSync(partial, opts.out);
        else removeDatabase(partial);
      }
      if (complete) process.exitCode = EXIT.ok;
    });
}
