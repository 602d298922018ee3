import { parseCell } from '../../src/grammar/number.js';
import type { RawCell, RawRow, RawTable } from '../types.js';
import { describingColumn } from '../../src/arithmetic/columns.js';
import { classify, isBareNumber } from '../shape.js';
import { lineRuns, titleAbove, type Line } from './renderings.js';

/**
 * Indicator lists whose columns describe the figure as well as give it, one cell per block of
 * lines (blank lines between cells): `Indicator | eenheid | periode | waarde`, `Naam indicator |
 * Eenheid | Nederland BG 2018 | Nieuwkoop BG 2018 | Bron`, `Naam | Eenheid | Aantal`. The header
 * names the columns, so a row is the label and one cell per column, each of its kind (a year under
 * periode, a figure under a value column, words under eenheid or bron); a number before the label
 * is the row's number (or its programme's, under `PRG`); a name that starts no such row is a
 * heading of the rows below it (`Bestuur en ondersteuning (p8)`). Where the list has a regio
 * column, a row of only periode | regio | waarde under a full row is that indicator for another
 * area: its other cells span both rows (`rowspan`), as the site printed them.
 */
const LABEL_HEAD = /^((naam\s+)?(indicator|indicatoren|beleidsindicator)|naam)$/i;
const YEAR_CELL = /^(19|20)\d{2}(\s*[-–/]\s*(19|20)?\d{2,4})?$/;
const VALUE_HEAD = (c: string) => /\bwaarde\b|\b(19|20)\d{2}\b|^(gemeente|nederland|regio|score|realisatie|streefwaarde|aantal|uitkomst)/i.test(c) || classify(c) === 'header';

interface Cell {
  text: string;
  line: number;
  end: number;
}

/** Blocks of non-blank lines, each one cell. */
const blocks = (all: Line[], used: Set<number>): Cell[] =>
  [...lineRuns(all, used)].map(([i, j]) => ({ text: all.slice(i, j).map((l) => l.text.trim()).join(' '), line: all[i].line, end: all[j - 1].line }));

const isFigure = (t: string) => {
  const p = parseCell(t);
  return p.kind === 'number' || (p.kind === 'empty' && p.reason !== 'blank');
};

/** Does this cell fit the column it would stand in? */
function fits(header: string, text: string): boolean {
  const describes = describingColumn(header);
  if (describes === 'period') return YEAR_CELL.test(text) || parseCell(text).kind === 'empty';
  if (describes) return !isFigure(text);
  return isFigure(text);
}

const rawCell = (c: Cell): RawCell => ({ text: c.text, line: c.line, page: null, bold: false });

/**
 * The cells of a row for another area under a full row: the run from the first periode or regio
 * column to the last value column, its area not the one above. null where the cells at `p` are not one.
 */
function continuation(columns: Cell[], cells: Cell[], p: number, above: Cell[]): { values: Cell[]; printed: Cell[] } | null {
  const kinds = columns.map((c) => describingColumn(c.text));
  const area = kinds.indexOf('area');
  if (area < 0) return null;
  const from = kinds.findIndex((k) => k === 'period' || k === 'area');
  const to = kinds.reduce((last, k, j) => (k === null ? j : last), -1);
  if (to < area) return null;
  const run = cells.slice(p, p + to - from + 1);
  if (run.length !== to - from + 1 || !run.every((c, j) => fits(columns[from + j].text, c.text))) return null;
  if (run[area - from].text.toLowerCase() === above[area].text.toLowerCase()) return null;
  return { values: above.map((c, j) => (j >= from && j <= to ? run[j - from] : c)), printed: run };
}

export function readDescribedTables(all: Line[], used: Set<number>): RawTable[] {
  const cells = blocks(all, used);
  const tables: RawTable[] = [];
  for (let h = 0; h < cells.length; h++) {
    if (!LABEL_HEAD.test(cells[h].text)) continue;
    // A programme number's column (`PRG`) before the indicator's: its numbers are read as the rows' numbers.
    const keyed = h > 0 && classify(cells[h - 1].text) === 'key-header' ? 1 : 0;
    const columns: Cell[] = [];
    let k = h + 1;
    while (k < cells.length && cells[k].text.length <= 40 && !isFigure(cells[k].text) && (describingColumn(cells[k].text) !== null || VALUE_HEAD(cells[k].text))) columns.push(cells[k++]);
    const kinds = columns.map((c) => describingColumn(c.text) !== null);
    if (columns.length < 2 || !kinds.includes(true) || !kinds.includes(false)) continue;
    const rows: RawRow[] = [];
    let sections: string[] = [];
    let headings = 0;
    let p = k;
    let last = columns.at(-1)!.end;
    let above: Cell[] | null = null;
    let label: Cell | null = null;
    while (p < cells.length) {
      // A row's number before its label (a column of its own, headed or not).
      const numbered = isBareNumber(cells[p].text) && p + 1 < cells.length && !isFigure(cells[p + 1].text) ? 1 : 0;
      const name = cells[p + numbered];
      const row = cells.slice(p + numbered + 1, p + numbered + 1 + columns.length);
      const next = !isFigure(name.text) && row.length === columns.length && row.every((c, j) => fits(columns[j].text, c.text)) ? row : null;
      const other = !next && above && label ? continuation(columns, cells, p, above) : null;
      if (next || other) {
        if (next) label = name;
        const values: Cell[] = next ?? other!.values;
        const printed: Cell[] = next ? cells.slice(p, p + numbered + 1 + columns.length) : other!.printed;
        rows.push({ cells: [rawCell(label!), ...values.map(rawCell)], line: printed[0].line, page: null, raw: printed.map((c) => c.text).join(' | '), ...(sections.length ? { sections } : {}) });
        last = printed.at(-1)!.end;
        p += printed.length;
        above = values;
        headings = 0;
        continue;
      }
      // A short name starts the rows under it; two in a row, or prose, end the table.
      if (isFigure(name.text) || name.text.length > 80 || ++headings > 2) break;
      sections = [name.text];
      above = null;
      p++;
    }
    if (rows.length < 2) continue;
    const { title, scaleText, context } = titleAbove(all, all.findIndex((l) => l.line === cells[h - keyed].line), used);
    const name = title ?? `Tabel op regel ${cells[h].line}`;
    tables.push({
      index: 0,
      layout: 'cell-per-line',
      role: 'indicator',
      title: name,
      context,
      scaleText,
      header: { cells: [cells[h], ...columns].map(rawCell), line: cells[h].line, page: null, raw: [...cells.slice(h - keyed, h + 1), ...columns].map((c) => c.text).join(' | ') },
      rows,
      footnotes: [],
      line: cells[h - keyed].line,
      page: null,
    });
    for (const l of all) if (l.line >= cells[h - keyed].line && l.line <= last) used.add(l.line);
    h = cells.findIndex((c) => c.line > last) - 1;
    if (h < 0) break;
  }
  return tables;
}
