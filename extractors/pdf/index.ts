import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Extraction, ExtractionNotice } from '../types.js';
import {
  dropRunningLines,
  joinAcrossPages,
  linesOf,
  readPageLayout,
  type PageLayout,
  type PageResult,
} from './layout.js';
import { PageReadError, readPages } from './pool.js';
import { openPdf, readPage, type PageText } from './read-pages.mjs';

/**
 * PDFs: pdf.js (legacy build for Node; no eval, no network, no font rendering) gives each page's
 * text items with positions; layout.ts turns them into lines, tables and text blocks.
 */

export interface PdfOptions {
  /** Shown in messages. */
  file?: string;
  /** Files larger than this are refused before they are read (bytes). */
  maxBytes?: number;
  /**
   * Worker threads reading pages (pdf.js) in parallel while this thread lays them out; 0 reads
   * them in this thread. Default: as many as cores are idle (defaultWorkers), 1 to 4; more than
   * one only from `poolFromPages` pages.
   */
  workers?: number;
  /** Below this many pages one worker reads them all (more cost more than they save). */
  poolFromPages?: number;
}

/**
 * Measured with `npm run bench -- pdf` (pool against one reader, cold): see README, PDF. A
 * second reader started cold costs 0.2-0.6 s of CPU (more under load) and pays only on a core
 * nothing else uses, from about 150 pages.
 */
export const POOL_FROM_PAGES = 150;

/** Readers by default: as many as cores are idle (cores less the load average, rounded), 1 to 4. */
export function defaultWorkers(cores = availableParallelism(), load = loadavg()[0]): number {
  return Math.max(1, Math.min(4, Math.round(cores - load)));
}

export const PDF_MAX_BYTES = 200 * 1024 * 1024;

export class PdfInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Refuse what is not a complete PDF before pdf.js sees it: pdf.js repairs silently. */
function checkFile(path: string, file: string, maxBytes: number): number {
  const size = statSync(path).size;
  if (size > maxBytes) throw new PdfInputError(file, `PDF is ${size} bytes, over the limit of ${maxBytes}; not read`);
  if (size === 0) throw new PdfInputError(file, 'empty file, not a PDF');
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(1024, size));
    readSync(fd, head, 0, head.length, 0);
    if (!head.includes('%PDF-')) throw new PdfInputError(file, 'not a PDF (no %PDF- header in the first 1024 bytes)');
    const tail = Buffer.alloc(Math.min(2048, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (!tail.includes('%%EOF'))
      throw new PdfInputError(file, 'truncated PDF: no %%EOF marker at the end of the file (an incomplete download?)');
  } finally {
    closeSync(fd);
  }
  return size;
}

const openMessage = (name: string | undefined, message: string) =>
  name === 'PasswordException'
    ? 'encrypted PDF: a password is needed to open it; not read'
    : `not a readable PDF: ${message}`;

/** Read the pages in this thread (workers: 0): pdf.js is loaded here. */
async function readHere(bytes: Uint8Array, file: string, onPage: (p: PageText) => void): Promise<number> {
  let doc;
  try {
    doc = await openPdf(bytes);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    throw new PdfInputError(file, openMessage(e?.name, e?.message ?? String(err)));
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        onPage(await readPage(doc, n));
      } catch (err) {
        throw new PdfInputError(file, `page ${n}: ${(err as Error).message}`);
      }
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/** Extract tables and text blocks from a PDF file. */
export async function extractPdf(path: string, options: PdfOptions = {}): Promise<Extraction> {
  const file = options.file ?? path;
  checkFile(path, file, options.maxBytes ?? PDF_MAX_BYTES);
  const bytes = new Uint8Array(readFileSync(path));
  const notices: ExtractionNotice[] = [];
  const pages: PageLayout[] = [];
  let withText = 0;
  const onPage = (p: PageText) => {
    if (p.items.length > 0) withText++;
    // Lines are made as pages arrive (while the readers go on) and the items are let go.
    pages.push({ page: p.page, width: p.width, height: p.height, lines: linesOf(p) });
  };
  const workers = options.workers ?? defaultWorkers();
  let numPages: number;
  if (workers === 0) numPages = await readHere(bytes, file, onPage);
  else {
    try {
      numPages = await readPages(bytes, { workers, poolFromPages: options.poolFromPages ?? POOL_FROM_PAGES }, onPage);
    } catch (err) {
      if (!(err instanceof PageReadError)) throw err;
      throw new PdfInputError(file, err.pdfjsName ? openMessage(err.pdfjsName, err.message) : err.message);
    }
  }
  if (numPages === 0) throw new PdfInputError(file, 'the PDF has no pages');
  pages.sort((a, b) => a.page - b.page);
  if (withText === 0) {
    notices.push({
      rule: 'no-text-layer',
      severity: 'warning',
      message:
        `${file}: no text layer, OCR not supported (${pages.length} page${pages.length === 1 ? '' : 's'} of ` +
        `images or drawings only); nothing read`,
      line: null,
      page: null,
      raw: null,
      table: null,
    });
  } else {
    for (const p of pages)
      if (p.lines.length === 0)
        notices.push({
          rule: 'no-text-layer',
          severity: 'info',
          message: `page ${p.page} has no text layer (an image?), OCR not supported; skipped`,
          line: null,
          page: p.page,
          raw: null,
          table: null,
        });
  }
  // In page order: a table of text that runs to the foot of a page hands its header on.
  const results: PageResult[] = [];
  for (const p of dropRunningLines(pages)) results.push(readPageLayout(p, file, results.at(-1)?.openTextTable ?? null));
  const joined = joinAcrossPages(results, file);
  const headings = pages
    .slice(0, 2)
    .flatMap((p) =>
      p.lines.map((l) =>
        l.chunks
          .map((c) => c.text)
          .join(' ')
          .trim(),
      ),
    )
    .filter((t) => t.length > 0 && t.length < 120)
    .slice(0, 40);
  return { tables: joined.tables, textBlocks: joined.textBlocks, notices: [...notices, ...joined.notices], headings };
}
