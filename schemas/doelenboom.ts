import { z } from 'zod';
import { Provenance } from './common.js';

/**
 * The structures of a doelenboom (Enschede): goals with what they claim ("totale lasten",
 * "Indicatoren: N", "Aantal acties: N") and products with their Lasten/Baten, plus the
 * section of the document that works each goal out, with what it actually lists.
 */

/** A count as printed, where it stands. */
export const PrintedCount = z.object({
  value: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  raw: z.string(),
});
export type PrintedCount = z.infer<typeof PrintedCount>;

/** An amount as printed: value in the printed unit, decimals for the rounding interval. */
export const PrintedAmount = z.object({
  value: z.number(),
  decimals: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  raw: z.string(),
});
export type PrintedAmount = z.infer<typeof PrintedAmount>;

export const GoalSection = z.object({
  line: z.number().int().positive(),
  /** "Aantal indicatoren: 6" in the section. */
  statedIndicators: PrintedCount.nullable(),
  /** Lines where the section's indicators stand (one "Toelichting" per indicator). */
  indicatorLines: z.array(z.number().int().positive()),
  /** "Aantal acties: 2" in the section. */
  statedActions: PrintedCount.nullable(),
  /** Lines of the numbered actions the section lists. */
  actionLines: z.array(z.number().int().positive()),
});
export type GoalSection = z.infer<typeof GoalSection>;

export const DoelenboomGoal = z.object({
  documentId: z.string(),
  /** "01" for a doel, "01.01" for a subdoel. */
  code: z.string(),
  name: z.string(),
  level: z.enum(['doel', 'subdoel']),
  /** "totale lasten (x 1.000 euro): 252.647,00", in the printed unit. */
  totaleLasten: PrintedAmount.nullable(),
  scale: z.number().positive(),
  claimedIndicators: PrintedCount.nullable(),
  claimedActions: PrintedCount.nullable(),
  /** The section working this goal out, when the document has one. */
  section: GoalSection.nullable(),
  provenance: Provenance,
});
export type DoelenboomGoal = z.infer<typeof DoelenboomGoal>;

export const DoelenboomProduct = z.object({
  documentId: z.string(),
  doelstelling: z.string().nullable(),
  thema: z.string().nullable(),
  product: z.string(),
  /** Null: the doelenboom prints no such line for the product. */
  lasten: PrintedAmount.nullable(),
  baten: PrintedAmount.nullable(),
  scale: z.number().positive(),
  provenance: Provenance,
});
export type DoelenboomProduct = z.infer<typeof DoelenboomProduct>;

/** A row of a "Wettelijk verplichte indicatoren" list, checked against the BBV catalogue. */
export const StatutoryIndicator = z.object({
  documentId: z.string(),
  /** The BBV number as printed (20 = Niet-sporters). */
  nr: z.number().int().positive(),
  beleidsveld: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  year: z.number().int(),
  score: z.number().nullable(),
  decimals: z.number().int().nonnegative(),
  percent: z.boolean(),
  source: z.string().nullable(),
  /** The catalogue's name for this number, and whether the printed name is it. */
  catalogueName: z.string().nullable(),
  matchesCatalogue: z.boolean(),
  provenance: Provenance,
});
export type StatutoryIndicator = z.infer<typeof StatutoryIndicator>;

export const Structures = z.object({
  goals: z.array(DoelenboomGoal),
  products: z.array(DoelenboomProduct),
  statutory: z.array(StatutoryIndicator),
});
export type Structures = z.infer<typeof Structures>;
