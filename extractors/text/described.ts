import { parseCell } from '../../src/grammar/number.js';
import type { RawCell, RawRow, RawTable } from '../types.js';
import { describingColumn } from '../../src/arithmetic/columns.js';
import { classify } from '../shape.js';
import { lineRuns, titleAbove, type Line } from './renderings.js';

/**
 * Indicator lists whose columns describe the figure as well as give it, one cell per block of
 * lines (blank lines between cells): `Indicator | eenheid | periode | waarde`, or `Naam indicator
 * | Eenheid | Nederland BG 2018 | Nieuwkoop BG 2018 | Bron`. The header names the columns, so a
 * row is the label and one cell per column, each of its kind (a year under periode, a figure
 * under a value column, words under eenheid or bron); a name that starts no such row is a
 * heading of the rows below it (`Bestuur en ondersteuning (p8)`).
 */
const LABEL_HEAD = /^(naam\s+)?(indicator|indicatoren|beleidsindicator)$/i;
const YEAR_CELL = /^(19|20)\d{2}(\s*[-–/]\s*(19|20)?\d{2,4})?$/;
const VALUE_HEAD = (c: string) => /\bwaarde\b|\b(19|20)\d{2}\b|^(gemeente|nederland|regio|score|realisatie|streefwaarde)/i.test(c) || classify(c) === 'header';

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

export function readDescribedTables(all: Line[], used: Set<number>): RawTable[] {
  const cells = blocks(all, used);
  const tables: RawTable[] = [];
  for (let h = 0; h < cells.length; h++) {
    if (!LABEL_HEAD.test(cells[h].text)) continue;
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
    while (p < cells.length) {
      const label = cells[p];
      const row = cells.slice(p + 1, p + 1 + columns.length);
      if (!isFigure(label.text) && row.length === columns.length && row.every((c, j) => fits(columns[j].text, c.text))) {
        const cell = (c: Cell): RawCell => ({ text: c.text, line: c.line, page: null, bold: false });
        rows.push({ cells: [cell(label), ...row.map(cell)], line: label.line, page: null, raw: [label, ...row].map((c) => c.text).join(' | '), ...(sections.length ? { sections } : {}) });
        last = row.at(-1)!.end;
        p += columns.length + 1;
        headings = 0;
        continue;
      }
      // A short name starts the rows under it; two in a row, or prose, end the table.
      if (isFigure(label.text) || label.text.length > 80 || ++headings > 2) break;
      sections = [label.text];
      p++;
    }
    if (rows.length < 2) continue;
    const { title, scaleText, context } = titleAbove(all, all.findIndex((l) => l.line === cells[h].line), used);
    const name = title ?? `Tabel op regel ${cells[h].line}`;
    tables.push({
      index: 0,
      layout: 'cell-per-line',
      role: 'indicator',
      title: name,
      context,
      scaleText,
      header: { cells: [cells[h], ...columns].map((c) => ({ text: c.text, line: c.line, page: null, bold: false })), line: cells[h].line, page: null, raw: [cells[h], ...columns].map((c) => c.text).join(' | ') },
      rows,
      footnotes: [],
      line: cells[h].line,
      page: null,
    });
    for (const l of all) if (l.line >= cells[h].line && l.line <= last) used.add(l.line);
    h = cells.findIndex((c) => c.line > last) - 1;
    if (h < 0) break;
  }
  return tables;
}
