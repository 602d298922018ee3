import type { AnyNode, Element } from 'domhandler';
import { parseCell } from '../../src/grammar/number.js';
import { extractText } from '../text/index.js';
import type { RawTable } from '../types.js';
import { cellText, childPaths, isElement, isHidden, isLeafBlock, lineOf, pathOf, visibleChildren } from './dom.js';
import { slotOf, type SlotRow } from './grid.js';

/**
 * Tables that are not <table>: ARIA grids (role=table/row/cell), definition lists (a <dt> label
 * then one <dd> per cell), <div> grids (a row element holding a label element then one element
 * per cell) and flat runs of one element per cell, the layout the Hengelo 2023 page dump came
 * from (a header run, then each row as its label followed by its values).
 */

const isFigure = (text: string) => parseCell(text).kind === 'number' && !/^(19|20)\d{2}$/.test(text.trim());
const hasDirectText = (el: Element) => el.children.some((c) => c.type === 'text' && c.data.trim() !== '');

/** Rows that look like a table: at least one row of figures, every other row a short header-like row. */
function tableLike(rows: SlotRow[]): boolean {
  if (rows.length < 2) return false;
  let data = 0;
  for (const r of rows) {
    const values = r.slots.slice(1).filter((s) => s !== null);
    const parsed = values.map((s) => parseCell(s.text));
    if (parsed.some((p) => p.kind === 'number') && parsed.every((p) => p.kind !== 'invalid')) data++;
    else if (r.slots.some((s) => s && (s.text.length > 80 || isFigure(s.text)))) return false;
  }
  return data >= 1;
}

function rowOf(rowEl: Element | null, cells: Element[], head = false): SlotRow {
  const basePath = rowEl ? pathOf(rowEl) : pathOf(cells[0]);
  return {
    slots: cells.map((c, i) =>
      slotOf(c, rowEl ? `${basePath} > ${c.name}:nth-child(${i + 1})` : pathOf(c), c.attribs.role === 'columnheader'),
    ),
    line: lineOf(rowEl ?? cells[0]),
    path: basePath,
    head: head || (cells.length > 0 && cells.every((c) => c.attribs.role === 'columnheader')),
  };
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

/** role="table"/"grid": rows are role="row" elements below it, cells their role="cell" children. */
export function ariaGridRows(el: Element): SlotRow[] | null {
  const role = el.attribs.role;
  if (role !== 'table' && role !== 'grid' && role !== 'treegrid') return null;
  const rows: Element[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || isHidden(n)) continue;
    if (n.attribs.role === 'row') rows.push(n);
    else if (n.name !== 'table' && n.attribs.role !== 'table' && n.attribs.role !== 'grid')
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  const out = rows.map((r) => {
    const kids = visibleChildren(r);
    const cells = kids.some((k) => CELL_ROLES.has(k.attribs.role ?? ''))
      ? kids.filter((k) => CELL_ROLES.has(k.attribs.role ?? ''))
      : kids;
    return rowOf(r, cells);
  });
  return out.length >= 1 ? out : null;
}

/** <dl>: each <dt> starts a row; its <dd>s (or the elements of a single <dd>) are the cells. */
export function definitionListRows(el: Element): SlotRow[] | null {
  if (el.name !== 'dl') return null;
  const groups: Element[][] = [];
  for (const c of visibleChildren(el)) {
    if (c.name === 'dt') groups.push([c]);
    else if (c.name === 'dd' && groups.length) groups.at(-1)!.push(c);
    else if (c.name === 'div') {
      // <dl><div><dt/><dd/></div></dl> is valid HTML too.
      const kids = visibleChildren(c);
      if (kids[0]?.name === 'dt') groups.push(kids.filter((k) => k.name === 'dt' || k.name === 'dd'));
    }
  }
  const rows = groups.map((g) => {
    const [dt, ...dds] = g;
    const single = dds.length === 1 ? visibleChildren(dds[0]) : [];
    const cells = single.length >= 2 && !hasDirectText(dds[0]) && single.every(isLeafBlock) ? [dt, ...single] : g;
    return rowOf(null, cells);
  });
  if (rows.some((r) => r.slots.length < 2)) return null;
  return tableLike(rows) ? rows : null;
}

/** A container of row elements, each a label element then one element per cell. */
export function divGridRows(el: Element): SlotRow[] | null {
  const rowEls = visibleChildren(el);
  if (rowEls.length < 2 || hasDirectText(el)) return null;
  const rows: SlotRow[] = [];
  for (const r of rowEls) {
    const cells = visibleChildren(r);
    if (cells.length < 2 || hasDirectText(r) || !cells.every(isLeafBlock)) return null;
    rows.push(rowOf(r, cells));
  }
  return tableLike(rows) ? rows : null;
}

/**
 * A flat run of one element per cell. Its cells are read as the lines of a cell-per-line dump
 * would be (the same reader, so page and dump agree), then each cell gets back the element it
 * came from: its source line, path and footnote marker.
 */
export function flatRunTables(el: Element): RawTable[] | null {
  const kids = visibleChildren(el);
  // A run longer than this is no table a page prints (and the text reader would be quadratic on it).
  if (kids.length < 6 || kids.length > 50_000 || hasDirectText(el) || !kids.every(isLeafBlock)) return null;
  const texts = kids.map((k) => cellText(k));
  if (texts.filter((t) => isFigure(t.text)).length < 3) return null;
  const { tables } = extractText(texts.map((t) => t.text).join('\n'));
  const read = tables.filter((t) => t.layout === 'cell-per-line');
  if (read.length === 0) return null;
  const paths = childPaths(el, kids);
  for (const t of read) {
    const remap = (rows: typeof t.rows, offset: number) =>
      rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          const k = (cell.line ?? 1) - 1;
          cell.line = lineOf(kids[k]);
          cell.bold = texts[k].bold;
          cell.footnote = texts[k].footnote;
          cell.source = { path: paths[k], row: r + offset, column: c };
        });
        const k = (row.line ?? 1) - 1;
        row.line = lineOf(kids[k]);
        row.path = paths[k];
      });
    if (t.header) remap([t.header], 0);
    remap(t.rows, t.header ? 1 : 0);
    t.line = t.header?.line ?? t.rows[0]?.line ?? lineOf(el);
    t.layout = 'html';
    t.path = pathOf(el);
  }
  return read;
}
