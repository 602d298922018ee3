/** The PDF format's entry in extractors/registry.ts. */
import type { ExtractorFormat } from '../format.js';

export const pdfFormat: ExtractorFormat = {
  name: 'pdf',
  label: 'a PDF',
  extensions: ['.pdf'],
  // At the very start: a text dump that mentions "%PDF-" near its top stays text.
  sniff: (head) => head.subarray(0, 5).toString('latin1') === '%PDF-',
  binary: true,
  sourceFormat: () => 'pdf',
  extract: async ({ path, file, maxBytes, workers, poolFromPages }) =>
    (await import('./index.js')).extractPdf(path, { file, maxBytes, workers, poolFromPages }),
};
