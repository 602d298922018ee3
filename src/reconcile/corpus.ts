/**
 * Rules over more than one document: all documents of a run or of the database, and the IV3
 * figures imported beside them: helpers of the rules of scope corpus and iv3 (src/reconcile/rule.ts).
 */
import type { FinancialFact, Table } from '../../schemas/index.js';

export type { CorpusContext, CorpusDocument } from './rule.js';

/** Gemeente names compared without case and without a province suffix: "Hengelo (O.)" is Hengelo. */
export const sameGemeente = (a: string | null, b: string | null) =>
  a !== null &&
  b !== null &&
  a
    .replace(/\s*\(.*\)\s*$/, '')
    .trim()
    .toLowerCase() ===
    b
      .replace(/\s*\(.*\)\s*$/, '')
      .trim()
      .toLowerCase();

/** A financial fact in euros, lasten as a positive amount whatever the table prints. */
export function eurosOf(f: FinancialFact, table: Table | undefined): { value: number; halfWidth: number } {
  // IV3 states both as positive amounts: a side the table prints negative (lasten, or baten: Stichtse Vecht 2023)
  // turns.
  const side = f.lineItem === 'lasten' || f.lineItem === 'baten' ? table?.signConvention[f.lineItem] : undefined;
  const flip = side === 'negative' ? -1 : 1;
  return { value: flip * (f.value ?? 0) * f.scale, halfWidth: 0.5 * 10 ** -f.decimals * f.scale };
}

/** How a finding names a fact's row: "6.71A Hulp bij het huishouden (WMO) / Lasten". */
export function factRow(f: FinancialFact): string {
  if (/^(baten|lasten)$/i.test(f.rowLabel.trim()) && f.group) return `${f.group} / ${f.rowLabel.trim()}`;
  return f.rowLabel;
}
