import type { RawStructures, RawTable } from '../../extractors/types.js';
import {
  DoelenboomGoal,
  DoelenboomProduct,
  IndicatorFact,
  StatutoryIndicator,
  Table,
  type Document,
  type Finding,
  type PrintedAmount,
  type Structures,
} from '../../schemas/index.js';
import { bbvCatalogue, fold } from '../catalogue/bbv.js';
import { parseCell, parseScale } from '../grammar/number.js';
import { makeFinding } from '../arithmetic/finding.js';

/**
 * A "Wettelijk verplichte indicatoren" list → typed records. The printed text between number
 * and year is beleidsveld, name and unit run together; the BBV catalogue's name for the printed
 * number finds where the name stands. A name the catalogue does not know for that number is
 * kept whole (matchesCatalogue false); the `statutory-catalogue` rule reports it.
 */
export function interpretStatutory(doc: Document, raw: RawTable) {
  const findings: Finding[] = [];
  const statutory: StatutoryIndicator[] = [];
  const indicators: IndicatorFact[] = [];
  const catalogue = bbvCatalogue();
  raw.rows.forEach((row, rowIndex) => {
    const [middle, nrText, bvText, yearText, scoreText, source, ...apart] = row.cells.map((c) => c.text);
    const nr = Number(nrText);
    const entry = catalogue.get(nr) ?? null;
    const words = middle.split(/\s+/);
    let span: [number, number] | null = null;
    if (entry) {
      const want = fold(entry.name);
      for (let i = 0; i < words.length && !span; i++)
        for (let j = i + 1; j <= words.length && !span; j++)
          if (fold(words.slice(i, j).join(' ')) === want) span = [i, j];
    }
    // A source that prints beleidsveld, name and unit in cells of their own (an HTML table) gives them as cells 6-8:
    // certain, no catalogue search.
    const separate =
      apart.length >= 3
        ? {
            beleidsveld: apart[0],
            name: apart[1],
            unit: apart[2] || null,
            matches: entry !== null && fold(apart[1]) === fold(entry.name),
          }
        : null;
    const beleidsveldName = separate
      ? separate.beleidsveld
      : span
        ? words.slice(0, span[0]).join(' ')
        : entry && fold(middle).startsWith(fold(entry.beleidsveld.replace(/^\d+\s*/, '')))
          ? entry.beleidsveld.replace(/^\d+\s*/, '')
          : '';
    const name = separate
      ? separate.name
      : span
        ? words.slice(span[0], span[1]).join(' ')
        : middle.slice(beleidsveldName.length).trim();
    const unit = separate ? separate.unit : span ? words.slice(span[1]).join(' ') || null : null;
    const score = parseCell(scoreText);
    const value = score.kind === 'number' ? score.value : null;
    if (score.kind === 'invalid')
      findings.push(
        makeFinding(doc, {
          rule: 'unreadable-cell',
          severity: 'warning',
          table: raw.title,
          tableIndex: raw.index,
          row: name,
          column: 'Score',
          line: row.line,
          raw: scoreText,
          message: `Statutory indicator ${nr} score is not a figure: ${score.reason}`,
        }),
      );
    const provenance = { file: doc.file, line: row.line, page: row.page, raw: row.raw };
    statutory.push(
      StatutoryIndicator.parse({
        documentId: doc.id,
        nr,
        beleidsveld: `${bvText}. ${beleidsveldName}`.trim(),
        name,
        unit,
        year: Number(yearText),
        score: value,
        decimals: score.kind === 'number' ? score.decimals : 0,
        percent: score.kind === 'number' && score.percent,
        source: source || null,
        catalogueName: entry?.name ?? null,
        matchesCatalogue: separate ? separate.matches : span !== null,
        provenance,
      }),
    );
    indicators.push(
      IndicatorFact.parse({
        documentId: doc.id,
        tableIndex: raw.index,
        rowIndex,
        doelstelling: `BBV ${nr}`,
        name,
        unit,
        columnIndex: 0,
        columnHeader: 'Score',
        columnKind: 'werkelijk',
        year: Number(yearText),
        value,
        decimals: score.kind === 'number' ? score.decimals : 0,
        referenceYear: null,
        footnote: null,
        source: source || null,
        provenance: { ...provenance, raw: scoreText },
      }),
    );
  });
  const table = Table.parse({
    documentId: doc.id,
    index: raw.index,
    kind: 'indicator',
    title: raw.title,
    scale: 1,
    scaleText: null,
    columns: [{ index: 0, header: 'Score', kind: 'werkelijk', year: null }],
    signConvention: { lasten: null, saldo: null, verschil: null, grouping: null },
    line: raw.line,
    page: raw.page,
  });
  return { table, indicators, statutory, findings };
}

function amount(text: string, line: number, raw: string): PrintedAmount | null {
  const p = parseCell(text);
  return p.kind === 'number' ? { value: p.value, decimals: p.decimals, line, raw } : null;
}

/** The doelenboom's goals (with their sections) and products → typed records. */
export function interpretStructures(doc: Document, raw: RawStructures | undefined): Omit<Structures, 'statutory'> {
  if (!raw) return { goals: [], products: [] };
  const scale = (raw.scaleText && parseScale(raw.scaleText)) || 1;
  const goals = raw.goals.map((g) => {
    const section = raw.sections.find((s) => s.code === g.code) ?? null;
    return DoelenboomGoal.parse({
      documentId: doc.id,
      code: g.code,
      name: g.name,
      level: g.code.includes('.') ? 'subdoel' : 'doel',
      totaleLasten: g.totaleLasten ? amount(g.totaleLasten.text, g.totaleLasten.line, g.totaleLasten.text) : null,
      scale,
      claimedIndicators: g.claimedIndicators,
      claimedActions: g.claimedActions,
      section: section && {
        line: section.line,
        statedIndicators: section.statedIndicators,
        indicatorLines: section.indicatorLines,
        statedActions: section.statedActions,
        actionLines: section.actionLines,
      },
      provenance: { file: doc.file, line: g.line, page: null, raw: g.raw },
    });
  });
  const products = raw.products.map((p) =>
    DoelenboomProduct.parse({
      documentId: doc.id,
      doelstelling: p.doelstelling,
      thema: p.thema,
      product: p.product,
      lasten: p.lasten ? amount(p.lasten.text, p.lasten.line, p.lasten.raw) : null,
      baten: p.baten ? amount(p.baten.text, p.baten.line, p.baten.raw) : null,
      scale,
      provenance: {
        file: doc.file,
        line: p.line,
        page: null,
        raw: [p.lasten?.raw, p.baten?.raw].filter(Boolean).join(' / '),
      },
    }),
  );
  return { goals, products };
}
