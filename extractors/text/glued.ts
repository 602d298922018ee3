import { combinations } from '../../src/grammar/combinations.js';
import { normaliseSpaces, parseCell, parseScale } from '../../src/grammar/number.js';
import { taakveldCatalogue, taakveldOfLabel } from '../../src/catalogue/taakvelden.js';
import { readColumn } from '../../src/arithmetic/columns.js';
import { isTotalLabel, lineItemOf } from '../../src/arithmetic/lines.js';
import { buildRelations, evaluate } from '../../src/arithmetic/relations.js';
import type { Grid, GridCell, GridRow } from '../../src/arithmetic/grid.js';
import type { Column, SignConvention, Table } from '../../schemas/index.js';
import type { ExtractionNotice, RawRow, RawTable } from '../types.js';
import { cleanCell } from './markup.js';

/**
 * Tables from HTML pages whose cells were dumped without separators:
 *   `6.3 Inkomensregelingen-51.91343.374-8.539-8.843-9.177-9.211`
 * The reader splits the label off with the taakveld catalogue and known line-item labels, lists
 * every split of the figures the Dutch number grammar allows (empty cells included), and keeps
 * the split the table's own arithmetic confirms. Several confirmed splits: ambiguous, nothing
 * stored. None: unreadable, nothing stored. Never a guess.
 */

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

/** Nothing but blank lines from index j on: the text ends there (an excerpt may end inside a table). */
export const endsAt = (all: Line[], j: number) => all.slice(j).every((l) => l.text.trim() === '');

/** A row's cells in column order; null is a column the row prints nothing in. */
export type Candidate = (string | null)[];

/** Where a glued header cell starts: the words that open column headers. */
const COLUMN_WORDS = 'Begroting|Realisatie|Rekening|Werkelijk|Verschil|Jaarrekening|Meerjarenraming|Raming';
const HEADER_WORD = new RegExp(`(?=${COLUMN_WORDS}|Saldo \\()`, 'g');
const ANY_HEADER_WORD = new RegExp(`${COLUMN_WORDS}|Saldo \\(`);
const STARTS_WITH_COLUMN_WORD = new RegExp(`^(${COLUMN_WORDS})`);
const LINE_ITEM_HEADER = /^(Lasten|Baten|Saldo)+$/;
const CANDIDATE_LIMIT = 20_000;
/** Readings per glued table the arithmetic tries at most (real tables: under 2,000 per row). */
export const TABLE_CANDIDATE_BUDGET = 5_000;

/** Split a glued header line into its top-left text and the column headers. */
export function splitGluedHeader(text: string): { topLeft: string; headers: string[] } | null {
  const clean = normaliseSpaces(text).trim();
  // Asked of every line of a dump, twice: a line without any header word is no header.
  if (!ANY_HEADER_WORD.test(clean)) return null;
  const parts = clean.split(HEADER_WORD);
  const startsWithHeader = STARTS_WITH_COLUMN_WORD.test(clean);
  const topLeft = startsWithHeader ? '' : parts[0].trim();
  const headers = (startsWithHeader ? parts : parts.slice(1)).map((h) =>
    h
      .trim()
      .replace(/\s*\(\s*/g, ' (')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (headers.length < 2) return null;
  // Nothing but headers: a figure among them means this is a row, not a header.
  if (headers.some((h) => h === '' || h.length > 40 || /\d[.,]\d/.test(h))) return null;
  return { topLeft, headers };
}

/** "LastenBatenSaldo" above the header: the line items of the first columns. */
function lineItemHeader(text: string): string[] | null {
  const clean = normaliseSpaces(text).replace(/\s+/g, '');
  if (!LINE_ITEM_HEADER.test(clean)) return null;
  return clean.match(/Lasten|Baten|Saldo/g);
}

const KNOWN_LABELS = [
  'Gerealiseerde saldo van baten en lasten',
  'Gerealiseerde saldo van mutaties reserves',
  'Gerealiseerd saldo van baten en lasten',
  'Gerealiseerd saldo van mutaties reserves',
  'Saldo van baten en lasten',
  'Saldo van mutaties reserves',
  'Saldo mutaties reserves',
  'Mutaties reserves',
  'Storting reserves',
  'Onttrekking reserves',
  'Stortingen in reserves',
  'Onttrekkingen aan reserves',
  'Gerealiseerd resultaat',
  'Resultaat',
  'Lasten',
  'Baten',
  'Saldo',
].sort((a, b) => b.length - a.length);

const lower = (s: string) => normaliseSpaces(s).toLowerCase().replace(/\s+/g, ' ');

/**
 * The label of a glued row and the figures after it. The label is a taakveld (code and a name
 * from the catalogue, so "Maatwerkdienstverlening 18-" keeps its "18-"), a known line item, or
 * a total; anything else is not read.
 */
export function splitLabel(text: string): { label: string; tail: string } | null {
  const t = normaliseSpaces(text).trim().replace(/−/g, '-');
  const code = /^(\d{1,2}\.\d{1,3}[A-Da-d]?)\s+/.exec(t);
  if (code && taakveldOfLabel(`${code[1]} x`)) {
    const rest = t.slice(code[0].length);
    const canonical = taakveldOfLabel(`${code[1]} x`)!.code;
    const names = [
      ...new Set(
        taakveldCatalogue()
          .filter((e) => e.code === canonical)
          .map((e) => e.name),
      ),
    ].sort((a, b) => b.length - a.length);
    for (const name of names) {
      if (lower(rest).startsWith(lower(name)) && /^[-\d]/.test(rest.slice(name.length)))
        return { label: `${code[0]}${rest.slice(0, name.length)}`.trim(), tail: rest.slice(name.length) };
    }
    // A name the catalogue does not know: up to the first figure after a letter or ")", or after "18-"/"18+".
    const m = /^(.*?(?:[A-Za-zÀ-ÿ)]|\s\d{1,2}[-+]))(?=-?\d)/.exec(rest);
    return m ? { label: `${code[0]}${m[1]}`.trim(), tail: rest.slice(m[1].length) } : null;
  }
  for (const known of KNOWN_LABELS) {
    if (lower(t).startsWith(lower(known)) && /^\s?-?\d/.test(t.slice(known.length)))
      return { label: t.slice(0, known.length), tail: t.slice(known.length).trim() };
  }
  const total = /^((?:totaal|saldo)\b[^\d-]*?)\s?(?=-?\d)/i.exec(t);
  if (total && isTotalLabel(total[1])) return { label: total[1].trim(), tail: t.slice(total[0].length) };
  return null;
}

/**
 * The label of a glued row named by no catalogue (`Programma 3`, `Alg. dekkingsmiddelen`, `Subtotaal programma's`), in
 * a table whose columns run in lasten | baten | saldo triples: the words up to the first figure, with or without a
 * number of one or two digits after them (`Programma 0` + `3.756…` or `Programma` + `03.756…`). The label whose
 * figures some reading fits is taken; where both or neither fit, the row is not read.
 */
function splitPlainLabel(
  text: string,
  width: number,
  triples: [number, number, number][],
): { label: string; tail: string } | null {
  const t = normaliseSpaces(text).trim().replace(/−/g, '-');
  // A programme's number may open the label: `0 - Bestuur`, `1. Veiligheid`.
  const number = /^\d{1,2}(?:\s*[-.:)]\s*|\s+)(?=[A-Za-zÀ-ÿ])/.exec(t)?.[0] ?? '';
  const rest = t.slice(number.length);
  if (!/^[A-Za-zÀ-ÿ]/.test(rest)) return null;
  const words = /^([^\d]*?[A-Za-zÀ-ÿ.)'’])\s?(?=-?\d)/.exec(rest);
  if (!words || words[1].length > 80) return null;
  const numbered = [1, 2].flatMap((n) => {
    const m = new RegExp(`^([^\\d]*?[A-Za-zÀ-ÿ.)'’]\\s\\d{${n}})(?=-?\\d)`).exec(rest);
    return m ? [number + m[1]] : [];
  });
  const labels = [number + words[1], ...numbered];
  const fitting = labels.filter((label) => {
    const c = candidatesOf(t.slice(label.length), width, triples);
    return c !== null && c.length > 0;
  });
  const label = fitting.length === 1 ? fitting[0] : labels[0];
  return { label: label.trim(), tail: t.slice(label.length) };
}

/** Every end position of a figure starting at `pos` that the Dutch grammar allows. */
function cellEnds(s: string, pos: number): number[] {
  const ends: number[] = [];
  let i = pos;
  if (s[i] === '-') i++;
  const digit = (k: number) => k < s.length && s[k] >= '0' && s[k] <= '9';
  if (!digit(i)) return ends;
  const intEnds: number[] = [];
  if (s[i] === '0') intEnds.push(i + 1);
  else {
    // one to three digits, then groups of exactly three after each thousands dot
    for (let n = 1; n <= 3 && digit(i + n - 1); n++) {
      let e = i + n;
      intEnds.push(e);
      while (s[e] === '.' && digit(e + 1) && digit(e + 2) && digit(e + 3)) {
        e += 4;
        // a fourth digit would make the group longer than three only if this cell went on; the split may stop here
        intEnds.push(e);
      }
    }
  }
  for (const e of intEnds) {
    // A plain group longer than three digits after a dot is not a group: "5.4106" stops at "5.410".
    ends.push(e);
    if (s[e] === ',' && digit(e + 1)) for (let d = e + 2; d <= s.length && digit(d - 1); d++) ends.push(d);
  }
  return [...new Set(ends)];
}

/** All ways to cut `tail` into at most `maxCells` figures (memoised on position and budget). */
export function segmentTail(tail: string, maxCells: number): string[][] {
  const s = normaliseSpaces(tail).replace(/−/g, '-').replace(/\s+/g, '');
  const memo = new Map<string, string[][]>();
  let produced = 0;
  const rec = (pos: number, budget: number): string[][] => {
    if (pos === s.length) return [[]];
    if (budget === 0) return [];
    const key = `${pos}:${budget}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const out: string[][] = [];
    for (const end of cellEnds(s, pos)) {
      for (const rest of rec(end, budget - 1)) {
        out.push([s.slice(pos, end), ...rest]);
        if (++produced > CANDIDATE_LIMIT * 10) throw new TooMany();
      }
    }
    memo.set(key, out);
    return out;
  };
  return rec(0, maxCells);
}

class TooMany extends Error {}

/**
 * Columns that print one period's lasten, baten and saldo side by side (`Lasten | Baten | Saldo` under each period),
 * as [lasten, baten, saldo] column indexes of consecutive columns; empty when the header names no such runs.
 */
export function lineItemTriples(headers: string[]): [number, number, number][] {
  const item = (h: string) => /\b(lasten|baten|saldo)\b/i.exec(h)?.[1].toLowerCase() ?? null;
  const out: [number, number, number][] = [];
  for (let i = 0; i + 2 < headers.length; i++) {
    const run = [i, i + 1, i + 2];
    const items = run.map((c) => item(headers[c]));
    const at = (what: string) => run[items.indexOf(what)];
    if (new Set(items).size === 3 && !items.includes(null)) {
      out.push([at('lasten'), at('baten'), at('saldo')]);
      i += 2;
    }
  }
  return out;
}

/**
 * Every reading of a wide tail whose columns run in lasten | baten | saldo triples: cut figure by figure, and a
 * triple kept only where its saldo is its lasten and baten combined in one of the ways a table writes it (baten −
 * lasten, lasten − baten, or their sum where one side is printed negative), within the rounding of its figures. The
 * table's own convention is chosen later, over all rows; this only keeps the search from trying every split of a row
 * of eighteen figures. Where no reading fills every column, empty cells are tried too.
 */
function tripleCandidates(s: string, width: number, triples: [number, number, number][]): Candidate[] | null {
  const closing = new Map<number, [number, number, number]>();
  for (const t of triples) closing.set(Math.max(...t), t);
  const read = (allowEmpty: boolean): Candidate[] | null => {
    const out: Candidate[] = [];
    const cur: Candidate = Array.from({ length: width }, () => null);
    let work = 0;
    const rec = (pos: number, col: number): boolean => {
      if (++work > CANDIDATE_LIMIT * 10) return false;
      if (col === width) {
        if (pos === s.length) out.push([...cur]);
        return out.length <= CANDIDATE_LIMIT;
      }
      const options: (number | null)[] = [...cellEnds(s, pos)];
      if (allowEmpty) options.push(null);
      for (const end of options) {
        cur[col] = end === null ? null : s.slice(pos, end);
        const t = closing.get(col);
        if (t && !tripleHolds(t.map((c) => cur[c]) as [string | null, string | null, string | null])) continue;
        if (!rec(end ?? pos, col + 1)) return false;
      }
      cur[col] = null;
      return true;
    };
    return rec(0, 0) ? out : null;
  };
  const full = read(false);
  if (full === null || full.length > 0) return full;
  return read(true);
}

function tripleHolds([l, b, s]: [string | null, string | null, string | null]): boolean {
  if (l === null && b === null && s === null) return true;
  const v = (x: string | null) => {
    if (x === null) return { value: 0, unit: 0 };
    const p = parseCell(x);
    return p.kind === 'number' ? { value: p.value, unit: 10 ** -p.decimals } : null;
  };
  const [L, B, S] = [v(l), v(b), v(s)];
  if (!L || !B || !S) return false;
  const tolerance = (L.unit + B.unit + S.unit) / 2 + 1e-9;
  return [B.value - L.value, L.value - B.value, L.value + B.value, -(L.value + B.value)].some(
    (x) => Math.abs(x - S.value) <= tolerance,
  );
}

/** Every reading of a tail for `width` columns: each split, placed in every way that leaves the rest empty. */
export function candidatesOf(
  tail: string,
  width: number,
  triples: [number, number, number][] = [],
): Candidate[] | null {
  // Wide rows in lasten | baten | saldo triples: cut triple by triple (the plain search would try every split).
  if (triples.length >= 2 && width > 6)
    return tripleCandidates(normaliseSpaces(tail).replace(/−/g, '-').replace(/\s+/g, ''), width, triples);
  let splits: string[][];
  try {
    splits = segmentTail(tail, width);
  } catch (e) {
    if (e instanceof TooMany) return null;
    throw e;
  }
  const out: Candidate[] = [];
  for (const cells of splits) {
    if (cells.length === 0) continue;
    for (const pos of combinations(width, cells.length)) {
      const c: Candidate = Array.from({ length: width }, () => null);
      pos.forEach((col, i) => (c[col] = cells[i]));
      out.push(c);
      if (out.length > CANDIDATE_LIMIT) return null;
    }
  }
  return out;
}

interface RowDraft {
  line: Line;
  label: string;
  candidates: Candidate[];
}

const key = (c: Candidate) => c.map((x) => x ?? '∅').join('|');

function gridCell(text: string | null, line: number): GridCell {
  if (text === null) return { value: null, decimals: 0, status: 'empty', line, page: null, raw: '' };
  const p = parseCell(text);
  return p.kind === 'number'
    ? { value: p.value, decimals: p.decimals, status: 'printed', line, page: null, raw: text }
    : { value: null, decimals: 0, status: 'unreadable', line, page: null, raw: text };
}

/**
 * `totals: false` leaves the totals' footing out: while other rows are still open it cannot be
 * judged anyway, and its sign-pattern search is the costly part.
 */
function makeGrid(
  columns: Column[],
  rows: RowDraft[],
  chosen: (Candidate | null)[],
  convention: SignConvention,
  totals = true,
): Grid {
  const gridRows: GridRow[] = rows.map((r, index) => {
    const meta = rowMeta(r);
    return {
      index,
      label: r.label,
      lineItem: meta.lineItem,
      group: null,
      taakveld: meta.taakveld,
      isTotal: totals && meta.isTotal,
      isSection: false,
      cells: chosen[index] ? candidateCells(chosen[index], r.line.line) : missingCells(columns),
    };
  });
  return {
    file: '',
    documentId: '',
    table: { columns, signConvention: convention } as Table,
    columns,
    rows: gridRows,
    convention,
  };
}

// makeGrid runs for every candidate under every convention: what depends on the row or the
// candidate alone is worked out once. The grids only feed buildRelations/evaluate, which never
// change a cell, so cells are shared between grids.
const rowMetas = new WeakMap<RowDraft, { lineItem: GridRow['lineItem']; taakveld: string | null; isTotal: boolean }>();
function rowMeta(r: RowDraft) {
  let meta = rowMetas.get(r);
  if (!meta)
    rowMetas.set(
      r,
      (meta = {
        lineItem: lineItemOf(r.label),
        taakveld: taakveldOfLabel(r.label)?.code ?? null,
        isTotal: isTotalLabel(r.label),
      }),
    );
  return meta;
}
const cellsOfCandidate = new WeakMap<Candidate, { line: number; cells: GridCell[] }>();
function candidateCells(c: Candidate, line: number): GridCell[] {
  const hit = cellsOfCandidate.get(c);
  if (hit && hit.line === line) return hit.cells;
  const cells = c.map((t) => gridCell(t, line));
  cellsOfCandidate.set(c, { line, cells });
  return cells;
}
const missingOf = new WeakMap<Column[], GridCell[]>();
function missingCells(columns: Column[]): GridCell[] {
  let cells = missingOf.get(columns);
  if (!cells)
    missingOf.set(
      columns,
      (cells = columns.map(() => ({
        value: null,
        decimals: 0,
        status: 'missing' as const,
        line: null,
        page: null,
        raw: '',
      }))),
    );
  return cells;
}

/** No relation touching `row` fails, and (with `needHold`) at least one holds. */
function consistent(grid: Grid, rows: number[]): { ok: boolean; holds: number } {
  let holds = 0;
  for (const rel of buildRelations(grid)) {
    if (!rows.some((r) => rel.target.row === r || rel.terms.some((t) => t.row === r))) continue;
    const e = evaluate(grid, rel);
    if (e.status === 'fails') return { ok: false, holds };
    if (e.status === 'holds' && !e.trivial) holds++;
  }
  return { ok: true, holds };
}

const JOINT_LIMIT = 4096;

/** The candidates per row the arithmetic leaves standing under one sign convention, row by row. */
function propagate(columns: Column[], rows: RowDraft[], convention: SignConvention): Candidate[][] {
  // Each row alone first (its own saldo and verschil), then against the rows already fixed,
  // until nothing changes. Fixed rows are checked too: a convention that breaks them reads less.
  const none = rows.map(() => null);
  const live: Candidate[][] = rows.map((r, i) =>
    r.candidates.filter((c) => {
      const chosen: (Candidate | null)[] = [...none];
      chosen[i] = c;
      return consistent(makeGrid(columns, rows, chosen, convention, false), [i]).ok;
    }),
  );
  const fixed = () => live.map((l) => (l.length === 1 ? l[0] : null));
  for (let changed = true; changed;) {
    changed = false;
    for (let r = 0; r < rows.length; r++) {
      if (live[r].length === 0) continue;
      const base = fixed();
      const kept = live[r].filter((c) => {
        const chosen = [...base];
        chosen[r] = c;
        return consistent(makeGrid(columns, rows, chosen, convention, false), [r]).ok;
      });
      if (kept.length !== live[r].length) {
        live[r] = kept;
        changed = true;
      }
    }
  }
  return live;
}

/** Rows still open: try their combinations together (totals tie them), when there are few. */
function joint(
  columns: Column[],
  rows: RowDraft[],
  convention: SignConvention,
  propagated: Candidate[][],
): Candidate[][] {
  const live = propagated.map((l) => [...l]);
  const open = live.map((l, i) => (l.length > 1 ? i : -1)).filter((i) => i >= 0);
  const product = open.reduce((p, i) => p * live[i].length, 1);
  if (open.length === 0 || product > JOINT_LIMIT) return live;
  const base = live.map((l) => (l.length === 1 ? l[0] : null));
  const used = open.map(() => new Set<number>());
  const idx = open.map(() => 0);
  for (let n = 0; n < product; n++) {
    let k = n;
    open.forEach((row, j) => {
      idx[j] = k % live[row].length;
      k = Math.floor(k / live[row].length);
    });
    const chosen = [...base];
    open.forEach((row, j) => (chosen[row] = live[row][idx[j]]));
    if (consistent(makeGrid(columns, rows, chosen, convention), open).ok) open.forEach((_, j) => used[j].add(idx[j]));
  }
  open.forEach((row, j) => (live[row] = live[row].filter((_, i) => used[j].has(i))));
  return live;
}

const CONVENTIONS: SignConvention[] = (['positive', 'negative'] as const).flatMap((lasten) =>
  (['baten_minus_lasten', 'lasten_minus_baten'] as const).flatMap((saldo) =>
    (['favourable_positive', 'favourable_negative'] as const).map((verschil) => ({
      lasten,
      saldo,
      verschil,
      grouping: null,
    })),
  ),
);

export interface RowChoice {
  /** The one reading the arithmetic leaves, or null. */
  cells: Candidate | null;
  /** Every reading still standing (several: ambiguous; none: unreadable). */
  standing: Candidate[];
  /** The reading was the only one the grammar allows: no arithmetic was needed. */
  grammarOnly: boolean;
  /** Too many readings to try within TABLE_CANDIDATE_BUDGET: `standing` is all the grammar allows. */
  overBudget?: boolean;
}

/**
 * Choose each row's reading: under every sign convention the arithmetic is run; the conventions
 * reading the most rows are kept, and a row is read only if all of them agree on one reading.
 */
export function chooseReadings(
  headers: string[],
  rows: { label: string; tail: string; line: Line }[],
): RowChoice[] | null {
  const columns = headers.map((h, i) => {
    const { footnote: _f, ...c } = readColumn(i, h, null);
    return c;
  });
  const drafts: RowDraft[] = [];
  const triples = lineItemTriples(headers);
  for (const r of rows) {
    const c = candidatesOf(r.tail, headers.length, triples);
    drafts.push({ line: r.line, label: r.label, candidates: c ?? [] });
  }
  // Bounded work (hostile input): the arithmetic costs candidates × relations per pass, so past
  // a budget for the table the rows with the most readings are left out of it, largest first,
  // and reported ambiguous with their count instead of hanging on a row of glued figures.
  const skipped = new Map<RowDraft, Candidate[]>();
  let total = drafts.reduce((n, d) => n + d.candidates.length, 0);
  for (const d of [...drafts].sort((a, b) => b.candidates.length - a.candidates.length)) {
    if (total <= TABLE_CANDIDATE_BUDGET) break;
    total -= d.candidates.length;
    skipped.set(d, d.candidates);
    d.candidates = [];
  }
  // Conventions that cannot matter (no verschil column: its sign) are not tried twice.
  const hasVerschil = columns.some((c) => c.kind === 'verschil');
  const conventions = CONVENTIONS.filter((c) => hasVerschil || c.verschil === 'favourable_positive');
  const count = (live: Candidate[][]) => live.filter((l) => l.length >= 1).length;
  const propagated = conventions.map((convention) => ({ convention, live: propagate(columns, drafts, convention) }));
  // Only conventions that read the most rows row by row go on to the joint (costly) check.
  const maxPropagated = Math.max(...propagated.map((p) => count(p.live)));
  let best: { read: number; lives: Candidate[][][] } | null = null;
  for (const p of propagated.filter((p) => count(p.live) === maxPropagated)) {
    const live = joint(columns, drafts, p.convention, p.live);
    const read = count(live);
    if (!best || read > best.read) best = { read, lives: [live] };
    else if (read === best.read) best.lives.push(live);
  }
  return drafts.map((d, r) => {
    if (skipped.has(d)) return { cells: null, standing: skipped.get(d)!, grammarOnly: false, overBudget: true };
    const standing = new Map<string, Candidate>();
    for (const live of best!.lives) for (const c of live[r]) standing.set(key(c), c);
    const all = [...standing.values()];
    if (all.length === 1) return { cells: all[0], standing: all, grammarOnly: false };
    // One reading in all the grammar allows: read as printed; the reconciler judges its arithmetic.
    if (all.length === 0 && d.candidates.length === 1)
      return { cells: d.candidates[0], standing: d.candidates, grammarOnly: true };
    return { cells: null, standing: all, grammarOnly: false };
  });
}

const show = (c: Candidate) => c.map((x) => x ?? '·').join(' | ');

/**
 * Read the glued table whose header stands at `all[h]` (with an optional line-item header above
 * it). Returns null when this is no table the reader knows (e.g. indicator tables).
 */
export function readGluedTable(
  all: Line[],
  h: number,
  used: Set<number>,
): { table: RawTable; notices: ExtractionNotice[]; lines: number[] } | null {
  const head = splitGluedHeader(all[h].text);
  if (!head) return null;
  // "LastenBatenSaldoLastenBatenSaldo…" under the periods: each period's line items, a tier below it.
  const below = h + 1 < all.length ? lineItemHeader(all[h + 1].text) : null;
  const perPeriod = below && below.length > head.headers.length ? below.length / head.headers.length : 0;
  const tiered = Number.isInteger(perPeriod) && perPeriod > 1;
  const periodHeaders = tiered
    ? head.headers.flatMap((hd, i) => below!.slice(i * perPeriod, (i + 1) * perPeriod).map((item) => `${hd} ${item}`))
    : head.headers;
  const triples = lineItemTriples(periodHeaders);
  const rows: { label: string; tail: string; line: Line }[] = [];
  let k = tiered ? h + 2 : h + 1;
  for (; k < all.length && all[k].text.trim() !== '' && !used.has(all[k].line); k++) {
    const split =
      splitLabel(all[k].text) ??
      (triples.length >= 2 ? splitPlainLabel(all[k].text, periodHeaders.length, triples) : null);
    if (!split) break;
    rows.push({ ...split, line: all[k] });
  }
  if (rows.length < 2) return null;
  // Figures a space apart on every row are no glued table: the space-separated reader reads the rows up to their end.
  const spaced = (tail: string) => {
    const tokens = tail.trim().split(/\s+/);
    return tokens.length >= 2 && tokens.every((t) => parseCell(t).kind === 'number');
  };
  if (rows.every((r) => spaced(r.tail))) return null;

  // "Lasten | Baten | Saldo" over the first columns, one line up.
  let headers = periodHeaders;
  let top = h;
  const above = h > 0 ? lineItemHeader(all[h - 1].text) : null;
  if (!tiered && above && above.length <= headers.length) {
    headers = headers.map((hd, i) => (i < above.length ? `${above[i]} ${hd}` : hd));
    top = h - 1;
  }
  // Title and scale: in the top-left cell ("Maatschappelijke ondersteuningBedragen x 1.000 euros"), or the line above.
  let title = head.topLeft;
  let scaleText: string | null = null;
  const scaleAt = title.search(/\(?\s*bedragen\b/i);
  if (scaleAt >= 0 && parseScale(title.slice(scaleAt)) !== null) {
    scaleText = title.slice(scaleAt).trim();
    title = title.slice(0, scaleAt).trim();
  }
  let i = top - 1;
  while (i >= 0 && all[i].text.trim() === '') i--;
  if (i >= 0 && top - i <= 2 && !used.has(all[i].line)) {
    const text = cleanCell(all[i].text).text.replace(/\s+/g, ' ').trim();
    const at = text.search(/\(?\s*bedragen\b/i);
    if (!scaleText && at >= 0 && parseScale(text.slice(at)) !== null) {
      scaleText = text.slice(at).trim();
      if (!title || /^taakveld$/i.test(title)) title = text.slice(0, at).trim() || title;
    }
  }

  const choices = chooseReadings(headers, rows);
  if (!choices) return null;
  const tableName = title || `Tabel op regel ${all[top].line}`;
  const notices: ExtractionNotice[] = [];
  const rawRows: RawRow[] = [];
  rows.forEach((r, n) => {
    const choice = choices[n];
    // the columns the standing readings disagree on (all of them when none stands)
    const open = headers.filter(
      (_, c) => choice.standing.length === 0 || new Set(choice.standing.map((x) => x[c])).size > 1,
    );
    const at = {
      line: r.line.line,
      page: null,
      raw: r.line.text.trim(),
      table: tableName,
      row: r.label,
      column: open.join(', '),
    };
    // The text ends on this row: unless every column is read, its figures may be cut off inside the glued run (a
    // reading gap, no arithmetic error, nothing stored), as the other renderings treat a last row short of cells.
    if (n === rows.length - 1 && endsAt(all, all.indexOf(r.line) + 1) && !choice.cells?.every((c) => c !== null)) {
      notices.push({
        rule: 'cut-off-row',
        severity: 'warning',
        ...at,
        message:
          `The text ends inside this table: its last row "${r.label}" prints "${r.tail}", which fills the ` +
          `${headers.length} columns in no single way (cut off?); nothing stored for this row`,
      });
      return;
    }
    if (choice.cells) {
      rawRows.push({
        cells: [r.label, ...choice.cells].map((text) => ({
          text: text ?? '',
          line: r.line.line,
          page: null,
          bold: false,
        })),
        line: r.line.line,
        page: null,
        raw: r.line.text.trim(),
      });
      return;
    }
    // The row stands in the table unread, so the totals over it are not judged without it.
    rawRows.push({
      cells: [{ text: r.label, line: r.line.line, page: null, bold: false }],
      line: r.line.line,
      page: null,
      raw: r.line.text.trim(),
      unread: true,
    });
    if (choice.standing.length > 1) {
      // Several readings hold: a reading gap (the row is not stored), not a sum that fails.
      notices.push({
        rule: 'ambiguous-cells',
        severity: 'warning',
        ...at,
        message:
          `${r.label}: the glued figures "${r.tail}" can be read in ${choice.standing.length} ways ` +
          `${choice.overBudget ? `the number grammar allows, too many to try against the table's arithmetic (budget ` + `${TABLE_CANDIDATE_BUDGET} per table)` : "the table's arithmetic all accepts"} ` +
          `(${choice.standing.slice(0, 6).map(show).join('; ')}${choice.standing.length > 6 ? '; …' : ''}); ` +
          `nothing stored for this row`,
      });
    } else {
      notices.push({
        rule: 'unreadable-row',
        severity: 'error',
        ...at,
        message:
          `${r.label}: no split of the glued figures "${r.tail}" into ${headers.length} columns ` +
          `(${headers.join(', ')}) fits the number grammar and the table's arithmetic; nothing stored for this ` +
          `row`,
      });
    }
  });
  const header: RawRow = {
    cells: [tableName, ...headers].map((text) => ({ text, line: all[h].line, page: null, bold: false })),
    line: all[h].line,
    page: null,
    raw: all
      .slice(top, h + 1)
      .map((l) => l.text.trim())
      .join(' / '),
  };
  const lines = all.slice(top, k).map((l) => l.line);
  return {
    table: {
      index: 0,
      layout: 'glued',
      title: tableName,
      context: [],
      scaleText,
      header,
      rows: rawRows,
      footnotes: [],
      line: all[top].line,
      page: null,
    },
    notices,
    lines,
  };
}

type TableReader = (
  all: Line[],
  h: number,
  used: Set<number>,
) => { table: RawTable; notices: ExtractionNotice[]; lines: number[] } | null;

/** Try `read` at every unused line; each table read marks its lines used. */
export function scanTables(
  all: Line[],
  used: Set<number>,
  read: TableReader,
): { tables: RawTable[]; notices: ExtractionNotice[] } {
  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];
  for (let h = 0; h < all.length; h++) {
    if (used.has(all[h].line) || all[h].text.trim() === '') continue;
    const found = read(all, h, used);
    if (!found) continue;
    tables.push(found.table);
    notices.push(...found.notices);
    for (const l of found.lines) used.add(l);
    h = all.findIndex((l) => l.line === found.lines[found.lines.length - 1]);
  }
  return { tables, notices };
}

/** Read every glued table the reader knows; their lines are marked used. */
export function readGluedTables(all: Line[], used: Set<number>): { tables: RawTable[]; notices: ExtractionNotice[] } {
  return scanTables(all, used, readGluedTable);
}
