import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_HTML, REAL_PDF, REAL_PRINTS, realFileOf } from '../scripts/make-pdf-real-pages.js';
import { processFile, processFileAsync, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';

/**
 * The real pages of other gemeenten (test/fixtures/real-pages-html) printed as PDFs by Chromium,
 * LibreOffice (from HTML and from .docx) and pdfkit in the corpus styles (test/fixtures/pdf/real-pages,
 * scripts/make-pdf-real-pages.ts, committed). Each print read through the PDF path must give the
 * facts of the same page read through the HTML path, cell by cell, the same error findings, and
 * give up no table.
 */
const htmlManifest = readManifest(join(REAL_HTML, 'manifest.csv'));
const pdfManifest = readManifest(join(REAL_PDF, 'manifest.csv'));

type Fact = ProcessedDocument['financial'][number];
const factKey = (f: Fact) =>
  `${f.rowLabel} | ${f.lineItem} | ${f.group} | col ${f.columnIndex} ${f.columnHeader} ${f.columnKind} | ` +
  `${f.value} | ${f.status}`;
const indicatorKeys = (r: ProcessedDocument) =>
  r.indicators.map((f) => `${f.name} | ${f.columnKind} ${f.year} | ${f.value} ${f.unit ?? ''}`).sort();
const errors = (r: ProcessedDocument) => r.findings.filter((f) => f.severity === 'error');
const errorKey = (f: ProcessedDocument['findings'][number]) =>
  `${f.rule} | ${f.row} | ${f.column} | ${f.expected} | ${f.found}`;
const READING = [
  'unread-table',
  'ambiguous-cells',
  'unreadable-row',
  'label-boundary',
  'short-row',
  'extra-cells',
  'unreadable-cell',
];

/**
 * Rows the crawler's rendering cut off: the page's HTML row has fewer cells than the table, so the
 * HTML path stores nothing for it (unreadable); printed, its missing cells are blanks, which the PDF
 * path reads as such. Left out of the comparison; asserted to still be cut off in the HTML.
 */
const CUT_ROWS: Record<string, string> = {
  'almelo-jaarstukken-2023-overzicht-baten-en-lasten': '4.3 Onderwijsbeleid en leerlingzaken',
  'geertruidenberg-begroting-2025-overzicht-taakvelden': '2.1 Verkeer en vervoer',
  'gouda-begroting-2024-overzicht-taakvelden': '2.1 Verkeer en vervoer (3)',
  'lochem-jaarstukken-2021-overzicht-baten-en-lasten': 'Het gerealiseerd resultaat',
};

/**
 * Prints read short of the HTML path, each with why, the facts (financial and indicator) it still
 * gives equal, and the reading finding by which the PDF path says it did not read them in full.
 * `finding: null` marks a print read wrongly WITHOUT a finding: an open bug of the extractor, listed
 * so that it is seen (each entry is asserted to be still a gap: fixing one fails here until removed).
 */
const DESCRIBED =
  'Description lines (Eenheid:, Bron:, Toelichting:) between the indicators break the table into blocks; a ' +
  'block goes on ' +
  'with the table above when read under its header it gives the same heads, but here';
const KNOWN_GAPS: Record<string, { reason: string; equal: number; finding: string | null; own?: number }> = {
  'berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.landscape.chromium.pdf': {
    reason: `${DESCRIBED} page 2 opens with an indicator's areas whose name stands at the foot of page 1`,
    equal: 36,
    finding: "stand under no indicator's name",
  },
  'berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.compact.pdfkit.pdf': {
    reason: `${DESCRIBED} one block's figures lie apart from the columns above (not read, said)`,
    equal: 36,
    finding: 'with no heads of their own',
  },
  'berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.condensed.lo-docx.pdf': {
    reason:
      `${DESCRIBED} one indicator's name is printed across the columns, a line of heads, so its block stands ` +
      'without its name (not read, said)',
    equal: 45,
    finding: 'with no heads of their own',
  },
  'berg-en-dal-jaarstukken-2019-verplichte-beleidsindicatoren.narrow.lo-html.pdf': {
    reason:
      `${DESCRIBED} one indicator's name is printed across the columns, a line of heads, so its block stands ` +
      'without its name (not read, said)',
    equal: 45,
    finding: 'with no heads of their own',
  },
  // Held out, second round (the ledger style, pages the PDF tests had not seen): 4 of 12 equal as
  // read before any change for them, 7 of 12 after the rules they called for (dates are heads, formula
  // keys in parentheses, heads run together that begin alike, a table off the page not read). Open:
  ...Object.fromEntries(
    ['chromium', 'lo-odt', 'pdfkit'].map((producer) => [
      `deventer-jaarstukken-2022-resultaatbestemming.ledger.${producer}.pdf`,
      {
        reason:
          'the Lasten/Baten column of words: the HTML path reads it as a column of unreadable figures, the PDF ' +
          'path joins its word to the label ("Stortingen in reserves Lasten") and numbers the columns one less; ' +
          'the figures, line items and column heads agree',
        equal: 0,
        finding: null,
      },
    ]),
  ),
  'utrecht-jaarstukken-2017-stand-en-verloop-reserves.ledger.pdfkit.pdf': {
    reason:
      'pdfkit breaks "voorstellen" inside the word in a narrow head ("B&D voorst" / "ellen 2016"), which ' +
      'nothing on the page tells from two words: that column is named "B&D voorst ellen 2016 (b)"; its figures ' +
      'and key are right',
    equal: 110,
    finding: null,
  },
  'eindhoven-jaarstukken-2021-analyse-begrotingsrechtmatigheid.ledger.lo-odt.pdf': {
    reason:
      'LibreOffice from .odt keeps the page upright, and the twelve columns run off its right edge (the last ' +
      'figures cut, "-10."): the table is not read, said',
    equal: 0,
    finding: 'runs off the page',
  },
};

const html = new Map<string, ProcessedDocument>();
const fromHtml = (page: string) => {
  if (!html.has(page)) html.set(page, processFile(join(REAL_HTML, `${page}.html`), { manifest: htmlManifest }));
  return html.get(page)!;
};

describe('PDF prints of real pages: the same facts as the HTML path', { timeout: 60_000 }, () => {
  it('holds every real page, printed by Chromium, LibreOffice and pdfkit, in four styles or more each', () => {
    expect(new Set(REAL_PRINTS.map((p) => p.page)).size).toBeGreaterThanOrEqual(12);
    const by = new Map<string, Set<string>>();
    for (const p of REAL_PRINTS) {
      const producer = p.producer.replace(/^lo-.*/, 'libreoffice');
      by.set(producer, (by.get(producer) ?? new Set()).add(p.style));
    }
    expect([...by.keys()].sort()).toEqual(['chromium', 'libreoffice', 'pdfkit']);
    for (const styles of by.values()) expect(styles.size).toBeGreaterThanOrEqual(4);
    expect(Object.keys(KNOWN_GAPS).length).toBeLessThanOrEqual(REAL_PRINTS.length / 3);
  });

  for (const [page, row] of Object.entries(CUT_ROWS)) {
    it(`${page}: "${row}" is cut off in the HTML (nothing stored for it there)`, () => {
      // (Geertruidenberg prints the label twice: a full row and the cut one.)
      const cells = fromHtml(page).financial.filter((f) => f.rowLabel === row);
      expect(cells.filter((f) => f.status === 'unreadable').length).toBeGreaterThanOrEqual(3);
      expect(cells.filter((f) => f.status === 'unreadable').every((f) => f.value === null)).toBe(true);
    });
  }

  for (const p of REAL_PRINTS) {
    const file = realFileOf(p);
    const gap = KNOWN_GAPS[file];
    const title = gap
      ? `${gap.equal} facts equal the HTML path's (known gap: ${gap.reason})`
      : "facts cell by cell, indicators and errors equal the HTML path's; no table given up";
    it(`${file}: ${title}`, async () => {
      const pdf = await processFileAsync(join(REAL_PDF, file), { manifest: pdfManifest, pdfWorkers: 0 });
      const ref = fromHtml(p.page);
      const cut = CUT_ROWS[p.page];
      const keep = (row: string | null) => row === null || cut === undefined || !row.startsWith(cut);
      const want = ref.financial
        .filter((f) => keep(f.rowLabel))
        .map(factKey)
        .sort();
      const got = pdf.financial
        .filter((f) => keep(f.rowLabel))
        .map(factKey)
        .sort();
      expect(pdf.document.sourceFormat).toBe('pdf');
      expect(pdf.document.gemeente).toBe(ref.document.gemeente);
      if (gap) {
        const all = (r: ProcessedDocument, keys: string[]) => [...keys, ...indicatorKeys(r)];
        const [mine, theirs] = [all(pdf, got), all(ref, want)];
        const wanted = new Set(theirs);
        expect(mine.filter((k) => wanted.has(k)).length).toBe(gap.equal);
        expect(gap.equal).toBeLessThan(theirs.length);
        // What a print read short does give is the HTML path's: a fact of its own is a misread, and
        // only the ones a finding names as doubtful (`own`) are listed.
        if (gap.finding !== null) expect(mine.filter((k) => !wanted.has(k)).length).toBe(gap.own ?? 0);
        const said = pdf.findings.map((f) => `${f.rule}: ${f.message}`);
        if (gap.finding !== null) expect(said.some((m) => m.includes(gap.finding!))).toBe(true);
        return;
      }
      expect(got).toEqual(want);
      expect(indicatorKeys(pdf)).toEqual(indicatorKeys(ref));
      // No false error, none lost: the HTML path's, each on its page.
      const errorKeys = (r: ProcessedDocument) =>
        errors(r)
          .filter((f) => keep(f.row))
          .map(errorKey)
          .sort();
      expect(errorKeys(pdf)).toEqual(errorKeys(ref));
      expect(errors(pdf).every((f) => typeof f.page === 'number' && f.page >= 1)).toBe(true);
      expect(pdf.findings.filter((f) => READING.includes(f.rule)).map((f) => f.message)).toEqual([]);
      expect(pdf.tables.length).toBe(ref.tables.length);
      // The cut-off row's figures as printed (its other cells blank), and the facts the HTML path
      // does store under its label.
      if (cut) {
        expect(pdf.financial.some((f) => f.rowLabel.startsWith(cut) && f.status === 'printed')).toBe(true);
        const mine = new Set(pdf.financial.map(factKey));
        const stored = ref.financial.filter((f) => f.rowLabel.startsWith(cut) && f.status !== 'unreadable');
        expect(stored.map(factKey).filter((k) => !mine.has(k))).toEqual([]);
      }
    });
  }
});
