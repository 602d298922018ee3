import { parseCell } from '../../src/grammar/number.js';
import type { RawCell, RawRow, RawTable } from '../types.js';
import { describingColumn } from '../../src/arithmetic/columns.js';
import { bbvCatalogue, fold } from '../../src/catalogue/bbv.js';
import { classify, isBareNumber, UNIT_START } from '../shape.js';
import type { Line } from './glued.js';
import { lineRuns, titleAbove } from './renderings.js';

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
const VALUE_HEAD = (c: string) =>
  /\bwaarde\b|\b(19|20)\d{2}\b|^(gemeente|nederland|provincie|regio|score|realisatie|streefwaarde|aantal|uitkomst)/i.test(
    c,
  ) || classify(c) === 'header';

interface Cell {
  text: string;
  line: number;
  end: number;
}

/** Blocks of non-blank lines, each one cell. */
const blocks = (all: Line[], used: Set<number>): Cell[] =>
  [...lineRuns(all, used)].map(([i, j]) => ({
    text: all
      .slice(i, j)
      .map((l) => l.text.trim())
      .join(' '),
    line: all[i].line,
    end: all[j - 1].line,
  }));

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
function continuation(
  columns: Cell[],
  cells: Cell[],
  p: number,
  above: Cell[],
): { values: Cell[]; printed: Cell[] } | null {
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
    // A taakveld column before the indicator's (`Taakveld | Indicator | eenheid | …`, Zutphen 2018): each row starts
    // with its taakveld, which heads the row.
    const led = h > 0 && /^taakveld$/i.test(cells[h - 1].text.trim()) ? 1 : 0;
    const columns: Cell[] = [];
    let k = h + 1;
    const heads = (c: Cell | undefined) =>
      c !== undefined &&
      c.text.length <= 40 &&
      !isFigure(c.text) &&
      (describingColumn(c.text) !== null || VALUE_HEAD(c.text));
    // A gemeente's own name heads its figures' column (`Heerenveen` | `Nederland`): a short name before another column
    // head.
    const place = (i: number) =>
      /^\p{Lu}[\p{L}' -]{1,30}$/u.test(cells[i]?.text ?? '') &&
      columns.length > 0 &&
      heads(cells[i + 1]) &&
      !describingColumn(cells[i + 1].text);
    while (k < cells.length && (heads(cells[k]) || place(k))) columns.push(cells[k++]);
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
      const lead = led && p + 1 < cells.length && !isFigure(cells[p].text) ? 1 : 0;
      const numbered =
        lead || (isBareNumber(cells[p].text) && p + 1 < cells.length && !isFigure(cells[p + 1].text)) ? 1 : 0;
      const name = cells[p + numbered];
      const row = cells.slice(p + numbered + 1, p + numbered + 1 + columns.length);
      const next =
        !isFigure(name.text) && row.length === columns.length && row.every((c, j) => fits(columns[j].text, c.text))
          ? row
          : null;
      const other = !next && above && label ? continuation(columns, cells, p, above) : null;
      if (next || other) {
        if (next) label = name;
        const values: Cell[] = next ?? other!.values;
        const printed: Cell[] = next ? cells.slice(p, p + numbered + 1 + columns.length) : other!.printed;
        const heads = lead && next ? [...sections, cells[p].text] : sections;
        rows.push({
          cells: [rawCell(label!), ...values.map(rawCell)],
          line: printed[0].line,
          page: null,
          raw: printed.map((c) => c.text).join(' | '),
          ...(heads.length ? { sections: heads } : {}),
        });
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
    const { title, scaleText, context } = titleAbove(
      all,
      all.findIndex((l) => l.line === cells[h - keyed - led].line),
      used,
    );
    const name = title ?? `Tabel op regel ${cells[h].line}`;
    tables.push({
      index: 0,
      layout: 'cell-per-line',
      role: 'indicator',
      title: name,
      context,
      scaleText,
      header: {
        cells: [cells[h], ...columns].map(rawCell),
        line: cells[h].line,
        page: null,
        raw: [...cells.slice(h - keyed - led, h + 1), ...columns].map((c) => c.text).join(' | '),
      },
      rows,
      footnotes: [],
      line: cells[h - keyed - led].line,
      page: null,
    });
    for (const l of all) if (l.line >= cells[h - keyed - led].line && l.line <= last) used.add(l.line);
    h = cells.findIndex((c) => c.line > last) - 1;
    if (h < 0) break;
  }
  return tables;
}

/** Words a unit starts with (`aantal per 1.000 inwoners`, `% van de werkzame beroepsbevolking`, `Kg/inwoner`). */

/**
 * Where the unit starts in a row's words before its periode: after a BBV indicator's name, else at the first unit word.
 */
let bbvNames: Set<string> | null = null;
function unitStart(words: string[]): number | null {
  const names = (bbvNames ??= new Set([...bbvCatalogue().values()].map((i) => fold(i.name))));
  for (let u = words.length - 1; u >= 1; u--) if (names.has(fold(words.slice(0, u).join(' ')))) return u;
  const u = words.findIndex((w, i) => i >= 1 && UNIT_START.test(w));
  return u > 0 ? u : null;
}

/**
 * A header line of such a list, space-separated: `Indicator eenheid periode regio waarde omschrijving`, `Nr. Taakveld
 * Indicator Eenheid Periode Werkelijk Begroting 2022 Bron`.
 */
function headerLine(text: string): { keys: number; columns: string[] } | null {
  // Most lines name no indicator: asked of every line of every document, so tested before they are split.
  if (text.length > 200 || !/(indicator|naam)/i.test(text)) return null;
  const words = text.trim().split(/\s+/);
  const at = words.findIndex((w) => LABEL_HEAD.test(w));
  if (at < 0 || words.slice(0, at).some((w) => !(classify(w) === 'key-header' || classify(w) === 'label-header')))
    return null;
  const columns: string[] = [];
  for (const w of words.slice(at + 1)) {
    if (/^(19|20)\d{2}$/.test(w) && columns.length && VALUE_HEAD(columns[columns.length - 1]))
      columns[columns.length - 1] += ` ${w}`;
    else if (describingColumn(w) !== null || VALUE_HEAD(w)) columns.push(w);
    else return null;
  }
  const kinds = columns.map((c) => describingColumn(c) !== null);
  return kinds.includes(true) && kinds.includes(false) ? { keys: at, columns } : null;
}

/**
 * One row of a space-separated list: the numbers of its key columns, the name and unit (told
 * apart by the BBV catalogue or a unit word), the year under periode, then each column in turn:
 * words up to the next figure under regio, one figure per value column, the rest under the last
 * describing column. null where the words do not make such a row.
 */
function spaceRow(text: string, keys: number, columns: string[]): { label: string; cells: string[] } | null {
  const words = text.trim().split(/\s+/);
  if (words.length <= keys || !words.slice(0, keys).every(isBareNumber)) return null;
  const rest = words.slice(keys);
  const kinds = columns.map((c) => describingColumn(c));
  const period = kinds.indexOf('period');
  const unit = kinds.indexOf('unit');
  // The name (and unit) run to the periode's year; without a periode column, to the first figure.
  const stop =
    period >= 0
      ? rest.findIndex((w, i) => i >= 1 && YEAR_CELL.test(w))
      : rest.findIndex((w, i) => i >= 1 && isFigure(w));
  if (stop < 1) return null;
  const cells: string[] = Array<string>(columns.length).fill('');
  let label = rest.slice(0, stop).join(' ');
  if (unit >= 0 && unit < (period >= 0 ? period : columns.length)) {
    const u = unitStart(rest.slice(0, stop));
    if (u === null) return null;
    label = rest.slice(0, u).join(' ');
    cells[unit] = rest.slice(u, stop).join(' ');
  }
  let w = stop;
  if (period >= 0) cells[period] = rest[w++];
  for (let c = Math.max(unit, period) + 1; c < columns.length; c++) {
    if (kinds[c] === null) {
      if (w >= rest.length || !isFigure(rest[w])) return null;
      cells[c] = rest[w++];
      continue;
    }
    // Words: up to the next figure where a value column follows, else all that is left.
    const valueAfter = kinds.slice(c + 1).includes(null);
    let end = w;
    while (end < rest.length && !(valueAfter && isFigure(rest[end]))) end++;
    cells[c] = rest.slice(w, end).join(' ');
    w = end;
  }
  return { label, cells };
}

/**
 * Indicator lists as space-separated lines (a site's table dumped one row per line), read as `readDescribedTables`
 * reads blocks.
 */
export function readDescribedLines(all: Line[], used: Set<number>): RawTable[] {
  const tables: RawTable[] = [];
  for (let h = 0; h < all.length; h++) {
    if (used.has(all[h].line)) continue;
    const head = headerLine(all[h].text);
    if (!head) continue;
    const rows: RawRow[] = [];
    let k = h + 1;
    for (; k < all.length && !used.has(all[k].line) && all[k].text.trim() !== ''; k++) {
      const row = spaceRow(all[k].text, head.keys, head.columns);
      if (!row) break;
      const at = (text: string): RawCell => ({ text, line: all[k].line, page: null, bold: false });
      rows.push({
        cells: [at(row.label), ...row.cells.map(at)],
        line: all[k].line,
        page: null,
        raw: all[k].text.trim(),
      });
    }
    if (rows.length < 2) continue;
    const { title, scaleText, context } = titleAbove(all, h, used);
    const line = all[h].line;
    tables.push({
      index: 0,
      layout: 'space-separated',
      role: 'indicator',
      title: title ?? `Tabel op regel ${line}`,
      context,
      scaleText,
      header: {
        cells: ['Indicator', ...head.columns].map((text) => ({ text, line, page: null, bold: false })),
        line,
        page: null,
        raw: all[h].text.trim(),
      },
      rows,
      footnotes: [],
      line,
      page: null,
    });
    for (let i = h; i < k; i++) used.add(all[i].line);
    h = k - 1;
  }
  return tables;
}
