import { fold } from '../../src/catalogue/bbv.js';
import { normaliseSpaces, parseCell } from '../../src/grammar/number.js';
import type { ExtractionNotice, RawCell, RawRow, RawTable } from '../types.js';
import { scanTables, splitGluedHeader, type Line } from './glued.js';
import { groupBy } from '../../src/collections.js';

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
/** The top-left cell of an indicator table: "Beleidsindicatoren", "Verplichte kengetallen". */
export const INDICATOR_TOP_LEFT = /indicator|kengetal/i;

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
    // plain digits up to four (counts like 1426 go without a dot; from five digits on, Dutch
    // notation groups them: 12.500) …
    for (let e = i + 1; e <= s.length && e - i <= 4 && digit(s, e - 1); e++) ints.add(e);
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
export const HEURISTIC =
  'magnitude consistency along the row (figures of one indicator over the years are of one order of size and ' +
  'precision)';
const MARGIN = 0.5;

export function magnitudeScore(cells: string[]): number {
  const nums = cells.map((c) => parseCell(c)).filter((p) => p.kind === 'number') as Extract<
    ReturnType<typeof parseCell>,
    { kind: 'number' }
  >[];
  if (nums.length === 0) return 0;
  const logs = nums.map((p) => Math.log10(Math.abs(p.value) + 1)).sort((a, b) => a - b);
  const median = logs[Math.floor(logs.length / 2)];
  const spread = logs.reduce((s, x) => s + Math.abs(x - median), 0);
  const counts = new Map<number, number>();
  for (const p of nums) counts.set(p.decimals, (counts.get(p.decimals) ?? 0) + 1);
  const modal = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return spread + 0.5 * nums.filter((p) => p.decimals !== modal).length;
}

/**
 * Where a row's label ends. Labels are text, but some end in a number ("Banen per 1000",
 * "Jongeren 15-64", "CO2"), and a glued dump runs that number into the first figure
 * (`Banen per 1000884,2…`). So every boundary the grammar allows is a candidate: after text
 * (a letter, `)`, `.` …; a figure glued to a lower-case word is no label number: `profiel23,5%`), or
 * after a label number — a number word standing apart from the label's text (after a space, a
 * hyphen or slash, or an upper-case abbreviation), of at most four digits or thousands-dotted.
 * One candidate: the boundary is certain. Several: a label printed elsewhere (a line of the same
 * document, a certain label of the same table) decides if it is the last boundary; else the
 * table's cell padding (see PADDING); the cells resting on either are marked heuristic and a
 * `label-boundary` warning lists the other boundaries. Else nothing is stored and
 * `ambiguous-cells` lists the candidates.
 */
export interface LabelCandidate {
  label: string;
  /** Index in the row text just after the label's last character. */
  end: number;
  /** Every grammatical reading of the figures after this label. */
  readings: string[][];
}

/** The label number a label may end in: "per 1000", "per 1.000", "15-64", "tot 120%", "CO2". */
const LABEL_NUMBER = /(?<=^|[\s\-–/A-Z])(?:\d{1,4}|\d{1,3}(?:\.\d{3})+)%?$/;
/** A label ending in a figure glued to text ("…hulp72% (2015)") is not natural: it took a cell. */
const ENDS_IN_FIGURE = /\d[.,%]*$/;

/** The label without the label numbers it ends in ("Banen per 1000" → "Banen per"); null if it is no label. */
function labelText(label: string): string | null {
  let rest = label;
  for (let m = LABEL_NUMBER.exec(rest); m; m = LABEL_NUMBER.exec(rest)) rest = rest.slice(0, m.index).trimEnd();
  return /[A-Za-zÀ-ÿ]/.test(rest) && !ENDS_IN_FIGURE.test(rest) ? rest : null;
}

/** Every label/figures boundary the grammar allows, with the readings after it; null: too many readings. */
export function labelCandidates(text: string, width: number): LabelCandidate[] | null {
  const t = normaliseSpaces(text).replace(/\s+$/, '');
  const found: (LabelCandidate & { text: string })[] = [];
  for (let p = 1; p < t.length; p++) {
    if (!/[\d\-−N]/.test(t[p])) continue;
    if (t[p] === 'N' && !NOT_AVAILABLE.test(t.slice(p))) continue;
    if ((t[p] === '-' || t[p] === '−') && !digit(t, p + 1)) continue;
    const label = t.slice(0, p).trim();
    const text = labelText(label);
    // inside a digit run only a label number may end
    if (text === null || (text === label && t[p] !== ' ' && digit(t, p - 1))) continue;
    const readings = indicatorReadings(t.slice(p), width);
    if (readings === null) return null;
    if (readings.length > 0) found.push({ label, end: t.slice(0, p).replace(/\s+$/, '').length, readings, text });
  }
  // A label's text does not end in cells: `…door hulp72% (2015)` took the first figure into the label.
  const readsAsCells = (s: string) =>
    Array.from({ length: width }, (_, k) => indicatorReadings(s, k + 1)?.length ?? 0).some((n) => n > 0);
  return found
    .filter(
      (f) =>
        !found.some(
          (g) =>
            f.text.length > g.label.length && f.text.startsWith(g.label) && readsAsCells(f.text.slice(g.label.length)),
        ),
    )
    .map(({ text: _t, ...c }) => c);
}

/**
 * PADDING: HTML dumps keep a cell's trailing `&nbsp;`. When the rows of a table whose boundary
 * is certain show it — a non-breaking space right after the label, and never one inside a
 * label — a non-breaking space before the figures marks where the label cell ended. The
 * finding `label-boundary` says when this decided a row.
 */
export interface RowContext {
  /** Where a label was seen elsewhere (document line, table row), or null. */
  known?: (label: string) => string | null;
  /** The table pads its cells with non-breaking spaces (PADDING): the evidence, or null. */
  padded?: string | null;
  /** Positions of non-breaking spaces in the row text as dumped. */
  nbsp?: ReadonlySet<number>;
}

export interface RowReading {
  /** Null: the label/figures boundary is not certain, and nothing of the row is read. */
  label: string | null;
  /** How the boundary was settled; the note says on what evidence. */
  labelBasis: 'grammar' | 'known-name' | 'cell-padding' | 'uncertain';
  labelNote: string | null;
  /** Every boundary the grammar allows. */
  labels: LabelCandidate[];
  /** One cell per column; reading tells how it was settled. */
  cells: { text: string; reading: 'grammar' | 'heuristic' | 'unread' }[];
  /** Every grammatical reading after the chosen label, best first (heuristic order) when there are several. */
  readings: string[][];
  heuristicChosen: boolean;
}

/** Settle the label, then the cells the label's readings agree on (or the heuristic chooses). */
export function settleRow(labels: LabelCandidate[], width: number, context: RowContext = {}): RowReading | null {
  if (labels.length === 0) return null;
  let chosen: LabelCandidate | null = null;
  let labelBasis: RowReading['labelBasis'] = 'grammar';
  let labelNote: string | null = null;
  if (labels.length === 1) chosen = labels[0];
  else {
    // A known label settles the boundary only as the last one: a longer label (the known one with
    // a number after it) stays possible otherwise.
    const last = Math.max(...labels.map((l) => l.end));
    const known = labels
      .map((l) => ({ l, seen: context.known?.(l.label) ?? null }))
      .filter((k) => k.seen !== null && k.l.end === last);
    const padded =
      context.padded && context.nbsp
        ? labels.filter((l) => context.nbsp!.has(l.end) && ![...context.nbsp!].some((i) => i < l.end))
        : [];
    if (known.length === 1) [chosen, labelBasis, labelNote] = [known[0].l, 'known-name', known[0].seen];
    else if (known.length === 0 && padded.length === 1)
      [chosen, labelBasis, labelNote] = [
        padded[0],
        'cell-padding',
        `a non-breaking space ends the label cell, as in the rows of this table whose label is certain ` +
          `(${context.padded})`,
      ];
  }
  if (!chosen) {
    const cells = Array.from({ length: width }, () => ({ text: '', reading: 'unread' as const }));
    return {
      label: null,
      labelBasis: 'uncertain',
      labelNote: null,
      labels,
      cells,
      readings: [],
      heuristicChosen: false,
    };
  }
  const { label, readings } = chosen;
  const scores = new Map(readings.map((r) => [r, magnitudeScore(r)]));
  const ranked = [...readings].sort((a, b) => scores.get(a)! - scores.get(b)!);
  const best = ranked.length > 1 && scores.get(ranked[1])! - scores.get(ranked[0])! >= MARGIN ? ranked[0] : null;
  // Cells the other boundaries would read otherwise rest on the evidence that chose this one, not
  // on the grammar: they are marked heuristic.
  const pool = labelBasis === 'grammar' ? readings : labels.flatMap((l) => l.readings);
  const cells = Array.from({ length: width }, (_, col) => {
    const texts = new Set(readings.map((r) => r[col]));
    if (texts.size === 1)
      return {
        text: readings[0][col],
        reading: new Set(pool.map((r) => r[col])).size === 1 ? ('grammar' as const) : ('heuristic' as const),
      };
    return best ? { text: best[col], reading: 'heuristic' as const } : { text: '', reading: 'unread' as const };
  });
  return { label, labelBasis, labelNote, labels, cells, readings: ranked, heuristicChosen: best !== null };
}

/** Split a row into label and cells. Null when no split fits the number grammar. */
export function readIndicatorRow(
  text: string,
  width: number,
  context: RowContext = {},
): RowReading | null | 'too-many' {
  const labels = labelCandidates(text, width);
  if (labels === null) return 'too-many';
  return settleRow(labels, width, context);
}

const show = (r: string[]) => r.join(' | ');
const showSome = (rs: string[][], n = 6) => rs.slice(0, n).map(show).join('; ') + (rs.length > n ? '; …' : '');

/** A line of the dump, with where its non-breaking spaces stood (they are plain spaces in `text`). */
export interface DumpLine extends Line {
  nbsp?: ReadonlySet<number>;
}

/** Positions of non-breaking spaces in a raw line, as they stand after normaliseSpaces. */
export function nbspPositions(raw: string): ReadonlySet<number> | undefined {
  const s = raw.replace(/[\u200b-\u200d\ufeff]/g, '');
  const out = new Set<number>();
  for (let i = 0; i < s.length; i++) if (s[i] === '\u00a0' || s[i] === '\u2007' || s[i] === '\u202f') out.add(i);
  return out.size > 0 ? out : undefined;
}

/** How labels compare: folded ("Cliënten" = "clienten"), but a trailing "-" or "+" ("18-") kept apart from a sign. */
const labelKey = (label: string) => fold(label) + (/[-+−]$/.test(label.trim()) ? '-' : '');

/**
 * Labels the document prints on a line of their own (a heading, a list item, a cell-per-line
 * row). Not the BBV catalogue: its names end in words, so a catalogue name is never the last
 * boundary of a row that has several — the document may print the name with a number after it
 * ("Jongeren met een delict voor de rechter 12-21"), and the catalogue cannot rule that out.
 */
export function documentLabels(all: Line[]): (label: string, exceptLine: number) => string | null {
  // Folded on first use: most documents have no glued indicator table and never ask.
  let lines: Map<string, { key: string; line: number }[]> | null = null;
  return (label, exceptLine) => {
    lines ??= groupBy(
      all
        .map((l) => ({ key: labelKey(l.text), line: l.line }))
        .filter(({ key }) => key.length >= 3 && key.length <= 300),
      (l) => l.key,
    );
    const at = (lines.get(labelKey(label)) ?? []).map((l) => l.line).filter((n) => n !== exceptLine);
    return at.length > 0 ? `line ${at[0]} of this document` : null;
  };
}

/**
 * Read the glued indicator table whose header stands at `all[h]`: a top-left cell naming
 * indicators or kengetallen, then year columns (`BeleidsindicatorenWerkelijk 2017Begroting 2018…`).
 */
export function readGluedIndicatorTable(
  all: DumpLine[],
  h: number,
  used: Set<number>,
  elsewhere: (label: string, exceptLine: number) => string | null = () => null,
): { table: RawTable; notices: ExtractionNotice[]; lines: number[] } | null {
  const head = splitGluedHeader(all[h].text);
  if (!head || !INDICATOR_TOP_LEFT.test(head.topLeft)) return null;
  const width = head.headers.length;
  const title = head.topLeft.trim();
  const notices: ExtractionNotice[] = [];
  const rows: RawRow[] = [];
  const lines = [all[h].line];
  const drafts: { line: DumpLine; labels: LabelCandidate[] | null }[] = [];
  for (let k = h + 1; k < all.length && all[k].text.trim() !== '' && !used.has(all[k].line); k++) {
    lines.push(all[k].line);
    drafts.push({ line: all[k], labels: labelCandidates(all[k].text, width) });
  }
  // What the rows with a certain boundary show: their labels, and whether the table pads cells (PADDING).
  const certain = drafts.filter((d) => d.labels?.length === 1);
  const tableLabels = new Map(certain.map((d) => [labelKey(d.labels![0].label), d.line.line]));
  const nbspAfter = certain.filter((d) => d.line.nbsp?.has(d.labels![0].end)).map((d) => d.line.line);
  const nbspInside = certain.some((d) => [...(d.line.nbsp ?? [])].some((i) => i < d.labels![0].end));
  const padded =
    nbspAfter.length > 0 && !nbspInside ? `line${nbspAfter.length > 1 ? 's' : ''} ${nbspAfter.join(', ')}` : null;
  for (const { line, labels } of drafts) {
    const raw = line.text.trim();
    const at = { line: line.line, page: null, raw, table: title };
    const known = (label: string) => {
      const row = tableLabels.get(labelKey(label));
      return row !== undefined && row !== line.line ? `line ${row} of this table` : elsewhere(label, line.line);
    };
    const read = labels === null ? 'too-many' : settleRow(labels, width, { known, padded, nbsp: line.nbsp });
    if (read === 'too-many' || read === null) {
      notices.push({
        rule: 'unreadable-row',
        severity: 'warning',
        ...at,
        // the text before the first figure: the label, or the start of it
        row: /^\D*/.exec(raw)![0].trim() || null,
        column: head.headers.join(', '),
        message:
          read === 'too-many'
            ? `Indicator row has too many grammatical readings to list for ${width} columns; nothing stored for it`
            : `No split of this indicator row into a label and ${width} cells (${head.headers.join(', ')}) ` +
              `fits the number grammar; nothing stored for it`,
      });
      continue;
    }
    if (read.label === null) {
      const options = read.labels.map((l) => `"${l.label}" + ${showSome(l.readings, 2)}`);
      notices.push({
        rule: 'ambiguous-cells',
        severity: 'warning',
        ...at,
        // as far as it is certain: the text before any number it may end in
        row: labelText(read.labels.map((l) => l.label).sort((a, b) => a.length - b.length)[0]),
        column: head.headers.join(', '),
        message:
          `Where the label ends and the figures begin is not certain: the label may end in a number the ` +
          `figures are glued to. ${read.labels.length} boundaries fit the number grammar ` +
          `(${options.join('; ')}), and neither a label printed elsewhere in this document or table nor the ` +
          `table's cell padding settles it; nothing stored for this row`,
      });
      continue;
    }
    const label = read.label;
    const cells: RawCell[] = [
      { text: label, line: line.line, page: null, bold: false },
      ...read.cells.map((c) => ({ text: c.text, line: line.line, page: null, bold: false, reading: c.reading })),
    ];
    rows.push({ cells, line: line.line, page: null, raw });
    if (read.labelBasis !== 'grammar') {
      const others = read.labels.filter((l) => l.label !== label).map((l) => `"${l.label}"`);
      // columns the other boundaries read otherwise
      const depends = head.headers.filter(
        (_, c) => new Set(read.labels.flatMap((l) => l.readings.map((r) => r[c]))).size > 1,
      );
      notices.push({
        rule: 'label-boundary',
        severity: 'warning',
        ...at,
        row: label,
        column: depends.join(', ') || null,
        message:
          `The label could also end at ${others.join(', ')} (the figures would then begin there); it is read ` +
          `as "${label}" because ` +
          `${read.labelBasis === 'known-name' ? `that label is printed on ${read.labelNote}, and no longer label is possible` : read.labelNote}; ` +
          `the cells of ${depends.join(', ')} rest on this and are marked heuristic`,
      });
    }
    // the columns this label's own readings disagree on (the heuristic's, or unread)
    const open = head.headers.filter((_, c) => new Set(read.readings.map((r) => r[c])).size > 1);
    if (open.length === 0) continue;
    if (read.heuristicChosen) {
      notices.push({
        rule: 'heuristic-split',
        severity: 'warning',
        ...at,
        row: label,
        column: open.join(', '),
        message:
          `${label}: the glued figures allow ${read.readings.length} readings; the columns ${open.join(', ')} ` +
          `were chosen by a heuristic, ${HEURISTIC}: ${show(read.readings[0])}. Alternatives the grammar ` +
          `allows: ${showSome(read.readings.slice(1), 5)}. The other columns are certain by the grammar.`,
      });
    } else {
      notices.push({
        rule: 'ambiguous-cells',
        severity: 'warning',
        ...at,
        row: label,
        column: open.join(', '),
        message:
          `${label}: the glued figures can be read in ${read.readings.length} ways ` +
          `(${showSome(read.readings)}), and no heuristic separates them clearly; nothing stored for ` +
          `${open.join(', ')}`,
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
    table: {
      index: 0,
      layout: 'glued',
      role: 'indicator',
      title,
      context: [],
      scaleText: null,
      header,
      rows,
      footnotes: [],
      line: all[h].line,
      page: null,
    },
    notices,
    lines,
  };
}

/** Read every glued indicator table; their lines are marked used. */
export function readGluedIndicatorTables(
  all: DumpLine[],
  used: Set<number>,
): { tables: RawTable[]; notices: ExtractionNotice[] } {
  const elsewhere = documentLabels(all);
  return scanTables(all, used, (lines, h, u) => readGluedIndicatorTable(lines, h, u, elsewhere));
}
