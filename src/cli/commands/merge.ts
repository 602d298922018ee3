/** `klopt merge`: shard databases, each ingested on a machine of its own, copied into one (src/store/merge.ts). */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UsageError } from '../../pipeline/files.js';
import { BusyError } from '../../ingest/index.js';
import { claimRunWaiting, finishRun } from '../../ingest/runs.js';
import { corpusRules } from '../../reconcile/corpus-registry.js';
import { openStore } from '../../store/index.js';
import { checkShard, MergeError, mergeShard, type ShardMerge } from '../../store/merge.js';
import { EXIT, positiveInt, VERSION } from '../common.js';
import { addConfigOptions, configFrom, recheckStore } from '../corpus.js';

interface MergeCliOptions {
  db: string;
  wait: number;
  format: 'text' | 'json';
  config?: string;
  rule?: string[];
}

export function register(program: Command): void {
  addConfigOptions(program.command('merge'))
    .description('copy shard databases (each from its own klopt ingest) into one; the rules between documents run again over the whole')
    .argument('<shards...>', 'shard databases, merged in this order (a file in two shards: the last wins)')
    .option('--db <file>', 'target SQLite database (created if missing)', 'out/klopt.sqlite')
    .addOption(new Option('--wait <seconds>', 'when an ingest holds the target, wait up to this long').argParser(positiveInt('--wait')).default(0))
    .addOption(new Option('--format <format>', 'summary as text on stderr, or one JSON object on stdout').choices(['text', 'json']).default('text'))
    .action(async (shards: string[], opts: MergeCliOptions) => {
      const config = configFrom(opts);
      const twice = shards.find((s, i) => shards.indexOf(s) !== i);
      if (twice) throw new UsageError(`${twice} is named twice`);
      // Every shard is checked before the first is copied: a bad one stops the merge with nothing written.
      try {
        for (const s of shards) checkShard(s);
      } catch (e) {
        if (!(e instanceof MergeError)) throw e;
        process.stderr.write(`klopt: ${e.message}; nothing merged\n`);
        process.exitCode = EXIT.unreadableFiles;
        return;
      }
      if (!existsSync(opts.db)) process.stderr.write(`klopt: ${opts.db}: new database\n`);
      const store = openStore(opts.db);
      try {
        let runId: number;
        try {
          runId = await claimRunWaiting(store.db, VERSION, 1, opts.wait);
        } catch (e) {
          if (!(e instanceof BusyError)) throw e;
          process.stderr.write(`klopt: ${opts.db}: ${e.message}\n`);
          process.exitCode = EXIT.busy;
          return;
        }
        const skip = corpusRules.map((r) => r.id);
        const merged: ShardMerge[] = [];
        const totals = { filesSeen: 0, filesSkipped: 0, filesIngested: 0, filesFailed: 0, filesRemoved: 0, findingsError: 0, findingsWarning: 0, findingsInfo: 0 };
        for (const s of shards) {
          let m: ShardMerge;
          try {
            m = mergeShard(store, s, runId, skip);
          } catch (e) {
            // The shard's transaction rolled back; the shards before it stay merged, and the run says so.
            finishRun(store.db, runId, { ...totals, status: 'interrupted' });
            throw new Error(`${s}: merge failed, nothing of this shard written (${merged.length} shard(s) before it were merged): ${(e as Error).message}`);
          }
          merged.push(m);
          if (opts.format === 'text') {
            process.stderr.write(`klopt: ${s}: ${m.documents} document(s), ${m.files} file(s), ${m.findings} finding(s) merged${m.replacedFiles.length ? `; ${m.replacedFiles.length} file(s) replaced another version already in the target` : ''}\n`);
            const other = m.versions.filter((v) => v !== VERSION);
            if (other.length) process.stderr.write(`klopt: ${s}: warning: read by klopt ${other.join(', ')}, this is ${VERSION}; figures may have been read differently\n`);
          }
        }
        const corpus = recheckStore(store, runId, config, VERSION) ?? [];
        const bySeverity = Object.fromEntries(
          (['error', 'warning', 'info'] as const).map((sev) => [sev, store.db.prepare<[number, string], number>('SELECT count(*) FROM findings WHERE run_id = ? AND severity = ?').pluck().get(runId, sev)!]),
        ) as Record<'error' | 'warning' | 'info', number>;
        const files = merged.reduce((n, m) => n + m.files, 0);
        finishRun(store.db, runId, {
          ...totals,
          filesSeen: files,
          filesIngested: files,
          findingsError: bySeverity.error,
          findingsWarning: bySeverity.warning,
          findingsInfo: bySeverity.info,
          status: 'finished',
        });
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ run: runId, database: opts.db, shards: merged, corpusFindings: corpus.length, findings: bySeverity }, null, 2)}\n`);
        else process.stderr.write(`klopt: merged ${shards.length} shard(s) into ${opts.db} (run ${runId}); rules between documents: ${corpus.length} finding(s)\n`);
        process.exitCode = EXIT.ok;
      } finally {
        store.close();
      }
    });
}
