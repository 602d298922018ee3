/**
 * Runs as the lock on a database: a run row with status 'running' belongs to a live ingest as
 * long as its process lives (same host) or its heartbeat is recent (another host). Checked and
 * claimed inside one IMMEDIATE transaction, so two ingests cannot both claim the database. A run
 * left 'running' by a process that died (kill -9, power loss) is marked 'interrupted'.
 */
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';

export class BusyError extends Error {}

/** A run on another host counts as alive while its heartbeat is younger than this. */
const FOREIGN_RUN_STALE_MS = 10 * 60 * 1000;

interface RunningRow {
  id: number;
  pid: number | null;
  host: string | null;
  started_at: string;
  heartbeat_at: string | null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function alive(r: RunningRow, now: number): boolean {
  if (r.pid === null) return false; // written by a klopt before runs had owners
  if (r.host === hostname()) return pidAlive(r.pid);
  return now - Date.parse(r.heartbeat_at ?? r.started_at) < FOREIGN_RUN_STALE_MS;
}

/** Claims the database for a new run, or throws BusyError naming the run that holds it. */
export function claimRun(db: Database.Database, version: string, concurrency: number): number {
  return db
    .transaction(() => {
      const now = Date.now();
      const running = db
        .prepare<[], RunningRow>(`SELECT id, pid, host, started_at, heartbeat_at FROM runs WHERE status = 'running'`)
        .all();
      for (const r of running) {
        if (alive(r, now)) {
          throw new BusyError(
            `another klopt ingest is writing this database (run ${r.id}, pid ${r.pid} on ${r.host}, started ` +
              `${r.started_at}); wait for it to finish, or pass --wait <seconds>`,
          );
        }
        db.prepare(`UPDATE runs SET status = 'interrupted' WHERE id = ?`).run(r.id);
      }
      const iso = new Date(now).toISOString();
      return Number(
        db
          .prepare(
            `INSERT INTO runs (started_at, klopt_version, status, pid, host, concurrency, heartbeat_at) ` +
              `VALUES (?, ?, 'running', ?, ?, ?, ?)`,
          )
          .run(iso, version, process.pid, hostname(), concurrency, iso).lastInsertRowid,
      );
    })
    .immediate();
}

/** claimRun, retrying for up to `waitSeconds` while another run holds the database. */
export async function claimRunWaiting(
  db: Database.Database,
  version: string,
  concurrency: number,
  waitSeconds: number,
): Promise<number> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      return claimRun(db, version, concurrency);
    } catch (e) {
      if (!(e instanceof BusyError) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export interface RunTotals {
  filesSeen: number;
  filesSkipped: number;
  filesIngested: number;
  filesFailed: number;
  filesRemoved: number;
  findingsError: number;
  findingsWarning: number;
  findingsInfo: number;
  status: 'finished' | 'finished with failures' | 'interrupted';
}

export function finishRun(db: Database.Database, runId: number, t: RunTotals): void {
  db.prepare(
    `UPDATE runs SET finished_at = @finishedAt, heartbeat_at = @finishedAt, files_seen = @filesSeen,
      files_skipped = @filesSkipped, files_ingested = @filesIngested, files_failed = @filesFailed,
      files_removed = @filesRemoved, findings_error = @findingsError, findings_warning = @findingsWarning,
      findings_info = @findingsInfo, status = @status WHERE id = @runId`,
  ).run({ ...t, runId, finishedAt: new Date().toISOString() });
}
