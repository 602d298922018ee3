import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { extractText } from '../../extractors/text/index.js';
import { extractHtml } from '../../extractors/html/index.js';
import { HTML_EXTENSIONS } from './files.js';
import { Document, type FinancialFact, type Finding, type IndicatorFact, type SourceFormat, type Structures, type Table } from '../../schemas/index.js';
import { interpret } from '../interpret/index.js';
import { buildContext } from '../reconcile/rule.js';
import { reconcile, type ReconcileOptions } from '../reconcile/registry.js';
import { attachEvidence } from '../report/evidence.js';
import { guessMetadata, type ManifestEntry } from './metadata.js';

export interface ProcessedDocument {
  document: Document;
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
  findings: Finding[];
  /** Doelenboom goals and products, statutory indicator rows (typed records; their figures are also facts). */
  structures: Structures;
}

export interface ProcessOptions extends ReconcileOptions {
  /** Manifest entries by absolute path. */
  manifest?: Map<string, ManifestEntry>;
  /** Paths in records are shown relative to this directory. */
  cwd?: string;
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** One file: source → extractor → raw tables → interpreter → reconciler. Pure but for reading the file. */
export function processFile(path: string, options: ProcessOptions = {}): ProcessedDocument {
  const abs = resolve(path);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  const size = statSync(abs).size;
  if (size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new InputError(file, `file is ${size} bytes, over the limit of ${options.maxBytes ?? DEFAULT_MAX_BYTES}`);
  const bytes = readFileSync(abs);
  if (bytes.includes(0)) throw new InputError(file, 'binary content (NUL bytes): not a text dump');
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const entry = options.manifest?.get(abs);
  // Saved web pages go to the HTML extractor; text dumps (of pages or PDFs) to the text one.
  const isHtml = entry?.sourceFormat ? entry.sourceFormat === 'html' : HTML_EXTENSIONS.has(extname(abs).toLowerCase());
  const extraction = isHtml ? extractHtml(text) : extractText(text);
  const guessed = guessMetadata(abs, extraction.headings);
  const format: SourceFormat = entry?.sourceFormat ?? (isHtml ? 'html' : extname(abs).toLowerCase() === '.md' ? 'pdf-markdown' : 'html-text');
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
  const ctx = buildContext(document, interpretation.tables, interpretation.financial, interpretation.indicators, {
    structures: interpretation.structures,
    textBlocks: extraction.textBlocks,
  });
  const findings = attachEvidence([...interpretation.findings, ...reconcile(ctx, options)], text, interpretation.financial);
  return { document, tables: interpretation.tables, financial: interpretation.financial, indicators: interpretation.indicators, findings, structures: interpretation.structures };
}
