/** What the CLI commands share: version, exit codes, manifests, thresholds, report output. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../pipeline/input.js';
import { UsageError } from '../pipeline/files.js';
import { severityRank, type Finding, type Severity } from '../../schemas/index.js';
import { manifestNear, readManifest, type ManifestEntry } from '../pipeline/metadata.js';
import { VERDICTS, formatCoverage, summarise, type DocumentSummary, type Report } from '../report/index.js';
import type { Store } from '../store/index.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadableFiles: 3, busy: 4 } as const;

/** A commander parser for a whole number ≥ 0 (a NaN wait would wait forever). */
export const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a whole number ≥ 0`);
  return n;
};

export type FailOn = Severity | 'never';

/** Manifest entries by absolute path: the one named, or the manifest.csv beside each file. */
export function manifestsFor(files: string[], explicit?: string, allowOutside = false): Map<string, ManifestEntry> {
  const merged = new Map<string, ManifestEntry>();
  const paths = explicit ? [explicit] : [...new Set(files.map(manifestNear).filter((m): m is string => m !== null))];
  for (const p of paths) for (const [k, v] of readManifest(p, { allowOutside })) merged.set(k, v);
  return merged;
}

/** Options every command that reads documents takes (hostile input: size limit, manifest paths). */
export interface InputOptions {
  maxBytes: number;
  allowOutsideManifest?: boolean;
}
export const inputOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--max-bytes <n>', 'refuse files larger than this many bytes').default(DEFAULT_MAX_BYTES).argParser(parseByteCount))
    .option('--allow-outside-manifest', "let manifest entries name files outside the manifest's directory");
function parseByteCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--max-bytes: "${value}" is not a positive whole number of bytes`);
  return n;
}

export function reachesThreshold(findings: Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => severityRank[f.severity] >= severityRank[failOn]);
}

export function writeOut(path: string, content: string) {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, content);
}

export function reportFromStore(store: Store): Report {
  const findings = store.listFindings();
  const documents = store.listDocuments().map((d) => summarise(d, store.documentCounts(d.id), findings));
  return { documents, findings };
}

export function oneLineSummary(findings: Pick<Finding, 'severity'>[], documents: number, summaries: DocumentSummary[] = []): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const line = `klopt: ${documents} document(s), ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
  if (summaries.length === 0) return line;
  // Verdicts and reading coverage: a run that read little must not look like one that proved much.
  const verdicts = VERDICTS.map((v) => [v, summaries.filter((s) => s.verdict === v).length] as const).filter(([, k]) => k > 0);
  const measured = summaries.filter((s) => s.coverage !== null);
  const seen = measured.reduce((a, s) => a + s.coverage!.seen, 0);
  const read = measured.reduce((a, s) => a + s.coverage!.read, 0);
  return `${line}; ${verdicts.map(([v, k]) => `${k} ${v}`).join(', ')}${measured.length ? `; amounts read ${formatCoverage({ seen, read })}` : ''}`;
}

export const formatOption = () => new Option('--format <format>', 'output format').choices(['json', 'csv', 'md', 'html']);
export const failOnOption = (dflt: FailOn) =>
  new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['error', 'warning', 'info', 'never']).default(dflt);
