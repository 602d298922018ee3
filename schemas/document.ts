import { z } from 'zod';

export const DocumentType = z.enum([
  'begroting',
  'jaarstukken',
  'jaarrekening',
  'beleidsrapportage',
  'beleidsplan',
  'onbekend',
]);
export type DocumentType = z.infer<typeof DocumentType>;

/** How the text reached us: an HTML page dumped to text, a PDF converted to markdown, … */
export const SourceFormat = z.enum(['html-text', 'pdf-markdown', 'text', 'html', 'pdf']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Document = z.object({
  /** sha256 of the file's bytes: the same content is the same document wherever it lies. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  gemeente: z.string().nullable(),
  documentType: DocumentType,
  year: z.number().int().min(1990).max(2100).nullable(),
  programme: z.string().nullable(),
  sourceFormat: SourceFormat,
  bytes: z.number().int().nonnegative(),
  /** Where each metadata field came from: 'manifest', 'content' or 'filename'. */
  metadataSource: z.enum(['manifest', 'content', 'filename']),
  /**
   * Reading coverage: amounts seen in the document's tables and table-like blocks, and how many of
   * them were stored as facts. Absent or null where not measured (databases of older versions).
   */
  amountsSeen: z.number().int().nonnegative().nullable().optional(),
  amountsRead: z.number().int().nonnegative().nullable().optional(),
});
export type Document = z.infer<typeof Document>;
