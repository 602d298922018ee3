/** Helpers of the cross-document rules: a document's taakveld figures and indicator values keyed for comparison. */
import type { FinancialFact, IndicatorFact } from '../../schemas/index.js';
import { contentWords } from '../catalogue/names.js';
import { formatDutch, toleranceInUnit } from '../grammar/number.js';
import { eurosOf, factRow, type CorpusDocument } from './corpus.js';
import { makeFinding } from '../arithmetic/finding.js';

export interface KeyedFigure {
  doc: CorpusDocument;
  fact: FinancialFact;
  value: number;
  halfWidth: number;
}

/** Taakveld figures (baten and lasten unless told) of columns the filter accepts, by "code|line item". */
export function taakveldFigures(
  doc: CorpusDocument,
  accept: (f: FinancialFact) => boolean,
  items: FinancialFact['lineItem'][] = ['baten', 'lasten'],
): Map<string, KeyedFigure> {
  const out = new Map<string, KeyedFigure>();
  const tables = new Map(doc.tables.map((t) => [t.index, t]));
  for (const f of doc.financial) {
    if (!f.taakveld || !items.includes(f.lineItem) || f.status !== 'printed' || !accept(f)) continue;
    const key = `${f.taakveld}|${f.lineItem}`;
    if (out.has(key)) continue;
    out.set(key, { doc, fact: f, ...eurosOf(f, tables.get(f.tableIndex)) });
  }
  return out;
}

/** The finding for two figures of two documents that should be the same, placed at the first. */
export function pairFinding(
  rule: { id: string; severity: 'error' | 'warning' | 'info' },
  a: KeyedFigure,
  b: KeyedFigure,
  what: string,
) {
  const scale = a.fact.scale;
  const where = (k: KeyedFigure) =>
    `${k.doc.document.file}${k.fact.provenance.line ? `:${k.fact.provenance.line}` : ''}`;
  return makeFinding(a.doc.document, {
    rule: rule.id,
    severity: rule.severity,
    table: a.doc.tables.find((t) => t.index === a.fact.tableIndex)?.title ?? null,
    tableIndex: a.fact.tableIndex,
    row: factRow(a.fact),
    column: a.fact.columnHeader,
    line: a.fact.provenance.line,
    page: a.fact.provenance.page,
    raw: a.fact.provenance.raw || null,
    expected: b.value / scale,
    found: a.value / scale,
    tolerance: (a.halfWidth + b.halfWidth) / scale,
    message:
      `${what}: ${factRow(a.fact)}, ${a.fact.columnHeader} = ${formatDutch(a.value)} euro (${where(a)}) ` +
      `against ${factRow(b.fact)}, ${b.fact.columnHeader} = ${formatDutch(b.value)} euro (${where(b)}); ` +
      `difference ${formatDutch(a.value - b.value)} euro, rounding tolerance ` +
      `${toleranceInUnit((a.halfWidth + b.halfWidth) / scale, scale)}.`,
  });
}

/** An indicator's identity across reports: its content words (the name as printed varies in case and punctuation). */
export const indicatorKey = (i: IndicatorFact) => contentWords(i.name).join(' ');

/** The year a value stands for: its reference year when printed ("14,9% (2021)"), else its column's. */
export const indicatorYear = (i: IndicatorFact) => i.referenceYear ?? i.year;
