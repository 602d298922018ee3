import { CODE, classify, isLineOf, normaliseCode } from '../shape.js';
import type { RawCell, RawRow } from '../types.js';

/**
 * The layouts of gemeenten's P&C tables as their HTML shows them, on the assembled header and
 * body rows (spans already resolved); the same shape rules the text renderings follow
 * (extractors/shape.ts), read from markup where the text has to guess:
 * - a code cell and a name cell are one label (`0.1` | `Bestuur` → `0.1 Bestuur`, `0-1.2` → `0.1`);
 * - a programme-number column (`Progr.`) holds keys, not amounts: they go into the label;
 * - a V/N column (`V / N`, `N/V`, `Voordeel/Nadeel`) states the verschil's sign in words: not a column of figures;
 * - a row of a bold label and no figure is a section heading (`LASTEN`, `0.0 Bestuur en ondersteuning`,
 *   an indicator's name): carried to the rows under it as their sections; a plain label without
 *   figures stays a row (a line whose figures were left blank);
 * - in an indicator table, the rows under an indicator heading are its comparison areas
 *   (`Gemeente`, `Provincie`, `Nederland`): named after it; `Eenheid:` / `Bron:` lines are no rows.
 */

const VN_HEADER = /^(v\s*\/\s*n|n\s*\/\s*v|voordeel\s*\/\s*nadeel|nadeel\s*\/\s*voordeel|v of n)$/i;
const VN_CELL = /^(v|n|voordeel|nadeel)$/i;
const META_LABEL = /^(eenheid|bron|toelichting|definitie|omschrijving|periode)\s*:?$/i;

const blank = (c: RawCell | undefined) => !c || c.text.trim() === '';
const isAmount = (c: RawCell | undefined) => !!c && classify(c.text) === 'amount';

function dropColumns(header: RawRow | null, rows: RawRow[], drop: Set<number>): void {
  if (drop.size === 0) return;
  const keep = (cells: RawCell[]) => cells.filter((_, i) => !drop.has(i));
  if (header) {
    header.cells = keep(header.cells);
    header.raw = header.cells.map((c) => c.text).join(' | ');
  }
  for (const r of rows) {
    r.cells = keep(r.cells);
    r.raw = r.cells.map((c) => c.text).join(' | ');
  }
}

export function shapeHtmlTable(header: RawRow | null, rows: RawRow[], indicator: boolean): RawRow[] {
  const width = Math.max(header?.cells.length ?? 0, ...rows.map((r) => r.cells.length));
  const headText = (i: number) => header?.cells[i]?.text.trim() ?? '';

  // V/N columns: a header naming them, or a column of nothing but V/N letters beside a figure.
  const drop = new Set<number>();
  for (let i = 1; i < width; i++) {
    const cells = rows.map((r) => r.cells[i]).filter((c) => !blank(c));
    if (cells.length === 0) continue;
    if (
      cells.every((c) => VN_CELL.test(c.text.trim())) &&
      (VN_HEADER.test(headText(i)) || headText(i) === '' || headText(i) === headText(i - 1))
    )
      drop.add(i);
  }

  // Code and name in separate cells: most figure rows print a code in the first cell, a name in the second.
  const figureRows = rows.filter((r) => r.cells.slice(1).some(isAmount));
  const coded = figureRows.filter(
    (r) =>
      CODE.test(r.cells[0]?.text.trim() ?? '') &&
      !/^\d{4}$/.test(r.cells[0].text.trim()) &&
      classify(r.cells[1]?.text ?? '') === 'text',
  );
  const codeName =
    width > 2 &&
    coded.length >= 2 &&
    coded.length * 2 > figureRows.length &&
    !figureRows.some((r) => isAmount(r.cells[1]));

  // Programme-number columns, by their header: keys of the row, not amounts.
  const keys: number[] = [];
  for (let i = codeName ? 2 : 1; i < width; i++) if (classify(headText(i)) === 'key-header') keys.push(i);

  for (const r of rows) {
    let label = r.cells[0]?.text.trim() ?? '';
    if (codeName) {
      const name = r.cells[1]?.text.trim() ?? '';
      const code = CODE.test(label) && !/^\d{4}$/.test(label) ? normaliseCode(label) : label;
      label = [code, name].filter((t) => t !== '').join(' ');
    }
    const keyTexts = keys.map((k) => r.cells[k]?.text.trim() ?? '').filter((t) => t !== '');
    if (keyTexts.length) label = `${label} (${keyTexts.join(', ')})`;
    if (r.cells[0])
      r.cells[0] = { ...r.cells[0], text: label, bold: r.cells[0].bold || (codeName && (r.cells[1]?.bold ?? false)) };
  }
  if (codeName) drop.add(1);
  for (const k of keys) drop.add(k);
  if (codeName && header) {
    const top = [headText(0), headText(1)].filter((t, i, a) => t !== '' && a.indexOf(t) === i).join(' ');
    header.cells[0] = { ...header.cells[0], text: top };
  }
  dropColumns(header, rows, drop);

  // Section headings: a bold label over no figure. Line-item headings replace the line-item
  // heading before them, group headings the group heading before them (as in the text renderings).
  const out: RawRow[] = [];
  let sections: string[] = [];
  let sawHeading = false;
  // The group heading whose Lasten / Baten / Saldo lines follow it directly (as in the text renderings).
  let heading: string | null = null;
  for (const r of rows) {
    const label = r.cells[0]?.text.trim() ?? '';
    const values = r.cells.slice(1);
    if (label !== '' && values.every(blank) && r.cells[0].bold) {
      const isItem = classify(label) === 'item';
      sections = [...sections.filter((s) => (classify(s) === 'item') !== isItem), label];
      if (!isItem) heading = label;
      sawHeading = true;
      continue;
    }
    if (isLineOf(label, heading)) r.group = heading!;
    else heading = null;
    if (indicator && sawHeading) {
      // Eenheid: / Bron: lines describe the indicator above them: no figures of their own.
      if (META_LABEL.test(label) && !values.some(isAmount)) continue;
      const group = sections.filter((s) => classify(s) !== 'item').at(-1);
      if (group && label !== '') r.cells[0] = { ...r.cells[0], text: `${group} ${label}` };
    }
    if (sawHeading && sections.length) r.sections = [...sections];
    out.push(r);
  }
  return out;
}
