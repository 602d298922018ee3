import type { Element } from 'domhandler';
import { parseCell } from '../../src/grammar/number.js';
import type { RawCell, RawRow } from '../types.js';
import { FORMULA_KEY } from '../shape.js';
import { cellText, lineOf, nthOfType, pathOf, visibleChildren } from './dom.js';

/**
 * The grid of an HTML table (or a table-like block of elements): every row as the slots a
 * reader sees, with rowspan and colspan resolved, then split into the header and the body rows
 * of the shared raw-table form.
 */

export interface Slot {
  text: string;
  bold: boolean;
  footnote: string | null;
  line: number | null;
  path: string;
  /** A header cell by markup: <th>, role=columnheader. */
  th: boolean;
  /** The slot is covered by a span of a cell that starts elsewhere. */
  spanned: 'row' | 'col' | null;
}

export interface SlotRow {
  slots: (Slot | null)[];
  line: number | null;
  path: string;
  /** The row stands in <thead> (or is marked as a header row by role). */
  head: boolean;
}

/** Beyond this many grid slots a table is refused with a notice (a hostile colspan, a runaway page). */
export const MAX_SLOTS = 3_000_000;
/**
 * Beyond this many rows a table is refused with a notice. Municipal P&C tables have at most a
 * few hundred rows; the interpreter is not built for tables of tens of thousands.
 */
export const MAX_ROWS = 5_000;
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export class TooLarge extends Error {}

const spanOf = (v: string | undefined, max: number, zero: number) => {
  const n = v === undefined ? 1 : Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return Math.max(1, Math.min(zero, max));
  return Math.min(n, max);
};

export function slotOf(el: Element, path: string, th: boolean): Slot {
  const t = cellText(el);
  return { text: t.text, bold: t.bold, footnote: t.footnote, line: lineOf(el), path, th, spanned: null };
}

/** The rows of a <table> element: its own rows only, never those of a table nested in a cell. */
export function tableRows(table: Element): SlotRow[] {
  const trs: { tr: Element; head: boolean; path: string; sectionEnd: number }[] = [];
  const tablePath = pathOf(table);
  const children = visibleChildren(table);
  const nth = nthOfType(children);
  for (const child of children) {
    const childPath = `${tablePath} > ${child.name}${(nth.get(child) ?? 1) > 1 ? `:nth-of-type(${nth.get(child)})` : ''}`;
    if (child.name === 'tr') trs.push({ tr: child, head: false, path: childPath, sectionEnd: 0 });
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      const rows = visibleChildren(child).filter((c) => c.name === 'tr');
      const start = trs.length;
      rows.forEach((tr, i) =>
        trs.push({ tr, head: child.name === 'thead', path: `${childPath} > tr:nth-of-type(${i + 1})`, sectionEnd: 0 }),
      );
      for (let i = start; i < trs.length; i++) trs[i].sectionEnd = trs.length;
    }
  }
  trs.forEach((t, i) => (t.sectionEnd ||= i + 1));
  if (trs.length > MAX_ROWS)
    throw new TooLarge(
      `table has ${trs.length.toLocaleString('en')} rows, over the limit of ${MAX_ROWS.toLocaleString('en')}`,
    );

  const out: SlotRow[] = [];
  let carry: ({ slot: Slot; left: number } | undefined)[] = [];
  let total = 0;
  trs.forEach(({ tr, head, path, sectionEnd }, r) => {
    const row: (Slot | null)[] = [];
    const takeCarry = (col: number) => {
      const c = carry[col];
      if (!c || c.left <= 0) return false;
      // A label spanning rows stands for every row it covers; a spanned figure is printed once.
      row[col] = {
        ...c.slot,
        spanned: 'row',
        text: col === 0 ? c.slot.text : '',
        footnote: col === 0 ? c.slot.footnote : null,
      };
      c.left--;
      return true;
    };
    let col = 0;
    const cells = visibleChildren(tr).filter((c) => c.name === 'td' || c.name === 'th');
    const nthCell = nthOfType(cells);
    for (const cell of cells) {
      while (takeCarry(col)) col++;
      const colspan = spanOf(cell.attribs.colspan, MAX_COLSPAN, 1);
      const rowspan = spanOf(cell.attribs.rowspan, MAX_ROWSPAN, sectionEnd - r);
      const slot = slotOf(cell, `${path} > ${cell.name}:nth-of-type(${nthCell.get(cell)})`, cell.name === 'th');
      for (let k = 0; k < colspan; k++) {
        const s: Slot = k === 0 ? slot : { ...slot, spanned: 'col', text: head ? slot.text : '', footnote: null };
        row[col + k] = s;
        carry[col + k] =
          rowspan > 1
            ? { slot: { ...s, text: head || col + k === 0 ? s.text : '' }, left: Math.min(rowspan, sectionEnd - r) - 1 }
            : undefined;
      }
      col += colspan;
    }
    for (let c = col; c < carry.length; c++) takeCarry(c);
    for (let c = 0; c < row.length; c++) row[c] ??= null;
    total += row.length;
    if (total > MAX_SLOTS) throw new TooLarge(`table has more than ${MAX_SLOTS.toLocaleString('en')} cells, the limit`);
    out.push({ slots: row, line: lineOf(tr), path, head });
    if (r + 1 === sectionEnd) carry = [];
  });
  return out;
}

const isFigure = (text: string) => parseCell(text).kind === 'number' && !/^(19|20)\d{2}$/.test(text.trim());
const hasFigures = (row: SlotRow) => row.slots.slice(1).some((s) => s !== null && isFigure(s.text));
const nonEmpty = (row: SlotRow) => row.slots.filter((s): s is Slot => s !== null && s.text !== '');

/**
 * How many leading rows are header rows: the rows of <thead>; else leading rows of <th> cells
 * only, or of bold cells only (`<td><strong>`), with no figure but years in them; else the
 * first row when its value cells hold no figure but years (as the text reader decides); in
 * element grids, every leading row without figures.
 */
export function headerCount(rows: SlotRow[], leadingPlainRows = false): number {
  let n = 0;
  while (n < rows.length && rows[n].head) n++;
  if (n > 0) return n;
  while (n < rows.length - 1) {
    const cells = nonEmpty(rows[n]);
    const marked = cells.length > 0 && (cells.every((s) => s.th) || cells.every((s) => s.bold));
    if (!marked || hasFigures(rows[n])) break;
    n++;
  }
  if (n > 0) return n;
  // Element grids mark nothing: every leading row without figures is a header row.
  if (leadingPlainRows) {
    while (n < rows.length - 1 && !hasFigures(rows[n]) && rows.slice(n + 1).some(hasFigures)) n++;
    return n;
  }
  if (rows.length >= 2 && rows[0].slots.length >= 2 && !hasFigures(rows[0]) && rows.slice(1).some(hasFigures)) return 1;
  return 0;
}

const toCell = (s: Slot, row: number, column: number): RawCell => ({
  text: s.text,
  line: s.line,
  page: null,
  bold: s.bold,
  footnote: s.footnote,
  source: { path: s.path, row, column },
});

/**
 * Header rows become one header row: per column the distinct texts from top to bottom, so
 * "Begroting 2023" spanning "primitief" and "gewijzigd" gives "Begroting 2023 primitief".
 */
export function assemble(rows: SlotRow[], nHeader: number): { header: RawRow | null; rows: RawRow[] } {
  const width = rows.reduce((m, r) => Math.max(m, r.slots.length), 0);
  let header: RawRow | null = null;
  if (nHeader > 0) {
    const head = rows.slice(0, nHeader);
    // A lowest header row of key letters and formulas (a | b | c = a + b): each name keeps its key in parentheses.
    const keyTexts =
      head.length > 1 ? head[head.length - 1].slots.map((s) => s?.text.trim() ?? '').filter((t) => t !== '') : [];
    const keyRow = keyTexts.length >= 2 && keyTexts.every((t) => FORMULA_KEY.test(t)) ? head[head.length - 1] : null;
    const cells: RawCell[] = [];
    for (let c = 0; c < width; c++) {
      const texts: string[] = [];
      let footnote: string | null = null;
      let first: Slot | null = null;
      head.forEach((r) => {
        const s = r.slots[c];
        if (!s) return;
        first ??= s;
        if (r === keyRow) {
          if (s.text.trim()) texts.push(`(${s.text.trim()})`);
          return;
        }
        if (s.text && texts.at(-1) !== s.text) texts.push(s.text);
        if (s.footnote && s.spanned === null) footnote = s.footnote;
      });
      const base: Slot = first ?? {
        text: '',
        bold: false,
        footnote: null,
        line: head[0].line,
        path: head[0].path,
        th: false,
        spanned: null,
      };
      cells.push({ ...toCell(base, 0, c), text: texts.join(' '), footnote });
    }
    // Trailing header cells that are blank everywhere are not columns.
    while (
      cells.length > 1 &&
      cells.at(-1)!.text === '' &&
      rows.slice(nHeader).every((r) => !r.slots[cells.length - 1]?.text)
    )
      cells.pop();
    header = { cells, line: head[0].line, page: null, raw: cells.map((c) => c.text).join(' | '), path: head[0].path };
  }
  const body: RawRow[] = [];
  rows.slice(nHeader).forEach((r, i) => {
    const rowIndex = nHeader + i;
    // A row ends at its last printed cell: absent trailing cells are not blanks but missing.
    let end = r.slots.length;
    while (end > 0 && r.slots[end - 1] === null) end--;
    if (end === 0 || r.slots.slice(0, end).every((s) => !s || s.text === '')) return;
    const cells = r.slots
      .slice(0, end)
      .map((s, c) =>
        s
          ? toCell(s, rowIndex, c)
          : { text: '', line: r.line, page: null, bold: false, source: { path: r.path, row: rowIndex, column: c } },
      );
    body.push({ cells, line: r.line, page: null, raw: cells.map((c) => c.text).join(' | '), path: r.path });
  });
  return { header, rows: body };
}
