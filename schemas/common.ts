import { z } from 'zod';

/** Where a value stands in its source: enough for an auditor to find it by hand. */
export const Provenance = z.object({
  file: z.string(),
  /** 1-based line in a text source; null for sources without lines. */
  line: z.number().int().positive().nullable(),
  /** 1-based page in a paged source (PDF); null otherwise. */
  page: z.number().int().positive().nullable(),
  /** The text exactly as it stood in the source (cell or row). */
  raw: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;
