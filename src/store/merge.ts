/**
 * Merging shard databases (`klopt merge`): when one machine is not enough, each ingests a shard
 * of the documents into a database of its own, and the shards are copied into a new one.
 * Documents are independent and their keys carry no machine-local state (`documents.id` is the
 * content's sha256, `files.path` the absolute path), so a merge is a copy of rows. Row ids of
 * facts and findings are the new database's own. Findings of the corpus rules (between
 * documents) are not copied: they are computed over the merged whole afterwards.
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
  /** Files whose content an earlier shard already holds under another path. */
  duplicates: number;
  /** The klopt versions that read the shard's files (another than this one's: a warning). */
  versions: string[];
}

function columns(db: Database.Database, schema: string, table: string): string[] {
  return db
    .prepare<[], { name: string }>(`PRAGMA ${schema}.table_info(${table})`)
    .all()
    .map((c) => c.name);
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
          ? `${path}: shard schema version ${version} is newer than this klopt's (${SCHEMA_VERSION}); merge ` +
              `with the klopt that wrote it`
          : `${path}: shard schema version ${version} is older than this klopt's (${SCHEMA_VERSION}); open it ` +
              `once with this klopt (e.g. \`klopt report --db ${path}\`) to migrate it`,
      );
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new MergeError(`${path}: the shard database is damaged (quick_check: ${String(check)})`);
    const running = db
      .prepare<[], { id: number; pid: number }>(`SELECT id, pid FROM runs WHERE status = 'running'`)
      .all();
    if (running.length) {
      throw new MergeError(
        `${path}: run ${running[0].id} (pid ${running[0].pid}) is still writing this shard, or died; finish ` +
          `it (run klopt ingest on the shard again) before merging`,
      );
    }
  } catch (e) {
    if (e instanceof MergeError) throw e;
    throw new MergeError(`${path}: not a klopt database (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Copies one shard (checked with checkShard) into the store that is being built, in one
 * transaction. The store is a new database made from the shards alone (see klopt merge), so
 * nothing of an older merge can linger: files a shard pruned, failures it has since read, old
 * versions. `skipRules`: the corpus rules, whose findings the caller computes over the whole.
 */
export function mergeShard(store: Store, path: string, runId: number, skipRules: readonly string[]): ShardMerge {
  const db = store.db;
  // Read-only in effect (only SELECTs reach it); better-sqlite3 has no URI filenames for mode=ro.
  db.prepare('ATTACH DATABASE ? AS shard').run(path);
  try {
    return db.transaction((): ShardMerge => {
      const overlap = db
        .prepare<[], string>(
          'SELECT path FROM shard.files WHERE path IN (SELECT path FROM main.files) ORDER BY path LIMIT 1',
        )
        .pluck()
        .get();
      if (overlap)
        throw new MergeError(
          `${path}: ${overlap} is also in an earlier shard; shards must not overlap (each file in one shard)`,
        );
      const skip = skipRules.map(() => '?').join(', ') || "''";
      // The same content read in an earlier shard under another path: that file holds the
      // document, this one is recorded as its duplicate, as one ingest of both would do.
      db.exec('CREATE TEMP TABLE held AS SELECT id FROM shard.documents WHERE id IN (SELECT id FROM main.documents)');
      try {
        const notHeld = (col: string) => `${col} NOT IN (SELECT id FROM temp.held)`;
        for (const t of BY_DOCUMENT) {
          const cols = columns(db, 'main', t).join(', ');
          db.exec(
            `INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM shard.${t} WHERE ` +
              `${notHeld(t === 'documents' ? 'id' : 'document_id')}`,
          );
        }
        for (const t of WITH_ROW_ID) {
          const cols = columns(db, 'main', t)
            .filter((c) => c !== 'id')
            .join(', ');
          db.exec(
            `INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM shard.${t} WHERE ${notHeld('document_id')} ` +
              `ORDER BY id`,
          );
        }
        const findingCols = columns(db, 'main', 'findings').filter((c) => c !== 'id' && c !== 'run_id');
        const findings = db
          .prepare(
            `INSERT INTO main.findings (${findingCols.join(', ')}, run_id)
                    SELECT ${findingCols.join(', ')}, ? FROM shard.findings
                    WHERE rule NOT IN (${skip}) AND (document_id IS NULL OR ${notHeld('document_id')}) ORDER BY id`,
          )
          .run(runId, ...skipRules).changes;
        const isHeld = `s.status = 'ingested' AND s.document_id IN (SELECT id FROM temp.held)`;
        const fileCols = columns(db, 'main', 'files');
        const select = fileCols.map((c) =>
          c === 'run_id'
            ? '?'
            : c === 'status'
              ? `CASE WHEN ${isHeld} THEN 'duplicate' ELSE s.status END`
              : c === 'error'
                ? `CASE WHEN ${isHeld} THEN 'same content as ' || (SELECT d.file FROM main.documents d WHERE ` +
                  `d.id = s.document_id) ELSE s.error END`
                : `s.${c}`,
        );
        const files = db
          .prepare(
            `INSERT INTO main.files (${fileCols.join(', ')}) SELECT ${select.join(', ')} FROM shard.files s ` +
              `ORDER BY s.path`,
          )
          .run(runId).changes;
        const documents = db
          .prepare<[], number>(`SELECT count(*) FROM shard.documents WHERE ${notHeld('id')}`)
          .pluck()
          .get()!;
        const duplicates = db.prepare<[], number>(`SELECT count(*) FROM shard.files s WHERE ${isHeld}`).pluck().get()!;
        // The versions that read the shard's files as they are now (not every run it ever had).
        const versions = db
          .prepare<[], string>(
            'SELECT DISTINCT klopt_version FROM shard.runs WHERE id IN (SELECT run_id FROM shard.files) ORDER BY 1',
          )
          .pluck()
          .all();
        return { shard: path, documents, files, duplicates, findings, versions };
      } finally {
        db.exec('DROP TABLE temp.held');
      }
    })();
  } catch (e) {
    if (e instanceof MergeError) throw e;
    // E.g. two shards whose documents have the same relative file: read from different layouts.
    throw new MergeError(`${path}: cannot be merged (${(e as Error).message})`);
  } finally {
    db.exec('DETACH DATABASE shard');
  }
}
