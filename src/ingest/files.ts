/**
 * The files table: what each input file was when klopt last read it. An unchanged file is
 * recognised from (size, mtime) alone, without reading it; a file whose mtime changed but whose
 * size did not is hashed, and skipped if its content is the same.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { ManifestEntry } from '../pipeline/metadata.js';

export type FileStatus = 'ingested' | 'duplicate' | 'failed';

export interface RecordedFile {
  path: string;
  size: number;
  mtimeNs: string | null;
  hash: string | null;
  readKey: string;
  status: FileStatus;
  documentId: string | null;
}

export interface FileStat {
  size: number;
  /** null when the file was modified so recently that a later change could keep the same mtime */
  mtimeNs: string | null;
}

/** A file modified this close to when it was looked at is re-hashed next time (as git does with racy entries). */
const RACY_NS = 2_000_000_000n;

/** Everything recorded, with whether the document a file points at still exists: one query. */
export function loadRecorded(db: Database.Database): Map<string, RecordedFile> {
  const rows = db
    .prepare<[], Record<string, any>>(
      `SELECT f.path, f.size, f.mtime_ns, f.hash, f.read_key, f.status,
        CASE WHEN d.id IS NULL THEN NULL ELSE f.document_id END AS document_id
      FROM files f LEFT JOIN documents d ON d.id = f.document_id`,
    )
    .all();
  return new Map(
    rows.map((r) => [
      r.path,
      {
        path: r.path,
        size: r.size,
        mtimeNs: r.mtime_ns,
        hash: r.hash,
        readKey: r.read_key,
        status: r.status,
        documentId: r.document_id,
      },
    ]),
  );
}

/** What a file is read with: a new klopt version, or a changed manifest entry, means reading it again. */
export function readKeyOf(version: string, entry: ManifestEntry | null): string {
  return createHash('sha256')
    .update(JSON.stringify([version, entry]))
    .digest('hex')
    .slice(0, 16);
}

export async function statFile(path: string): Promise<FileStat> {
  const st = await stat(path, { bigint: true });
  const racy = BigInt(Date.now()) * 1_000_000n - st.mtimeNs < RACY_NS;
  return { size: Number(st.size), mtimeNs: racy ? null : st.mtimeNs.toString() };
}

export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export type Decision =
  | { kind: 'unchanged'; recorded: RecordedFile; stat: FileStat; touched: boolean }
  | { kind: 'read'; stat: FileStat | null; error?: string };

/**
 * Whether a file must be read. Failed files are always tried again (the cause may be gone); a
 * file whose document was replaced from elsewhere is read again.
 */
export async function decide(path: string, recorded: RecordedFile | undefined, readKey: string): Promise<Decision> {
  let st: FileStat;
  try {
    st = await statFile(path);
  } catch (e) {
    return {
      kind: 'read',
      stat: null,
      error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message,
    };
  }
  if (!recorded || recorded.readKey !== readKey || recorded.status === 'failed' || recorded.documentId === null)
    return { kind: 'read', stat: st };
  if (recorded.size !== st.size) return { kind: 'read', stat: st };
  if (recorded.mtimeNs !== null && recorded.mtimeNs === st.mtimeNs)
    return { kind: 'unchanged', recorded, stat: st, touched: false };
  try {
    if ((await hashFile(path)) === recorded.hash) return { kind: 'unchanged', recorded, stat: st, touched: true };
  } catch {
    /* unreadable now: reading it will report why */
  }
  return { kind: 'read', stat: st };
}
