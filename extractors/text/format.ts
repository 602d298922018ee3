/** The text format's entry in extractors/registry.ts: dumps of web pages and PDFs, and the fallback. */
import { extname } from 'node:path';
import type { ExtractorFormat } from '../format.js';

export const textFormat: ExtractorFormat = {
  name: 'text',
  label: 'a text dump',
  extensions: ['.txt', '.md', '.text', '.markdown'],
  // Plain text has no signature: it is what a file is when no other format claims it.
  sniff: () => false,
  binary: false,
  // Markdown dumps come from PDFs (PDF → markdown), plain ones from web pages.
  sourceFormat: (path) => (extname(path).toLowerCase() === '.md' ? 'pdf-markdown' : 'html-text'),
  extract: async ({ text }) => (await import('./index.js')).extractText(text ?? ''),
};
