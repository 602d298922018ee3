/**
 * What a report lists: the findings in report order, each with its fingerprint and triage state,
 * the settled ones left out where the report's triage says hide. Shared by every format.
 */
import { severityRank, type Finding } from '../../schemas/index.js';
import {
  fingerprintOf,
  isSettled,
  TRIAGE_STATES,
  triageCounts,
  triageStates,
  type TriageState,
  type TriageStateName,
} from '../store/triage.js';
import type { Report } from './summary.js';

/** Most severe first, then by file and place in the file. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank[b.severity] - severityRank[a.severity] ||
      a.file.localeCompare(b.file) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

/** A finding as a report shows it: with its fingerprint and triage state. */
export interface ShownFinding {
  finding: Finding;
  fingerprint: string;
  triage: TriageState;
}

/** What a report lists, and how many settled findings it left out. */
export interface ReportView {
  shown: ShownFinding[];
  hidden: number;
  counts: Record<TriageStateName, number>;
}

/**
 * The findings a report lists, in report order, each with its fingerprint and triage state; the
 * settled ones left out when the report's triage says hide. `hidden`: how many were left out.
 */
export function shownFindings(report: Report): ReportView {
  const findings = sortFindings(report.findings);
  const states = triageStates(findings, report.triage?.entries ?? []);
  const all = findings.map((finding, i) => ({ finding, fingerprint: fingerprintOf(finding), triage: states[i] }));
  const shown = report.triage?.hide ? all.filter((s) => !isSettled(s.triage)) : all;
  return { shown, hidden: all.length - shown.length, counts: triageCounts(states) };
}

/** "explained: matches the 2e berap", "review (was accepted: …)". */
export function triageText(t: TriageState): string {
  if (t.status === 'new') return 'new';
  return t.status === 'review'
    ? `review (was ${t.entry.status}: ${t.entry.comment})`
    : `${t.status}: ${t.entry.comment}`;
}

/** "2 new, 1 review, 1 explained" — the states that occur. */
export function triageSummary(counts: Record<TriageStateName, number>): string {
  return TRIAGE_STATES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'false-alarm' ? 'false alarm' : s}`)
    .join(', ');
}
