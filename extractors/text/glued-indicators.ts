import { normaliseSpaces, parseCell } from '../../src/grammar/number.js';
import type { ExtractionNotice, RawCell, RawRow, RawTable } from '../types.js';
import { scanTables, splitGluedHeader, type Line } from './glued.js';

/**
 * Indicator tables whose cells a text dump ran together (Hengelo begroting 2019):
 *   `% scholieren dat kiest voor een technisch profiel23,5%23,8%24%24%24%24%`
 *   `Ingekochte re-integratietrajecten212300300 300 300 300`
 *   `Percentage cliënten dat zich beter voelt door hulp72% (2015)73% (2016)73% 73% 73% 73%`
 * No arithmetic ties an indicator row together, so only the grammar can cut it: a `%` or a
 * parenthesised reference ends a cell, a space separates cells, a thousands group has exactly
 * three digits, no figure starts with 0. Cells every grammatical reading agrees on are read.
 * Where readings disagree, a documented heuristic (magnitude consistency, below) may choose one
 * when it is clearly better; the cells are then marked `heuristic` and a `heuristic-split`
 * finding names the alternatives. Otherwise the cells are not read (`ambiguous-cells`).
 */

const CANDIDATE_LIMIT = 5000;

/** A parenthesised reference after a figure: `(2015)`, `(2e halfjaar 2017)`, `( 47,5%)`. */
const SUFFIX = /^\s*\(\s*(?:(?:[12]e\s+halfjaar\s+)?(?:19|20)\d{2}|-?\d+(?:,\d+)?\s*%?)\s*\)/i;
const NOT_AVAILABLE = /^n\.\s?b\.?/i;

const digit = (s: string, k: number) => k < s.length && s[k] >= '0' && s[k] <= '9';

/** Every end of the figure part of a cell starting at `pos` (sign, integer, decimals). */
function figureEnds(s: string, pos: number): number[] {
  let i = pos;
  if (s[i] === '-' || s[i] === '−') i++;
  if (!digit(s, i)) return [];
  const ints = new Set<number>();
  if (s[i] === '0') ints.add(i + 1);
  else {
    // plain digits of any length (counts like 1426 are printed without a dot) …
    for (let e = i + 1; e <= s.length && digit(s, e - 1); e++) ints.add(e);
    // … or one to three digits, then groups of exactly three after each thousands dot
    for (let n = 1; n <= 3 && digit(s, i + n - 1); n++) {
      let e = i + n;
      while (s[e] === '.' && digit(s, e + 1) && digit(s, e + 2) && digit(s, e + 3)) {
        e += 4;
        ints.add(e);
      }
    }
  }
  const ends: number[] = [];
  for (const e of ints) {
    ends.push(e);
    if (s[e] === ',' && digit(s, e + 1)) for (let d = e + 2; d <= s.length && digit(s, d - 1); d++) ends.push(d);
  }
  return ends;
}

/** Every end of a whole cell starting at `pos`: figure, `%`, reference; or `N.B.`. */
function cellEnds(s: string, pos: number): number[] {
  const na = NOT_AVAILABLE.exec(s.slice(pos));
  if (na) return [pos + na[0].length];
  const out: number[] = [];
  for (let e of figureEnds(s, pos)) {
    if (s[e] === '%') e++;
    const suffix = SUFFIX.exec(s.slice(e));
    if (suffix) e += suffix[0].length;
    // A cell ends where the next begins: the end, a space, or the start of another figure.
    if (e === s.length || /[\s\d\-−N(]/.test(s[e])) out.push(e);
  }
  return [...new Set(out)];
}

class TooMany extends Error {}

/** All ways to cut `tail` into exactly `width` cells; null when there are too many to list. */
export function indicatorReadings(tail: string, width: number): string[][] | null {
  const s = normaliseSpaces(tail).replace(/\s+$/, '');
  const memo = new Map<string, string[][]>();
  let produced = 0;
  const rec = (start: number, budget: number): string[][] => {
    let pos = start;
    while (pos < s.length && /\s/.test(s[pos])) pos++;
    if (pos === s.length) return budget === 0 ? [[]] : [];
    if (budget === 0) return [];
    const k = `${pos}:${budget}`;
    const hit = memo.get(k);
    if (hit) return hit;
    const out: string[][] = [];
    for (const end of cellEnds(s, pos)) {
      for (const rest of rec(end, budget - 1)) {
        out.push([s.slice(pos, end).trim(), ...rest]);
        if (++produced > CANDIDATE_LIMIT) throw new TooMany();
      }
    }
    memo.set(k, out);
    return out;
  };
  try {
    return rec(0, width);
  } catch (e) {
    if (e instanceof TooMany) return null;
    throw e;
  }
}

/**
 * The heuristic, named in every finding that rests on it: *magnitude consistency along the
 * row*. An indicator's values over the years are of one order of size and printed with one
 * precision, so a reading scores the spread of its figures' orders of magnitude (Σ|log10 x −
 * median|) plus half a decade for every figure printed with other decimals than most. Lower is
 * more plausible. It only chooses when the best reading beats the next by half a decade or more.
 */
export const HEURISTIC = 'magnitude consistency along the row (figures of one indicator over the years are of one order of size and precision)';
const MARGIN = 0.5;

export function magnitudeScore(cells: string[]): number {
  const nums = cells.map((c) => parseCell(c)).filter((p) => p.kind === 'number') as Extract<ReturnType<typeof parseCell>, { kind: 'number' }>[];
  if (nums.length === 0) return 0;
  const logs = nums.map((p) => Math.log10(Math.abs(p.value) + 1)).sort((a, b) => a - b);
  const median = logs[Math.floor(logs.length / 2)];
  const spread = logs.reduce((s, x) => s + Math.abs(x - median), 0);
  const counts = new Map<number, number>();
  for (const p of nums) counts.set(p.decimals, (counts.get(p.decimals) ?? 0) + 1);
  const modal = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return spread + 0.5 * nums.filter((p) => p.decimals !== modal).length;
}

export interface RowReading {
  label: string;
  /** One cell per column; reading tells how it was settled. */
  cells: { text: string; reading: 'grammar' | 'heuristic' | 'unread' }[];
  /** Every grammatical reading, best first (heuristic order) when there are several. */
  readings: string[][];
  heuristicChosen: boolean;
}

/** Split a row into label and cells. Null when no split fits the number grammar. */
export function readIndicatorRow(text: string, width: number): RowReading | null | 'too-many' {
  const t = normaliseSpaces(text).replace(/\s+$/, '');
  const found: { label: string; readings: string[][] }[] = [];
  for (let p = 1; p < t.length; p++) {
    // The label ends in no figure (`…profiel23,5%` would take a cell into it) and the tail starts a cell.
    const label = t.slice(0, p).trim();
    if (label === '' || /\d[.,%]*$/.test(label) || !/[\d\-−N]/.test(t[p]) || (t[p] !== ' ' && digit(t, p - 1))) continue;
    if (t[p] === 'N' && !NOT_AVAILABLE.test(t.slice(p))) continue;
    if ((t[p] === '-' || t[p] === '−') && !digit(t, p + 1)) continue;
    const readings = indicatorReadings(t.slice(p), width);
    if (readings === null) return 'too-many';
    if (readings.length > 0) found.push({ label, readings });
  }
  // A label does not end in a cell: `…door hulp72% (2015)` took the first figure into the label.
  const readsAsCells = (text: string) => Array.from({ length: width }, (_, k) => indicatorReadings(text, k + 1)?.length ?? 0).some((n) => n > 0);
  const labels = found.filter((f) => !found.some((g) => g !== f && f.label.startsWith(g.label) && readsAsCells(f.label.slice(g.label.length))));
  if (labels.length !== 1) return null;
  const { label, readings } = labels[0];
  // Scored once each, not in every comparison: a stable sort by the same scores, so the same order.
  const scores = new Map(readings.map((r) => [r, magnitudeScore(r)]));
  const ranked = [...readings].sort((a, b) => scores.get(a)! - scores.get(b)!);
  const chosen = ranked.length > 1 && scores.get(ranked[1])! - scores.get(ranked[0])! >= MARGIN ? ranked[0] : null;
  const cells = Array.from({ length: width }, (_, col) => {
    const texts = new Set(readings.map((r) => r[col]));
    if (texts.size === 1) return { text: readings[0][col], reading: 'grammar' as const };
    return chosen ? { text: chosen[col], reading: 'heuristic' as const } : { text: '', reading: 'unread' as const };
  });
  return { label, cells, readings: ranked, heuristicChosen: chosen !== null };
}

const show = (r: string[]) => r.join(' | ');

/**
 * Read the glued indicator table whose header stands at `all[h]`: a top-left cell naming
 * indicators or kengetallen, then year columns (`BeleidsindicatorenWerkelijk 2017Begroting 2018…`).
 */
export function readGluedIndicatorTable(all: Line[], h: number, used: Set<number>): { table: RawTable; notices: ExtractionNotice[]; lines: number[] } | null {
  const head = splitGluedHeader(all[h].text);
  if (!head || !/indicator|kengetal/i.test(head.topLeft)) return null;
  const width = head.headers.length;
  const title = head.topLeft.trim();
  const notices: ExtractionNotice[] = [];
  const rows: RawRow[] = [];
  const lines = [all[h].line];
  // A line right above the header ("Streefwaarden:") belongs to it.
  for (let k = h + 1; k < all.length && all[k].text.trim() !== '' && !used.has(all[k].line); k++) {
    const line = all[k];
    lines.push(line.line);
    const raw = line.text.trim();
    const at = { line: line.line, page: null, raw, table: title };
    const read = readIndicatorRow(line.text, width);
    if (read === 'too-many' || read === null) {
      notices.push({
        rule: 'unreadable-row',
        severity: 'warning',
        ...at,
        message: read === 'too-many'
          ? `Indicator row has too many grammatical readings to list for ${width} columns; nothing stored for it`
          : `No split of this indicator row into a label and ${width} cells (${head.headers.join(', ')}) fits the number grammar; nothing stored for it`,
      });
      continue;
    }
    const cells: RawCell[] = [
      { text: read.label, line: line.line, page: null, bold: false },
      ...read.cells.map((c) => ({ text: c.text, line: line.line, page: null, bold: false, reading: c.reading })),
    ];
    rows.push({ cells, line: line.line, page: null, raw });
    const open = read.cells.map((c, i) => (c.reading === 'grammar' ? null : head.headers[i])).filter((x): x is string => x !== null);
    if (open.length === 0) continue;
    const alternatives = read.readings.slice(0, 6).map(show).join('; ') + (read.readings.length > 6 ? '; …' : '');
    if (read.heuristicChosen) {
      notices.push({
        rule: 'heuristic-split',
        severity: 'warning',
        ...at,
        message: `${read.label}: the glued figures allow ${read.readings.length} readings; the columns ${open.join(', ')} were chosen by a heuristic, ${HEURISTIC}: ${show(read.readings[0])}. Alternatives the grammar allows: ${read.readings.slice(1, 6).map(show).join('; ')}${read.readings.length > 6 ? '; …' : ''}. The other columns are certain by the grammar.`,
      });
    } else {
      notices.push({
        rule: 'ambiguous-cells',
        severity: 'warning',
        ...at,
        message: `${read.label}: the glued figures can be read in ${read.readings.length} ways (${alternatives}), and no heuristic separates them clearly; nothing stored for ${open.join(', ')}`,
      });
    }
  }
  if (rows.length === 0 && notices.length === 0) return null;
  const header: RawRow = {
    cells: [title, ...head.headers].map((text) => ({ text, line: all[h].line, page: null, bold: false })),
    line: all[h].line,
    page: null,
    raw: all[h].text.trim(),
  };
  return {
    table: { index: 0, layout: 'glued', role: 'indicator', title, context: [], scaleText: null, header, rows, footnotes: [], line: all[h].line, page: null },
    notices,
    lines,
  };
}

/** Read every glued indicator table; their lines are marked used. */
export function readGluedIndicatorTables(all: Line[], used: Set<number>): { tables: RawTable[]; notices: ExtractionNotice[] } {
  return scanTables(all, used, readGluedIndicatorTable);
}
