/**
 * Writes test/fixtures/html/: one or more saved-page-like HTML files per sample, and their
 * manifest. Run `npx tsx scripts/make-html-fixtures.ts` after changing the samples or the
 * renderer; the 2 MB page is built on demand by the tests and the bench (bigPage), not stored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, PAGES, manifestCsv, renderPage } from './html-fixtures.js';

mkdirSync(FIXTURES, { recursive: true });
for (const spec of PAGES) {
  const html = renderPage(spec);
  writeFileSync(join(FIXTURES, spec.page), html);
  console.log(`${spec.page}: ${html.length} bytes`);
}
writeFileSync(join(FIXTURES, 'manifest.csv'), manifestCsv());
