import { combinations } from '../grammar/combinations.js';
import { parseCell, parseScale, formatDutch, type ParsedCell } from '../grammar/number.js';
import { taakveldOfLabel } from '../catalogue/taakvelden.js';
import type { Extraction, ExtractionNotice, RawCell, RawRow, RawTable } from '../../extractors/types.js';
import {
  FinancialFact,
  IndicatorFact,
  Table,
  type Column,
  type Document,
  type Finding,
  type LineItem,
  type SignConvention,
  type TableKind,
} from '../../schemas/index.js';
import {
  buildRelations,
  columnLineItem,
  evaluate,
  itemGroups,
  sumColumns,
  isUnread,
  unreadSpans,
} from '../arithmetic/relations.js';
import type { Grid, GridCell, GridRow } from '../arithmetic/grid.js';
import { makeFinding } from '../arithmetic/finding.js';
import { describingColumn, readColumn, type Describing } from '../arithmetic/columns.js';
import { isTotalLabel, lineItemOf } from '../arithmetic/lines.js';
import { interpretStatutory, interpretStructures } from './structures.js';
import type { Structures } from '../../schemas/index.js';

export interface Interpretation {
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
  /** What reading itself had to say: cells it could not place, scales it had to infer, … */
  findings: Finding[];
  /** Doelenboom goals and products, statutory indicator rows. */
  structures: Structures;
}

/** An extractor's notice as a finding of the document. */
export const noticeFinding = (doc: Document, n: ExtractionNotice): Finding =>
  makeFinding(doc, {
    rule: n.rule,
    severity: n.severity,
    table: n.table,
    row: n.row ?? null,
    column: n.column ?? null,
    line: n.line,
    page: n.page,
    raw: n.raw,
    message: n.message,
  });

/** Raw tables → typed, zod-validated records. */
export function interpret(doc: Document, extraction: Extraction): Interpretation {
  const out: Interpretation = {
    tables: [],
    financial: [],
    indicators: [],
    findings: [],
    structures: { ...interpretStructures(doc, extraction.structures), statutory: [] },
  };
  for (const n of extraction.notices) out.findings.push(noticeFinding(doc, n));
  const statedScales = extraction.tables
    .filter((t) => t.scaleText && parseScale(t.scaleText))
    .map((t) => ({ scale: parseScale(t.scaleText!)!, text: t.scaleText!, line: t.line }));
  for (const raw of extraction.tables) {
    if (raw.role === 'statutory-indicators') {
      const result = interpretStatutory(doc, raw);
      out.tables.push(result.table);
      out.indicators.push(...result.indicators);
      out.structures.statutory.push(...result.statutory);
      out.findings.push(...result.findings);
      continue;
    }
    const result = interpretTable(doc, raw, statedScales);
    out.tables.push(result.table);
    // Loops, not push(...): a spread of a 100,000-row table's facts overflows the call stack.
    for (const f of result.financial) out.financial.push(f);
    for (const f of result.indicators) out.indicators.push(f);
    for (const f of result.findings) out.findings.push(f);
  }
  return out;
}

interface Draft {
  row: RawRow;
  label: string;
  lineItem: LineItem;
  taakveld: string | null;
  isTotal: boolean;
  values: RawCell[];
  parsed: ParsedCell[];
  /** Placed cells (one per column), or null while a short row awaits placement. */
  cells: GridCell[] | null;
  group: string | null;
  /** The group its table's headings give it (a taakveld heading over its Lasten / Baten lines). */
  presetGroup?: string | null;
  /** Columns the row leaves unfilled where its total needs a figure: missing, not empty (a figure not printed). */
  missingCols?: number[];
}

/**
 * The line item and group a row's headings give it: its own label first (`Lasten`, `Totaal
 * lasten`), else the nearest line-item heading above it (`LASTEN`); a Baten/Lasten/Saldo line
 * under a taakveld or programme heading belongs to that heading's group.
 */
function sectionedRow(label: string, row: RawRow): { lineItem: LineItem; group: string | null } {
  const own = lineItemOf(label);
  const sections = row.sections;
  if (!sections) return { lineItem: own, group: null };
  // "Totaal lasten (4)": a footnote number after the line item.
  const trailing = /\b(baten|lasten|saldo)(?:\s*\(\d{1,2}\))?$/i.exec(label.trim())?.[1].toLowerCase() as
    LineItem | undefined;
  // A heading of the reserves alone ("Reserves" over the programmes' mutations) names their line item.
  const headingItem = [...sections]
    .reverse()
    .map((h) =>
      /^(reserves?|reservemutaties|mutaties? reserves?)$/i.test(h.trim()) ? 'mutaties_reserves' : lineItemOf(h),
    )
    .find((i) => i !== 'other' && i !== 'resultaat');
  const lineItem = own !== 'other' ? own : (trailing ?? headingItem ?? 'other');
  // The extractor names the heading a line directly follows; a "Totaal lasten" after other rows totals them instead.
  return { lineItem, group: row.group ?? null };
}

function classify(raw: RawTable, columns: Column[], drafts: Draft[]): TableKind {
  if (raw.role === 'indicator') return 'indicator';
  const head = `${raw.title} ${raw.header?.cells[0]?.text ?? ''}`;
  const parsed = drafts.flatMap((d) => d.parsed);
  const numbers = parsed.filter((p) => p.kind === 'number').length;
  const texts = parsed.filter((p) => p.kind === 'invalid').length;
  if (numbers === 0 || texts >= numbers) return 'other';
  // A table of contents: its figures are page numbers.
  if (/^(inhoud|inhoudsopgave)\b/i.test(raw.title.trim())) return 'other';
  if (/indicator/i.test(head)) return 'indicator';
  // Rows named by comparison areas (`Landelijk`, `Nederland`, `Provincie`) under each heading: an indicator list in
  // blocks.
  if (
    drafts.filter((d) => AREA.test(d.label.trim())).length * 3 >= drafts.length &&
    !drafts.some((d) => d.taakveld || d.lineItem === 'baten' || d.lineItem === 'lasten')
  )
    return 'indicator';
  if (/aantal|aantallen|cliënt|indicaties|volume/i.test(head)) return 'numeric';
  const money =
    raw.scaleText !== null ||
    parsed.some((p) => p.kind === 'number' && p.euro) ||
    drafts.some((d) => d.taakveld || d.lineItem === 'baten' || d.lineItem === 'lasten') ||
    columns.some((c) => /begroting|rekening|berap|primitief/i.test(c.header)) ||
    /financ|opgave|kosten|budget|bedragen|dekking|besparing|potentieel/i.test(`${head} ${raw.context.join(' ')}`);
  return money ? 'financial' : 'numeric';
}

/** A cell's figure; a marker the source printed apart (HTML `<sup>`) is its footnote. */
function parseRawCell(c: RawCell): ParsedCell {
  const p = parseCell(c.text);
  return p.kind === 'number' && !p.footnote && c.footnote ? { ...p, footnote: c.footnote } : p;
}

const withFootnote = <C extends { footnote: string | null }>(column: C, cell: RawCell | undefined): C =>
  column.footnote || !cell?.footnote ? column : { ...column, footnote: cell.footnote };

const EMPTY_CELL = (c: RawCell): GridCell => ({
  value: null,
  decimals: 0,
  status: 'missing',
  line: c.line,
  page: c.page,
  raw: '',
});

/** A row's cells where none could be read: the totals over it are not judged without it. */
const unreadCells = (columns: Column[], label: RawCell): GridCell[] =>
  columns.map(() => ({ ...EMPTY_CELL(label), status: 'unreadable' as const }));

/**
 * The sign every non-zero figure of a column carries in the rows read in full, where at least three do and all agree
 * (a column of onttrekkingen printed negative); null where the column mixes signs or says too little.
 */
function columnSigns(rows: Draft[], width: number): (1 | -1 | null)[] {
  return Array.from({ length: width }, (_, col) => {
    const values = rows.flatMap((d) => {
      const v = d.cells?.[col]?.value;
      return v === undefined || v === null || v === 0 ? [] : [Math.sign(v)];
    });
    if (values.length < 3) return null;
    return values.every((x) => x === 1) ? 1 : values.every((x) => x === -1) ? -1 : null;
  });
}

function keepsSign(sign: 1 | -1 | null, p: ParsedCell): boolean {
  return sign === null || p.kind !== 'number' || p.value === 0 || Math.sign(p.value) === sign;
}

function toGridCell(p: ParsedCell, c: RawCell): GridCell {
  if (p.kind === 'number')
    return { value: p.value, decimals: p.decimals, status: 'printed', line: c.line, page: c.page, raw: c.text };
  if (p.kind === 'empty') return { value: null, decimals: 0, status: 'empty', line: c.line, page: c.page, raw: c.text };
  return { value: null, decimals: 0, status: 'unreadable', line: c.line, page: c.page, raw: c.text };
}

function interpretTable(
  doc: Document,
  raw: RawTable,
  statedScales: { scale: number; text: string; line: number | null }[],
) {
  const findings: Finding[] = [];
  const headerCells = raw.header?.cells.slice(1) ?? [];
  const width = headerCells.length || Math.max(0, ...raw.rows.map((r) => r.cells.length - 1));
  const columns = Array.from({ length: width }, (_, i) =>
    withFootnote(readColumn(i, headerCells[i]?.text ?? `kolom ${i + 1}`, doc.year), headerCells[i]),
  );

  const drafts: Draft[] = raw.rows.map((row) => {
    const label = row.cells[0]?.text ?? '';
    const values = row.cells.slice(1);
    const tv = taakveldOfLabel(label);
    // A taakveld's name is no line item ("0.10 Mutaties reserves"): its figures are its columns'.
    const sectioned = sectionedRow(tv && label.trim() !== tv.code ? '' : label, row);
    return {
      row,
      label,
      lineItem: sectioned.lineItem,
      taakveld: tv?.code ?? null,
      // A row of figures without a label under a heading is that heading's subtotal (a rendering dropped its empty
      // label cell).
      isTotal:
        isTotalLabel(label) ||
        ((raw.layout === 'tab-separated' || raw.layout === 'html') && row.cells[0]?.bold === true) ||
        (row.sections !== undefined && label.trim() === ''),
      values,
      parsed: values.map(parseRawCell),
      // A row whose figures could not be put in their columns stands unread: totals over it are not judged without it.
      cells: row.unread ? unreadCells(columns, row.cells[0]) : null,
      group: null,
      presetGroup: sectioned.group,
    };
  });
  markLineTotals(drafts);
  const kind = classify(raw, columns, drafts);
  const context = raw.context.at(-1) ?? null;
  const doelstelling = context ? (/^(\d+(?:\.\d+){1,3})\s/.exec(context)?.[1] ?? null) : null;
  const title = kind === 'indicator' && doelstelling ? `${raw.title} ${doelstelling}` : raw.title;
  const at = (row: string | null, column: string | null, cell: RawCell | null) => ({
    table: title,
    tableIndex: raw.index,
    row,
    column,
    line: cell?.line ?? raw.line,
    page: cell?.page ?? raw.page,
    raw: cell?.text ?? null,
  });

  const baseTable = {
    documentId: doc.id,
    index: raw.index,
    kind,
    title,
    scale: 1,
    scaleText: raw.scaleText,
    columns: columns.map(({ footnote: _f, ...c }) => c),
    signConvention: { lasten: null, saldo: null, verschil: null, grouping: null } as SignConvention,
    line: raw.line,
    page: raw.page,
    ...(raw.continuesAbove ? { continuesAbove: true } : {}),
  };
  if (kind === 'other') return { table: Table.parse(baseTable), financial: [], indicators: [], findings };
  if (kind === 'indicator') {
    const indicators = readIndicators(doc, raw, columns, drafts, doelstelling, findings, at);
    return { table: Table.parse(baseTable), financial: [], indicators, findings };
  }

  // Cells: full rows place directly; too long rows cannot be read; short rows wait for arithmetic.
  for (const d of drafts) {
    d.parsed.forEach((p, i) => {
      if (p.kind === 'number' && p.notes.length)
        findings.push(
          makeFinding(doc, {
            rule: 'number-format',
            severity: 'warning',
            ...at(d.label, columns[i]?.header ?? null, d.values[i]),
            found: p.value,
            message: p.notes.join('; '),
          }),
        );
      if (p.kind === 'invalid')
        findings.push(
          makeFinding(doc, {
            rule: 'unreadable-cell',
            severity: 'warning',
            ...at(d.label, columns[i]?.header ?? null, d.values[i]),
            message: `Cell is not a figure: ${p.reason}`,
          }),
        );
    });
    if (d.values.length === width) d.cells = d.parsed.map((p, i) => toGridCell(p, d.values[i]));
  }
  const tooLong = drafts.filter((d) => d.values.length > width);
  for (const d of tooLong) {
    findings.push(
      makeFinding(doc, {
        rule: 'extra-cells',
        severity: 'warning',
        ...at(d.label, null, d.row.cells[0]),
        raw: d.row.raw,
        message: `Row has ${d.values.length} cells for ${width} columns; nothing stored for it`,
      }),
    );
  }
  let rows = drafts.filter((d) => d.values.length <= width);

  const { convention, verschilDecidedBy } = detectConvention(rows, columns, raw.layout);
  if (verschilDecidedBy) {
    const direction =
      convention.verschil === 'actual_minus_budget' ? 'realisatie − begroting' : 'begroting − realisatie';
    const d = rows[verschilDecidedBy.row];
    findings.push(
      makeFinding(doc, {
        rule: 'verschil-convention',
        severity: 'warning',
        ...at(
          d.group && d.group !== d.label ? `${d.group} / ${d.label}` : d.label,
          columns[verschilDecidedBy.col].header,
          d.values[verschilDecidedBy.col] ?? d.row.cells[0],
        ),
        message:
          `The verschil column is read as ${direction} on every row, baten and lasten alike, because this row's ` +
          `verschil holds only so; it is the one row that tells this reading from the usual one (positive when ` +
          `favourable). Either the table prints ${direction} throughout, or this row's verschil has the wrong sign`,
      }),
    );
  }
  const scale = decideScale(doc, raw, kind, rows, statedScales, findings, at);

  // Short rows: try every placement of the printed cells; keep the one the arithmetic confirms.
  const pending: Pending[] = [];
  const signs = columnSigns(rows, width);
  for (const d of rows.filter((r) => r.cells === null)) {
    const placements = combinations(width, d.values.length);
    const scored = placements.map((pos) => {
      d.cells = columns.map(() => EMPTY_CELL(d.row.cells[0]));
      pos.forEach((col, i) => (d.cells![col] = toGridCell(d.parsed[i], d.values[i])));
      const grid = makeGrid(doc, raw, columns, rows, convention);
      const rowIndex = rows.indexOf(d);
      let holds = 0;
      let fails = 0;
      // Totals are judged by the rows, not the other way round: no footing here.
      for (const rel of buildRelations(grid, { footing: false })) {
        if (rel.target.row !== rowIndex && !rel.terms.some((t) => t.row === rowIndex)) continue;
        // Where the rendering dropped empty cells, a cell the placement leaves out was empty.
        const e = evaluate(grid, rel, { missingTermsAsZero: raw.blanksDropped === true });
        if (e.status === 'holds' && !e.trivial) holds++;
        if (e.status === 'fails') fails++;
      }
      return { pos, holds, fails };
    });
    let ok = scored.filter((s) => s.fails === 0 && s.holds > 0).sort((a, b) => b.holds - a.holds);
    // A figure misprinted elsewhere in the row's relations breaks one of them whichever way the row is placed: the
    // placement the others confirm best (two at least, more than any other placement) is the reading, and the broken
    // relation is that figure's finding.
    let oneFails = false;
    if (ok.length === 0) {
      const near = scored.filter((s) => s.fails === 1 && s.holds >= 2).sort((a, b) => b.holds - a.holds);
      oneFails = near.length === 1 || (near.length > 1 && near[0].holds > near[1].holds);
      if (oneFails) ok = [near[0]];
    }
    // Where the arithmetic allows several placements, a figure against the sign every other figure of its column
    // carries (an onttrekking printed positive among negative ones) is not the table's reading.
    let bySign = false;
    if (ok.length > 1) {
      const keeping = ok.filter((s) => s.pos.every((col, i) => keepsSign(signs[col], d.parsed[i])));
      bySign = keeping.length > 0 && keeping.length < ok.length;
      if (bySign) ok = keeping;
    }
    const missingCols = (pos: number[]) => columns.filter((c) => !pos.includes(c.index)).map((c) => c.header);
    if (ok.length === 1 || (ok.length > 1 && ok[0].holds > ok[1].holds)) {
      const pos = ok[0].pos;
      d.cells = columns.map(() => EMPTY_CELL(d.row.cells[0]));
      pos.forEach((col, i) => (d.cells![col] = toGridCell(d.parsed[i], d.values[i])));
      // The missing-cell rule reports the gap; reading only records where the cells went and why.
      findings.push(
        makeFinding(doc, {
          rule: 'short-row',
          severity: 'info',
          ...at(d.label, missingCols(pos).join(', '), d.row.cells[0]),
          raw: d.row.raw,
          message:
            `Row has ${d.values.length} cells for ${width} columns; the table's arithmetic places them ` +
            `uniquely, leaving ${missingCols(pos).join(', ')} empty-handed (${ok[0].holds} relations hold with ` +
            `this placement, ${oneFails ? 'one fails under every placement: see its finding' : 'none fails'}` +
            (bySign ? `; the other placements would put a figure against the sign of every other in its column` : '') +
            `)`,
        }),
      );
    } else {
      d.cells = null;
      // Placements no row relation rules out wait for the totals (below).
      pending.push({
        d,
        cands: (ok.length ? ok : scored.filter((x) => x.fails === 0)).map((x) => x.pos),
        all: ok.length ? ok : scored,
      });
    }
  }
  placeByTotals(doc, raw, columns, rows, convention, pending, findings, at);
  for (const { d, all } of pending) {
    if (d.cells !== null) continue;
    const missingCols = (pos: number[]) => columns.filter((c) => !pos.includes(c.index)).map((c) => c.header);
    const cands = all.map((x) => `missing ${missingCols(x.pos).join('+')}`).join('; ');
    // A reading gap, not an arithmetic error: the row is not stored, and the verdict says "not fully read".
    findings.push(
      makeFinding(doc, {
        rule: 'ambiguous-cells',
        severity: 'warning',
        ...at(d.label, null, d.row.cells[0]),
        raw: d.row.raw,
        message:
          `Row has ${d.values.length} cells for ${width} columns and the arithmetic does not tell which column ` +
          `is missing (${cands}); nothing stored for this row`,
      }),
    );
  }
  // A row whose cells could not be placed stays in the table as unreadable: the totals over it cannot be judged, rather
  // than judged without it.
  for (const { d } of pending) if (d.cells === null) d.cells = unreadCells(columns, d.row.cells[0]);
  rows = rows.filter((d) => d.cells !== null);
  // Totals whose parts are not all read (below lines of the table no reader took, or over a row not read): not checked.
  const unread = unreadSpans(makeGrid(doc, raw, columns, rows, convention));
  for (const [i, d] of rows.entries()) {
    if (d.isTotal && unread.has(i) && !isUnread({ cells: d.cells! })) {
      findings.push(
        makeFinding(doc, {
          rule: 'total-parts-unread',
          severity: 'warning',
          ...at(d.label, null, d.row.cells[0]),
          message:
            `${d.label || 'Total'}: some of the lines it sums were not read (` +
            (raw.continuesAbove && rows.indexOf(d) === rows.findIndex((r) => r.isTotal)
              ? 'the table starts below lines of its own that were not read: figures alone on the line above its ' +
                'first row'
              : 'a row above it in its block could not be read') +
            `), so this total is not checked`,
        }),
      );
    }
  }
  if (raw.layout === 'pdf') blanksMissing(makeGrid(doc, raw, columns, rows, convention));
  else if (raw.blanksDropped) {
    // The rendering dropped empty cells: what a placed short row leaves unfilled was empty.
    for (const d of rows)
      d.cells!.forEach((c, col) => {
        if (c.status === 'missing' && !d.missingCols?.includes(col)) Object.assign(c, { status: 'empty', raw: '' });
      });
    blanksMissing(makeGrid(doc, raw, columns, rows, convention));
  }

  if (raw.endsText)
    cutLastFigure(makeGrid(doc, raw, columns, rows, convention), rows, columns, findings, (m) => makeFinding(doc, m));

  const financial: FinancialFact[] = [];
  rows.forEach((d, rowIndex) => {
    d.cells!.forEach((cell, col) => {
      const printed = cell.status !== 'missing';
      financial.push(
        FinancialFact.parse({
          documentId: doc.id,
          tableIndex: raw.index,
          rowIndex,
          // Baten/Lasten lines belong to the taakveld of their group.
          taakveld: d.taakveld ?? (d.group ? (taakveldOfLabel(d.group)?.code ?? null) : null),
          rowLabel: d.label,
          // A row without a line item of its own takes its column's ("Lasten Begroting 2019").
          // A result or saldo row's cell under a Lasten / Baten / Saldo column is that column's (its total lasten, …).
          lineItem:
            d.lineItem === 'other' || d.lineItem === 'resultaat' || d.lineItem === 'saldo'
              ? (columnLineItem(columns[col].header)?.item ?? d.lineItem)
              : d.lineItem,
          group: d.group,
          isTotal: d.isTotal,
          columnIndex: col,
          columnHeader: columns[col].header,
          columnKind: columns[col].kind,
          year: columns[col].year,
          value: cell.value,
          status: cell.status,
          decimals: cell.decimals,
          scale,
          provenance: {
            file: doc.file,
            line: printed ? cell.line : d.row.line,
            page: cell.page,
            raw: printed ? cell.raw : d.row.raw,
          },
        }),
      );
    });
  });
  return {
    table: Table.parse({ ...baseTable, scale, signConvention: convention }),
    financial,
    indicators: [],
    findings,
  };
}

interface Pending {
  d: Draft;
  /** Placements no relation of the row rules out. */
  cands: number[][];
  all: { pos: number[] }[];
}

/** Rows of a block under a total searched at most for subtotals printed without "Totaal". */
const MAX_SUBTOTAL_BLOCK = 400;

/** Search nodes tried at most when placing short rows by their totals. */
const TOTALS_BUDGET = 200_000;

/**
 * Short rows the row relations leave open (a rendering dropped their empty cells, and their saldo
 * holds in several places) are placed by the totals: under each total row, the rows since the
 * previous total must sum to it in every column. Their open placements are searched together
 * (each column's remaining sum bounded by what the unplaced rows can still add); where exactly one
 * combination fits every column within rounding, and the table's relations then hold, it is taken
 * and a `short-row` notice says so. Else they stay unplaced (ambiguous-cells).
 */
function placeByTotals(
  doc: Document,
  raw: RawTable,
  columns: Column[],
  rows: Draft[],
  convention: SignConvention,
  pending: Pending[],
  findings: Finding[],
  at: (row: string | null, column: string | null, cell: RawCell | null) => object,
) {
  if (pending.length === 0) return;
  const place = (p: Pending, pos: number[] | null) => {
    if (!pos) return void (p.d.cells = null);
    p.d.cells = columns.map(() => EMPTY_CELL(p.d.row.cells[0]));
    pos.forEach((col, i) => (p.d.cells![col] = toGridCell(p.d.parsed[i], p.d.values[i])));
  };
  /** A short row placed by a sum: a `short-row` notice naming the columns left empty and why. */
  const noteShortRow = (p: Pending, pos: number[], why: string) => {
    const empty = columns
      .filter((c) => !pos.includes(c.index))
      .map((c) => c.header)
      .join(', ');
    const message = `Row has ${p.d.values.length} cells for ${columns.length} columns; ${why}: ${empty} left empty`;
    findings.push(
      makeFinding(doc, {
        rule: 'short-row',
        severity: 'info',
        ...at(p.d.label, empty, p.d.row.cells[0]),
        raw: p.d.row.raw,
        message,
      }),
    );
  };
  const openIn = (block: Draft[]) => pending.filter((p) => block.includes(p.d) && p.d.cells === null);
  const num = (c: ParsedCell | undefined) => (c && c.kind === 'number' ? c.value : 0);
  const half = (c: ParsedCell | undefined) => (c && c.kind === 'number' ? 0.5 * 10 ** -c.decimals : 0);
  /**
   * The placements of a block's open short rows under which the block sums to `target` in every column (searched
   * together, bounded).
   */
  const solveFor = (target: Draft, block: Draft[], open = openIn(block)) => {
    // Per column: what the open rows must add up to, and its rounding.
    const residual = columns.map(
      (_, c) =>
        (target.cells![c].value ?? 0) -
        block.filter((d) => d.cells !== null).reduce((sum, d) => sum + (d.cells![c].value ?? 0), 0),
    );
    const tolerance = columns.map(
      (_, c) =>
        halfUnitOf(target.cells![c]) +
        block.filter((d) => d.cells !== null).reduce((sum, d) => sum + halfUnitOf(d.cells![c]), 0),
    );
    // Each open row's contribution per column under each placement.
    const contrib = open.map((p) =>
      p.cands.map((pos) =>
        columns.map((_, c) => {
          const i = pos.indexOf(c);
          return i < 0 ? [0, 0] : [num(p.d.parsed[i]), half(p.d.parsed[i])];
        }),
      ),
    );
    const bounds = (from: number, c: number) => {
      let lo = 0;
      let hi = 0;
      for (let r = from; r < open.length; r++) {
        const vs = contrib[r].map((x) => x[c][0]);
        lo += Math.min(...vs);
        hi += Math.max(...vs);
      }
      return [lo, hi];
    };
    const solutions: number[][] = [];
    const pick: number[] = [];
    let nodes = 0;
    const search = (r: number, acc: number[], tol: number[]) => {
      if (solutions.length > 8 || ++nodes > TOTALS_BUDGET) return;
      for (let c = 0; c < columns.length; c++) {
        const [lo, hi] = bounds(r, c);
        const slack = tol[c] + open.length - r + 1e-9;
        if (residual[c] - acc[c] < lo - slack || residual[c] - acc[c] > hi + slack) return;
      }
      if (r === open.length) {
        if (columns.every((_, c) => Math.abs(residual[c] - acc[c]) <= tol[c] + 1e-9)) solutions.push([...pick]);
        return;
      }
      contrib[r].forEach((x, k) => {
        pick[r] = k;
        search(
          r + 1,
          acc.map((a, c) => a + x[c][0]),
          tol.map((a, c) => a + x[c][1]),
        );
      });
    };
    search(
      0,
      columns.map(() => 0),
      tolerance,
    );
    return { open, contrib, residual, tolerance, solutions, nodes };
  };
  // Items marked under their parent row (`- Kosten …` under `Immateriële vaste activa`): the parent sums them, so an
  // item printing fewer figures is placed where the parent holds in exactly one way; totals count the parent only.
  const items = itemGroups(
    rows,
    columns.map((_, c) => c),
  );
  const isItem = new Set([...items.values()].flat());
  for (const [parent, at] of items) {
    const target = rows[parent];
    const parts = at.map((i) => rows[i]);
    if (target.cells === null || openIn(parts).length === 0) continue;
    const fit = solveFor(target, parts);
    if (fit.solutions.length !== 1 || fit.nodes > TOTALS_BUDGET) continue;
    fit.open.forEach((p, k) => {
      const pos = p.cands[fit.solutions[0][k]];
      place(p, pos);
      noteShortRow(
        p,
        pos,
        `of its ${p.cands.length} placements exactly one makes "${target.label}" above it (the sum of its items) ` +
          `hold in every column`,
      );
    });
  }
  for (let t = 0; t < rows.length; t++) {
    const total = rows[t];
    if (!total.isTotal || total.cells === null) continue;
    let start = t - 1;
    while (start >= 0 && !rows[start].isTotal) start--;
    const block = rows.slice(start + 1, t).filter((_, k) => !isItem.has(start + 1 + k));
    // Its parts begin above the table, in lines no reader took (said so where the table is read).
    if ((start < 0 && raw.continuesAbove) || block.some((d) => d.row.unread)) continue;
    const unplaced = openIn(block);
    if (
      unplaced.length === 0 ||
      (unplaced.length > 1 && unplaced.some((p) => p.cands.length === 0)) ||
      block.some((d) => d.cells === null && !unplaced.some((p) => p.d === d))
    )
      continue;
    // A short row of zeros adds nothing wherever its figures stand: no sum can place it, nor need to (it stays open).
    const moving = unplaced.filter((p) => p.d.parsed.some((c) => num(c) !== 0));
    if (moving.length === 0) continue;
    let { open, contrib, residual, tolerance, solutions, nodes } = solveFor(total, block, moving);
    // One short row that no placement fits: where exactly one placement reaches the total in every column the row fills
    // and misses it in just the columns it leaves unfilled, its figures stand there and the total needs a figure in
    // those cells that was not printed (Middelburg 2022: "Baten" of Algemene dekkingsmiddelen, 3 of 4 cells).
    if (solutions.length === 0 && open.length === 1 && nodes <= TOTALS_BUDGET) {
      const [p] = open;
      // Every placement, not only those the row's own arithmetic allows: a figure not printed fails those too.
      const fits = combinations(columns.length, p.d.values.length).filter((pos) => {
        const off = columns.filter((_, c) => {
          const i = pos.indexOf(c);
          const [value, unit] = i < 0 ? [0, 0] : [num(p.d.parsed[i]), half(p.d.parsed[i])];
          return Math.abs(residual[c] - value) > tolerance[c] + unit + 1e-9;
        });
        const unfilled = columns.filter((_, c) => !pos.includes(c));
        return (
          off.length > 0 &&
          columns.length - off.length >= 2 &&
          off.length === unfilled.length &&
          off.every((c) => unfilled.includes(c))
        );
      });
      if (fits.length === 1) {
        place(p, fits[0]);
        p.d.missingCols = columns.map((c) => c.index).filter((c) => !fits[0].includes(c));
        noteShortRow(p, fits[0], `exactly one placement makes "${total.label}" hold in every column the row fills`);
        continue;
      }
    }
    if (open.some((p) => p.cands.length === 0)) continue;
    // Only over a flat block: lines of one level (no Baten / Lasten heading lines, no taakveld over its products), or
    // the block is no sum.
    const flat =
      !block.some((d) => /^(baten|lasten|saldo|totaal|subtotaal)\b/i.test(d.label.trim())) &&
      new Set(block.map((d) => (/^[A-Z]{1,2}\d/.test(d.label) ? 'product' : /^\d/.test(d.label) ? 'code' : 'name')))
        .size === 1;
    // (Bounded: each row is tried against the lines since the last subtotal, which is quadratic in the block.)
    if (solutions.length === 0 && nodes <= TOTALS_BUDGET && flat && block.length <= MAX_SUBTOTAL_BLOCK) {
      // Subtotals printed without "Totaal" under their lines (`Algemene reserves` under its three reserves): the
      // total sums them, not their lines again. A row is one where its lines reach it alone: with their short rows
      // placed in exactly one way, or, all placed, in every column but at most one (that one is a finding of the
      // subtotal, not of every column of the total).
      const subtotals: Draft[] = [];
      let from = 0;
      block.forEach((d, i) => {
        if (d.cells === null || i - from < 2 || d.cells.every((c) => !c.value)) return;
        const segment = block.slice(from, i);
        const fit = solveFor(d, segment);
        const placed =
          fit.open.length === 0 &&
          columns.filter((_, c) => Math.abs(fit.residual[c]) > fit.tolerance[c] + 1e-9).length <= 1 &&
          columns.length >= 3;
        if ((fit.solutions.length === 1 && fit.nodes <= TOTALS_BUDGET) || placed) {
          fit.open.forEach((p, k) => {
            const pos = p.cands[fit.solutions[0][k]];
            place(p, pos);
            noteShortRow(
              p,
              pos,
              `of its ${p.cands.length} placements exactly one makes "${d.label}" below it (a subtotal, not ` +
                `labelled so) hold in every column`,
            );
          });
          subtotals.push(d);
          from = i + 1;
        }
      });
      // The total over the subtotals and the lines after the last (each line before it lies in a subtotal's segment).
      const last = block.indexOf(subtotals.at(-1)!);
      if (subtotals.length > 0)
        ({ open, contrib, residual, tolerance, solutions, nodes } = solveFor(
          total,
          block.filter((d, i) => subtotals.includes(d) || i > last),
        ));
    }
    if (solutions.length === 0 && nodes <= TOTALS_BUDGET && flat) {
      // No placement fits: in a column where no combination of the rows' figures reaches the total
      // at all, the total or a figure of its rows is wrong, wherever the short rows' cells stand.
      for (let c = 0; c < columns.length; c++) {
        let sums = new Set<number>([0]);
        for (const rowContrib of contrib) {
          const next = new Set<number>();
          for (const sum of sums) for (const x of rowContrib) next.add(Math.round((sum + x[c][0]) * 1e6) / 1e6);
          sums = next;
          if (sums.size > 50_000) break;
        }
        if (sums.size > 50_000) continue;
        const slack = tolerance[c] + open.length;
        if ([...sums].some((sum) => Math.abs(residual[c] - sum) <= slack + 1e-9)) continue;
        const cell = total.cells[c];
        const terms = block
          .filter((d) => d.cells !== null)
          .map((d) => `${d.label} ${d.cells![c].raw || '–'}${d.cells![c].line ? ` (line ${d.cells![c].line})` : ''}`);
        findings.push(
          makeFinding(doc, {
            rule: 'unplaced-total',
            severity: 'error',
            ...at(total.label, columns[c].header, total.row.cells[c + 1] ?? null),
            line: cell.line,
            raw: cell.raw || null,
            found: cell.value,
            message:
              `${total.label || 'Total'}, ${columns[c].header}: the printed total ${cell.raw} is reached by no ` +
              `placement of the figures of ` +
              `${open.map((p) => `"${p.d.label}" (${p.d.values.map((v) => v.text).join(' | ')})`).join(', ')}, ` +
              `whose empty cells the rendering dropped: the total or a figure of its rows is wrong. Compared: ` +
              `${terms.join(' + ')}.`,
          }),
        );
      }
      continue;
    }
    if (solutions.length > 8 || nodes > TOTALS_BUDGET) continue;
    // Placements the totals cannot tell apart within rounding: the table's own relations (saldo, verschil, every
    // footing) must.
    const agreeing = solutions.filter((sol) => {
      open.forEach((p, i) => place(p, p.cands[sol[i]]));
      const kept = rows.filter((d) => d.cells !== null);
      const grid = makeGrid(doc, raw, columns, kept, convention);
      const placed = new Set(open.map((p) => kept.indexOf(p.d)));
      return !buildRelations(grid).some(
        (rel) =>
          (placed.has(rel.target.row) || rel.terms.some((x) => placed.has(x.row))) &&
          evaluate(grid, rel).status === 'fails',
      );
    });
    // A row placed alike in every combination that fits is placed; one whose figures fit several ways (tiny figures
    // within rounding) stays open.
    const settled = open.map((_, i) => agreeing.length > 0 && agreeing.every((sol) => sol[i] === agreeing[0][i]));
    open.forEach((p, i) => place(p, settled[i] ? p.cands[agreeing[0][i]] : null));
    if (!settled.some(Boolean)) continue;
    for (const p of open.filter((_, i) => settled[i])) {
      noteShortRow(
        p,
        p.cands[agreeing[0][open.indexOf(p)]],
        `its own arithmetic allows ${p.cands.length} placements, and of the placements of the ${open.length} ` +
          `such rows under "${total.label || 'the total'}" exactly one makes that total hold in every column`,
      );
    }
  }
}

const halfUnitOf = (c: GridCell) => (c.status === 'printed' ? 0.5 * 10 ** -c.decimals : 0);

function makeGrid(
  doc: Document | null,
  raw: RawTable | null,
  columns: Column[],
  rows: Draft[],
  convention: SignConvention,
): Grid {
  const gridRows: GridRow[] = rows.map((d, index) => ({
    index,
    label: d.label,
    lineItem: d.lineItem,
    group: d.group,
    taakveld: d.taakveld,
    isTotal: d.isTotal,
    isSection: (d.cells ?? []).every((c) => c.status !== 'printed' && c.status !== 'unreadable'),
    cells: d.cells ?? columns.map(() => EMPTY_CELL(d.row.cells[0])),
  }));
  const table = {
    documentId: doc?.id ?? '',
    index: raw?.index ?? 0,
    kind: 'financial',
    title: raw?.title ?? '',
    scale: 1,
    scaleText: null,
    columns,
    signConvention: convention,
    continuesAbove: raw?.continuesAbove,
    line: null,
    page: null,
  } as Table;
  return { file: doc?.file ?? '', documentId: doc?.id ?? '', table, columns, rows: gridRows, convention };
}

/**
 * The text ends right after the table's last figure, which may be cut off there (`… 236.300 3`, Enschede 2021). Where
 * relations run over it and every one that can be judged fails, it is read as cut: a reading finding, the cell not
 * stored, instead of arithmetic errors on a figure the page does not print whole. The grid shares its cells with rows.
 */
function cutLastFigure(
  grid: Grid,
  rows: Draft[],
  columns: Column[],
  findings: Finding[],
  finding: (m: Parameters<typeof makeFinding>[1]) => Finding,
) {
  const r = grid.rows.length - 1;
  const last = grid.rows[r];
  const col = last ? last.cells.map((c) => c.status).lastIndexOf('printed') : -1;
  if (col < 0) return;
  const over = buildRelations(grid).filter(
    (rel) => (rel.target.row === r && rel.target.col === col) || rel.terms.some((t) => t.row === r && t.col === col),
  );
  const judged = over.map((rel) => evaluate(grid, rel)).filter((e) => e.status !== 'unknown');
  if (judged.length === 0 || judged.some((e) => e.status === 'holds')) return;
  const cell = last.cells[col];
  // Cut, the figure is the start of what the relations need (`3` of 397.876); a whole figure that differs (`140.382`
  // where the lines give 140.281) is a discrepancy, not a cut.
  const digits = (v: number) => String(Math.abs(Math.round(v)));
  const printedDigits = cell.raw.replace(/\D/g, '');
  const cut = judged.every(
    (e) =>
      e.status === 'fails' &&
      digits(e.expected).length > printedDigits.length &&
      digits(e.expected).startsWith(printedDigits),
  );
  if (!cut) return;
  const d = rows[r];
  findings.push(
    finding({
      rule: 'cut-off-row',
      severity: 'warning',
      table: grid.table.title,
      tableIndex: grid.table.index,
      row: d.label,
      column: columns[col].header,
      line: cell.line,
      page: cell.page,
      raw: cell.raw,
      message:
        `The text ends in this figure ("${cell.raw}") and no relation over it holds: read as cut off where the ` +
        `text ends, not stored, and the sums over it not judged`,
    }),
  );
  Object.assign(cell, { status: 'unreadable', value: null });
}

/**
 * A blank position in a PDF table is an empty cell (zero) unless the arithmetic needs a figure
 * there: a relation that fails with the blank as zero, and has no other blank, marks it missing
 * (the missing-cell rule then says what it must be). The grid shares its cells with the drafts.
 */
function blanksMissing(grid: Grid) {
  const blank = (c: GridCell) => c.status === 'empty' && c.raw === '';
  for (const rel of buildRelations(grid, { footing: false })) {
    const refs = [rel.target, ...rel.terms];
    const blanks = refs.filter((r) => blank(grid.rows[r.row].cells[r.col]));
    if (blanks.length !== 1 || evaluate(grid, rel).status !== 'fails') continue;
    grid.rows[blanks[0].row].cells[blanks[0].col].status = 'missing';
  }
}

/**
 * The table's own numbers decide its conventions: whether a taakveld's Baten/Lasten lines come
 * before or after its label line, saldo as baten − lasten or lasten − baten, lasten printed
 * negative, and the sign of a favourable verschil. Each candidate is scored by how many saldo
 * and verschil relations hold; the best wins.
 */
function detectConvention(rows: Draft[], columns: Column[], layout: RawTable['layout']) {
  const isBL = (d: Draft) => d.lineItem === 'baten' || d.lineItem === 'lasten';
  const hasLabelRows = rows.some((d) => !isBL(d) && !d.isTotal) && rows.some(isBL);
  const groupings: SignConvention['grouping'][] =
    hasLabelRows && (layout === 'cell-per-line' || layout === 'html' || layout === 'pdf')
      ? ['label_last', 'label_first']
      : [null];
  // Lasten figures: the cells of lasten rows, and the lasten column's cells of rows naming no line item.
  const lastenCols = columns.filter((c) => columnLineItem(c.header)?.item === 'lasten').map((c) => c.index);
  const lastenValues = [
    ...rows.filter((d) => d.lineItem === 'lasten').flatMap((d) => d.parsed),
    ...rows
      .filter((d) => d.lineItem === 'other')
      .flatMap((d) => lastenCols.map((i) => d.parsed[i]).filter((p) => p !== undefined)),
  ].filter((p) => p.kind === 'number' && p.value !== 0) as { value: number }[];
  const lasten =
    lastenValues.length === 0
      ? null
      : lastenValues.filter((p) => p.value < 0).length > lastenValues.length / 2
        ? 'negative'
        : 'positive';
  // Baten figures the same way (verschil columns left out: their sign is the verschil's).
  const batenCols = columns.filter((c) => columnLineItem(c.header)?.item === 'baten').map((c) => c.index);
  const batenValues = [
    ...rows
      .filter((d) => d.lineItem === 'baten')
      .flatMap((d) => d.parsed.filter((_, i) => columns[i]?.kind !== 'verschil')),
    ...rows
      .filter((d) => d.lineItem === 'other')
      .flatMap((d) => batenCols.map((i) => d.parsed[i]).filter((p) => p !== undefined)),
  ].filter((p) => p.kind === 'number' && p.value !== 0) as { value: number }[];
  // Only where lasten are not negative too (then it is the lasten convention) and nearly all baten are.
  const baten =
    lasten !== 'negative' &&
    batenValues.length > 0 &&
    batenValues.filter((p) => p.value < 0).length >= 0.8 * batenValues.length
      ? 'negative'
      : null;
  interface Candidate {
    score: number;
    convention: SignConvention;
    groups: (string | null)[];
    items: LineItem[];
    /** The verschil relations (kind:row:col) that fail in this reading, and those that hold (not trivially). */
    failing: Set<string>;
    holding: Set<string>;
  }
  let best: Candidate | null = null;
  let uniform: Candidate | null = null;
  const preset = rows.some((d) => d.presetGroup);
  for (const grouping of preset ? [null] : groupings) {
    // Headings that name a row's group settle it; the layout search is for tables that do not.
    const groups = preset ? rows.map((d) => d.presetGroup ?? null) : assignGroups(rows, grouping);
    const items = rows.map((d, i) =>
      d.lineItem === 'other' && groups[i] !== null && groups[i] === d.label ? 'saldo' : d.lineItem,
    );
    for (const saldo of ['baten_minus_lasten', 'lasten_minus_baten'] as const) {
      for (const verschil of [
        'favourable_positive',
        'favourable_negative',
        'budget_minus_actual',
        'actual_minus_budget',
      ] as const) {
        const convention: SignConvention = { lasten, saldo, verschil, grouping, ...(baten ? { baten } : {}) };
        rows.forEach((d, i) => ((d.group = groups[i]), (d.lineItem = items[i])));
        const grid = makeGrid(null, null, columns, rows, convention);
        let score = 0;
        const failing = new Set<string>();
        const holding = new Set<string>();
        for (const rel of buildRelations(grid, { footing: false })) {
          const e = evaluate(grid, rel);
          if (e.status === 'holds' && !e.trivial) score++;
          if (e.status === 'fails') score--;
          if (rel.kind !== 'verschil' && rel.kind !== 'saldo-verschil') continue;
          const cell = `${rel.kind}:${rel.target.row}:${rel.target.col}`;
          if (e.status === 'fails') failing.add(cell);
          if (e.status === 'holds' && !e.trivial) holding.add(cell);
        }
        const candidate = { score, convention, groups, items, failing, holding };
        if (verschil === 'budget_minus_actual' || verschil === 'actual_minus_budget') {
          if (!uniform || score > uniform.score) uniform = candidate;
        } else if (!best || score > best.score) best = candidate;
      }
    }
  }
  // One direction on every row would explain a row's sign error away (Hengelo 6.72D, a baten row): taken only where
  // it beats the usual reading (positive when favourable) by two relations at least and breaks none of the verschil
  // relations that reading keeps (Deventer 2022, 2015). Where what it gains is one row's verschil, the numbers cannot
  // tell a convention from that row's sign error: the reading is taken and the row named.
  let deciding: { row: number; col: number } | null = null;
  if (uniform && best && uniform.score >= best.score + 2) {
    const u = uniform;
    const gained = [...best.failing].filter((rel) => u.holding.has(rel) && rel.startsWith('verschil:'));
    const lost = [...best.holding].filter((rel) => !u.holding.has(rel));
    if (lost.length === 0) {
      if (gained.length === 1) {
        const [, row, col] = gained[0].split(':').map(Number);
        deciding = { row, col };
      }
      best = uniform;
    }
  }
  rows.forEach((d, i) => ((d.group = best!.groups[i]), (d.lineItem = best!.items[i])));
  const columnItems = new Set(columns.map((c) => columnLineItem(c.header)?.item));
  const hasSaldo =
    (rows.some((d) => d.lineItem === 'baten') && rows.some((d) => d.lineItem === 'lasten')) ||
    (columnItems.has('baten') && columnItems.has('lasten'));
  const hasVerschil = columns.some((c) => c.kind === 'verschil');
  const convention: SignConvention = {
    ...(baten ? { baten } : {}),
    lasten: best!.convention.lasten,
    saldo: hasSaldo ? best!.convention.saldo : null,
    verschil: hasVerschil ? best!.convention.verschil : null,
    grouping: best!.convention.grouping,
  };
  return { convention, verschilDecidedBy: hasVerschil ? deciding : null };
}

/**
 * A "Baten" / "Lasten" line (bare, or naming its programme: "Lasten Economie") that is the sum of the rows of figures
 * right above it (two at least, naming no line item) totals them: it is no line of the label row next to it
 * (Haarlemmermeer 2023 prints a programme's baten rows, then "Baten", its lasten rows, then "Lasten"). As with
 * subtotals, in every column but one at most, and two at least:
 * a misprint in one column is the footing's finding, not another reading of the table.
 */
function markLineTotals(drafts: Draft[]) {
  const numbers = (d: Draft) => d.parsed.map((p) => (p.kind === 'number' ? p.value : null));
  drafts.forEach((d, i) => {
    if (d.isTotal || !/^(baten|lasten)\b/i.test(d.label.trim()) || (d.lineItem !== 'baten' && d.lineItem !== 'lasten'))
      return;
    let k = i;
    while (k > 0 && !drafts[k - 1].isTotal && drafts[k - 1].lineItem === 'other') k--;
    const block = drafts.slice(k, i);
    if (block.length < 2) return;
    const { holds, fails } = sumColumns(numbers(d), block.map(numbers));
    if (holds >= 2 && fails <= 1) d.isTotal = true;
  });
}

/** Taakveld label rows and their Baten/Lasten lines, in the order the document prints them. */
function assignGroups(rows: Draft[], grouping: SignConvention['grouping']): (string | null)[] {
  // A "Totaal lasten" row totals lines; it is no Lasten line of a taakveld.
  const isBL = (d: Draft) => (d.lineItem === 'baten' || d.lineItem === 'lasten') && !d.isTotal;
  const groups: (string | null)[] = rows.map(() => null);
  if (grouping === 'label_last') {
    let pending: number[] = [];
    rows.forEach((d, i) => {
      if (isBL(d)) pending.push(i);
      else if (!d.isTotal && pending.length > 0) {
        for (const p of pending) groups[p] = d.label;
        groups[i] = d.label;
        pending = [];
      } else pending = [];
    });
  } else if (grouping === 'label_first') {
    let current: number | null = null;
    rows.forEach((d, i) => {
      if (isBL(d)) {
        if (current !== null) {
          groups[i] = rows[current].label;
          groups[current] = rows[current].label;
        }
      } else current = d.isTotal ? null : i;
    });
  }
  return groups;
}

function decideScale(
  doc: Document,
  raw: RawTable,
  kind: TableKind,
  rows: Draft[],
  stated: { scale: number; text: string; line: number | null }[],
  findings: Finding[],
  at: (row: string | null, column: string | null, cell: RawCell | null) => object,
): number {
  const own = raw.scaleText ? parseScale(raw.scaleText) : null;
  if (own) return own;
  const numbers = rows.flatMap((d) => d.parsed).filter((p) => p.kind === 'number') as Extract<
    ParsedCell,
    { kind: 'number' }
  >[];
  if (numbers.some((p) => p.euro)) return 1;
  if (kind !== 'financial') return 1;
  const scales = [...new Set(stated.map((s) => s.scale))];
  const max = numbers.reduce((m, p) => Math.max(m, Math.abs(p.value)), 0);
  // Figures of a million or more in a table are full euros, whatever other tables state.
  if (scales.length === 1 && max < 1_000_000) {
    findings.push(
      makeFinding(doc, {
        rule: 'scale-inferred',
        severity: 'info',
        ...at(null, null, null),
        message:
          `No scale stated at this table; the document states "${stated[0].text}" at line ${stated[0].line} ` +
          `for its other tables, so ×${formatDutch(scales[0])} is used`,
      }),
    );
    return scales[0];
  }
  if (
    numbers.length > 0 &&
    numbers.every((p) => p.decimals === 0) &&
    max < 1_000_000 &&
    (rows.some((d) => d.taakveld) || rows.some((d) => d.lineItem === 'lasten'))
  ) {
    findings.push(
      makeFinding(doc, {
        rule: 'scale-inferred',
        severity: 'info',
        ...at(null, null, null),
        message:
          `No scale stated for this taakveld table; its amounts (largest ${formatDutch(max)}, no decimals) are ` +
          `read as × 1.000 euro, as municipal programme tables print them`,
      }),
    );
    return 1000;
  }
  return 1;
}

const AREA =
  /^(gemeente|provincie|nederland|regio|landelijk|nederland gemiddeld|gemiddelde|referentiegemeenten|grootteklasse|vergelijkbare gemeenten)\b.{0,40}$/i;

function readIndicators(
  doc: Document,
  raw: RawTable,
  columns: (Column & { footnote: string | null })[],
  drafts: Draft[],
  doelstelling: string | null,
  findings: Finding[],
  at: (
    row: string | null,
    column: string | null,
    cell: RawCell | null,
  ) => {
    table: string;
    tableIndex: number;
    row: string | null;
    column: string | null;
    line: number | null;
    page: number | null;
    raw: string | null;
  },
): IndicatorFact[] {
  // Footnote markers defined under the table must each stand somewhere in it. A marker found
  // nowhere else, glued to the end of exactly one plain number (`3243` with note 3), is split off.
  const defined = new Set(raw.footnotes.map((f) => f.marker));
  const seen = new Set<string>();
  for (const c of columns) if (c.footnote) seen.add(c.footnote);
  const headingOf = (d: Draft) => d.row.sections?.filter((s) => lineItemOf(s) === 'other').at(-1);
  // A heading with an area row under it (`Landelijk`) heads areas only: the gemeente's own row (`Neder-Betuwe`) is one
  // too.
  const areaHeadings = new Set(
    drafts
      .filter((d) => AREA.test(d.label.trim()))
      .map(headingOf)
      .filter((h) => h !== undefined),
  );
  const names = drafts.map((d) => {
    // Under an indicator's heading, rows named Gemeente / Provincie / Nederland are its comparison areas.
    const heading = headingOf(d);
    if (
      heading &&
      (AREA.test(d.label.trim()) || (areaHeadings.has(heading) && d.label.trim().split(/\s+/).length <= 4))
    )
      return { name: heading, footnote: d.row.cells[0]?.footnote ?? null, area: d.label.trim().replace(/:$/, '') };
    const m = /^(.*\))\s*(\d{1,2})$/.exec(d.label);
    if (m) seen.add(m[2]);
    return m ? { name: m[1], footnote: m[2] } : { name: d.label, footnote: d.row.cells[0]?.footnote ?? null };
  });
  drafts.forEach((d) => d.parsed.forEach((p) => p.kind === 'number' && p.footnote && seen.add(p.footnote)));
  for (const n of names) if (n.footnote) seen.add(n.footnote);
  for (const marker of [...defined].filter((m) => !seen.has(m))) {
    const candidates: { d: Draft; i: number }[] = [];
    drafts.forEach((d) =>
      d.values.forEach((v, i) => {
        const t = v.text.trim();
        if (t.endsWith(marker) && !t.includes('%') && parseCell(t.slice(0, -marker.length)).kind === 'number')
          candidates.push({ d, i });
      }),
    );
    if (candidates.length === 1) {
      const { d, i } = candidates[0];
      const before = d.values[i].text.trim();
      const stripped = parseCell(before.slice(0, -marker.length));
      if (stripped.kind === 'number') d.parsed[i] = { ...stripped, raw: before, footnote: marker };
      findings.push(
        makeFinding(doc, {
          rule: 'footnote-marker',
          severity: 'info',
          ...at(d.label, columns[i]?.header ?? null, d.values[i]),
          message:
            `Footnote ${marker} is defined under the table but marked nowhere; "${before}" is the only cell ` +
            `that can carry it, so it is read as ` +
            `${stripped.kind === 'number' ? formatDutch(stripped.value) : '?'} with footnote ${marker}`,
        }),
      );
    } else if (candidates.length > 1) {
      findings.push(
        makeFinding(doc, {
          rule: 'footnote-marker',
          severity: 'warning',
          ...at(null, null, null),
          message:
            `Footnote ${marker} is defined under the table but marked nowhere, and ${candidates.length} cells ` +
            `could carry it (${candidates.map((c) => c.d.values[c.i].text).join(', ')}); read as printed`,
        }),
      );
    }
  }
  const facts: IndicatorFact[] = [];
  const describing = columns.map((c) => describingColumn(c.header));
  drafts.forEach((d, rowIndex) => {
    const { name, footnote: nameNote } = names[rowIndex];
    // A rendering that drops empty cells leaves a short row of figures whose missing year it does not tell: stored, it
    // would be a guess.
    if (raw.blanksDropped && d.values.length < columns.length && describing.every((x) => x === null)) {
      findings.push(
        makeFinding(doc, {
          rule: 'ambiguous-cells',
          severity: 'warning',
          ...at(name, null, d.row.cells[0]),
          raw: d.row.raw,
          message:
            `Indicator row has ${d.values.length} figures for ${columns.length} columns ` +
            `(${columns.map((c) => c.header).join(', ')}) and the text does not tell which column is empty: ` +
            `nothing stored for this row`,
        }),
      );
      return;
    }
    const area = 'area' in names[rowIndex] ? (names[rowIndex] as { area: string }).area : null;
    const unit = /\(([^()]{1,20})\)\s*$/.exec(name)?.[1] ?? null;
    // A row printing "count (share)" in every cell ("339 (45,2%)", "aantal en %") is one note, not one per cell.
    const pairs = d.parsed.flatMap((q, j) =>
      q.kind === 'number' && q.alternative !== null && q.notes.length === 1 ? [j] : [],
    );
    if (pairs.length > 1)
      findings.push(
        makeFinding(doc, {
          rule: 'number-format',
          severity: 'info',
          ...at(name, null, d.row.cells[0]),
          raw: d.row.raw,
          message:
            `${pairs.length} cells print a second figure in parentheses ` +
            `(${pairs.map((j) => d.values[j].text).join(', ')}): the first figure is stored as the value, the ` +
            `one in parentheses is not`,
        }),
      );
    // Columns that describe the row's figures (eenheid, periode, regio, bron) give no facts of their own.
    const told = (what: Describing) => {
      const i = describing.indexOf(what);
      const text = i >= 0 ? d.values[i]?.text.trim() : '';
      return text ? text : null;
    };
    const period = told('period');
    const periodYear = period && /^(19|20)\d{2}/.test(period) ? Number(period.slice(0, 4)) : null;
    d.values.forEach((cell, i) => {
      // A glued cell whose grammatical readings disagree is not read (an ambiguous-cells finding says so).
      if (i >= columns.length || cell.reading === 'unread' || describing[i] !== null) return;
      const p = d.parsed[i];
      if (p.kind === 'number' && p.notes.length && !(pairs.length > 1 && pairs.includes(i)))
        findings.push(
          makeFinding(doc, {
            rule: 'number-format',
            severity: 'warning',
            ...at(name, columns[i].header, cell),
            found: p.value,
            message: p.notes.join('; '),
          }),
        );
      if (p.kind === 'invalid')
        findings.push(
          makeFinding(doc, {
            rule: 'unreadable-cell',
            severity: 'warning',
            ...at(name, columns[i].header, cell),
            message: `Indicator cell is not a figure: ${p.reason}`,
          }),
        );
      facts.push(
        IndicatorFact.parse({
          documentId: doc.id,
          tableIndex: raw.index,
          rowIndex,
          doelstelling,
          name,
          unit: told('unit') ?? unit,
          columnIndex: i,
          columnHeader: columns[i].header,
          columnKind: columns[i].kind,
          year: columns[i].year,
          value: p.kind === 'number' ? p.value : null,
          decimals: p.kind === 'number' ? p.decimals : 0,
          referenceYear: p.kind === 'number' ? (p.referenceYear ?? periodYear) : null,
          footnote: (p.kind === 'number' ? p.footnote : null) ?? nameNote ?? columns[i].footnote,
          ...(cell.reading === 'heuristic' ? { reading: 'heuristic' as const } : {}),
          ...((area ?? told('area')) ? { area: area ?? told('area') } : {}),
          ...(told('source') ? { source: told('source') } : {}),
          provenance: { file: doc.file, line: cell.line, page: cell.page, raw: cell.text },
        }),
      );
    });
    if (d.values.length < columns.length)
      findings.push(
        makeFinding(doc, {
          rule: 'missing-cell',
          severity: 'warning',
          ...at(
            name,
            columns
              .slice(d.values.length)
              .map((c) => c.header)
              .join(', '),
            d.row.cells[0],
          ),
          raw: d.row.raw,
          message: `Indicator row has ${d.values.length} values for ${columns.length} columns`,
        }),
      );
  });
  return facts;
}
