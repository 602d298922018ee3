/** The HTML format's entry in extractors/registry.ts. */
import type { ExtractorFormat } from '../format.js';

const PAGE_START = /^(?:\s|<!--[\s\S]*?-->)*(<!doctype html|<html[\s>])/i;

export const htmlFormat: ExtractorFormat = {
  name: 'html',
  label: 'an HTML page',
  extensions: ['.html', '.htm', '.xhtml'],
  // A saved page opens with a doctype or <html> (after a byte-order mark, blank lines or a comment).
  sniff: (head) => PAGE_START.test(head.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '')),
  binary: false,
  sourceFormat: () => 'html',
  extract: async ({ text }) => (await import('./index.js')).extractHtml(text ?? ''),
};
