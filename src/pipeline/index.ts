import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { PdfInputError } from '../../extractors/pdf/index.js';
import { extractText } from '../../extractors/text/index.js';
import { extractHtml } from '../../extractors/html/index.js';
import { formatNamed, routeFormat, type ExtractorFormat } from '../../extractors/registry.js';
import {
  Document,
  type FinancialFact,
  type Finding,
  type IndicatorFact,
  type SourceFormat,
  type Structures,
  type Table,
} from '../../schemas/index.js';
import type { Extraction, ExtractionNotice } from '../../extractors/types.js';
import { interpret, noticeFinding } from '../interpret/index.js';
import { buildContext, type RuleContext } from '../reconcile/rule.js';
import { checkCoverage } from '../reconcile/checked.js';
import { runRules } from '../reconcile/registry.js';
import { attachEvidence } from '../reconcile/evidence.js';
import { guessMetadata, type ManifestEntry } from './metadata.js';
import { DEFAULT_MAX_BYTES, InputError, readHead, readInput } from './input.js';
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
  /** Per document rule: how many relations, sums, ties or comparisons it evaluated (0: it proved nothing here). */
  evaluated: Record<string, number>;
}

export interface ProcessOptions {
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

/** The format a manifest's source_format asks for, where the content leaves the choice open. */
function declaredFormat(entry: ManifestEntry | undefined): ExtractorFormat | undefined {
  const declared = entry?.sourceFormat;
  if (!declared || declared === 'pdf') return undefined; // a PDF is told by its content
  return formatNamed(declared === 'html' ? 'html' : 'text');
}

/** Where the name says one format and the content another: read as the content, and say so. */
function routeNotice(file: string, abs: string, format: ExtractorFormat): ExtractionNotice {
  const as = format.name === 'text' ? 'text' : format.name.toUpperCase();
  const message = `${file} is named ${extname(abs)} but is ${format.label}: read as ${as}`;
  return { rule: 'format-by-content', severity: 'info', message, line: null, page: null, raw: null, table: null };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Extractors that need no I/O of their own, for the synchronous processFile. */
const SYNC_EXTRACT: Record<string, (text: string) => Extraction> = { text: extractText, html: extractHtml };

/**
 * One text dump or saved web page, synchronously: source → extractor → raw tables → interpreter →
 * reconciler. Pure but for reading the file. PDFs (and any format whose extractor is
 * asynchronous) need processFileAsync, which reads every format.
 */
export function processFile(path: string, options: ProcessOptions = {}): ProcessedDocument {
  const abs = resolve(path);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  const { format, mismatch } = routeFormat(abs, readHead(abs), declaredFormat(options.manifest?.get(abs)));
  const extract = SYNC_EXTRACT[format.name];
  if (format.binary || !extract) throw new InputError(file, `${format.label}, read by processFileAsync only`);
  // Size, emptiness, binary junk, encoding: checked and decoded here.
  const input = readInput(abs, file, options.maxBytes, format.name);
  const extraction = extract(input.text!);
  extraction.notices.unshift(...input.notices, ...(mismatch ? [routeNotice(file, abs, format)] : []));
  const id = sha256(input.bytes);
  return finish(abs, file, id, input.bytes.length, format.sourceFormat(abs), extraction, input.text, options);
}

/**
 * Any file klopt reads. Routed by content first (extractors/registry.ts): a PDF or an HTML page
 * is read as what it is under any name, with an info finding where the name says otherwise.
 */
export async function processFileAsync(path: string, options: ProcessOptions = {}): Promise<ProcessedDocument> {
  const abs = resolve(path);
  const file = relative(options.cwd ?? process.cwd(), abs) || abs;
  const { format, mismatch } = routeFormat(abs, readHead(abs), declaredFormat(options.manifest?.get(abs)));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const notices = mismatch ? [routeNotice(file, abs, format)] : [];
  if (!format.binary) {
    const input = readInput(abs, file, options.maxBytes, format.name);
    const extraction = await format.extract({ path: abs, file, text: input.text, maxBytes });
    extraction.notices.unshift(...input.notices, ...notices);
    const id = sha256(input.bytes);
    return finish(abs, file, id, input.bytes.length, format.sourceFormat(abs), extraction, input.text, options);
  }
  let extraction: Extraction;
  try {
    const { pdfWorkers: workers, pdfPoolFromPages: poolFromPages } = options;
    extraction = await format.extract({ path: abs, file, text: null, maxBytes, workers, poolFromPages });
    extraction.notices.unshift(...normaliseExtraction(extraction), ...notices);
  } catch (err) {
    if (err instanceof PdfInputError) throw new InputError(file, err.message.slice(file.length + 2));
    throw err;
  }
  const bytes = readFileSync(abs);
  return finish(abs, file, sha256(bytes), bytes.length, format.sourceFormat(abs), extraction, null, options);
}

/**
 * The common tail: metadata, interpretation, reconciliation; `text` (a text source) gives findings their evidence
 * lines.
 */
function finish(
  abs: string,
  file: string,
  id: string,
  size: number,
  defaultFormat: SourceFormat,
  extraction: Extraction,
  text: string | null,
  options: ProcessOptions,
): ProcessedDocument {
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
            ? `No figure of this document was read: ${coverage.amountsSeen} amounts stand in tables or ` +
              `table-like blocks that klopt could not read (see the unread-table findings), so nothing in it ` +
              `is proven`
            : 'No table of figures was found in this document: nothing in it is checked',
      }),
    );
  }
  const ctx = buildContext(document, interpretation.tables, interpretation.financial, interpretation.indicators, {
    structures: interpretation.structures,
    textBlocks: extraction.textBlocks,
  });
  const run = runRules('document', ctx);
  const reconciled = [
    ...interpretation.findings,
    ...run.findings,
    ...checkNotices(document, ctx, coverage.amountsRead),
  ];
  const findings = text === null ? reconciled : attachEvidence(reconciled, text, interpretation.financial);
  const { tables, financial, indicators, structures } = interpretation;
  return { document, tables, financial, indicators, findings, structures, evaluated: run.evaluated };
}

/**
 * Tables of figures read but proven by no relation, and a document of which no figure was checked: read is not proven.
 */
function checkNotices(document: Document, ctx: RuleContext, amountsRead: number): Finding[] {
  const checks = checkCoverage(ctx);
  const out: Finding[] = [];
  for (const c of checks) {
    if (c.relations > 0 || c.amounts < 2) continue;
    out.push(
      makeFinding(document, {
        rule: 'unchecked-table',
        severity: 'info',
        table: c.table.title,
        tableIndex: c.table.index,
        line: c.table.line,
        page: c.table.page,
        message:
          `Table "${c.table.title}": ${c.amounts} amounts read, but its layout states no total, saldo, ` +
          `verschil or balance that klopt could evaluate: read, not checked`,
      }),
    );
  }
  if (amountsRead > 0 && checks.every((c) => c.relations === 0)) {
    out.push(
      makeFinding(document, {
        rule: 'nothing-checked',
        severity: 'info',
        message:
          `${amountsRead} figures were read, but none of them takes part in a sum klopt could evaluate (no ` +
          `total, saldo, verschil or balance in these tables): the document is read, not proven to add up`,
      }),
    );
  }
  return out;
}
