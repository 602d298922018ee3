import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;
export const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One line of a document's source text, with its 1-based line number. */
export const SourceLine = z.object({ line: z.number().int().positive(), text: z.string() });
export type SourceLine = z.infer<typeof SourceLine>;

/**
 * One message about one place, like a vfile message: which rule, how bad, where, what was
 * expected and what was found. Amounts are in the table's printed unit.
 */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  file: z.string(),
  documentId: z.string().nullable(),
  /** The table's title as printed, or null for findings about the whole document. */
  table: z.string().nullable(),
  tableIndex: z.number().int().nullable(),
  /** Row as printed; with its line item where a taakveld has Baten/Lasten lines: "6.73A Pleegzorg / Saldo". */
  row: z.string().nullable(),
  /** Column header as printed. */
  column: z.string().nullable(),
  line: z.number().int().nullable(),
  page: z.number().int().nullable(),
  expected: z.number().nullable(),
  found: z.number().nullable(),
  /** found − expected. */
  difference: z.number().nullable(),
  /** The rounding tolerance the comparison allowed (interval half-widths summed). */
  tolerance: z.number().nullable(),
  /** The source text of the offending cell or row. */
  raw: z.string().nullable(),
  message: z.string(),
  /** The source lines around the finding, cut out when the document was read (src/reconcile/evidence.ts). */
  evidence: z.array(SourceLine).optional(),
});
export type Finding = z.infer<typeof Finding>;
