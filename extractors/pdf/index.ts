import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Extraction, ExtractionNotice } from '../types.js';
import { dropRunningLines, joinAcrossPages, linesOf, readPageLayout, type PageLayout } from './layout.js';
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
  /** Worker threads reading pages in parallel; 1 reads in this thread. Default: the cores, at most 4. */
  workers?: number;
  /** Below this many pages no workers are started (starting them costs more than it saves). */
  poolFromPages?: number;
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
    if (!tail.includes('%%EOF')) throw new PdfInputError(file, 'truncated PDF: no %%EOF marker at the end of the file (an incomplete download?)');
  } finally {
    closeSync(fd);
  }
  return size;
}

async function open(data: Uint8Array, file: string) {
  try {
    return await openPdf(data);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e?.name === 'PasswordException') throw new PdfInputError(file, 'encrypted PDF: a password is needed to open it; not read');
    throw new PdfInputError(file, `not a readable PDF: ${e?.message ?? String(err)}`);
  }
}

/** Read pages with a pool of worker threads; `onPage` gets each page as it arrives. */
async function readWithPool(bytes: Uint8Array, numPages: number, workers: number, onPage: (p: PageText) => void, file: string): Promise<void> {
  const url = new URL('./page-worker.mjs', import.meta.url);
  let next = 1;
  let failure: Error | null = null;
  const runOne = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(url, { workerData: { data: bytes } });
      const ask = () => {
        if (next > numPages || failure) w.postMessage('close');
        else w.postMessage(next++);
      };
      w.on('message', (msg: { ready?: boolean; page?: PageText; error?: string; pageNumber?: number }) => {
        if (msg.error) failure ??= new PdfInputError(file, `page ${msg.pageNumber}: ${msg.error}`);
        if (msg.page) onPage(msg.page);
        ask();
      });
      w.on('error', (err) => {
        failure ??= new PdfInputError(file, `reading pages failed: ${err.message}`);
        resolve();
      });
      w.on('exit', () => resolve());
    });
  await Promise.all(Array.from({ length: workers }, runOne));
  if (failure) throw failure;
}

/** Extract tables and text blocks from a PDF file. */
export async function extractPdf(path: string, options: PdfOptions = {}): Promise<Extraction> {
  const file = options.file ?? path;
  checkFile(path, file, options.maxBytes ?? PDF_MAX_BYTES);
  const bytes = new Uint8Array(readFileSync(path));
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await open(bytes.slice(), file);
  const notices: ExtractionNotice[] = [];
  const pages: PageLayout[] = [];
  let withText = 0;
  const onPage = (p: PageText) => {
    if (p.items.length > 0) withText++;
    pages.push({ page: p.page, width: p.width, height: p.height, lines: linesOf(p) });
  };
  try {
    const numPages = doc.numPages;
    if (numPages === 0) throw new PdfInputError(file, 'the PDF has no pages');
    const workers = Math.max(1, Math.min(options.workers ?? Math.min(4, availableParallelism()), numPages));
    if (workers > 1 && numPages >= (options.poolFromPages ?? 16)) {
      await doc.destroy();
      await readWithPool(bytes, numPages, workers, onPage, file);
    } else {
      for (let n = 1; n <= numPages; n++) {
        try {
          onPage(await readPage(doc, n));
        } catch (err) {
          throw new PdfInputError(file, `page ${n}: ${(err as Error).message}`);
        }
      }
    }
  } finally {
    await doc.destroy();
  }
  pages.sort((a, b) => a.page - b.page);
  if (withText === 0) {
    notices.push({ rule: 'no-text-layer', severity: 'warning', message: `${file}: no text layer, OCR not supported (${pages.length} page${pages.length === 1 ? '' : 's'} of images or drawings only); nothing read`, line: null, page: null, raw: null, table: null });
  } else {
    for (const p of pages) if (p.lines.length === 0) notices.push({ rule: 'no-text-layer', severity: 'info', message: `page ${p.page} has no text layer (an image?), OCR not supported; skipped`, line: null, page: p.page, raw: null, table: null });
  }
  const results = dropRunningLines(pages).map((p) => readPageLayout(p, file));
  const joined = joinAcrossPages(results);
  const headings = pages
    .slice(0, 2)
    .flatMap((p) => p.lines.map((l) => l.chunks.map((c) => c.text).join(' ').trim()))
    .filter((t) => t.length > 0 && t.length < 120)
    .slice(0, 40);
  return { tables: joined.tables, textBlocks: joined.textBlocks, notices: [...notices, ...joined.notices], headings };
}
