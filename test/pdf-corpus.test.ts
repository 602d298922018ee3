import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, readPage } from '../extractors/pdf/read-pages.mjs';
import { PRINTS, fileOf } from '../scripts/make-pdf-corpus.js';
import { processFileAsync, type ProcessedDocument } from '../src/pipeline/index.js';
import { processSample, sample } from './helpers.js';

/**
 * The corpus of test/fixtures/pdf/corpus (scripts/make-pdf-corpus.ts, committed): the samples'
 * tables printed by headless Chromium, LibreOffice (from HTML and from a .docx) and pdfkit in
 * several styles: indented Baten/Lasten rows under or above bold or shaded taakveld rows, figures
 * at the top, middle or foot of their cells beside wrapped labels, heads wrapped over two or three
 * lines and spanning groups, the header repeated on every page or printed once, landscape pages,
 * running headers and footers. Each print read back must give the text path's facts and errors.
 */
const CORPUS = (name: string) => join(import.meta.dirname, 'fixtures', 'pdf', 'corpus', name);
const SOURCES = {
  'hengelo-2019': 'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
  'hengelo-2023': 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
} as const;

/**
 * Facts cell by cell (row label, line item, taakveld group, column, value, status), in a fixed order: a print may put a
 * taakveld row above its sub-rows.
 */
const factKeys = (r: ProcessedDocument) =>
  r.financial
    .map(
      (f) =>
        `${f.rowLabel} | ${f.lineItem} | ${f.group} | col ${f.columnIndex} ${f.columnHeader} ${f.columnKind} ` +
        `| ${f.value} | ${f.status}`,
    )
    .sort();
const indicatorKeys = (r: ProcessedDocument) =>
  r.indicators.map((f) => `${f.name} | ${f.columnKind} ${f.year} | ${f.value} ${f.unit ?? ''}`).sort();
const errorKeys = (r: ProcessedDocument) =>
  r.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} | ${f.row} | ${f.column} | ${f.expected} | ${f.found}`)
    .sort();
const READING = [
  'unread-table',
  'ambiguous-cells',
  'unreadable-row',
  'label-boundary',
  'short-row',
  'extra-cells',
  'unreadable-cell',
];

const text = new Map<string, ProcessedDocument>();
const fromText = (doc: keyof typeof SOURCES) => {
  if (!text.has(doc)) text.set(doc, processSample(sample(SOURCES[doc])));
  return text.get(doc)!;
};

/** The pages a text is printed on, by pdf.js's own items (independent of the layout code). */
async function pagesOf(file: string, needle: string): Promise<number[]> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  const out: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await readPage(doc, n);
    if (
      p.items
        .map((i) => i.s)
        .join(' ')
        .replace(/\s+/g, ' ')
        .includes(needle)
    )
      out.push(n);
  }
  await doc.destroy();
  return out;
}

describe('PDF corpus: the same facts from every producer and style', () => {
  // (The held-out print — LibreOffice from HTML, shaded totals above unindented sub-rows, figures
  // at the foot, Liberation Serif — is checked like the others since its indicator table is read.)
  const prints = PRINTS;
  it('holds prints of three producers, three styles each', () => {
    const by = new Map<string, Set<string>>();
    for (const p of prints.filter((x) => x.style !== 'holdout'))
      by.set(
        p.producer.replace(/^lo-.*/, 'libreoffice'),
        (by.get(p.producer.replace(/^lo-.*/, 'libreoffice')) ?? new Set()).add(p.style),
      );
    expect([...by.keys()].sort()).toEqual(['chromium', 'libreoffice', 'pdfkit']);
    for (const styles of by.values()) expect(styles.size).toBeGreaterThanOrEqual(3);
  });

  for (const p of prints) {
    const file = fileOf(p);
    it(
      `${file}: financial facts cell by cell, indicator facts and errors equal the text path's; no table given ` + `up`,
      async () => {
        const pdf = await processFileAsync(CORPUS(file), { pdfWorkers: 0 });
        const txt = fromText(p.doc);
        expect(pdf.document.sourceFormat).toBe('pdf');
        expect(factKeys(pdf)).toEqual(factKeys(txt));
        expect(indicatorKeys(pdf)).toEqual(indicatorKeys(txt));
        // No false error: exactly the text path's, each with its page.
        expect(errorKeys(pdf)).toEqual(errorKeys(txt));
        expect(
          pdf.findings
            .filter((f) => f.severity === 'error')
            .every(
              (f) =>
                typeof f.page === 'number' && f.page >= 1 && f.table !== null && f.row !== null && f.column !== null,
            ),
        ).toBe(true);
        expect(pdf.findings.filter((f) => READING.includes(f.rule)).map((f) => f.message)).toEqual([]);
        expect(pdf.financial.every((f) => typeof f.provenance.page === 'number')).toBe(true);
      },
    );
  }

  for (const p of prints.filter((x) => x.doc === 'hengelo-2023')) {
    const file = fileOf(p);
    it(`${file}: the cost table's four real discrepancies, each on the page its taakveld row is printed on`, async () => {
      const r = await processFileAsync(CORPUS(file), { pdfWorkers: 0 });
      const real = r.findings.filter((f) => ['verschil', 'saldo-verschil', 'missing-cell'].includes(f.rule));
      expect(real.map((f) => [f.rule, f.row, f.column]).sort()).toEqual([
        ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil'],
        ['saldo-verschil', '6.73A Pleegzorg / Saldo', 'Verschil'],
        ['saldo-verschil', '6.73B Gezinsgericht / Saldo', 'Verschil'],
        ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 'Verschil'],
      ]);
      expect(real.find((f) => f.rule === 'missing-cell')!.expected).toBe(44);
      for (const f of real) {
        const [taakveld, item] = f.row!.split(' / ');
        const pages = await pagesOf(CORPUS(file), taakveld);
        expect(pages).toHaveLength(1);
        // A Baten/Lasten row is printed right above or below its taakveld row: on its page or,
        // across a page break, the one before (sub-rows first) or after (sub-rows under it).
        if (item === 'Saldo') expect(f.page).toBe(pages[0]);
        else expect([pages[0], p.style === 'narrow' ? pages[0] + 1 : pages[0] - 1]).toContain(f.page);
      }
    });
  }
});
