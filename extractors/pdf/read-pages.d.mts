import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface PdfItem {
  /** The text as pdf.js gives it (possibly several pieces run together). */
  s: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  w: number;
  size: number;
  font: string;
  upright: boolean;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export function openPdf(data: Uint8Array): Promise<PDFDocumentProxy>;
export function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText>;
