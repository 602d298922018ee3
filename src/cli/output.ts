/**
 * What the CLI commands share when they run: manifests, thresholds, report output. Loaded by
 * the actions (never at start-up: it pulls in the report and the manifest reader).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { severityRank, type FinancialFact, type Finding, type Severity } from '../../schemas/index.js';
import { manifestNear, readManifest, type ManifestEntry } from '../pipeline/metadata.js';
import {
  VERDICTS,
  formatCoverage,
  summarise,
  triageSummary,
  type DocumentSummary,
  type Report,
  type ReportView,
} from '../report/index.js';
import type { Store } from '../store/index.js';
import type { FailOn } from './common.js';

/** Manifest entries by absolute path: the one named, or the manifest.csv beside each file. */
export function manifestsFor(files: string[], explicit?: string, allowOutside = false): Map<string, ManifestEntry> {
  const merged = new Map<string, ManifestEntry>();
  const paths = explicit ? [explicit] : [...new Set(files.map(manifestNear).filter((m): m is string => m !== null))];
  for (const p of paths) for (const [k, v] of readManifest(p, { allowOutside })) merged.set(k, v);
  return merged;
}

export function reachesThreshold(findings: Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => severityRank[f.severity] >= severityRank[failOn]);
}

export function writeOut(path: string, content: string) {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, content);
}

/** The stored documents and findings, with the database's triage (`hideTriaged`: leave the settled findings out). */
export function reportFromStore(store: Store, hideTriaged = false): Report {
  const findings = store.listFindings();
  const documents = store.listDocuments().map((d) => summarise(d, store.documentCounts(d.id), findings));
  const tables = new Map<string, FinancialFact[]>();
  const cellsOf = (documentId: string, tableIndex: number) => {
    const key = `${documentId}\u0000${tableIndex}`;
    if (!tables.has(key)) tables.set(key, store.listTableFacts(documentId, tableIndex));
    return tables.get(key)!;
  };
  return { documents, findings, triage: { entries: store.listTriage(), hide: hideTriaged }, cellsOf };
}

/**
 * `klopt: 5 document(s), 6 error(s), …; 1 adds up, …; amounts read …`, and with a triage view
 * `; triage: 48 new, 1 explained (1 left out)`.
 */
export function oneLineSummary(
  findings: Pick<Finding, 'severity'>[],
  documents: number,
  summaries: DocumentSummary[] = [],
  triage?: ReportView,
): string {
  const line = summaryLine(findings, documents, summaries);
  return triage
    ? `${line}; triage: ` +
        `${triageSummary(triage.counts) || 'no findings'}${triage.hidden ? ` (${triage.hidden} left out)` : ''}`
    : line;
}

function summaryLine(findings: Pick<Finding, 'severity'>[], documents: number, summaries: DocumentSummary[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const line = `klopt: ${documents} document(s), ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
  if (summaries.length === 0) return line;
  // Verdicts and reading coverage: a run that read little must not look like one that proved much.
  const verdicts = VERDICTS.map((v) => [v, summaries.filter((s) => s.verdict === v).length] as const).filter(
    ([, k]) => k > 0,
  );
  const measured = summaries.filter((s) => s.coverage !== null);
  const seen = measured.reduce((a, s) => a + s.coverage!.seen, 0);
  const read = measured.reduce((a, s) => a + s.coverage!.read, 0);
  return (
    `${line}; ` +
    `${verdicts.map(([v, k]) => `${k} ${v}`).join(', ')}${measured.length ? `; amounts read ${formatCoverage({ seen, read })}` : ''}`
  );
}
