/**
 * Triage that lasts: a finding is known by its fingerprint — rule, document content (the
 * document id is the sha256 of its bytes), table, row, column, place and values — so the same
 * finding of an unchanged document has the same fingerprint after every re-ingest. Its locus —
 * rule, file, table, row and column — stays when the document or the values change: a triaged
 * locus whose finding has another fingerprint now is flagged for review.
 */
import { createHash } from 'node:crypto';
import type { Finding, TriageEntry, TriageStatus } from '../../schemas/index.js';

const sha256 = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

type Identity = Pick<
  Finding,
  'rule' | 'file' | 'documentId' | 'table' | 'tableIndex' | 'row' | 'column' | 'line' | 'page' | 'expected' | 'found'
>;

/** The finding's fingerprint: equal for the same finding of the same document content. */
export function fingerprintOf(f: Identity): string {
  // A finding about a file that never became a document is known by the file.
  return sha256([
    'finding/1',
    f.rule,
    f.documentId ?? `file:${f.file}`,
    f.table,
    f.tableIndex,
    f.row,
    f.column,
    f.line,
    f.page,
    f.expected,
    f.found,
  ]);
}

/**
 * Where the finding stands, whatever the document's content and the values: rule, file, table,
 * row and column (and the line, for a finding placed at no row or column).
 */
export function locusOf(f: Pick<Finding, 'rule' | 'file' | 'table' | 'row' | 'column' | 'line'>): string {
  return sha256([
    'locus/1',
    f.rule,
    f.file,
    f.table,
    f.row,
    f.column,
    f.row === null && f.column === null ? f.line : null,
  ]);
}

/** A triage entry for a finding: its identity, the decision and who made it when. */
export function triageEntryFor(
  f: Identity,
  status: TriageStatus,
  comment: string,
  by: string | null,
  at = new Date().toISOString(),
): TriageEntry {
  return {
    fingerprint: fingerprintOf(f),
    rule: f.rule,
    file: f.file,
    documentId: f.documentId,
    table: f.table,
    tableIndex: f.tableIndex,
    row: f.row,
    column: f.column,
    line: f.line,
    page: f.page,
    expected: f.expected,
    found: f.found,
    status,
    comment,
    by,
    at,
  };
}

/**
 * new: never triaged; a status: triaged as this finding; review: its locus was triaged, but the document or the finding
 * changed since.
 */
export type TriageState =
  { status: 'new' } | { status: TriageStatus; entry: TriageEntry } | { status: 'review'; entry: TriageEntry };

export const TRIAGE_STATES = ['new', 'review', 'explained', 'accepted', 'false-alarm'] as const;
export type TriageStateName = (typeof TRIAGE_STATES)[number];

/** Each finding's triage state, in the findings' order. */
export function triageStates(findings: Finding[], entries: TriageEntry[]): TriageState[] {
  const byFingerprint = new Map(entries.map((e) => [e.fingerprint, e]));
  const byLocus = new Map<string, TriageEntry>();
  // the latest decision at a locus is the one a changed finding is reviewed against
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at))) byLocus.set(locusOf(e), e);
  return findings.map((f): TriageState => {
    const own = byFingerprint.get(fingerprintOf(f));
    if (own) return { status: own.status, entry: own };
    const earlier = byLocus.get(locusOf(f));
    return earlier ? { status: 'review', entry: earlier } : { status: 'new' };
  });
}

/** Triaged (and not changed since): what --hide-triaged leaves out. */
export const isSettled = (s: TriageState) => s.status !== 'new' && s.status !== 'review';

/** Counts by triage state. */
export function triageCounts(states: TriageState[]): Record<TriageStateName, number> {
  const out = Object.fromEntries(TRIAGE_STATES.map((s) => [s, 0])) as Record<TriageStateName, number>;
  for (const s of states) out[s.status]++;
  return out;
}
