// Plain JavaScript on purpose: worker threads load this file without a TypeScript loader.
// Types: read-pages.d.mts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

let pdfjs = null;
async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // No console noise from malformed fonts in documents: errors still throw.
    pdfjs.GlobalWorkerOptions.workerSrc = join(PDFJS_DIR, 'legacy/build/pdf.worker.mjs');
  }
  return pdfjs;
}

/**
 * pdf.js options: no eval (no code generated from document content), no network, no font
 * rendering; the standard font widths come from the package itself.
 */
export async function openPdf(data) {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
  });
  return task.promise;
}

/**
 * One page's text items in page coordinates with the origin at the top left (y down):
 * x is where the item starts, y its baseline, w its advance width, size its font size.
 */
export async function readPage(doc, pageNumber) {
  const page = await doc.getPage(pageNumber);
  const [x0, y0, x1, y1] = page.view;
  const content = await page.getTextContent({ includeMarkedContent: false });
  const items = [];
  for (const it of content.items) {
    if (!('str' in it) || it.str === '') continue;
    const [a, b, c, d, e, f] = it.transform;
    // Rotated text (b or c non-zero) is kept with its origin; tables are upright.
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    items.push({ s: it.str, x: e - x0, y: y1 - f, w: it.width, size, font: it.fontName, upright: b === 0 && c === 0 });
  }
  page.cleanup();
  return { page: pageNumber, width: x1 - x0, height: y1 - y0, items };
}
