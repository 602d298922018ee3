/**
 * What an ingest run tells its user. `text`: a line per file on stdout, and on a terminal a
 * progress bar on stderr with counts and rate. `json`: one JSON object per line on stdout, for
 * nightly jobs and log collectors (events run-start, file, run-end). `quiet`: only failures.
 */
import type { FileEvent } from './writer.js';

export type LogFormat = 'text' | 'json';

export interface RunStart {
  runId: number;
  db: string;
  files: number;
  toRead: number;
  concurrency: number;
  version: string;
}

export interface RunEnd {
  runId: number;
  status: string;
  seconds: number;
  filesSeen: number;
  unchanged: number;
  ingested: number;
  duplicates: number;
  failed: number;
  removed: number;
  pruned: number;
  findings: { error: number; warning: number; info: number };
  documentsPerSecond: number;
  factsPerSecond: number;
  rowsPerSecond: number;
}

export interface Reporter {
  start(s: RunStart): void;
  file(e: FileEvent): void;
  end(e: RunEnd): void;
}

interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export function createReporter(
  format: LogFormat,
  quiet: boolean,
  streams: Streams = { out: process.stdout, err: process.stderr },
): Reporter {
  if (quiet) return quietReporter(streams);
  if (format === 'json') return jsonReporter(streams);
  return textReporter(streams);
}

const line = (o: object) => `${JSON.stringify(o)}\n`;

function jsonReporter({ out }: Streams): Reporter {
  const at = () => new Date().toISOString();
  return {
    start: (s) => out.write(line({ event: 'run-start', time: at(), ...s })),
    file: (e) => out.write(line({ event: 'file', time: at(), ...e })),
    end: (e) => out.write(line({ event: 'run-end', time: at(), ...e })),
  };
}

function quietReporter({ err }: Streams): Reporter {
  return {
    start: () => {},
    file: (e) => {
      if (e.status === 'failed') err.write(`klopt: ${e.error}\n`);
    },
    end: () => {},
  };
}

function describe(e: FileEvent): string {
  if (e.status === 'failed') return `${e.file}: failed; ${e.error}`;
  if (e.status === 'removed') return `${e.file}: removed from disk (still in the database; --prune deletes it)`;
  if (e.status === 'pruned') return `${e.file}: removed from disk, pruned from the database`;
  const f = e.findings ?? { error: 0, warning: 0, info: 0 };
  const what = e.status === 'duplicate' ? `duplicate (${e.error})` : e.status;
  const counts =
    e.tables === undefined
      ? ''
      : `; ${e.tables} tables, ${e.financialFacts} financial and ${e.indicatorFacts} indicator facts; ` +
        `${f.error} errors, ${f.warning} warnings, ${f.info} info`;
  return `${e.file}: ${what}${counts}`;
}

function textReporter({ out, err }: Streams): Reporter {
  const tty = Boolean(err.isTTY);
  let total = 0;
  let done = 0;
  const tally: Record<string, number> = {};
  let t0 = 0;
  let drawn = 0;
  let barVisible = false;
  const clear = () => {
    if (barVisible) err.write('\r\x1b[2K');
    barVisible = false;
  };
  const draw = (force = false) => {
    const now = performance.now();
    if (!tty || (!force && now - drawn < 100)) return;
    drawn = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const secs = (now - t0) / 1000;
    const read = (tally.ingested ?? 0) + (tally.duplicate ?? 0) + (tally.failed ?? 0);
    const rate = secs > 0 ? read / secs : 0;
    const counts = ['ingested', 'unchanged', 'duplicate', 'failed']
      .filter((k) => tally[k])
      .map((k) => `${k} ${tally[k]}`)
      .join(' · ');
    const text =
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${counts} · ${rate.toFixed(1)} ` +
      `files/s`;
    err.write(`\r\x1b[2K${text.slice(0, (err.columns ?? 120) - 1)}`);
    barVisible = true;
  };
  return {
    start: (s) => {
      total = s.files;
      t0 = performance.now();
      if (!tty) return;
      err.write(`klopt: ${s.files} file(s), ${s.toRead} to read, ${s.concurrency} reader(s), database ${s.db}\n`);
      draw(true);
    },
    file: (e) => {
      if (e.status !== 'removed' && e.status !== 'pruned') done++;
      tally[e.status] = (tally[e.status] ?? 0) + 1;
      clear();
      out.write(`${describe(e)}\n`);
      draw();
    },
    end: () => {
      clear();
    },
  };
}
