import { z } from 'zod';
import { ColumnKind } from './table.js';
import { Provenance } from './common.js';

export const LineItem = z.enum([
  'baten',
  'lasten',
  'saldo',
  'storting_reserves',
  'onttrekking_reserves',
  'mutaties_reserves',
  'resultaat',
  'other',
]);
export type LineItem = z.infer<typeof LineItem>;

/**
 * What a figure measures (stored as `table_kind` on every fact row): an amount of money, a count
 * (clients, indications, benefits), a ratio (an average, a rate per 1.000 inwoners, an index) or a
 * percentage. Only money has euros (`financial_facts.amount_eur`); the others are `quantity`.
 */
export const FactKind = z.enum(['money', 'count', 'ratio', 'percentage']);
export type FactKind = z.infer<typeof FactKind>;

export const FinancialFact = z.object({
  documentId: z.string(),
  tableIndex: z.number().int().nonnegative(),
  /** 0-based row among the table's body rows. */
  rowIndex: z.number().int().nonnegative(),
  /** Canonical IV3 code, upper-case suffix: `6.71A`; null for rows that are no taakveld. */
  taakveld: z.string().nullable(),
  /** The row's label as printed, e.g. "6.72D Jeugdhulp zonder verblijf overig". */
  rowLabel: z.string(),
  lineItem: LineItem,
  /** The row group the line belongs to (a taakveld's Baten/Lasten/saldo lines); null = the table itself. */
  group: z.string().nullable(),
  /** True for rows that state a total of other rows (programme saldo, "Totaal"). */
  isTotal: z.boolean(),
  columnIndex: z.number().int().nonnegative(),
  columnHeader: z.string(),
  columnKind: ColumnKind,
  year: z.number().int().nullable(),
  /** The value in the table's printed unit; null for an empty or missing cell. */
  value: z.number().nullable(),
  /**
   * printed: a figure; empty: printed as empty ("-", blank); missing: the row has no cell for
   * this column; unreadable: a cell is there but is no figure.
   */
  status: z.enum(['printed', 'empty', 'missing', 'unreadable']),
  /** Decimals printed: sets the rounding interval (half a unit of the last digit). */
  decimals: z.number().int().nonnegative(),
  scale: z.number().positive(),
  provenance: Provenance,
});
export type FinancialFact = z.infer<typeof FinancialFact>;

export const IndicatorFact = z.object({
  documentId: z.string(),
  tableIndex: z.number().int().nonnegative(),
  rowIndex: z.number().int().nonnegative(),
  /** Doelstelling the indicator measures (e.g. "6.2.1"), or the statutory number. */
  doelstelling: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  columnIndex: z.number().int().nonnegative(),
  columnHeader: z.string(),
  columnKind: ColumnKind,
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  decimals: z.number().int().nonnegative(),
  /** "14,9% (2021)": the figure is from 2021, not the column's year. */
  referenceYear: z.number().int().nullable(),
  footnote: z.string().nullable(),
  /**
   * How the value was cut from a glued row: absent or 'grammar' when the Dutch number grammar
   * allows this reading only; 'heuristic' when several were grammatical and a documented
   * heuristic (magnitude consistency along the row) chose it; a `heuristic-split` finding names
   * the alternatives.
   */
  reading: z.enum(['grammar', 'heuristic']).optional(),
  /**
   * The area the figure is for where the table compares areas under one indicator (`Gemeente`,
   * `Provincie`, `Nederland`): those rows are the indicator's comparison areas, not indicators.
   */
  area: z.string().nullable().optional(),
  /** The source the document names for the figure ("CBS", "DUO/Ingrado"), where it names one. */
  source: z.string().nullable().optional(),
  provenance: Provenance,
});
export type IndicatorFact = z.infer<typeof IndicatorFact>;
