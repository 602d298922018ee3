import { z } from 'zod';
import { Finding } from './finding.js';

/** What an auditor decided about a finding. */
export const TriageStatus = z.enum(['explained', 'accepted', 'false-alarm']);
export type TriageStatus = z.infer<typeof TriageStatus>;

/**
 * A finding's triage, as stored (table `triage`) and as written to a triage file: the finding's
 * fingerprint and the fields it is made of (so a file can be checked and its finding found again
 * after the document changed), the status, the auditor's comment, who and when.
 */
export const TriageEntry = Finding.pick({
  rule: true,
  file: true,
  documentId: true,
  table: true,
  tableIndex: true,
  row: true,
  column: true,
  line: true,
  page: true,
  expected: true,
  found: true,
}).extend({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint is 64 hexadecimal characters'),
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
