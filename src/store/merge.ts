/**
 * Merging shard databases (`klopt merge`): when one machine is not enough, each ingests a shard
 * of the documents into a database of its own, and the shards are copied into one. Documents are
 * independent and their keys carry no machine-local state (`documents.id` is the content's
 * sha256, `files.path` the absolute path), so a merge is a copy of rows: per shard, in one
 * transaction, the target's rows for the shard's documents and files are replaced by the shard's.
 * Row ids of facts and findings are the target's own. Findings of the corpus rules (between
 * documents) are not copied: they are recomputed over the merged whole afterwards.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, schemaVersion } from './migrations.js';
import type { Store } from './index.js';

export class MergeError extends Error {}

/** Tables copied whole, keyed by document (their primary keys hold no row ids). */
const BY_DOCUMENT = ['documents', 'tables', 'doelenboom_goals', 'doelenboom_products', 'statutory_indicators'] as const;
/** Tables with a row id of their own: copied without it, so the target numbers them. */
const WITH_ROW_ID = ['financial_facts', 'indicator_facts'] as const;

export interface ShardMerge {
  shard: string;
  documents: number;
  files: number;
  findings: number;
  /** Files the target already had with other content: the shard's version replaced them. */
  replacedFiles: string[];
  /** Documents read by another klopt version than the target's other documents (a warning, not an error). */
  versions: string[];
}

function columns(db: Database.Database, schema: string, table: string): string[] {
  return db.prepare<[], { name: string }>(`PRAGMA ${schema}.table_info(${table})`).all().map((c) => c.name);
}

/** Opens the shard read-only and refuses what cannot be merged as it is, before anything is written. */
export function checkShard(path: string): void {
  if (!existsSync(path)) throw new MergeError(`${path}: no such shard database`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new MergeError(`${path}: not a readable SQLite database (${(e as Error).message})`);
  }
  try {
    const version = schemaVersion(db);
    if (version !== SCHEMA_VERSION) {
      throw new MergeError(
        version > SCHEMA_VERSION
          ? `${path}: shard schema version ${version} is newer than this klopt's (${SCHEMA_VERSION}); merge with the klopt that wrote it`
          : `${path}: shard schema version ${version} is older than this klopt's (${SCHEMA_VERSION}); open it once with this klopt (e.g. \`klopt report --db ${path}\`) to migrate it`,
      );
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new MergeError(`${path}: the shard database is damaged (quick_check: ${String(check)})`);
    const running = db.prepare<[], { id: number; pid: number }>(`SELECT id, pid FROM runs WHERE status = 'running'`).all();
    if (running.length) {
      throw new MergeError(`${path}: run ${running[0].id} (pid ${running[0].pid}) is still writing this shard, or died; finish it (run klopt ingest on the shard again) before merging`);
    }
  } catch (e) {
    if (e instanceof MergeError) throw e;
    throw new MergeError(`${path}: not a klopt database (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Copies one shard (checked with checkShard) into the store, in one IMMEDIATE transaction: a
 * failure leaves the target as it was. `skipRules`: the corpus rules, whose findings the caller
 * recomputes.
 */
export function mergeShard(store: Store, path: string, runId: number, skipRules: readonly string[]): ShardMerge {
  const db = store.db;
  db.prepare('ATTACH DATABASE ? AS shard').run(path);
  try {
    return db.transaction((): ShardMerge => {
      const skip = skipRules.map(() => '?').join(', ') || "''";
      // A file the shard re-read with other content: its old document goes, as in ingest.
      const replacedFiles = db
        .prepare<[], string>(`SELECT t.path FROM main.files t JOIN shard.files s ON s.path = t.path WHERE t.hash IS NOT s.hash ORDER BY t.path`)
        .pluck()
        .all();
      db.exec(`DELETE FROM main.documents WHERE id IN (SELECT id FROM shard.documents)
                  OR file IN (SELECT file FROM shard.documents)`);
      // That took the corpus rules' findings on those documents with it, even when the shard
      // brings the very same documents back: their last check no longer stands.
      db.exec('DELETE FROM main.corpus_check');
      db.prepare(`DELETE FROM main.findings WHERE document_id IS NULL AND rule NOT IN (${skip})
                  AND file IN (SELECT file FROM shard.findings WHERE document_id IS NULL)`).run(...skipRules);
      for (const t of BY_DOCUMENT) {
        const cols = columns(db, 'main', t).join(', ');
        db.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM shard.${t}`);
      }
      for (const t of WITH_ROW_ID) {
        const cols = columns(db, 'main', t).filter((c) => c !== 'id').join(', ');
        db.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM shard.${t} ORDER BY id`);
      }
      const findingCols = columns(db, 'main', 'findings').filter((c) => c !== 'id' && c !== 'run_id');
      const findings = db
        .prepare(`INSERT INTO main.findings (${findingCols.join(', ')}, run_id)
                  SELECT ${findingCols.join(', ')}, ? FROM shard.findings WHERE rule NOT IN (${skip}) ORDER BY id`)
        .run(runId, ...skipRules).changes;
      const fileCols = columns(db, 'main', 'files').filter((c) => c !== 'run_id');
      const files = db
        .prepare(`INSERT INTO main.files (${fileCols.join(', ')}, run_id) SELECT ${fileCols.join(', ')}, ? FROM shard.files WHERE true
                  ON CONFLICT (path) DO UPDATE SET ${fileCols.filter((c) => c !== 'path').map((c) => `${c} = excluded.${c}`).join(', ')}, run_id = excluded.run_id`)
        .run(runId).changes;
      const documents = db.prepare<[], number>('SELECT count(*) FROM shard.documents').pluck().get()!;
      const versions = db.prepare<[], string>('SELECT DISTINCT klopt_version FROM shard.runs WHERE klopt_version IS NOT NULL ORDER BY 1').pluck().all();
      return { shard: path, documents, files, findings, replacedFiles, versions };
    }).immediate();
  } finally {
    db.exec('DETACH DATABASE shard');
  }
}
