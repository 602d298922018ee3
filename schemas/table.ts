import { z } from 'zod';

export const ColumnKind = z.enum([
  'begroting_primitief',
  'begroting_gewijzigd',
  'realisatie',
  'verschil',
  'begroting',
  'meerjarenraming',
  'werkelijk',
  /** A column klopt reads but whose role it cannot name (e.g. "prognose", "1e Berap"). */
  'other',
]);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const Column = z.object({
  /** 0-based index among the table's value columns (the label column is not counted). */
  index: z.number().int().nonnegative(),
  header: z.string(),
  kind: ColumnKind,
  year: z.number().int().nullable(),
});
export type Column = z.infer<typeof Column>;

/**
 * How the table writes signs, as detected from its own numbers (never assumed):
 * - lasten: are expenses printed positive or negative;
 * - saldo: baten − lasten, or lasten − baten;
 * - verschil: is a favourable difference printed positive ("voordeel") or negative.
 * null where the table does not tell.
 */
export const SignConvention = z.object({
  lasten: z.enum(['positive', 'negative']).nullable(),
  /**
   * Baten printed negative (the ledger's credit sign: Leiden): saldo is then baten + lasten too. Absent: positive or
   * unknown.
   */
  baten: z.enum(['positive', 'negative']).nullable().optional(),
  saldo: z.enum(['baten_minus_lasten', 'lasten_minus_baten']).nullable(),
  /**
   * favourable_positive: a favourable difference printed positive (baten realisatie − begroting, lasten begroting −
   * realisatie);
   * favourable_negative: the other way round; budget_minus_actual: begroting − realisatie on every row, baten too
   * (Deventer 2022); actual_minus_budget: realisatie − begroting on every row, lasten too (Deventer 2015).
   */
  verschil: z
    .enum(['favourable_positive', 'favourable_negative', 'budget_minus_actual', 'actual_minus_budget'])
    .nullable(),
  /** Which line-item rows a taakveld's Baten/Lasten rows belong to: the label row before or after them. */
  grouping: z.enum(['label_first', 'label_last']).nullable(),
});
export type SignConvention = z.infer<typeof SignConvention>;

/** financial: amounts; indicator: beleidsindicatoren; numeric: other figures (counts, volumes); other: text. */
export const TableKind = z.enum(['financial', 'indicator', 'numeric', 'other']);
export type TableKind = z.infer<typeof TableKind>;

export const Table = z.object({
  documentId: z.string(),
  /** 0-based position of the table in its document. */
  index: z.number().int().nonnegative(),
  kind: TableKind,
  title: z.string(),
  /** Multiplier from printed figures to euros (1000 for "bedragen x 1.000"); 1 when none stated. */
  scale: z.number().positive(),
  scaleText: z.string().nullable(),
  columns: z.array(Column),
  signConvention: SignConvention,
  line: z.number().int().positive().nullable(),
  page: z.number().int().positive().nullable(),
  /** It starts below lines of its own that no reader took: its first total's parts are not all in it. */
  continuesAbove: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;
