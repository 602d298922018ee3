/**
 * What every source format declares: its name, the file extensions it goes by, a sniff of the
 * file's first bytes, and one asynchronous extract. extractors/registry.ts lists the formats;
 * the pipeline routes each file by content first, then by name (src/pipeline/index.ts).
 */
import type { SourceFormat } from '../schemas/index.js';
import type { Extraction } from './types.js';

export interface FormatInput {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown in messages and records. */
  file: string;
  /** Decoded and checked text (formats that are not binary); null for binary formats. */
  text: string | null;
  /** Files larger than this are refused (bytes). */
  maxBytes: number;
  /** Worker threads a format may use (the PDF page readers). */
  workers?: number;
  /** PDFs: more than one page reader only from this many pages. */
  poolFromPages?: number;
}

export interface ExtractorFormat {
  /** Short and lower case: 'pdf', 'html', 'text'. Named in messages ("read as PDF"). */
  name: string;
  /** How messages call it: 'a PDF', 'an HTML page'. */
  label: string;
  /** Lower case, with the dot. A directory walk or glob picks up files with these. */
  extensions: readonly string[];
  /**
   * Whether the first bytes (up to 1 KiB) are this format, whatever the file is called. The
   * fallback format (text) claims nothing by content.
   */
  sniff(head: Buffer): boolean;
  /** Binary: the pipeline hands the extractor the path, not decoded text. */
  binary: boolean;
  /** The document's recorded source format for a file of this format named `path`. */
  sourceFormat(path: string): SourceFormat;
  /** Loads its extractor on first use, so listing formats costs nothing at start-up. */
  extract(input: FormatInput): Promise<Extraction>;
}
