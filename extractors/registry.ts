/**
 * Every source format klopt reads. A file goes to the first format whose sniff claims its first
 * bytes; a file no format claims goes by its extension; anything else is read as text, the last.
 * Adding a format: a folder with its extractor and a format.ts declaring it, and one line here.
 */
import { extname } from 'node:path';
import type { ExtractorFormat } from './format.js';
import { htmlFormat } from './html/format.js';
import { pdfFormat } from './pdf/format.js';
import { textFormat } from './text/format.js';

export type { ExtractorFormat, FormatInput } from './format.js';

/** In sniffing order; the last is the fallback. */
export const FORMATS: readonly ExtractorFormat[] = [pdfFormat, htmlFormat, textFormat];

const FALLBACK = FORMATS[FORMATS.length - 1];

/** The format a file's name says, if any. */
export function formatByName(path: string): ExtractorFormat | undefined {
  const ext = extname(path).toLowerCase();
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** The format the first bytes of a file show, if any. */
export function formatByContent(head: Buffer): ExtractorFormat | undefined {
  return FORMATS.find((f) => f.sniff(head));
}

export function formatNamed(name: string): ExtractorFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** Whether a directory walk or a glob picks up a file with this extension (lower case, with the dot). */
export const isReadableExtension = (ext: string): boolean => FORMATS.some((f) => f.extensions.includes(ext));

/**
 * Content first: a PDF or an HTML page is read as what it is under any name. `declared` (a
 * manifest's source format) chooses between formats the content does not settle.
 */
export function routeFormat(
  path: string,
  head: Buffer | null,
  declared?: ExtractorFormat,
): { format: ExtractorFormat; mismatch: boolean } {
  const byName = formatByName(path);
  const byContent = head ? formatByContent(head) : undefined;
  const format = (byContent?.binary ? byContent : declared) ?? byContent ?? byName ?? FALLBACK;
  return { format, mismatch: byName !== undefined && byContent === format && byName !== format };
}
