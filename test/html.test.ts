import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../extractors/html/index.js';
import { processFile, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { rules } from '../src/reconcile/registry.js';
import { FIXTURES, PAGES } from '../scripts/html-fixtures.js';
import { SAMPLES, processSample } from './helpers.js';

/**
 * The HTML pages in test/fixtures/html hold the samples' tables as municipal sites publish
 * them (scripts/make-html-fixtures.ts builds them from the dumps). Read from the page or from
 * the dump, a document must give the same facts and the same reconciler findings.
 */
const pageManifest = readManifest(join(FIXTURES, 'manifest.csv'));
const processPage = (page: string) => processFile(join(FIXTURES, page), { manifest: pageManifest });
const page = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const financialFacts = (r: ProcessedDocument) =>
  r.financial.map((f) => ({
    table: f.tableIndex,
    row: f.rowIndex,
    taakveld: f.taakveld,
    label: f.rowLabel,
    lineItem: f.lineItem,
    group: f.group,
    isTotal: f.isTotal,
    column: f.columnHeader,
    kind: f.columnKind,
    year: f.year,
    value: f.value,
    status: f.status,
    decimals: f.decimals,
    scale: f.scale,
  }));
// Indicator columns are compared by position, kind, year and footnote: the dump glues a
// column's footnote marker to its year ("Werkelijk 20231"), the page prints it as <sup>.
const indicatorFacts = (r: ProcessedDocument) =>
  r.indicators.map((f) => ({
    table: f.tableIndex,
    doelstelling: f.doelstelling,
    name: f.name,
    unit: f.unit,
    column: f.columnIndex,
    kind: f.columnKind,
    year: f.year,
    value: f.value,
    decimals: f.decimals,
    referenceYear: f.referenceYear,
    footnote: f.footnote,
  }));
const ruleIds = new Set(rules.map((r) => r.id));
// Structures without provenance (source lines differ between page and dump by nature).
const structureFacts = (r: ProcessedDocument) => ({
  goals: r.structures.goals.map((g) => ({
    code: g.code,
    name: g.name,
    level: g.level,
    totaleLasten: g.totaleLasten && [g.totaleLasten.value, g.totaleLasten.decimals],
    scale: g.scale,
    indicators: g.claimedIndicators?.value ?? null,
    actions: g.claimedActions?.value ?? null,
    section: g.section && {
      indicators: g.section.statedIndicators?.value ?? null,
      listedIndicators: g.section.indicatorLines.length,
      actions: g.section.statedActions?.value ?? null,
      listedActions: g.section.actionLines.length,
    },
  })),
  products: r.structures.products.map((p) => ({
    doelstelling: p.doelstelling,
    thema: p.thema,
    product: p.product,
    lasten: p.lasten && [p.lasten.value, p.lasten.decimals],
    baten: p.baten && [p.baten.value, p.baten.decimals],
    scale: p.scale,
  })),
  statutory: r.structures.statutory.map(({ documentId: _d, provenance: _p, ...rest }) => rest),
});
const reconcilerFindings = (r: ProcessedDocument) =>
  r.findings
    .filter((f) => ruleIds.has(f.rule))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      row: f.row,
      column: f.column,
      expected: f.expected,
      found: f.found,
    }));

describe('the same document from its HTML page and from its text dump', () => {
  for (const spec of PAGES) {
    describe(spec.page, () => {
      const fromText = processSample(join(SAMPLES, spec.sample));
      const fromHtml = processPage(spec.page);

      it('gives the same financial and indicator facts', () => {
        expect(fromHtml.document.sourceFormat).toBe('html');
        expect(financialFacts(fromHtml)).toEqual(financialFacts(fromText));
        expect(indicatorFacts(fromHtml)).toEqual(indicatorFacts(fromText));
        expect(fromHtml.financial.length + fromHtml.indicators.length).toBeGreaterThan(0);
      });

      it('gives the same structures (doelenboom goals and sections, products, statutory indicators)', () => {
        expect(structureFacts(fromHtml)).toEqual(structureFacts(fromText));
      });

      it('gives the same reconciler findings', () => {
        expect(reconcilerFindings(fromHtml)).toEqual(reconcilerFindings(fromText));
      });
    });
  }

  it(
    'Hengelo 2023: both pages (a <table> with colspan headers; a flat run of one element per cell) still yield ' +
      'the four real errors',
    () => {
      for (const name of [PAGES[0].page, PAGES[1].page]) {
        const errors = processPage(name).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => [f.rule, f.row, f.column, f.expected, f.found])).toEqual([
          ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 'Verschil', -7, 7],
          ['saldo-verschil', '6.73A Pleegzorg / Saldo', 'Verschil', -16, 16],
          ['saldo-verschil', '6.73B Gezinsgericht / Saldo', 'Verschil', 31, -31],
          ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil', 44, null],
        ]);
      }
    },
  );

  it('the pages print negatives in all four ways and empty cells in all three, and each reads as its dump', () => {
    const all = PAGES.map((p) => page(p.page)).join('\n');
    for (const printed of ['>-1.', '>−1', '>(1.', '>- 1.', '>-<', '>—<', '"bedrag"></td>'])
      expect(all, printed).toContain(printed);
    // The Hengelo 2023 row whose lasten Verschil the page prints as "(1.234)"-style stays negative.
    const html = processPage(PAGES[0].page);
    const paren = html.financial.filter((f) => f.provenance.raw?.startsWith('('));
    const spaced = html.financial.filter((f) => f.provenance.raw?.startsWith('- '));
    expect(paren.length).toBeGreaterThan(5);
    expect(spaced.length).toBeGreaterThan(5);
    expect([...paren, ...spaced].every((f) => f.value !== null && f.value < 0)).toBe(true);
  });
});

describe('extractHtml on the Hengelo jaarstukken 2023 page', () => {
  const html = page(PAGES[0].page);
  const ex = extractHtml(html);
  const cost = ex.tables.find((t) => t.title === '6 Sociaal domein')!;

  it(
    'resolves the two-row header: "Begroting 2023" spanning primitief and gewijzigd, the rest spanning both ' + 'rows',
    () => {
      expect(html).toContain('<th colspan="2">Begroting 2023</th>');
      expect(cost.header!.cells.map((c) => c.text)).toEqual([
        '6 Sociaal domein',
        'Begroting 2023 primitief',
        'Begroting 2023 gewijzigd',
        'Rekening 2023',
        'Verschil',
      ]);
      expect(cost.layout).toBe('html');
    },
  );

  it('keeps provenance: source line, CSS-like path and grid position of each cell', () => {
    const row = cost.rows.find((r) => r.cells[0].text === '6.73A Pleegzorg')!;
    const verschil = row.cells[4];
    expect(verschil.text).toBe('16');
    const lines = html.split('\n');
    expect(lines[verschil.line! - 1]).toContain('6.73A Pleegzorg');
    expect(verschil.source!.path).toMatch(
      /^#main > table\.tabel > tbody > tr:nth-of-type\(\d+\) > td:nth-of-type\(4\)$/,
    );
    expect(verschil.source!.column).toBe(4);
    expect(verschil.source!.row).toBe(2 + cost.rows.indexOf(row)); // two header rows above
  });

  it('keeps <sup> footnote markers apart from values and headers', () => {
    const tables = ex.tables.filter((t) => t.title === 'Beleidsindicatoren');
    expect(tables).toHaveLength(8);
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    expect(cells.find((c) => c.text === '324')).toMatchObject({ footnote: '3' });
    expect(cells.find((c) => c.text === '60,7%')).toMatchObject({ footnote: '1' });
    const headers = tables.flatMap((t) => t.header!.cells);
    expect(headers.filter((c) => c.text === 'Werkelijk 2023' && c.footnote === '1').length).toBeGreaterThan(0);
    expect(tables[4].footnotes.map((f) => f.marker)).toEqual(['1', '2', '3']);
  });

  it(
    'carries the headings the table stands under; narrative stays as text blocks; scripts and screen-reader ' +
      'text do not',
    () => {
      expect(tables6_1_1(ex).context.at(-1)).toMatch(/^6\.1\.1 In 2024 zetten meer inwoners/);
      expect(tables6_1_1(ex).context.at(-2)).toMatch(/^6\.1 Meer inwoners doen mee/);
      expect(ex.textBlocks.some((b) => b.text.length > 200)).toBe(true);
      const text = ex.textBlocks.map((b) => b.text).join('\n');
      expect(text).not.toContain('dataLayer');
      expect(text).not.toContain('Naar de inhoud');
    },
  );
});

const tables6_1_1 = (ex: ReturnType<typeof extractHtml>) =>
  ex.tables.find((t) => t.context.at(-1)?.startsWith('6.1.1'))!;

describe('scale notes wherever they stand near the table', () => {
  const scaleOf = (p: string) =>
    extractHtml(page(p))
      .tables.filter((t) => t.scaleText)
      .map((t) => t.scaleText);
  it('above the table, in the top-left cell, below the table and in a caption', () => {
    expect(scaleOf('hengelo-begroting-2019-programma-6-sociaal-domein.html')).toEqual(['(bedragen * 1.000)']);
    // The doelenboom's note stands under its tree; the cost table's shares its top-left cell.
    expect(scaleOf('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.html')).toEqual([
      "Bedragen x 1.000 Euro's",
      'Maatschappelijke ondersteuning Bedragen x 1.000 euros',
    ]);
    // The doelenboom states its unit in each doel's "totale lasten (x 1.000 euro): …".
    expect(scaleOf('enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.html')).toEqual([
      '(x 1.000 euro)',
      'Bedragen x 1.000 euros',
    ]);
    expect(page('enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.html')).toMatch(
      /<\/table>\n<p class="bedragen">Bedragen x 1.000 euros<\/p>/,
    );
    expect(scaleOf('hengelo-transformatieplan-sociaal-domein-2022.html')).toEqual([
      'bedragen * 1000',
      'WMO (bedragen * € 1.000)',
      'Jeugd (bedragen * € 1.000)',
    ]);
  });
  it('the title drops the scale note from the cell it shares', () => {
    const t = extractHtml(
      page('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.html'),
    ).tables.find((x) => !x.role)!;
    expect(t.title).toBe('Maatschappelijke ondersteuning');
  });
});

describe('tables that are no <table>', () => {
  it('reads a <div> grid, a definition list and an ARIA grid with the same cells', () => {
    const grid =
      `<div class="t"><div><span>Post</span><span>Begroting 2023</span><span>Rekening ` +
      `2023</span></div><div><span>Baten</span><span>1.234</span><span>-1.000</span></div><div><span>Lasten</span><span>(2.000)</span><span>—</span></div></div>`;
    const dl =
      `<dl><dt>Post</dt><dd>Begroting 2023</dd><dd>Rekening ` +
      `2023</dd><dt>Baten</dt><dd>1.234</dd><dd>-1.000</dd><dt>Lasten</dt><dd>(2.000)</dd><dd>—</dd></dl>`;
    const aria =
      `<div role="table"><div role="row"><span role="columnheader">Post</span><span ` +
      `role="columnheader">Begroting 2023</span><span role="columnheader">Rekening 2023</span></div><div ` +
      `role="rowgroup"><div role="row"><span role="cell">Baten</span><span role="cell">1.234</span><span ` +
      `role="cell">-1.000</span></div><div role="row"><span role="cell">Lasten</span><span ` +
      `role="cell">(2.000)</span><span role="cell">—</span></div></div></div>`;
    for (const html of [grid, dl, aria]) {
      const [t] = extractHtml(`<h2>Wat heeft het gekost?</h2>${html}`).tables;
      expect(t.header!.cells.map((c) => c.text)).toEqual(['Post', 'Begroting 2023', 'Rekening 2023']);
      expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
        ['Baten', '1.234', '-1.000'],
        ['Lasten', '(2.000)', '—'],
      ]);
      expect(t.context).toEqual(['Wat heeft het gekost?']);
    }
  });

  it('does not take a menu or a list of links for a table', () => {
    const ex = extractHtml(
      '<ul><li><a>Home</a> <a>Over</a></li><li><a>Contact</a> ' +
        '<a>Zoeken</a></li></ul><div><div><span>Tel</span><span>14 074</span></div></div>',
    );
    expect(ex.tables).toEqual([]);
    expect(ex.notices.map((n) => n.rule)).toEqual(['no-tables']);
  });
});

describe('structures as the sites publish them', () => {
  const findingsOf = (name: string) =>
    processPage(name).findings.map((f) => [f.rule, f.severity, f.row, f.column, f.expected, f.found]);

  it("Enschede 2023: the doelenboom as nested lists gives its goals, sections and the dump's real findings", () => {
    const name = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.html';
    expect(page(name)).toContain('<li class="subdoel"><div class="subdoel__kop"><a href="#subdoel-01.01">');
    const html = processPage(name);
    expect(html.structures.goals.filter((g) => g.level === 'doel').map((g) => g.totaleLasten?.value)).toEqual([
      252647, 32884, 191058,
    ]);
    expect(
      html.structures.goals
        .filter((g) => g.level === 'subdoel')
        .map((g) => [
          g.code,
          g.claimedIndicators?.value,
          g.claimedActions?.value,
          g.section?.statedActions?.value,
          g.section?.actionLines.length,
        ]),
    ).toEqual([
      ['01.01', 6, 0, 2, 2],
      ['01.02', 3, 0, 6, 6],
      ['02.01', 2, 0, 14, 14],
      ['02.02', 3, 0, 3, 3],
      ['03.01', 5, 0, 5, 5],
      ['03.02', 6, 0, 6, 6],
      ['03.03', 1, 0, 8, 8],
    ]);
    // provenance points into the page: the goal's line holds its name
    const first = html.structures.goals[0];
    expect(page(name).split('\n')[first.provenance.line! - 1]).toContain(
      '01. Elke inwoner heeft de mogelijkheid tot financiële zekerheid',
    );
    const findings = findingsOf(name);
    expect(findings.filter((f) => f[0] === 'doelenboom-totals')).toEqual([
      ['doelenboom-totals', 'error', 'Σ totale lasten of the doelen', 'Begroting (na wijziging)', 476599, 476589],
    ]);
    expect(findings.filter((f) => f[0] === 'doelenboom-counts')).toHaveLength(7);
  });

  it(
    "Enschede 2018: the product tree gives each product's Lasten and Baten; the statutory table its cells as " +
      'printed',
    () => {
      const name = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.html';
      expect(page(name)).toContain('<div class="doelenboom__kop"><div>Doelstelling</div>');
      const html = processPage(name);
      // The values equal the dump's (above); here: nine products, each read from its own elements, provenance in the
      // page.
      const lines = page(name).split('\n');
      expect(html.structures.products).toHaveLength(9);
      for (const p of html.structures.products) {
        expect(lines[p.provenance.line! - 1]).toContain(`<div class="product__naam">${p.product}</div>`);
        expect(p.scale).toBe(1000);
      }
      expect(html.structures.products.find((p) => p.product === 'Jeugdhulp gedwongen kader')).toMatchObject({
        lasten: { value: 9987 },
        baten: null,
      });
      const statutory = html.structures.statutory;
      expect(
        statutory.map((s) => [s.nr, s.beleidsveld, s.name, s.unit, s.year, s.score, s.matchesCatalogue])[1],
      ).toEqual([
        22,
        '6. Sociaal domein',
        'Jongeren met een delict voor de rechter',
        '% 12 t/m 21 jarigen',
        2018,
        1.17,
        true,
      ]);
      expect(page(name)).toContain('<td>Jongeren met een delict voor de rechter</td><td>% 12 t/m 21 jarigen</td>');
    },
  );

  it(
    "Hengelo 2019: the indicator tables give the indicator-conflict error; the page's cells are certain where " +
      'the dump needed a heuristic',
    () => {
      const name = 'hengelo-begroting-2019-programma-6-sociaal-domein.html';
      const html = processPage(name);
      const text = processSample(join(SAMPLES, PAGES.find((p) => p.page === name)!.sample));
      const conflict = (r: ProcessedDocument) =>
        r.findings
          .filter((f) => f.rule === 'indicator-conflict')
          .map((f) => [f.severity, f.row, f.column, f.expected, f.found]);
      expect(conflict(html)).toHaveLength(1);
      expect(conflict(html)[0][0]).toBe('error');
      expect(conflict(html)).toEqual(conflict(text));
      // The dump's glued rows needed the magnitude heuristic (heuristic-split); the page prints every
      // cell in its own <td>, so the same values are read with certainty and no such notice is given.
      const heuristic = text.indicators.filter((f) => f.reading === 'heuristic');
      expect(heuristic.length).toBeGreaterThan(0);
      expect(text.findings.filter((f) => f.rule === 'heuristic-split').length).toBeGreaterThan(0);
      expect(html.findings.filter((f) => f.rule === 'heuristic-split' || f.rule === 'ambiguous-cells')).toEqual([]);
      expect(html.indicators.filter((f) => f.reading === 'heuristic')).toEqual([]);
      for (const f of heuristic)
        expect(
          html.indicators.find(
            (h) => h.tableIndex === f.tableIndex && h.rowIndex === f.rowIndex && h.columnIndex === f.columnIndex,
          )?.value,
        ).toBe(f.value);
      // reference years and N.B. as the page prints them
      expect(html.indicators.filter((f) => f.referenceYear !== null).length).toBeGreaterThan(10);
      expect(page(name)).toContain('N.B.');
    },
  );
});
