import type { Document, FinancialFact, Finding, Severity, TriageEntry } from '../../schemas/index.js';

/** A document's verdict and counts: what every report format shows first. */
export interface DocumentSummary {
  document: Document;
  tables: number;
  financialFacts: number;
  indicatorFacts: number;
  findings: Record<Severity, number>;
  /**
   * "does not add up" when an error finding stands against the document; "not read" when no figure
   * of it was stored, so nothing is proven; "not fully read" when some table or table-like block
   * could not be read; "no sums checked" when figures were read but none took part in a relation klopt
   * could evaluate (a list without totals, indicators): read, not proven; else "adds up".
   */
  verdict: Verdict;
  /** Amounts stored as facts / amounts seen in tables and table-like blocks; null where not measured. */
  coverage: { seen: number; read: number } | null;
}

export const VERDICTS = ['adds up', 'does not add up', 'not fully read', 'not read', 'no sums checked'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** "412 of 430 (96 %)", or "not measured". */
export const formatCoverage = (c: DocumentSummary['coverage']) =>
  c === null
    ? 'not measured'
    : c.seen === 0
      ? 'no tables'
      : `${c.read} of ${c.seen} (${Math.floor((100 * c.read) / c.seen)} %)`;

export interface Report {
  documents: DocumentSummary[];
  findings: Finding[];
  /**
   * The auditors' decisions (a database's triage table, or a triage file): each finding is shown
   * with its state; `hide` leaves the settled ones (triaged and unchanged since) out of the list,
   * as --hide-triaged does. The documents' verdicts and counts stay those of every finding.
   */
  triage?: { entries: TriageEntry[]; hide?: boolean };
  /** The stored cells of a table, for the HTML report's evidence grids; absent: excerpts only. */
  cellsOf?: (documentId: string, tableIndex: number) => FinancialFact[];
}

/** Findings that say part of a document was not read, so silence about it proves nothing. */
const UNREAD_RULES = new Set([
  'unread-table',
  'ambiguous-cells',
  'unreadable-row',
  'extra-cells',
  'nothing-read',
  'cut-off-row',
  'unread-row',
  'total-parts-unread',
]);

export function summarise(
  document: Document,
  counts: { tables: number; financialFacts: number; indicatorFacts: number },
  findings: Finding[],
): DocumentSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const own = findings.filter((f) => f.documentId === document.id);
  for (const f of own) bySeverity[f.severity]++;
  const unread = own.some((f) => UNREAD_RULES.has(f.rule));
  const coverage =
    document.amountsSeen == null || document.amountsRead == null
      ? null
      : { seen: document.amountsSeen, read: document.amountsRead };
  // Nothing stored is nothing proven, whatever else was said (older databases: no coverage, count the facts).
  const nothingRead = coverage ? coverage.read === 0 : counts.financialFacts + counts.indicatorFacts === 0;
  // Amounts seen but not stored leave the document unproven, whichever finding says why.
  const partly = unread || (coverage !== null && coverage.read < coverage.seen);
  const unchecked = own.some((f) => f.rule === 'nothing-checked');
  const verdict: Verdict =
    bySeverity.error > 0
      ? 'does not add up'
      : nothingRead
        ? 'not read'
        : partly
          ? 'not fully read'
          : unchecked
            ? 'no sums checked'
            : 'adds up';
  return { document, ...counts, findings: bySeverity, verdict, coverage };
}
