import { createHash } from 'node:crypto';
import { extname, relative, resolve } from 'node:path';
import { extractText } from '../../extractors/text/index.js';
import { Document, type FinancialFact, type Finding, type IndicatorFact, type SourceFormat, type Table } from '../../schemas/index.js';
import { interpret } from '../interpret/index.js';
import { buildContext } from '../reconcile/rule.js';
import { reconcile, type ReconcileOptions } from '../reconcile/registry.js';
import { guessMetadata, type ManifestEntry } from './metadata.js';
import { InputError, readInput } from './input.js';

export { DEFAULT_MAX_BYTES, InputError } from './input.js';

export interface ProcessedDocument {
  document: Document;
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
  findings: Finding[];
}

export interface ProcessOptions extends ReconcileOptions {
  /** Manifest entries by absolute path. */
  manifest?: Map<string, ManifestEntry>;
  /** Paths in records are shown relative to this directory. */
  cwd?: string;
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
}

/** One file: source → extractor → raw tables → interpreter → reconciler. Pure but for reading the file. */
export function processFile(path: string, options: ProcessOptions = {}): ProcessedDocument {
  const abs = resolve(path);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  // Size, emptiness, binary junk, PDF header/end marker, encoding: checked and decoded here.
  const input = readInput(abs, file, options.maxBytes);
  const { bytes } = input;
  const size = bytes.length;
  if (input.text === null) throw new InputError(file, `a PDF${input.pdf?.encrypted ? ' (encrypted)' : ''}: this build reads text dumps only`);
  const extraction = extractText(input.text);
  extraction.notices.unshift(...input.notices);
  const entry = options.manifest?.get(abs);
  const guessed = guessMetadata(abs, extraction.headings);
  const format: SourceFormat = entry?.sourceFormat ?? (extname(abs).toLowerCase() === '.md' ? 'pdf-markdown' : 'html-text');
  const document = Document.parse({
    id: createHash('sha256').update(bytes).digest('hex'),
    file,
    gemeente: entry?.gemeente ?? guessed.gemeente,
    documentType: entry?.documentType ?? guessed.documentType,
    year: entry?.year ?? guessed.year,
    programme: entry?.programme ?? guessed.programme,
    sourceFormat: format,
    bytes: size,
    metadataSource: entry ? 'manifest' : 'filename',
  });
  const interpretation = interpret(document, extraction);
  const ctx = buildContext(document, interpretation.tables, interpretation.financial, interpretation.indicators);
  const findings = [...interpretation.findings, ...reconcile(ctx, options)];
  return { document, tables: interpretation.tables, financial: interpretation.financial, indicators: interpretation.indicators, findings };
}
