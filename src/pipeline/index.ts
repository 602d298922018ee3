import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { extractPdf, PdfInputError } from '../../extractors/pdf/index.js';
import { extractText } from '../../extractors/text/index.js';
import { extractHtml } from '../../extractors/html/index.js';
import { HTML_EXTENSIONS } from './files.js';
import { Document, type FinancialFact, type Finding, type IndicatorFact, type SourceFormat, type Structures, type Table } from '../../schemas/index.js';
import type { Extraction } from '../../extractors/types.js';
import { interpret, noticeFinding } from '../interpret/index.js';
import { buildContext } from '../reconcile/rule.js';
import { reconcile, type ReconcileOptions } from '../reconcile/registry.js';
import { attachEvidence } from '../reconcile/evidence.js';
import { guessMetadata, type ManifestEntry } from './metadata.js';
import { DEFAULT_MAX_BYTES, InputError, readInput } from './input.js';
import { normaliseExtraction } from './decode.js';
import { readingCoverage } from './coverage.js';
import { makeFinding } from '../arithmetic/finding.js';

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
  /** Worker threads for reading a PDF's pages (default: the cores, at most 4). */
  pdfWorkers?: number;
  /** PDFs: more than one page reader only from this many pages (default POOL_FROM_PAGES). */
  pdfPoolFromPages?: number;
}

export { DEFAULT_MAX_BYTES, InputError } from './input.js';

/** One file (text dump or saved web page): source → extractor → raw tables → interpreter → reconciler. Pure but for reading the file. PDFs need processFileAsync. */
export function processFile(path: string, options: ProcessOptions = {}): ProcessedDocument {
  const abs = resolve(path);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  // Size, emptiness, binary junk, PDF header/end marker, encoding: checked and decoded here.
  const input = readInput(abs, file, options.maxBytes);
  if (input.text === null) throw new InputError(file, 'a PDF: use processFileAsync');
  const { bytes, text } = input;
  const size = bytes.length;
  const entry = options.manifest?.get(abs);
  // Saved web pages go to the HTML extractor; text dumps (of pages or PDFs) to the text one.
  const isHtml = entry?.sourceFormat ? entry.sourceFormat === 'html' : HTML_EXTENSIONS.has(extname(abs).toLowerCase());
  const extraction = isHtml ? extractHtml(text) : extractText(text);
  extraction.notices.unshift(...input.notices);
  const format: SourceFormat = isHtml ? 'html' : extname(abs).toLowerCase() === '.md' ? 'pdf-markdown' : 'html-text';
  return finish(abs, file, createHash('sha256').update(bytes).digest('hex'), size, format, extraction, text, options);
}

/**
 * Any file klopt reads, PDFs included (pdf.js is asynchronous): `.pdf` goes to the PDF
 * extractor, everything else to processFile.
 */
export async function processFileAsync(path: string, options: ProcessOptions = {}): Promise<ProcessedDocument> {
  const abs = resolve(path);
  if (extname(abs).toLowerCase() !== '.pdf') return processFile(path, options);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  let extraction: Extraction;
  try {
    extraction = await extractPdf(abs, { file, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, workers: options.pdfWorkers, poolFromPages: options.pdfPoolFromPages });
    extraction.notices.unshift(...normaliseExtraction(extraction));
  } catch (err) {
    if (err instanceof PdfInputError) throw new InputError(file, err.message.slice(file.length + 2));
    throw err;
  }
  const bytes = readFileSync(abs);
  return finish(abs, file, createHash('sha256').update(bytes).digest('hex'), bytes.length, 'pdf', extraction, null, options);
}

/** The common tail: metadata, interpretation, reconciliation; `text` (a text source) gives findings their evidence lines. */
function finish(abs: string, file: string, id: string, size: number, defaultFormat: SourceFormat, extraction: Extraction, text: string | null, options: ProcessOptions): ProcessedDocument {
  const entry = options.manifest?.get(abs);
  const guessed = guessMetadata(abs, extraction.headings);
  const document = Document.parse({
    id,
    file,
    gemeente: entry?.gemeente ?? guessed.gemeente,
    documentType: entry?.documentType ?? guessed.documentType,
    year: entry?.year ?? guessed.year,
    programme: entry?.programme ?? guessed.programme,
    sourceFormat: entry?.sourceFormat ?? defaultFormat,
    bytes: size,
    metadataSource: entry ? 'manifest' : 'filename',
  });
  const interpretation = interpret(document, extraction);
  const coverage = readingCoverage(extraction, interpretation);
  document.amountsSeen = coverage.amountsSeen;
  document.amountsRead = coverage.amountsRead;
  for (const n of coverage.notices) interpretation.findings.push(noticeFinding(document, n));
  // Unless the extractor said so already for the whole document (no tables on the page, a page refused).
  const said = extraction.notices.some((n) => n.rule === 'no-tables' || n.rule === 'unreadable-page');
  if (coverage.amountsRead === 0 && !said) {
    interpretation.findings.push(
      makeFinding(document, {
        rule: 'nothing-read',
        severity: 'warning',
        message:
          coverage.amountsSeen > 0
            ? `No figure of this document was read: ${coverage.amountsSeen} amounts stand in tables or table-like blocks that klopt could not read (see the unread-table findings), so nothing in it is proven`
            : 'No table of figures was found in this document: nothing in it is checked',
      }),
    );
  }
  const ctx = buildContext(document, interpretation.tables, interpretation.financial, interpretation.indicators, {
    structures: interpretation.structures,
    textBlocks: extraction.textBlocks,
  });
  const reconciled = [...interpretation.findings, ...reconcile(ctx, options)];
  const findings = text === null ? reconciled : attachEvidence(reconciled, text, interpretation.financial);
  return { document, tables: interpretation.tables, financial: interpretation.financial, indicators: interpretation.indicators, findings, structures: interpretation.structures };
}
