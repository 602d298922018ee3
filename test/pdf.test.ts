import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  ftruncateSync,
  copyFileSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../extractors/pdf/index.js';
import { openPdf, readPage } from '../extractors/pdf/read-pages.mjs';
import { FIXTURE_SAMPLES, load, pdfkitPdf } from '../scripts/make-pdf-fixtures.js';
import { InputError, processFileAsync, type ProcessedDocument } from '../src/pipeline/index.js';
import { processSample, sample } from './helpers.js';

/**
 * The PDF fixtures (made by scripts/make-pdf-fixtures.ts from the samples' tables, committed)
 * read back to the same facts as the text dumps they were made from.
 */
const PDF = (name: string) => join(import.meta.dirname, 'fixtures', 'pdf', name);
const SOURCES = {
  'hengelo-2019': 'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
  'enschede-2018': 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt',
  'hengelo-2023': 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
} as const;

/** A financial fact as the reader means it: row, line item, taakveld group, column position, value. */
const factKeys = (r: ProcessedDocument) =>
  r.financial.map(
    (f) => `${f.rowLabel} | ${f.lineItem} | ${f.group} | col ${f.columnIndex} | ${f.value} | ${f.status}`,
  );

/** A reconciler error as an auditor reads it: rule, row, column, expected and found. */
const errorKeys = (r: ProcessedDocument) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.row, f.column, f.expected, f.found]);

describe('PDF fixtures read back to the facts of their text source', () => {
  // Every fixture, both ways of printing (the Chromium ones set narrow columns whose heads wrap
  // over three lines and tables split over pages). Enschede 2018 includes its doelenboom, printed
  // as the grid of product, lasten and baten the text path reads from it.
  for (const [pdf, name] of [
    ['hengelo-2019.pdfkit.pdf', 'hengelo-2019'],
    ['hengelo-2019.chromium.pdf', 'hengelo-2019'],
    ['enschede-2018.pdfkit.pdf', 'enschede-2018'],
    ['enschede-2018.chromium.pdf', 'enschede-2018'],
    ['hengelo-2023.pdfkit.pdf', 'hengelo-2023'],
    ['hengelo-2023.chromium.pdf', 'hengelo-2023'],
  ] as const) {
    it(`${pdf}: financial facts and reconciler errors equal those of ${SOURCES[name]}`, async () => {
      const fromPdf = await processFileAsync(PDF(pdf), { pdfWorkers: 1 });
      const fromText = processSample(sample(SOURCES[name]));
      expect(fromPdf.document.sourceFormat).toBe('pdf');
      expect(fromPdf.financial.length).toBeGreaterThan(0);
      expect(factKeys(fromPdf)).toEqual(factKeys(fromText));
      // Every fact points at the page it was printed on.
      expect(fromPdf.financial.every((f) => typeof f.provenance.page === 'number' && f.provenance.page >= 1)).toBe(
        true,
      );
      // No false error: exactly the text path's errors (a misread column shows up here as a
      // saldo-arithmetic or column-footing error the text path does not have), each with its page.
      expect(errorKeys(fromPdf)).toEqual(errorKeys(fromText));
      expect(
        fromPdf.findings.filter((f) => f.severity === 'error').every((f) => typeof f.page === 'number' && f.page >= 1),
      ).toBe(true);
      // And no table the PDF path gave up on.
      expect(
        fromPdf.findings.filter((f) => ['unread-table', 'ambiguous-cells', 'unreadable-row'].includes(f.rule)),
      ).toEqual([]);
    });
  }

  it('Hengelo 2023 (pdfkit): the four real inconsistencies are found, each with its page', async () => {
    const r = await processFileAsync(PDF('hengelo-2023.pdfkit.pdf'), { pdfWorkers: 1 });
    const real = r.findings
      .filter((f) => ['verschil', 'saldo-verschil', 'missing-cell'].includes(f.rule))
      .map((f) => [f.rule, f.row, f.column, f.page]);
    expect(real).toEqual([
      ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', expect.any(String), 15],
      ['saldo-verschil', '6.73A Pleegzorg / Saldo', expect.any(String), 16],
      ['saldo-verschil', '6.73B Gezinsgericht / Saldo', expect.any(String), 16],
      ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', expect.any(String), 16],
    ]);
    const missing = r.findings.find((f) => f.rule === 'missing-cell')!;
    expect(missing.expected).toBe(44);
  });

  it('a 112-page PDF read by the worker pool gives the Hengelo cost table seven times over', async () => {
    const r = await processFileAsync(PDF('hengelo-2023-x7.pdfkit.pdf'), { pdfWorkers: 2, pdfPoolFromPages: 1 });
    const one = factKeys(processSample(sample(SOURCES['hengelo-2023'])));
    expect(factKeys(r)).toEqual(Array.from({ length: 7 }, () => one).flat());
    const pages = new Set(r.financial.map((f) => f.provenance.page));
    expect(Math.max(...[...pages].map(Number))).toBeGreaterThan(100);
  }, 60_000);

  it('keeps running text as blocks with page numbers, page headers and footers out', async () => {
    const x = await extractPdf(PDF('hengelo-2019.pdfkit.pdf'), { workers: 1 });
    expect(x.textBlocks.length).toBeGreaterThan(3);
    expect(x.textBlocks.every((b) => b.page !== null && b.page >= 1)).toBe(true);
    expect(x.textBlocks.some((b) => b.text.includes('Iedereen in Hengelo moet kunnen mee doen'))).toBe(true);
    expect(
      x.textBlocks.some((b) => /^Pagina \d+$/.test(b.text) || b.text.startsWith('Gemeente Hengelo — Begroting')),
    ).toBe(false);
    // Cells carry their page and box.
    const cell = x.tables[0].rows[0].cells[1];
    expect(cell.page).toBe(2);
    expect(cell.bbox![2]).toBeGreaterThan(cell.bbox![0]);
  });
});

/** An indicator fact as a reader compares it: name, column kind and year, value, unit. */
const indicatorKeys = (r: ProcessedDocument) =>
  r.indicators.map((f) => `${f.name} | ${f.columnKind} ${f.year} | ${f.value} ${f.unit ?? ''}`);

describe('PDF indicator facts against the text path (none differ, none missing)', () => {
  // [fixture, source, facts both give, text-only facts, PDF-only facts]. PDF-only facts are wrong
  // values and must stay 0. Enschede 2018's 7 are its statutory indicator list.
  for (const [pdf, name, both, textOnly, pdfOnly] of [
    ['hengelo-2019.pdfkit.pdf', 'hengelo-2019', 123, 0, 0],
    ['hengelo-2019.chromium.pdf', 'hengelo-2019', 123, 0, 0],
    ['enschede-2018.pdfkit.pdf', 'enschede-2018', 7, 0, 0],
    ['enschede-2018.chromium.pdf', 'enschede-2018', 7, 0, 0],
    ['hengelo-2023.pdfkit.pdf', 'hengelo-2023', 57, 0, 0],
    ['hengelo-2023.chromium.pdf', 'hengelo-2023', 57, 0, 0],
  ] as const) {
    it(`${pdf}: ${both} indicator facts equal the text path's, ${textOnly} missing, ${pdfOnly} differing`, async () => {
      const fromPdf = new Set(indicatorKeys(await processFileAsync(PDF(pdf), { pdfWorkers: 1 })));
      const fromText = new Set(indicatorKeys(processSample(sample(SOURCES[name]))));
      expect([
        [...fromText].filter((k) => fromPdf.has(k)).length,
        [...fromText].filter((k) => !fromPdf.has(k)).length,
        [...fromPdf].filter((k) => !fromText.has(k)).length,
      ]).toEqual([both, textOnly, pdfOnly]);
    });
  }
});

describe('the Enschede 2018 statutory indicator list from a PDF', () => {
  // Chromium prints it as the text path's cells (name and unit run together under "Naam
  // indicator", wrapped over up to five lines, right-aligned columns, the header repeated on the
  // next page); pdfkit as the sites print it (number, beleidsveld, name, unit, year, score and
  // source apart, left-aligned text wrapped within its column, the header not repeated).
  const fields = (r: ProcessedDocument) =>
    r.structures.statutory.map(({ documentId: _d, provenance: _p, ...rest }) => rest);
  for (const [pdf, pages] of [
    ['enschede-2018.chromium.pdf', [3, 3, 4, 4, 4, 4, 4]],
    ['enschede-2018.pdfkit.pdf', [5, 5, 5, 6, 6, 6, 6]],
  ] as const) {
    it(`${pdf}: the same 7 records as the text path, field by field, each with its page`, async () => {
      const fromPdf = await processFileAsync(PDF(pdf), { pdfWorkers: 1 });
      const fromText = processSample(sample(SOURCES['enschede-2018']));
      expect(fromText.structures.statutory).toHaveLength(7);
      expect(fields(fromPdf)).toEqual(fields(fromText));
      expect(fields(fromPdf)[1]).toMatchObject({
        nr: 22,
        beleidsveld: '6. Sociaal domein',
        name: 'Jongeren met een delict voor de rechter',
        unit: '% 12 t/m 21 jarigen',
        year: 2018,
        score: 1.17,
        source: 'Verwey Jonker Instituut – Kinderen in Tel',
        matchesCatalogue: true,
      });
      expect(fromPdf.structures.statutory.map((s) => s.provenance.page)).toEqual(pages);
      expect(
        fromPdf.findings.filter((f) => ['unread-table', 'unreadable-row', 'statutory-catalogue'].includes(f.rule)),
      ).toEqual([]);
    });
  }

  // The same list with the page broken inside a row, as a word processor breaks a row that may
  // split: its first lines at the foot of a page, the rest of its wrapped cells (name, unit,
  // source; no number) at the top of the next under no header. [row, lines above the break, the
  // next page's first line, the records' pages]
  const breaks = [
    [1, 1, 'delict voor de rechter | Instituut – Kinderen in', [5, 5, 6, 6, 6, 6, 6]],
    [2, 1, 'uitkeringsgezin | Instituut – Kinderen in', [5, 5, 5, 6, 6, 6, 6]],
    [2, 2, 'Tel', [5, 5, 5, 6, 6, 6, 6]],
    // (Page 7 goes on with that row's tail and one row more.)
    [5, 1, 'jeugdreclassering | van 12 tot 23 jaar', [5, 5, 5, 6, 6, 6, 7]],
  ] as const;
  for (const [row, after, top, pages] of breaks) {
    it(
      `the pdfkit print broken inside row ${row + 1} after ${after} line(s): still the same 7 records, the row ` +
        `finished from the next page`,
      async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'klopt-pdf-')), `enschede-2018-break-${row}-${after}.pdf`);
        await pdfkitPdf([load(FIXTURE_SAMPLES.find((s) => s.name === 'enschede-2018')!)], file, {
          splitRow: { row, after },
        });
        // The break does fall inside the row: the next page opens with its tail.
        const doc = await openPdf(new Uint8Array(readFileSync(file)));
        const items = (await readPage(doc, pages[row + 1])).items.filter(
          (i) => i.s.trim() && !i.s.startsWith('Gemeente Enschede'),
        );
        await doc.destroy();
        const y = Math.min(...items.map((i) => i.y));
        expect(
          items
            .filter((i) => Math.abs(i.y - y) < 1)
            .sort((a, b) => a.x - b.x)
            .map((i) => i.s.trim())
            .join(' | '),
        ).toBe(top);
        const fromPdf = await processFileAsync(file, { pdfWorkers: 0 });
        const fromText = processSample(sample(SOURCES['enschede-2018']));
        expect(fields(fromPdf)).toEqual(fields(fromText));
        expect(fromPdf.structures.statutory.map((s) => s.provenance.page)).toEqual(pages);
        expect(
          fromPdf.findings.filter((f) => ['unread-table', 'unreadable-row', 'statutory-catalogue'].includes(f.rule)),
        ).toEqual([]);
      },
    );
  }

  it('a text table whose columns are drawn over each other gives unread-table, not silently nothing', async () => {
    // The list as an earlier fixture drew it: every column right-aligned in a column too narrow
    // for its source, which runs back over the year and score.
    const file = join(mkdtempSync(join(tmpdir(), 'klopt-pdf-')), 'overlap.pdf');
    const pdf = new PDFDocument({ size: 'A4', margin: 56 });
    const done = new Promise<void>((resolve) => pdf.pipe(createWriteStream(file)).on('finish', () => resolve()));
    pdf.font('Helvetica').fontSize(9);
    const right = (t: string, x: number, y: number) => pdf.text(t, x - pdf.widthOfString(t), y, { lineBreak: false });
    const heads = ['Nr', 'Beleidsveld', 'Jaar', 'Score', 'Bron'];
    pdf.text('Naam indicator', 56, 80, { lineBreak: false });
    heads.forEach((h, i) => right(h, 297 + i * 61, 80));
    [
      ['Sport, cultuur en recreatie Niet-sporters %', '20', '5', '2018', '47,7', 'Gezondheidsenquête (CBS, RIVM)'],
      [
        'Sociaal domein Kinderen in uitkeringsgezin',
        '23',
        '6',
        '2018',
        '11,58',
        'Verwey Jonker Instituut – Kinderen in Tel',
      ],
    ].forEach((r, n) => {
      const y = 100 + n * 20;
      pdf.text(r[0], 56, y, { lineBreak: false });
      r.slice(1).forEach((v, i) => right(v, 297 + i * 61, y));
    });
    pdf.end();
    await done;
    const r = await processFileAsync(file, { pdfWorkers: 0 });
    expect(r.structures.statutory).toEqual([]);
    const unread = r.findings.filter((f) => f.rule === 'unread-table');
    expect(unread).toHaveLength(1);
    expect(unread[0].page).toBe(1);
    expect(unread[0].message).toMatch(
      /"Naam indicator \| Nr \| Beleidsveld \| Jaar \| Score \| Bron" is not read: the text of its columns overlaps/,
    );
  });
});

describe('indicator tables whose columns cannot be told', () => {
  it('a headerless table of dated figures that continues nothing is refused, not stored with unknown years', async () => {
    // Two rows of Hengelo 2019's "Verplichte kengetallen", printed on a page of their own after a
    // page of running text: no header says which year or kind each column is.
    const file = join(mkdtempSync(join(tmpdir(), 'klopt-pdf-')), 'headerless.pdf');
    const pdf = new PDFDocument({ size: 'A4', margin: 56 });
    const done = new Promise<void>((resolve) => pdf.pipe(createWriteStream(file)).on('finish', () => resolve()));
    pdf
      .font('Helvetica')
      .fontSize(9)
      .text('Iedereen in Hengelo moet kunnen mee doen. De gemeente ondersteunt wie dat nodig heeft.', 56, 60, {
        width: 480,
      });
    pdf.addPage();
    const rows = [
      ['Het aantal kinderen in uitkeringsgezinnen', '5,8% (2012)', '6,28% (2015)', '6,28% (2015)'],
      ['Aantal werkloze jongeren', '1,24 (2012)', '1,86% (2015)', '1,86% (2015)'],
    ];
    rows.forEach((r, n) => {
      const y = 80 + n * 20;
      pdf.text(r[0], 56, y, { lineBreak: false });
      r.slice(1).forEach((v, i) => pdf.text(v, 330 + i * 80 - pdf.widthOfString(v), y, { lineBreak: false }));
    });
    pdf.end();
    await done;
    const r = await processFileAsync(file, { pdfWorkers: 0 });
    expect(r.indicators).toEqual([]);
    const unread = r.findings.filter((f) => f.rule === 'unread-table');
    expect(unread).toHaveLength(1);
    expect(unread[0].page).toBe(2);
    expect(unread[0].message).toMatch(/has no header .* years cannot be told/);
  });
});

describe('bad PDFs', () => {
  const bad = (n: string) => PDF(join('bad', n));
  it.each([
    ['encrypted.pdf', /encrypted\.pdf: encrypted PDF: a password is needed/],
    ['truncated.pdf', /truncated\.pdf: truncated PDF: no %%EOF/],
    ['zero-pages.pdf', /zero-pages\.pdf: .*no pages/],
  ])('%s is refused with an error naming the file', async (name, message) => {
    await expect(processFileAsync(bad(name))).rejects.toThrow(message);
    await expect(processFileAsync(bad(name))).rejects.toBeInstanceOf(InputError);
    // The same when pdf.js runs in this thread instead of the worker pool.
    await expect(extractPdf(bad(name), { workers: 0 })).rejects.toThrow(message);
  });

  it('an image-only PDF gives a "no text layer" finding, not a crash', async () => {
    const r = await processFileAsync(bad('image-only.pdf'));
    const f = r.findings.filter((x) => x.rule === 'no-text-layer');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/no text layer, OCR not supported/);
    expect(r.financial).toHaveLength(0);
  });

  it('a file over the size limit is refused before it is read', async () => {
    await expect(processFileAsync(PDF('hengelo-2019.pdfkit.pdf'), { maxBytes: 1000 })).rejects.toThrow(
      /hengelo-2019\.pdfkit\.pdf: PDF is \d+ bytes, over the limit of 1000/,
    );
    // A 1 GB file (sparse: no disk used) against the default limit.
    const dir = mkdtempSync(join(tmpdir(), 'klopt-pdf-'));
    const huge = join(dir, 'huge.pdf');
    copyFileSync(bad('zero-pages.pdf'), huge);
    const fd = openSync(huge, 'r+');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    await expect(processFileAsync(huge)).rejects.toThrow(/huge\.pdf: PDF is 1073741824 bytes, over the limit/);
  });
});

describe('page readers by default', () => {
  it('as many as cores are idle, one at least, four at most', async () => {
    const { defaultWorkers } = await import('../extractors/pdf/index.js');
    // 2 cores: a second reader only while the load average leaves a core idle.
    expect([defaultWorkers(2, 0.3), defaultWorkers(2, 0.6), defaultWorkers(2, 5.5)]).toEqual([2, 1, 1]);
    expect([defaultWorkers(8, 0), defaultWorkers(8, 5.2), defaultWorkers(1, 0)]).toEqual([4, 3, 1]);
  });
});

describe('CLI on a PDF', () => {
  it('klopt check reads a PDF and reports the four errors with their pages (exit 1)', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(import.meta.dirname, '..', 'bin', 'klopt.js');
    const run = spawnSync(process.execPath, [bin, 'check', PDF('hengelo-2023.pdfkit.pdf'), '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { findings: { severity: string; rule: string; page: number | null }[] };
    const errors = out.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.page]).sort()).toEqual([
      ['missing-cell', 16],
      ['saldo-verschil', 16],
      ['saldo-verschil', 16],
      ['verschil', 15],
    ]);
  }, 30_000);
});
