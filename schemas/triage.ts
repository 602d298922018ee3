import { z } from 'zod';

/** What an auditor decided about a finding. */
export const TriageStatus = z.enum(['explained', 'accepted', 'false-alarm']);
export type TriageStatus = z.infer<typeof TriageStatus>;

/**
 * A finding's triage, as stored (table `triage`) and as written to a triage file: the finding's
 * fingerprint and the fields it is made of (so a file can be checked and its finding found again
 * after the document changed), the status, the auditor's comment, who and when.
 */
export const TriageEntry = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint is 64 hexadecimal characters'),
  rule: z.string().min(1),
  file: z.string(),
  documentId: z.string().nullable(),
  table: z.string().nullable(),
  tableIndex: z.number().int().nullable(),
  row: z.string().nullable(),
  column: z.string().nullable(),
  line: z.number().int().nullable(),
  page: z.number().int().nullable(),
  expected: z.number().nullable(),
  found: z.number().nullable(),
  status: TriageStatus,
  comment: z.string().trim().min(1, 'a triage needs a comment saying why'),
  by: z.string().nullable(),
  /** ISO timestamp of the decision. */
  at: z.string().datetime({ offset: true }),
});
export type TriageEntry = z.infer<typeof TriageEntry>;

/** The file the HTML report exports and `klopt triage import` / `check --triage` read. */
export const TriageFile = z.object({
  klopt: z.literal('triage'),
  version: z.literal(1),
  entries: z.array(TriageEntry),
});
export type TriageFile = z.infer<typeof TriageFile>;
