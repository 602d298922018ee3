import { isTotalLabel } from '../../src/arithmetic/lines.js';
import { isIndicatorTable } from '../html/structures.js';
import { parseCell, parseScale } from '../../src/grammar/number.js';
import { FORMULA_KEY, classify, isBareNumber, isLineOf, normaliseCode } from '../shape.js';
import { segmentTail } from '../text/glued.js';
import type { ExtractionNotice, RawCell, RawRow, RawTable, TextBlock } from '../types.js';
import type { PageText, PdfItem } from './read-pages.mjs';
import { splitTextTables, type OpenTextTable } from './text-table.js';
import { isValueText, type Chunk, type Line } from './words.js';

/**
 * Positioned text → lines → tables and text blocks, one page at a time. Every threshold is a
 * fraction of the font size at hand, never a fixed number of points: the same code reads a
 * 9 pt table and a 12 pt one.
 */

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

// Advance widths of Helvetica/Arial in 1/1000 em: close enough for the sans and serif faces of
// these documents, and exact in the property that matters: every digit has the same width.
const WIDTH: Record<string, number> = {
  ' ': 278,
  '.': 278,
  ',': 278,
  '-': 333,
  '−': 584,
  '–': 556,
  '%': 889,
  '(': 333,
  ')': 333,
  '€': 556,
  '/': 278,
  ':': 278,
  '+': 584,
  "'": 191,
};
const charWidth = (c: string) =>
  WIDTH[c] ??
  (c >= '0' && c <= '9'
    ? 556
    : c === c.toUpperCase() && c !== c.toLowerCase()
      ? 667
      : /[ijlft]/.test(c)
        ? 250
        : /[mw]/.test(c)
          ? 833
          : 520);

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Where each character of an item starts: the item's width shared out by glyph proportions. */
export function charEdges(item: { s: string; x: number; w: number }): number[] {
  const widths = [...item.s].map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const edges = [item.x];
  for (const w of widths) edges.push(edges[edges.length - 1] + (w / total) * item.w);
  return edges;
}

/**
 * Per UTF-16 code: the glyph width (charWidth) and whether it is white space (as /\s/), filled
 * in on first use. wordsOf runs over every character of every page: a lookup here instead of
 * regular expressions and case mappings per character.
 */
const CODE_WIDTH = new Uint16Array(65536);
const CODE_SPACE = new Uint8Array(65536);
function codeWidth(code: number): number {
  let w = CODE_WIDTH[code];
  if (w === 0) {
    const c = String.fromCharCode(code);
    w = CODE_WIDTH[code] = charWidth(c);
    CODE_SPACE[code] = /\s/.test(c) ? 2 : 1;
  }
  return w;
}

/**
 * An item's words, each with its estimated box (the edges charEdges gives, computed only where words start and end).
 */
function wordsOf(item: PdfItem, page: number): Chunk[] {
  const s = item.s;
  // Surrogate pairs are one character to charEdges: the general path.
  if (/[\uD800-\uDFFF]/.test(s)) return wordsOfSlow(item, page);
  const n = s.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += codeWidth(s.charCodeAt(i));
  total ||= 1;
  const out: Chunk[] = [];
  let at = item.x;
  let start = -1;
  let startX = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? s.charCodeAt(i) : 32;
    const w = codeWidth(code);
    const space = i === n || CODE_SPACE[code] === 2;
    if (!space && start < 0) {
      start = i;
      startX = at;
    }
    if (space && start >= 0) {
      out.push({ text: s.slice(start, i), x0: startX, x1: at, y: item.y, size: item.size, page });
      start = -1;
    }
    // (The same arithmetic as charEdges, so the boxes are the same to the last bit.)
    if (i < n) at += (w / total) * item.w;
  }
  return out;
}

function wordsOfSlow(item: PdfItem, page: number): Chunk[] {
  const chars = [...item.s];
  const edges = charEdges(item);
  const out: Chunk[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const space = i === chars.length || /\s/.test(chars[i]);
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      out.push({
        text: chars.slice(start, i).join(''),
        x0: edges[start],
        x1: edges[i],
        y: item.y,
        size: item.size,
        page,
      });
      start = -1;
    }
  }
  return out;
}

/**
 * Words → lines. Words share a line when their baselines are within a quarter of the font size
 * (sub-pixel jitter); a smaller word whose baseline is raised by up to 0.7 em over a line is a
 * superscript of that line. Then words join into chunks: touching pieces (a minus sign drawn
 * apart, a number in two items) without a space, words of running text with one, and anything
 * further apart than a space stays a chunk of its own.
 */
export function linesOf(page: PageText): Line[] {
  const words = page.items.filter((i) => i.upright).flatMap((i) => wordsOf(i, page.page));
  if (words.length === 0) return [];
  const sizes = words.map((w) => w.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)];
  // Browsers set <sup> at 83% of the body size: a one- or two-digit word that much smaller may
  // be a footnote marker too (it becomes one only when it stands raised right after a word).
  const maybeSup = (w: Chunk) => w.size < 0.8 * body || (w.size < 0.9 * body && /^\d{1,2}$/.test(w.text));
  const normal = words.filter((w) => !maybeSup(w)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const small = words.filter(maybeSup);
  const lines: { y: number; size: number; words: Chunk[]; sup: Chunk[] }[] = [];
  for (const w of normal) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(w.y - last.y) <= 0.25 * Math.max(w.size, last.size)) last.words.push(w);
    else lines.push({ y: w.y, size: w.size, words: [w], sup: [] });
  }
  for (const w of small) {
    // The line whose baseline is just below the raised word, and which it stands beside.
    const host = lines.find(
      (l) =>
        w.y < l.y - 0.1 * l.size &&
        w.y > l.y - 0.75 * l.size &&
        l.words.some((x) => Math.abs(x.x1 - w.x0) < 0.5 * l.size),
    );
    if (host && /^\d{1,2}$/.test(w.text)) host.sup.push(w);
    else {
      const same = lines.find((l) => Math.abs(w.y - l.y) <= 0.25 * l.size);
      if (same) same.words.push(w);
      else lines.push({ y: w.y, size: w.size, words: [w], sup: [] });
    }
  }
  lines.sort((a, b) => a.y - b.y);
  // A superscript makes its line box taller, so in a table cell set top-aligned (a browser's
  // print) the figure it marks drops below its row's baseline by about the raise: a line carrying
  // a marker, within 0.6 em under a line it shares no horizontal extent with, belongs to it.
  for (let i = lines.length - 1; i > 0; i--) {
    const l = lines[i];
    const up = lines[i - 1];
    if (l.sup.length === 0 || l.y - up.y > 0.6 * l.size || l.y - up.y <= 0) continue;
    const overlaps = l.words.some((w) => up.words.some((u) => w.x0 < u.x1 && u.x0 < w.x1));
    if (overlaps) continue;
    up.words.push(...l.words);
    up.sup.push(...l.sup);
    lines.splice(i, 1);
  }
  return lines.map((l) => {
    const ws = l.words.sort((a, b) => a.x0 - b.x0);
    // A superscript is a footnote marker: it joins the word before it as superscript digits.
    for (const s of l.sup) {
      const before = ws.filter((w) => w.x1 <= s.x0 + 0.2 * l.size).at(-1);
      if (before) {
        before.text += [...s.text].map((c) => SUPERSCRIPT[c] ?? c).join('');
        before.x1 = Math.max(before.x1, s.x1);
      }
    }
    const chunks: Chunk[] = [];
    for (const w of ws) {
      const prev = chunks[chunks.length - 1];
      const gap = prev ? w.x0 - prev.x1 : Infinity;
      const em = l.size;
      const bothValues = prev && isValueText(prev.text) && isValueText(w.text);
      const sign = prev && /^[-−–]$/.test(prev.text) && /^\d/.test(w.text);
      // "72% (2015)", "339 (45,2%)": a figure and its bracketed note one space apart are one
      // cell; figures of neighbouring columns stand further apart than a space.
      const note = bothValues && (/^\(/.test(w.text) || /\($/.test(prev.text)) && gap < 0.4 * em;
      if (prev && (gap < 0.15 * em || (sign && gap < 0.4 * em))) {
        prev.text += w.text;
        prev.x1 = w.x1;
      } else if (prev && (!bothValues || note) && gap < 0.55 * em) {
        prev.text += ` ${w.text}`;
        prev.x1 = w.x1;
      } else chunks.push(w); // (the word itself: words are not used again)
    }
    numberedLabel(chunks);
    // A taakveld code alone before the figures (its name wrapped onto the lines above and below
    // it) is the label's, not a figure: "0.11" is no Dutch amount.
    const [lead, second] = chunks;
    if (second && classify(lead.text) === 'code' && /^\d/.test(lead.text) && isValueText(second.text))
      lead.label = true;
    // A V or N after the last figure is the verschil's sign in words (a V/N column), no cell: the
    // figure is read as printed, as the HTML and text readers read it.
    if (
      chunks.length >= 2 &&
      VN_LETTER.test(chunks[chunks.length - 1].text) &&
      isValueText(chunks[chunks.length - 2].text)
    )
      chunks.pop();
    else {
      // (Set a word space after its figure, the letter ran into the figure's chunk: "-314 V".)
      const last = chunks[chunks.length - 1];
      const m = / +[VN]$/.exec(last.text);
      if (m && chunks.length >= 2 && isValueText(last.text.slice(0, m.index))) {
        const edges = charEdges({ s: last.text, x: last.x0, w: last.x1 - last.x0 });
        last.x1 = edges[m.index];
        last.text = last.text.slice(0, m.index);
      }
    }
    return { page: ws[0].page, y: l.y, size: l.size, chunks };
  });
}

/**
 * A code or number first on a line with words after it is where the label starts, however far
 * apart they are set: a taakveld code in a column of its own (`0.1` | `Bestuur`), a numbered
 * programme (`0 - Bestuur`). Not a figure: it joins the words as one label (`0.1 Bestuur`).
 */
/** The head of a code `0-1.2` broken at its hyphen, and the tail on the line under it. */
const BROKEN_CODE = /^\d{1,2}-$/;
const CODE_TAIL = /^\d{1,3}[A-Da-d]?\.\d?$/;

function numberedLabel(chunks: Chunk[]): void {
  if (chunks.length < 2) return;
  const [code, name] = chunks;
  // (A code broken at its hyphen in a narrow column, "0-" over "1.2", starts the label too.)
  if (!(classify(code.text) === 'code' || isBareNumber(code.text) || BROKEN_CODE.test(code.text))) return;
  // (A dash before the words belongs to the label: "0" "- Bestuur".)
  const words = name.text.replace(/^[-−–]\s*/, '');
  if (words === '' || isValueText(name.text) || ['code', 'item', 'amount', 'empty', 'vn'].includes(classify(words)))
    return;
  if (!/^[\p{L}(]/u.test(words)) return;
  const key = classify(code.text) === 'code' ? normaliseCode(code.text) : code.text;
  chunks.splice(0, 2, { ...code, text: `${key} ${name.text}`, x1: name.x1 });
}

/** A chunk that belongs in a value column: a value's text, unless the layout made it a label's. */
const isValue = (c: Chunk) => !c.label && isValueText(c.text);

const VN_LETTER = /^(V|N)$/;
/** The head of a V/N column ("V / N", "N/V"). */
const VN_HEAD = /^(V\s*\/\s*N|N\s*\/\s*V)$/i;

const PAGE_NUMBER = /^(pagina|page|blz\.?)?\s*\d{1,4}(\s*(van|of|\/)\s*\d{1,4})?$/i;

/**
 * Page headers and footers: lines in the top or bottom 6 % of a page that recur (digits aside)
 * on other pages, or that are a page number. They are dropped before tables are looked for.
 */
export function dropRunningLines(pages: PageLayout[]): PageLayout[] {
  const key = (l: Line) =>
    l.chunks
      .map((c) => c.text)
      .join(' ')
      .replace(/\d+/g, '#')
      .trim();
  const inBand = (p: PageLayout, l: Line) => l.y < 0.06 * p.height || l.y > 0.94 * p.height;
  const seen = new Map<string, Set<number>>();
  for (const p of pages)
    for (const l of p.lines) if (inBand(p, l)) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(p.page));
  return pages.map((p) => ({
    ...p,
    lines: p.lines.filter((l) => {
      if (!inBand(p, l)) return true;
      const text = l.chunks
        .map((c) => c.text)
        .join(' ')
        .trim();
      return !(PAGE_NUMBER.test(text) || (seen.get(key(l))?.size ?? 0) >= 2);
    }),
  }));
}

/** A line of a table body: it ends in a value and its value chunks stand right of any text. */
const YEAR = /^(19|20)\d{2}[⁰¹²³⁴⁵⁶⁷⁸⁹]*$/;

/** Lines are not changed once made: the answer is kept (regions and readTable ask it of a line several times). */
const rowLineMemo = new WeakMap<Line, boolean>();
function isRowLine(l: Line): boolean {
  let v = rowLineMemo.get(l);
  if (v === undefined) rowLineMemo.set(l, (v = rowLine(l)));
  return v;
}

function rowLine(l: Line): boolean {
  const values = l.chunks.filter((c) => isValue(c));
  if (values.length === 0 || !isValue(l.chunks[l.chunks.length - 1])) return false;
  // Years alone over the columns are a header line ("2023 2023 2023"), not figures.
  if (values.every((c) => YEAR.test(c.text))) return false;
  // (So are years after the wrapped end of a top-left head, "bedragen x €" / "1.000 2020 2021 …":
  // a figure first on the line, with no label, then years only, each later than the one before.)
  const years = values.slice(1);
  if (
    values[0] === l.chunks[0] &&
    years.length >= 2 &&
    years.every((c, i) => YEAR.test(c.text) && (i === 0 || parseInt(c.text, 10) > parseInt(years[i - 1].text, 10)))
  )
    return false;
  const firstValue = l.chunks.findIndex((c) => isValue(c));
  // A figure in a column stands well apart from the label; one in running text does not.
  const apart = firstValue > 0 && l.chunks[firstValue].x0 - l.chunks[firstValue - 1].x1 > 1.2 * l.size;
  return values.length >= 2 || apart;
}

interface Column {
  anchor: number;
  x0: number;
  x1: number;
  /**
   * How its figures are set where the anchor does not tell: flush left though clustered by right
   * edges (its figures' left edges agree and their right edges do not: a column LibreOffice
   * left-aligns because a word stands among its figures), or as the column of the table above.
   */
  align?: 'left' | 'right';
}

/** Whether a column's figures are set flush right (else flush left). */
const rightAligned = (col: Column) =>
  col.align ? col.align === 'right' : Math.abs(col.anchor - col.x1) <= Math.abs(col.anchor - col.x0);

/**
 * Columns learned from the table's own value chunks: right-aligned figures share their right
 * edge, left-aligned ones their left edge. Both are clustered; the alignment that explains the
 * chunks with fewer columns wins (right on a tie, the usual way of printing figures).
 */
export function learnColumns(values: Chunk[], em: number): Column[] {
  const cluster = (edge: (c: Chunk) => number) => {
    const sorted = [...values].sort((a, b) => edge(a) - edge(b));
    const groups: Chunk[][] = [];
    for (const c of sorted) {
      const g = groups[groups.length - 1];
      if (g && edge(c) - edge(g[g.length - 1]) <= 0.6 * em) g.push(c);
      else groups.push([c]);
    }
    return groups;
  };
  // Chunks that span several columns (figures run together) would blur the clusters.
  // (Asked of each chunk several times: answered once.)
  const singleOf = new Map<Chunk, boolean>();
  const single = (c: Chunk) => {
    let v = singleOf.get(c);
    if (v === undefined) singleOf.set(c, (v = parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind !== 'invalid'));
    return v;
  };
  const right = cluster((c) => c.x1).filter((g) => g.some(single));
  const left = cluster((c) => c.x0).filter((g) => g.some(single));
  const pick =
    left.length < right.length
      ? { groups: left, edge: (c: Chunk) => c.x0 }
      : { groups: right, edge: (c: Chunk) => c.x1 };
  const cols = pick.groups.map((g) => {
    const ok = g.filter(single);
    const edges = ok.map(pick.edge).sort((a, b) => a - b);
    return {
      anchor: edges[Math.floor(edges.length / 2)],
      x0: Math.min(...ok.map((c) => c.x0)),
      x1: Math.max(...ok.map((c) => c.x1)),
    };
  });
  // Columns of a grid never share a stretch of the line: two whose figures overlap are one column
  // set ragged (figures flush left in it, "94" and "110" ending apart), not two.
  const out: Column[] = [];
  for (const c of cols.sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1 - 0.3 * em) {
      last.x0 = Math.min(last.x0, c.x0);
      last.x1 = Math.max(last.x1, c.x1);
      last.anchor = last.x1;
    } else out.push({ ...c });
  }
  if (pick.groups === right) {
    const singles = right.flatMap((g) => g.filter(single));
    for (const col of out) {
      const own = singles.filter((c) => c.x0 >= col.x0 - 0.01 && c.x1 <= col.x1 + 0.01);
      const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
      const l = spread(own.map((c) => c.x0));
      if (own.length >= 3 && l <= 0.15 * em && spread(own.map((c) => c.x1)) >= l + 0.3 * em) col.align = 'left';
    }
  }
  return out;
}

const nearest = (cols: Column[], c: Chunk) => {
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  let bestD = Infinity;
  cols.forEach((col, i) => {
    const d =
      c.x1 >= col.x0 && c.x0 <= col.x1
        ? Math.abs(c.x1 - col.anchor) * 0.01
        : Math.min(Math.abs(mid - col.x0), Math.abs(mid - col.x1));
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
};

/** The columns a chunk's box covers (a chunk of figures run together covers several). */
const covered = (cols: Column[], c: Chunk) =>
  cols
    .map((col, i) => ({ col, i }))
    .filter(
      ({ col }) =>
        (col.anchor > c.x0 + (0.3 * (c.x1 - c.x0)) / Math.max(1, c.text.length) && col.anchor <= c.x1 + 1e-6) ||
        (c.x0 <= col.x1 && c.x1 >= col.x0 && col.anchor >= c.x0 && col.anchor <= c.x1 + 0.5),
    );

export interface Split {
  pieces: { col: number; text: string; x0: number; x1: number }[];
  how: 'geometry' | 'grammar';
}

/**
 * A chunk whose figures pdf.js ran together (`-12.075741-11.334`): cut it where the columns it
 * covers end, using the glyph positions; if those pieces are not all figures, fall back to the
 * constraint-based segmentation of glued text dumps and accept it only if it is the one split
 * into that many figures.
 */
export function splitGlued(c: Chunk, cols: Column[]): Split | { ambiguous: string[][] } | null {
  const cover = covered(cols, c);
  if (cover.length < 2) return null;
  const chars = [...c.text];
  const edges = charEdges({ s: c.text, x: c.x0, w: c.x1 - c.x0 });
  const cuts: number[] = [];
  for (const { col } of cover.slice(0, -1)) {
    let best = 1;
    for (let k = 1; k < chars.length; k++)
      if (Math.abs(edges[k] - col.anchor) < Math.abs(edges[best] - col.anchor)) best = k;
    cuts.push(best);
  }
  const bounds = [0, ...cuts, chars.length];
  const pieces = cover.map(({ i }, n) => ({
    col: i,
    text: chars.slice(bounds[n], bounds[n + 1]).join(''),
    x0: edges[bounds[n]],
    x1: edges[bounds[n + 1]],
  }));
  const isFigure = (t: string) => t !== '' && parseCell(t.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind !== 'invalid';
  if (cuts.every((k, n) => n === 0 || k > cuts[n - 1]) && pieces.every((p) => isFigure(p.text)))
    return { pieces, how: 'geometry' };
  const splits = segmentTail(c.text, cover.length).filter((s) => s.length === cover.length);
  if (splits.length === 1) {
    let at = 0;
    return {
      pieces: splits[0].map((text, n) => {
        const from = at;
        at += [...text].length;
        return { col: cover[n].i, text, x0: edges[from], x1: edges[at] };
      }),
      how: 'grammar',
    };
  }
  return splits.length > 1 ? { ambiguous: splits } : null;
}

const cellOf = (c: { text: string; x0: number; x1: number }, line: Line): RawCell => ({
  text: c.text,
  line: null,
  page: line.page,
  bold: false,
  bbox: [round(c.x0), round(line.y - line.size * 0.8), round(c.x1), round(line.y + line.size * 0.2)],
});
const round = (n: number) => Math.round(n * 10) / 10;

interface Region {
  lines: Line[];
  kind: 'table' | 'text';
}

/**
 * Split a page's lines into table blocks and running text. A table block is a run of row lines
 * (with label-only lines between them: wrapped labels, sub-headings) plus the header lines right
 * above it whose words stand over the figures.
 */
function regions(lines: Line[]): Region[] {
  const isRow = lines.map(isRowLine);
  const inTable = lines.map(() => false);
  const headStart = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    if (!isRow[i] || inTable[i]) continue;
    let j = i;
    let rows = 1;
    // Up to eight label-only lines between rows: a long label wrapped under its row.
    for (let k = i + 1; k < lines.length && k - j <= 9; k++) {
      const gap = lines[k].y - lines[k - 1].y;
      if (gap > 3 * lines[k].size) break;
      if (isRow[k]) {
        j = k;
        rows++;
      } else {
        // Running text runs on into the figures; a wrapped label stays left of them (in one label
        // column, or in a code column and a name column both: "1.2" under "0-", "reserves" under "Mutaties").
        const figuresFrom = lines[j].chunks.find((c) => isValue(c))!.x0;
        if (lines[k].chunks.some((c) => c.x1 > figuresFrom - 0.3 * lines[k].size)) break;
      }
    }
    // One row makes a table only under a header line whose words stand over each of its figures.
    if (rows < 2 && !headedSingleRow(lines, i)) continue;
    // The last row's label wrapped onto the lines below it: narrow text in the label column,
    // set as tight as the wrapped labels above.
    const labelEnd = Math.min(
      ...lines
        .slice(i, j + 1)
        .filter((_, n) => isRow[i + n])
        .map((l) => l.chunks.find((c) => isValue(c))!.x0),
    );
    for (let k = j + 1; k < lines.length && k - j <= 8; k++) {
      const l = lines[k];
      // (A label whose bracket is still open, or a line starting in lower case, goes on even where
      // the line gap is wider: a line of the label set in a fallback font stands a little apart.)
      const labelAbove = lines[k - 1].chunks
        .filter((c) => !isValue(c))
        .map((c) => c.text)
        .join(' ');
      const open =
        (labelAbove.match(/\(/g)?.length ?? 0) > (labelAbove.match(/\)/g)?.length ?? 0) ||
        /^[a-z]/.test(l.chunks[0].text);
      if (
        isRow[k] ||
        l.chunks.length > 1 ||
        l.chunks[0].x1 > labelEnd - 0.5 * l.size ||
        l.y - lines[k - 1].y > (open ? 1.6 : 1.35) * l.size
      )
        break;
      j = k;
    }
    for (let k = i; k <= j; k++) inTable[k] = true;
    // Header lines above: text over the figure columns, close above the first row.
    const firstValue = Math.min(
      ...lines
        .slice(i, j + 1)
        .filter((_, n) => isRow[i + n])
        .map((l) => l.chunks.find((c) => isValue(c))!.x0),
    );
    // (A top-left cell wrapped onto a line of its own counts once a line above it is over the figures.)
    const labelsLeft = Math.min(...lines.slice(i, j + 1).map((l) => l.chunks[0].x0));
    let top = i;
    for (let h = i - 1; h >= 0 && i - h <= 7 && !inTable[h]; h--) {
      if (lines[h + 1].y - lines[h].y > 2.6 * lines[h].size) break;
      const over = lines[h].chunks.some((c) => c.x1 > firstValue);
      // Running text starts at the left margin and runs on into the figures; a column head
      // wider than its figures ("Begroting" over "2023") only pokes a little left of them.
      const prose = lines[h].chunks.some(
        (c) => c.x0 < (labelsLeft + firstValue) / 2 && c.x1 > firstValue + 0.2 * lines[h].size,
      );
      if (prose || isRowLine(lines[h])) break;
      if (over) top = h;
    }
    for (let h = top; h < i; h++) inTable[h] = true;
    if (top < i) headStart[top] = true;
    i = j;
  }
  const out: Region[] = [];
  lines.forEach((l, i) => {
    const kind = inTable[i] ? 'table' : 'text';
    const last = out[out.length - 1];
    // (A header starts a table of its own, however close under the table before.)
    if (
      last &&
      last.kind === kind &&
      (kind === 'text' || (!headStart[i] && l.y - last.lines[last.lines.length - 1].y <= 3 * l.size))
    )
      last.lines.push(l);
    else out.push({ kind, lines: [l] });
  });
  return out;
}

/** Line i is a table's only row: the line right above heads every figure of it. */
function headedSingleRow(lines: Line[], i: number): boolean {
  const row = lines[i];
  const from = row.chunks.findIndex((c) => isValue(c));
  const figures = row.chunks.slice(from);
  // (Up to three lines of its label above it, left of its figures: set beside a wrapped label's
  // middle or foot, the figures stand below its first lines.)
  let h = i - 1;
  while (
    h >= 0 &&
    i - h <= 3 &&
    !isRowLine(lines[h]) &&
    lines[h].chunks.every((c) => c.x1 < figures[0].x0 - 0.5 * row.size) &&
    lines[h + 1].y - lines[h].y <= 1.35 * row.size
  )
    h--;
  const head = lines[h];
  if (!head || isRowLine(head) || lines[h + 1].y - head.y > 2.6 * head.size) return false;
  const labelEnd =
    from > 0 ? row.chunks[from - 1].x1 : Math.min(...lines.slice(h + 1, i + 1).map((l) => l.chunks[0].x0));
  const heads = head.chunks.filter((c) => c.x1 > labelEnd);
  if (
    figures.length >= 2 &&
    heads.length === figures.length &&
    figures.every((f) => heads.some((x) => f.x0 < x.x1 && x.x0 < f.x1))
  )
    return true;
  // A header over several lines (heads wrapped, a group over its columns): every figure has a
  // head word over it on one of the lines, and none of them runs in from the label column.
  const block: Line[] = [];
  for (
    let k = h;
    k >= 0 && h - k < 5 && !isRowLine(lines[k]) && lines[k + 1].y - lines[k].y <= 2.6 * lines[k].size;
    k--
  )
    block.push(lines[k]);
  const words = block.flatMap((l) => l.chunks).filter((c) => c.x1 > labelEnd);
  if (block.flatMap((l) => l.chunks).some((c) => c.x0 < labelEnd && c.x1 > figures[0].x0)) return false;
  if (figures.length < 2 || !figures.every((f) => words.some((x) => f.x0 < x.x1 && x.x0 < f.x1))) return false;
  // One header line whose heads ran into fewer chunks than there are figures (set closer than a
  // word space): a head line all the same when every chunk over the figures lies within their span.
  // (A head wider than its figures pokes out over the gutter: as far as the row's label ends.)
  const labelText = lines
    .slice(h + 1, i + 1)
    .flatMap((l) => l.chunks.filter((c) => c.x1 < figures[0].x0 && !isValue(c)));
  const span = [
    labelText.length ? Math.max(...labelText.map((c) => c.x1)) + 0.3 * row.size : figures[0].x0 - 2 * row.size,
    figures[figures.length - 1].x1 + row.size,
  ];
  return (
    block.length >= 2 || words.filter((x) => x.x1 > figures[0].x0).every((x) => x.x0 >= span[0] && x.x1 <= span[1])
  );
}

export interface PageResult {
  page: number;
  tables: RawTable[];
  textBlocks: TextBlock[];
  notices: ExtractionNotice[];
  /** The page starts with a table (nothing above it) / ends with one: it may continue across the break. */
  startsWithTable: boolean;
  endsWithTable: boolean;
  /** A table of text ran to the foot of the page: the next page may go on with its rows. */
  openTextTable: OpenTextTable | null;
}

/** One page's tables and text blocks. */
export function readPageLayout(p: PageLayout, file: string, open: OpenTextTable | null = null): PageResult {
  const rs = regions(p.lines);
  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];
  const textBlocks: TextBlock[] = [];
  let lastText: string[] = [];
  let openTextTable: OpenTextTable | null = null;
  // The last table region on the page was given up (an unread-table notice, no table).
  let givenUp = false;
  for (const [n, r] of rs.entries()) {
    if (r.kind === 'text') {
      const split = splitTextTables(r.lines, lastText, file, notices, n === 0 ? open : null);
      if (n === rs.length - 1) openTextTable = split.open;
      for (const part of split.parts) {
        if (part.notice) notices.push(part.notice);
        if (part.table) tables.push(part.table);
        else {
          textBlocks.push(...blocksOf(part.lines, p));
          if (!part.notice) strayFigures(part.lines, p.page, file, notices);
        }
        if (part.lines.length) lastText = part.lines.slice(-4).map((l) => l.chunks.map((c) => c.text).join(' '));
      }
      continue;
    }
    const before = notices.length;
    const t = readTable(r.lines, lastText, notices, file);
    // A table running off the page (text set past its edge: a producer that clipped a table too
    // wide for the page) has figures and heads cut: not read rather than read with the cut ones.
    const off = r.lines.flatMap((l) => l.chunks).filter((c) => c.x1 > p.width + 0.5 || c.x0 < -0.5);
    if (t && off.length) {
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message:
          `${file}: page ${p.page}: a table ("${t.rows[0]?.raw.slice(0, 60) ?? ''}") runs off the page: ` +
          (`${off.length} of its words and figures stand past the page's edge ("${off[0].text}"), cut, so it ` +
            `is not read`),
        line: null,
        page: p.page,
        raw: t.rows[0]?.raw ?? null,
        table: null,
        amounts: amountsOf(t),
      });
      textBlocks.push(...blocksOf(r.lines, p));
      givenUp = true;
      continue;
    }
    // An indicator's block under the description lines of the one above (Eenheid:, Bron:,
    // Toelichting:), its name and its rows, with no heads of its own: it goes on with the table
    // above on the page when read under that table's header it gives the same columns (the same
    // heads over them). Otherwise it stays unread, as readTable said.
    const above = tables.at(-1);
    const heads = above && headLinesOf.get(above);
    // (So does a block read with no header at all under such a table: its columns are the table's.)
    const undescribed =
      !t && notices.slice(before).some((x) => x.rule === 'unread-table' && x.message.includes('description lines'));
    if ((undescribed || (t && !t.header)) && above && heads?.length) {
      const said: ExtractionNotice[] = [];
      // (Without the description lines, and the lines their text wraps onto, set right of their labels.)
      let meta: Line | null = null;
      const body = r.lines.filter((l) => {
        if (META_LINE.test(l.chunks[0].text)) meta = l;
        else if (!(meta && !isRowLine(l) && l.chunks[0].x0 > meta.chunks[0].x1)) meta = null;
        return meta === null;
      });
      // (The block's name, a label line right above its first row, may have been left with the
      // description lines above it as text, when they run on over the figures.)
      const name = rs[n - 1]?.kind === 'text' ? rs[n - 1].lines.at(-1) : undefined;
      const firstFigure = body[0] && isRowLine(body[0]) ? body[0].chunks.find((c) => isValue(c)) : undefined;
      if (
        name &&
        firstFigure &&
        name.chunks.length === 1 &&
        !META_LINE.test(name.chunks[0].text) &&
        !isValue(name.chunks[0]) &&
        name.chunks[0].x1 < firstFigure.x0 &&
        body[0].y - name.y <= 1.6 * body[0].size
      )
        body.unshift(name);
      const again = readTable([...heads, ...body], lastText, said, file, columnsOf.get(above));
      const key = (x: RawTable) => x.header?.cells.map((c) => c.text).join(' | ');
      // (Only under a header that heads every column, and rows under a name of their own: a block
      // that lost its name, or a header with a column it does not head, stays unread and said so.)
      const headed = above.header !== null && above.header.cells.slice(1).every((c) => c.text.trim() !== '');
      if (
        again &&
        headed &&
        key(again) === key(above) &&
        again.rows.every((x) => x.sections?.length) &&
        !said.some((x) => x.rule === 'unread-table')
      ) {
        notices.splice(before, notices.length - before, ...said);
        above.rows.push(...again.rows);
        continue;
      }
      if (t) {
        // Rows with no heads of their own under a table they do not go on with: what each column
        // holds cannot be told, so they are not read rather than read as kolom 1, 2, ….
        const amounts = amountsOf(t);
        notices.push({
          rule: 'unread-table',
          severity: 'warning',
          message:
            `${file}: page ${p.page}: ${t.rows.length} rows of figures ("${t.rows[0].raw.slice(0, 60)}") with ` +
            `no heads of their own under the table "${above.title}" do not line up with its columns: what each ` +
            `column holds cannot be told, so they are not read`,
          line: null,
          page: p.page,
          raw: t.rows[0].raw,
          table: null,
          amounts,
        });
        textBlocks.push(...blocksOf(r.lines, p));
        continue;
      }
    }
    // Rows with no heads of their own under a table that was not read (its heads could not be put
    // over its columns): its columns, which they would go on in, are not known either.
    if (t && !t.header && givenUp) {
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message:
          `${file}: page ${p.page}: ${t.rows.length} rows of figures ("${t.rows[0].raw.slice(0, 60)}") with no ` +
          `heads of their own stand under a table that was not read: what each column holds cannot be told, so ` +
          `they are not read`,
        line: null,
        page: p.page,
        raw: t.rows[0].raw,
        table: null,
        amounts: amountsOf(t),
      });
      textBlocks.push(...blocksOf(r.lines, p));
      continue;
    }
    if (t) tables.push(t);
    else {
      textBlocks.push(...blocksOf(r.lines, p));
      if (!notices.slice(before).some((x) => x.rule === 'unread-table')) strayFigures(r.lines, p.page, file, notices);
    }
    givenUp = !t && notices.slice(before).some((x) => x.rule === 'unread-table');
  }
  return {
    page: p.page,
    tables,
    textBlocks,
    notices,
    startsWithTable: rs[0]?.kind === 'table',
    endsWithTable: rs.at(-1)?.kind === 'table',
    openTextTable,
  };
}

/** The amounts in a table's figure cells. */
const amountsOf = (t: RawTable) =>
  t.rows.reduce(
    (k, x) =>
      k + x.cells.slice(1).filter((c) => parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'number').length,
    0,
  );

/**
 * Lines of figures set apart in columns (two or more amounts, as a table row prints them) that no
 * table took: an `unread-table` notice, so that figures left as running text never pass unseen.
 */
function strayFigures(lines: Line[], page: number, file: string, notices: ExtractionNotice[]) {
  const amountsOf = (l: Line) =>
    l.chunks.filter((c) => !YEAR.test(c.text) && parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'number')
      .length;
  const rows = lines.filter((l) => isRowLine(l) && amountsOf(l) >= 2);
  if (rows.length === 0) return;
  const raw = rows[0].chunks.map((c) => c.text).join(' ');
  notices.push({
    rule: 'unread-table',
    severity: 'warning',
    message:
      `${file}: page ${page}: ${rows.length} line${rows.length === 1 ? '' : 's'} of figures set in columns ` +
      `("${raw.slice(0, 80)}") no table was read from: not checked`,
    line: null,
    page,
    raw,
    table: null,
    amounts: rows.reduce((n, l) => n + amountsOf(l), 0),
  });
}

interface Band {
  /** The band's lines top to bottom: its label's lines and its figure line. */
  lines: Line[];
  figure: Line | null;
}

/**
 * A band as one line: its label (lines joined, a word hyphenated at a line end joined back) and its figure lines' other
 * chunks.
 */
function bandLine(b: Band, labelRight: number, em: number, labelEdge: number): Line {
  const figs = b.lines.filter(isRowLine);
  const parts = b.lines.map((x) => labelPart(x, labelRight, em) ?? []).filter((cs) => cs.length);
  const texts = parts.map((cs) => cs.map((c) => c.text).join(' '));
  // A code set in a column of its own beside a wrapped name stands on one of the name's lines (its
  // middle or foot): it begins the label ("Res. van de rekening" / "0.11 van baten en lasten").
  const coded = parts.findIndex(
    (cs, k) => k > 0 && cs[0].x0 < parts[0][0].x0 - 0.5 * em && classify(texts[k].split(' ')[0]) === 'code',
  );
  if (coded > 0) {
    const [code, ...rest] = texts[coded].split(' ');
    texts[coded] = rest.join(' ');
    texts[0] = `${code} ${texts[0]}`;
  }
  // A code broken at its hyphen ("0-" / "1.2", in a code column beside the name, on the name's line
  // or alone above it): its tail, first on a line under it in the same column, joins it ("0-1.2",
  // read as every code is).
  const head = /^(\d{1,2}-)(?: (.*))?$/.exec(texts[0]);
  const tail = parts.findIndex(
    (cs, k) => k > 0 && Math.abs(cs[0].x0 - parts[0][0].x0) <= 0.5 * em && CODE_TAIL.test(texts[k].split(' ')[0]),
  );
  if (head && tail > 0) {
    const [code, ...rest] = texts[tail].split(' ');
    texts[tail] = rest.join(' ');
    texts[0] = [normaliseCode(head[1] + code), head[2]].filter(Boolean).join(' ');
  }
  // (The line before with words: a code moved out of it to the front leaves a line empty.)
  const broken = (k: number) => {
    let j = k - 1;
    while (j > 0 && texts[j] === '') j--;
    return brokenInside(parts[j], texts[k], labelEdge, em);
  };
  const text = texts.reduce(
    (t, next, k) =>
      next === ''
        ? t
        : t === ''
          ? next
          : (/[a-z0-9]-$/.test(t) && /^[a-z0-9]/.test(next)) || broken(k)
            ? t + next
            : `${t} ${next}`,
    '',
  );
  const all = parts.flat();
  const first = figs[0];
  const label: Chunk[] = all.length
    ? [
        {
          text,
          x0: Math.min(...all.map((c) => c.x0)),
          x1: Math.max(...all.map((c) => c.x1)),
          y: first.y,
          size: first.size,
          page: first.page,
        },
      ]
    : [];
  const own = new Set(all);
  if (figs.length === 1 && parts.length <= 1) return first;
  return {
    page: first.page,
    y: first.y,
    size: first.size,
    chunks: [...label, ...figs.flatMap((f) => f.chunks.filter((c) => !own.has(c)))],
  };
}

/**
 * A word wider than its cell, broken inside it with no hyphen: the line before is that one word,
 * reaching the cell's edge (where the label column's longest lines end), and the next line starts
 * with its end, one or two letters no short word ("Vennootschapsbelastin" / "g (VpB)").
 */
function brokenInside(before: Chunk[], next: string, labelEdge: number, em: number): boolean {
  const words = before.filter((c) => classify(c.text) !== 'code');
  const end = /^([a-z]{1,2})(?:\s|$)/.exec(next);
  return (
    words.length === 1 &&
    /^\S*[a-z]$/.test(words[0].text) &&
    words[0].x1 >= labelEdge - em &&
    end !== null &&
    !SHORT_WORD.test(end[1])
  );
}

/** The label-column chunks of a line (left of the figures), or null when it has words over the figure columns. */
function labelPart(l: Line, labelRight: number, em: number): Chunk[] | null {
  const from = isRowLine(l) ? l.chunks.findIndex((c) => isValue(c)) : l.chunks.length;
  const before = l.chunks.slice(0, from);
  if (before.some((c) => c.x1 > labelRight + 0.3 * em))
    return isRowLine(l) ? before.filter((c) => c.x1 <= labelRight + 0.3 * em) : null;
  return before;
}

/**
 * Rows as bands: a cell's wrapped lines are set at the font's line pitch, rows further apart (the
 * cells' padding, a rule). The closest two lines of label text in the table give that pitch;
 * lines of the label column within it of each other are one label, and the figures set beside
 * it (at its top, middle or bottom: a figure line between or on its lines) are its row's. A band
 * holds one figure line. Null when that cannot be told: label-only lines, but rows set as close as
 * wrapped lines (then the older reading by line gaps and case decides), or a line of words over
 * the figure columns among the rows.
 */
function bands(lines: Line[], labelRight: number, em: number): { rows: Band[] } | null {
  const parts = lines.map((l) => labelPart(l, labelRight, em));
  if (parts.some((p) => p === null)) return null;
  const labelled = lines.filter((_, i) => parts[i]!.length > 0);
  const labelOnly = lines.filter((l, i) => !isRowLine(l) && parts[i]!.length > 0);
  if (labelOnly.length === 0) return { rows: lines.filter(isRowLine).map((l) => ({ lines: [l], figure: l })) };
  const gaps = labelled.slice(1).map((l, i) => l.y - labelled[i].y);
  // (Lines of the label column closer than a line's height: rows drawn over each other, no pitch.)
  if (gaps.length === 0 || gaps.some((g) => g < 0.8 * em)) return null;
  // One line of figures: every line of the label column around it is its label, if one under the other.
  const figures = lines.filter(isRowLine);
  if (figures.length === 1 && Math.max(...gaps) <= 1.5 * Math.min(...gaps))
    return { rows: [{ lines, figure: figures[0] }] };
  const pitch = Math.min(...gaps);
  // Rows set as close as a cell's wrapped lines: no gap tells them apart.
  if (!gaps.some((g) => g > 1.12 * pitch)) return null;
  // Rows surely apart: two labelled figure lines one after the other. A label's lines are closer
  // than halfway to that (a fallback font for one line of a label sets it a little apart, never
  // as far as a row).
  const rowGaps = labelled
    .slice(1)
    .flatMap((l, i) =>
      isRowLine(l) && isRowLine(labelled[i]) && l.y - labelled[i].y > 1.12 * pitch ? [l.y - labelled[i].y] : [],
    );
  // Otherwise the widest step between the gaps (sorted) parts wraps from rows.
  const sorted = [...gaps].sort((a, b) => a - b);
  let step = 0;
  for (let k = 1; k < sorted.length; k++) if (sorted[k] / sorted[k - 1] > sorted[step + 1] / sorted[step]) step = k - 1;
  let within = (sorted[step] + sorted[step + 1]) / 2;
  if (rowGaps.length) within = Math.min(within, (pitch + Math.min(...rowGaps)) / 2);
  const rows: Band[] = [];
  let cur: (Band & { lastLabel: number | null }) | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const fig = isRowLine(l);
    const hasLabel = parts[i]!.length > 0;
    let near =
      cur !== null &&
      (cur.lastLabel !== null
        ? l.y - cur.lastLabel <= within
        : l.y - cur.lines[cur.lines.length - 1].y <= 0.75 * pitch);
    // A label goes on where its text says so (a bracket still open, a lower-case start), a little
    // further apart than the pitch (a line in a fallback font).
    if (cur && !near && hasLabel && !fig && cur.lastLabel !== null && l.y - cur.lastLabel <= 1.5 * pitch) {
      const above = cur.lines
        .flatMap((x) => labelPart(x, labelRight, em) ?? [])
        .map((c) => c.text)
        .join(' ');
      near = (above.match(/\(/g)?.length ?? 0) > (above.match(/\)/g)?.length ?? 0) || /^[a-z]/.test(parts[i]![0].text);
    }
    // (Within a label's line pitch the row goes on, figures too: a figure cell wrapped over lines.)
    if (cur && near && (hasLabel || !cur.figure || l.y - cur.lines[cur.lines.length - 1].y <= within)) {
      cur.lines.push(l);
      if (fig) cur.figure = l;
    } else {
      cur = { lines: [l], figure: fig ? l : null, lastLabel: null };
      rows.push(cur);
    }
    if (hasLabel) cur.lastLabel = l.y;
  }
  return { rows };
}

/**
 * A header chunk's words split over the columns they stand over, each part flush with its
 * column's edge (the right edge of right-aligned figures, the left of left-aligned ones); null if
 * they do not. The parts are found in reading order from the edges alone, not from where each
 * word's middle falls: a head wider than its figures pokes out over the gutter (or the label
 * column) on the side away from that edge.
 */
function splitHead(c: Chunk, cols: Column[], em: number): [number[], string][] | null {
  const edges = charEdges({ s: c.text, x: c.x0, w: c.x1 - c.x0 });
  const words: Word[] = [];
  const chars = [...c.text];
  let start = -1;
  for (let k = 0; k <= chars.length; k++) {
    const space = k === chars.length || chars[k] === ' ';
    if (!space && start < 0) start = k;
    if (space && start >= 0) {
      words.push({ text: chars.slice(start, k).join(''), x0: edges[start], x1: edges[k] });
      start = -1;
    }
  }
  const tol = 0.6 * em;
  const right = rightAligned;
  // The columns whose aligned edge lies within the chunk: each must have a part flush with it.
  const under = cols
    .map((col, i) => ({ col, i }))
    .filter(({ col }) =>
      right(col) ? col.x1 >= c.x0 && col.x1 <= c.x1 + tol : col.x0 >= c.x0 - tol && col.x0 <= c.x1,
    );
  if (under.length < 2) return null;
  const flush = words.length >= under.length ? splitFlush(words, under, cols, em) : null;
  return flush ? flush.map(([i, text]) => [[i], text]) : splitCentred(words, under, cols, em);
}

type Word = { text: string; x0: number; x1: number };

/**
 * A head run into the group head beside it ("Lasten Geraamde Lasten": Lasten flush over its
 * column, Geraamde Lasten centred over the next two): parts in reading order, each flush with its
 * one column's aligned edge or centred over a run of two columns or more, together heading every
 * column whose edge lies within the chunk. Read only when one such split exists (two parts at
 * least); otherwise null, and the chunk is read as one head.
 */
function splitCentred(
  words: Word[],
  under: { col: Column; i: number }[],
  cols: Column[],
  em: number,
): [number[], string][] | null {
  const tol = 0.6 * em;
  if (words.length < 2 || words.length > 8) return null;
  const right = rightAligned;
  const left = (a: number) =>
    a > 0 ? cols[a - 1].x1 : cols.length > 1 ? 2 * cols[0].x1 - cols[1].x1 : cols[0].x0 - em;
  const fits = (ws: Word[], a: number, b: number) => {
    const x0 = ws[0].x0;
    const x1 = ws[ws.length - 1].x1;
    if (a === b) return right(cols[a]) ? Math.abs(x1 - cols[a].x1) <= tol : Math.abs(x0 - cols[a].x0) <= tol;
    // (Centred over the run and within it: from the figures' end before it to its last figures' end.)
    return Math.abs((x0 + x1) / 2 - (left(a) + cols[b].x1) / 2) <= tol && x0 >= left(a) - tol && x1 <= cols[b].x1 + tol;
  };
  const first = under[0].i;
  const last = under[under.length - 1].i;
  // The chunk's first word said again before its last word starts a head of its own ("Begroting 2016
  // voor wijziging Begroting 2016 na wijziging"): the heads of one header row run together begin
  // alike. Parts then start there and only there.
  const starts = words.flatMap((x, k) => (k > 0 && k < words.length - 1 && x.text === words[0].text ? [k] : []));
  const repeated = starts.length > 0;
  const endOf = (w: number) => starts.find((k) => k > w) ?? words.length;
  // Splits of words w… over columns a…last: how many (two is as many as matter) and the first.
  // (Memoised by where it stands: a chunk of words over many columns has too many paths to walk.)
  type Ways = { n: number; first: [number[], string][] | null };
  const memo = new Map<number, Ways>();
  const ways = (w: number, a: number): Ways => {
    if (w === words.length || a > last)
      return w === words.length && a > last ? { n: 1, first: [] } : { n: 0, first: null };
    const key = w * 1000 + a;
    const known = memo.get(key);
    if (known) return known;
    let out: Ways = { n: 0, first: null };
    // (A part starts within its run: none starting left of the run's start fits it.)
    if (words[w].x0 < left(a) - tol) {
      memo.set(key, out);
      return out;
    }
    for (let w2 = repeated ? endOf(w) : w + 1; w2 <= words.length && out.n < 2; w2 = repeated ? Infinity : w2 + 1) {
      const mid = (words[w].x0 + words[w2 - 1].x1) / 2;
      for (let b = a; b <= last && out.n < 2; b++) {
        // (Runs further right only move their middle further right of the part's.)
        if (b > a && (left(a) + cols[b].x1) / 2 > mid + tol) break;
        // (Not the whole chunk as one part: that is the reading without a split.)
        if (w === 0 && w2 === words.length) continue;
        const ws = words.slice(w, w2);
        if (!fits(ws, a, b)) continue;
        const rest = ways(w2, b + 1);
        if (rest.n === 0) continue;
        const part: [number[], string] = [
          Array.from({ length: b - a + 1 }, (_, k) => a + k),
          ws.map((x) => x.text).join(' '),
        ];
        out = { n: Math.min(2, out.n + rest.n), first: out.first ?? [part, ...rest.first!] };
      }
    }
    memo.set(key, out);
    return out;
  };
  const all = ways(0, first);
  const found = all.n === 1 ? [all.first!] : [];
  if (found.length !== 1) return null;
  // Read apart only when the parts explain where the chunk stands clearly better than one head
  // centred over all those columns does (their worst misfit under half of its).
  const misfit = (ws: Word[], a: number, b: number) => {
    const x0 = ws[0].x0;
    const x1 = ws[ws.length - 1].x1;
    if (a === b) return right(cols[a]) ? Math.abs(x1 - cols[a].x1) : Math.abs(x0 - cols[a].x0);
    return Math.abs((x0 + x1) / 2 - (left(a) + cols[b].x1) / 2);
  };
  let at = 0;
  const worst = Math.max(
    ...found[0].map(([targets, text]) => {
      const n = text.split(' ').length;
      const m = misfit(words.slice(at, at + n), targets[0], targets[targets.length - 1]);
      at += n;
      return m;
    }),
  );
  return repeated || worst < misfit(words, first, last) / 2 ? found[0] : null;
}

function splitFlush(
  words: Word[],
  under: { col: Column; i: number }[],
  cols: Column[],
  em: number,
): [number, string][] | null {
  const tol = 0.6 * em;
  // Where each part ends (a right-aligned column: its last word flush with the column's right
  // edge) or starts (left-aligned: its first word flush with the left edge), in order; one word
  // each at least. Columns of both alignments side by side (LibreOffice sets a column with a
  // word among its figures flush left) part where a right-aligned part ends or a left-aligned one
  // starts; a left-aligned part followed by a right-aligned one parts only when each is one word.
  const flushAt = (k: number, col: Column) =>
    rightAligned(col) ? Math.abs(words[k].x1 - col.x1) : Math.abs(words[k].x0 - col.x0);
  const marks: number[] = [];
  for (const [n, { col }] of under.entries()) {
    const from = n === 0 ? 0 : marks[n - 1] + 1;
    let best = -1;
    for (let k = from; k < words.length; k++)
      if (flushAt(k, col) <= tol && (best < 0 || flushAt(k, col) < flushAt(best, col))) best = k;
    if (best < 0) return null;
    marks.push(best);
  }
  const r = under.map(({ col }) => rightAligned(col));
  // The first part starts with the chunk, the last ends with it.
  if (!r[0] && marks[0] !== 0) return null;
  if (r.at(-1) && marks.at(-1) !== words.length - 1) return null;
  const bounds = [0];
  for (let n = 0; n + 1 < under.length; n++) {
    if (r[n]) {
      if (!r[n + 1] && marks[n + 1] !== marks[n] + 1) return null;
      bounds.push(marks[n] + 1);
    } else if (!r[n + 1]) bounds.push(marks[n + 1]);
    else if (marks[n + 1] === marks[n] + 1) bounds.push(marks[n + 1]);
    else return null;
  }
  bounds.push(words.length);
  const groups = under.map(({ i }, n) => ({ col: i, ws: words.slice(bounds[n], bounds[n + 1]) }));
  if (groups.some((g) => g.ws.length === 0)) return null;
  // A part does not run over the figures of the column before its own.
  if (groups.some((g) => g.col > 0 && g.ws[0].x0 < cols[g.col - 1].x1 - 0.3 * em)) return null;
  return groups.map((g) => [g.col, g.ws.map((w) => w.text).join(' ')]);
}

/**
 * A group head set centred over its columns ("Begroting 2024" over Primitief | Lasten | Baten |
 * Saldo) may stand over the middle ones only, narrower than its span. It heads every column of
 * the run it is centred over, up to the heads beside it on its line, where each column taken in
 * has a head of its own below it that names no year (a head that needs a group: Primitief, Saldo,
 * Lasten); a column headed in full (Realisatie 2022) is never taken into a group beside it.
 */
interface PlacedHead {
  line: number;
  y: number;
  /**
   * The header row it is printed in: lines closer than a line's height are one row whose cells
   * are set centred (a cell of one line halfway between the lines of a wrapped one beside it).
   */
  tier: number;
  text: string;
  x0: number;
  x1: number;
  targets: number[];
  split: boolean;
}

function widenCentredHeads(placed: PlacedHead[], cols: Column[], labelRight: number, em: number): void {
  const lastLine = Math.max(-1, ...placed.map((h) => h.line));
  const pitch = cols.length > 1 ? (cols[cols.length - 1].x1 - cols[0].x1) / (cols.length - 1) : 4 * em;
  // Where a run of columns starts: the figures' end in the column before it (the first column
  // taken as wide as the second).
  const left = (a: number) =>
    a > 0 ? cols[a - 1].x1 : cols.length > 1 ? 2 * cols[0].x1 - cols[1].x1 : labelRight - em;
  // Lower heads first: a group on a line under another is settled before the one above it.
  // A head's wrapped lines: a head on the line right under another (as close as a cell's lines,
  // closer than header rows stand apart), over the same columns, centred under it or flush with
  // either edge, is the same cell's next line. It is not widened by itself (set alone under a
  // group head it would look centred over a wider run too): it heads the run its first line heads.
  const wrapOf = new Map<PlacedHead, PlacedHead>();
  for (const h of [...placed].sort((p, q) => p.line - q.line)) {
    const up = placed.find(
      (o) =>
        o.line === h.line - 1 &&
        !o.split &&
        !h.split &&
        h.y - o.y <= 1.35 * em &&
        h.targets.every((i) => o.targets.includes(i)) &&
        (Math.abs((o.x0 + o.x1) / 2 - (h.x0 + h.x1) / 2) <= 0.6 * em ||
          Math.abs(o.x0 - h.x0) <= 0.3 * em ||
          Math.abs(o.x1 - h.x1) <= 0.3 * em),
    );
    if (up) wrapOf.set(h, wrapOf.get(up) ?? up);
  }
  for (const h of [...placed].sort((p, q) => q.line - p.line)) {
    if (h.split || h.line === lastLine || wrapOf.has(h)) continue;
    // A head flush with its one column's edge, as its figures are set, is that column's own,
    // unless it stands as well in the middle of a run about that column.
    const [only] = h.targets;
    const flush = (col: Column) => (rightAligned(col) ? Math.abs(h.x1 - col.x1) : Math.abs(h.x0 - col.x0));
    const symmetric = h.targets.length === 1 && flush(cols[only]) <= 0.6 * em;
    const mid = (h.x0 + h.x1) / 2;
    // Columns headed beside it on its line, or grouped by a head above or below that does not head
    // its own columns too (groups nest, never cross; a head wrapped over two lines heads the same
    // run on both).
    const other = (o: PlacedHead) => o.targets.length > 1 && !h.targets.every((i) => o.targets.includes(i));
    // (Heads of its own header row are its siblings, whatever line a centred cell put them on;
    // one over a column of its own is the same cell's other line.)
    const siblings = placed.filter(
      (o) => o !== h && o.tier === h.tier && !o.targets.some((i) => h.targets.includes(i)),
    );
    const taken = new Set([...siblings, ...placed.filter((o) => o !== h && other(o))].flatMap((o) => o.targets));
    // Needs a group: a head under it in a lower header row; under a head that names a year, one
    // that names none (a period has one year: Realisatie 2022 is no part of a Begroting 2023 group).
    // (A head flush with its own column, widened only about it, takes no dated head: it may be a
    // wrapped head's last line, "Begroting" / "na" / "wijziging" over "2023". Unless it stands in
    // a row of group heads (one of them over two columns or more) whose heads leave the columns on
    // both sides of it unheaded, as many each side: a group head as wide as one column, centred
    // over the gap, heads all of it. A row that groups its columns leaves none without a head.)
    const gap = (() => {
      if (!symmetric || !siblings.some((o) => o.targets.length > 1)) return false;
      const headed = new Set(siblings.flatMap((o) => o.targets));
      let a = only;
      let b = only;
      while (a > 0 && !headed.has(a - 1)) a--;
      while (b < cols.length - 1 && !headed.has(b + 1)) b++;
      return only - a === b - only && a < b;
    })();
    const dated = YEAR_IN.test(h.text) || (symmetric && !gap);
    const open = (i: number) => {
      const below = placed.filter((o) => o.tier > h.tier && o.targets.includes(i));
      const fits = (o: PlacedHead) => o.targets.length === 1 || h.targets.every((j) => o.targets.includes(j));
      return !taken.has(i) && below.length > 0 && below.every((o) => fits(o) && !(dated && YEAR_IN.test(o.text)));
    };
    const lo0 = Math.min(...h.targets);
    const hi0 = Math.max(...h.targets);
    // The run best centred under the head; of runs as well centred (a wider run about the same
    // middle), the widest.
    const runs: { a: number; b: number; d: number }[] = [];
    for (let a = lo0; a >= 0 && (a === lo0 || open(a)); a--) {
      for (let b = hi0; b < cols.length && (b === hi0 || open(b)); b++) {
        if (symmetric && b - hi0 !== lo0 - a) continue;
        const d = Math.abs((left(a) + cols[b].x1) / 2 - mid);
        if (d <= Math.max(0.25 * pitch, 0.12 * (cols[b].x1 - left(a)))) runs.push({ a, b, d });
      }
    }
    const dmin = Math.min(...runs.map((r) => r.d));
    const pick = runs.filter((r) => r.d <= dmin + 0.5 * em).sort((p, q) => q.b - q.a - (p.b - p.a))[0];
    const best = pick && (pick.a !== lo0 || pick.b !== hi0) ? [pick.a, pick.b] : null;
    if (best) h.targets = Array.from({ length: best[1] - best[0] + 1 }, (_, k) => best[0] + k);
  }
  for (const [h, first] of wrapOf) h.targets = [...first.targets];
}

/**
 * `like`: the columns of the table a block is read to go on with: a column of the block set where
 * one of those is, with its figures flush with the same edge, is aligned as that one is.
 */
function readTable(
  lines: Line[],
  above: string[],
  notices: ExtractionNotice[],
  file: string,
  like?: Column[],
): RawTable | null {
  const em = lines.map((l) => l.size).sort((a, b) => a - b)[Math.floor(lines.length / 2)];
  const firstRow = lines.findIndex(isRowLine);
  const values = lines
    .slice(firstRow)
    .filter(isRowLine)
    .flatMap((l) => {
      const from = l.chunks.findIndex((c) => isValue(c));
      return l.chunks.slice(from);
    });
  const cols = learnColumns(values, em);
  if (cols.length === 0) return null;
  // (Figures of one width, as a block of few rows may print, do not tell their own alignment.)
  for (const col of cols) {
    const o = like?.find((k) => k.x0 < col.x1 && k.x1 > col.x0);
    if (!o) continue;
    if (rightAligned(o) ? Math.abs(o.x1 - col.x1) <= 0.6 * em : Math.abs(o.x0 - col.x0) <= 0.6 * em)
      col.align = rightAligned(o) ? 'right' : 'left';
  }
  const labelRight = Math.min(...cols.map((c) => c.x0));
  // Rows as bands of the label column: a label wrapped over lines beside figures set at its top,
  // middle or bottom line. Lines of the label column right above the first figures (and below the
  // last header line, which has words over the columns) are its first row's label when the bands
  // take them in.
  let lastHead = firstRow - 1;
  while (lastHead >= 0 && !lines[lastHead].chunks.some((c) => c.x1 > labelRight + 0.3 * em)) lastHead--;
  const banded = bands(lines.slice(lastHead + 1), labelRight, em);
  // (A numbered label of no figures under the last head line, "0.0 Bestuur en ondersteuning", is a
  // sub-heading of the body, not a head.)
  const numbered = (l: Line) => l.chunks[0].x1 <= labelRight && classify(l.chunks[0].text.split(' ')[0]) === 'code';
  // (Nor is one wrapped onto lines of the label column: "0.0 Bestuur en" / "ondersteuning".)
  const under = lines.slice(lastHead + 1, firstRow);
  const wrappedNumbered =
    under.length > 0 && numbered(under[0]) && under.every((l) => l.chunks.every((c) => c.x1 <= labelRight));
  // (Nor is a label line set as far under the last head line as rows stand apart, not as close as a
  // head's wrapped line: "Verwijzingen Halt" over its Gemeente / Provincie / Nederland rows.)
  // (A code's head broken at its hyphen, "0-", is no figure there.)
  const labelOnly =
    under.length > 0 &&
    under.every((l) => l.chunks.every((c) => c.x1 <= labelRight && (!isValue(c) || BROKEN_CODE.test(c.text))));
  const apart = lastHead >= 0 && under.length > 0 && under[0].y - lines[lastHead].y >= 1.35 * em;
  const headingsFrom = under.every(numbered) || wrappedNumbered || (labelOnly && apart) ? lastHead + 1 : firstRow;
  const bodyFrom = Math.min(
    headingsFrom,
    banded ? lines.findIndex((l) => l === banded.rows.find((b) => b.figure)?.lines[0]) : firstRow,
  );
  const headerLines = lines.slice(0, Math.min(firstRow, bodyFrom < 0 ? firstRow : bodyFrom));
  // Heads right of the last column of figures head columns left blank in every row: on the lowest
  // header line that has such heads, each is a column of its own (not words of the last one's head).
  const beyond = (c: Chunk) => c.x0 > cols[cols.length - 1].x1 + 0.5 * em && !/^[VN/\s]+$/.test(c.text);
  const blankHeads =
    [...headerLines]
      .reverse()
      .find((l) => l.chunks.some(beyond))
      ?.chunks.filter(beyond) ?? [];
  for (const c of blankHeads) cols.push({ anchor: c.x1, x0: c.x0, x1: c.x1 });
  const bodyLines = lines.slice(headerLines.length);

  // Header: words over the columns; a word over several columns (a spanning header) heads each.
  const headerTexts: string[][] = cols.map(() => []);
  // Columns headed by a word spanning them and by no word of their own.
  const spanned = cols.map(() => false);
  const own = cols.map(() => false);
  const topLeft: string[] = [];
  // A chunk of heads run together that no split puts over its columns (the table is not read).
  let unsplit: string | null = null;
  // Each head chunk with the columns it heads, line by line; widened to its centred span below.
  const placed: PlacedHead[] = [];
  let tier = 0;
  // (Measured between lines with heads over the figures: a top-left cell set centred beside both
  // header rows stands between them and joins neither.)
  let lastHeadY: number | null = null;
  for (const [n, l] of headerLines.entries()) {
    if (l.chunks.some((c) => c.x1 > labelRight - 0.3 * em)) {
      if (lastHeadY !== null && l.y - lastHeadY >= 0.8 * em) tier++;
      lastHeadY = l.y;
    }
    for (const c of l.chunks) {
      if (c.x1 <= labelRight - 0.3 * em) {
        topLeft.push(c.text);
        continue;
      }
      // The head of a V/N column right of the figures: its letters are no cells (linesOf).
      // (Wrapped in a narrow column: "V /" over "N".)
      if ((VN_HEAD.test(c.text.trim()) || /^[VN/\s]+$/.test(c.text)) && c.x0 > cols[cols.length - 1].x1) continue;
      // Spanning: the word covers two or more columns' figures whole. Otherwise: the column whose
      // figures' centre is nearest to the word's centre.
      // A column's region runs from the previous column's right end to its own.
      const region = (i: number) => [i === 0 ? labelRight - em : cols[i - 1].x1, cols[i].x1 + 0.3 * em];
      // (A chunk standing over the whole figures of two columns or more spans them too, however
      // narrow they are beside it: heads of two cells run together, or one head over both.)
      const over = (i: number) => cols[i].x0 >= c.x0 - 0.3 * em && cols[i].x1 <= c.x1 + 0.3 * em;
      const whole = cols.filter((_, i) => over(i)).length >= 2;
      const spans = cols
        .map((_, i) => ({ i, r: region(i) }))
        .filter(({ i, r }) => Math.min(c.x1, r[1]) - Math.max(c.x0, r[0]) >= 0.3 * (c.x1 - c.x0) || (whole && over(i)));
      const mid = (c.x0 + c.x1) / 2;
      const closest = cols
        .map((col, i) => ({ i, d: Math.abs((col.x0 + col.x1) / 2 - mid) }))
        .sort((a, b) => a.d - b.d)[0].i;
      // Heads of one word each run together, a word twice in a row among them ("werkelijk begroot
      // begroot begroot begroot", each set flush in its own column, closer than a word space),
      // over as many columns as it has words: one word each, in reading order. (A head's words
      // are a phrase, which never says a word twice in a row; "Lasten Geraamde Lasten" is two heads.)
      const ws = c.text.split(' ');
      if (ws.some((w, k) => k > 0 && w === ws[k - 1])) {
        const ends = cols.flatMap((col, i) => (col.x1 >= c.x0 + 0.3 * em && col.x1 <= c.x1 + 0.6 * em ? [i] : []));
        if (ends.length === ws.length) {
          ends.forEach((i, k) =>
            placed.push({ line: n, y: l.y, tier, text: ws[k], x0: c.x0, x1: c.x1, targets: [i], split: true }),
          );
          continue;
        }
      }
      if (spans.length >= 2) {
        // Heads of neighbouring columns set closer than a word space apart run into one chunk
        // ("Rekening 2023 Verschil"): its words split where each part ends at its column's
        // edge (right or left, as the figures under it); a head centred over the columns spans them.
        const parts = splitHead(c, cols, em);
        if (parts) {
          for (const [targets, text] of parts)
            placed.push({ line: n, y: l.y, tier, text, x0: c.x0, x1: c.x1, targets, split: true });
          continue;
        }
        // Heads run together that begin alike ("Begroting 2016 voor wijziging Begroting 2016 na
        // wijziging") and no split puts over their columns: not one head over them all.
        if (ws.some((w, k) => k > 0 && k < ws.length - 1 && w === ws[0])) unsplit ??= c.text;
      }
      const targets = spans.length >= 2 ? spans.map((s) => s.i) : [closest];
      placed.push({ line: n, y: l.y, tier, text: c.text, x0: c.x0, x1: c.x1, targets, split: false });
    }
  }
  widenCentredHeads(placed, cols, labelRight, em);
  // A lowest header line of key letters and formulas under the names (a | b | c = a + b): each name
  // keeps its key in parentheses, as the HTML and text readers write it.
  const keyLine = Math.max(-1, ...placed.map((h) => h.line));
  const keys = placed.filter((h) => h.line === keyLine);
  const keyed =
    keyLine > 0 &&
    keys.length >= 2 &&
    placed.some((h) => h.line < keyLine) &&
    keys.every((h) => h.targets.length === 1 && FORMULA_KEY.test(h.text.trim()));
  for (const h of placed) {
    for (const i of h.targets) headerTexts[i].push(keyed && h.line === keyLine ? `(${h.text.trim()})` : h.text);
    for (const i of h.targets) (h.targets.length >= 2 ? spanned : own)[i] = true;
  }
  const headerY = headerLines[0];
  const page = lines[0].page;

  // Body rows; label-only lines are wrapped labels or sub-headings.
  const rows: RawRow[] = [];
  let pendingLabel: { text: string; line: Line } | null = null;
  let lastLabelLine: Chunk[] = [];
  // Label lines whose row the spacing does not tell (see below).
  const tied: { text: string; above: RawRow; below: number; read: 'above' | 'below' | 'neither' }[] = [];
  const pitch =
    median(
      bodyLines
        .filter(isRowLine)
        .map((l, i, a) => (i ? l.y - a[i - 1].y : NaN))
        .filter((n) => !Number.isNaN(n)),
    ) ?? 2 * em;
  // A band is read as one line: its label's lines joined, its figure lines' cells (a figure cell
  // wrapped over lines joined within its column, top to bottom).
  // Sub-headings (a label with no figures) stand over the rows after them: sections of those
  // rows, and the group of the Lasten / Baten / Saldo lines right under one (as the HTML and text
  // readers carry their section rows).
  const headingsBefore = new Map<Line, string[]>();
  let headings: string[] = [];
  const rowLines: Line[] = [];
  // Where the label column's text ends: its longest lines reach the cell's edge.
  const labelEdge = Math.max(
    ...bodyLines.flatMap((l) => l.chunks.filter((c) => !isValue(c) && c.x1 <= labelRight + 0.3 * em).map((c) => c.x1)),
  );
  // A label of no figures between a line of a block still open (no total) and the total right
  // under it is a row whose figures are all blank, not a sub-heading: a heading opens a block,
  // and this total closes the block above it ("Kapitaallasten" / "Verrekening met voorzieningen" /
  // "Totaal lasten"). (Under a total, the block above closed, it heads the lines under it, even
  // when they are totals of their own: "Saldo" / "7.1 Volksgezondheid" / "Totaal lasten (4)".)
  const blankLines = new Set<Line>();
  const totalLabel = (l: Line | undefined) =>
    l !== undefined &&
    isRowLine(l) &&
    !isValue(l.chunks[0]) &&
    l.chunks[0].x1 <= labelRight + 0.3 * em &&
    isTotalLabel(l.chunks[0].text);
  const openAbove = (label: string | undefined) => label !== undefined && label.trim() !== '' && !isTotalLabel(label);
  if (banded) {
    for (const [k, b] of banded.rows.entries()) {
      if (!b.figure) {
        const text = b.lines
          .map((x) => x.chunks.map((c) => c.text).join(' '))
          .join(' ')
          .trim();
        const next = banded.rows[k + 1];
        const above = rowLines.at(-1);
        const aboveLabel = above && !isValue(above.chunks[0]) ? above.chunks[0].text : undefined;
        if (
          text &&
          openAbove(aboveLabel) &&
          headings.length === 0 &&
          next?.figure &&
          totalLabel(bandLine(next, labelRight, em, labelEdge))
        ) {
          const cs = b.lines.flatMap((x) => x.chunks);
          const line: Line = {
            page: b.lines[0].page,
            y: b.lines[0].y,
            size: b.lines[0].size,
            chunks: [{ ...cs[0], text, x0: Math.min(...cs.map((c) => c.x0)), x1: Math.max(...cs.map((c) => c.x1)) }],
          };
          blankLines.add(line);
          rowLines.push(line);
        } else if (text) headings.push(text);
        continue;
      }
      const line = bandLine(b, labelRight, em, labelEdge);
      if (headings.length) headingsBefore.set(line, headings);
      headings = [];
      rowLines.push(line);
    }
  } else rowLines.push(...bodyLines);
  let sections: string[] = [];
  let group: string | null = null;
  let sawHeading = false;
  const enter = (text: string) => {
    const isItem = classify(text) === 'item';
    sections = [...sections.filter((x) => (classify(x) === 'item') !== isItem), text];
    if (!isItem) group = text;
    sawHeading = true;
  };
  const blankRow = (text: string, l: Line): RawRow => ({
    cells: [
      cellOf({ text, x0: l.chunks[0].x0, x1: l.chunks[l.chunks.length - 1].x1 }, l),
      ...cols.map((col) => ({
        text: '',
        line: null,
        page,
        bold: false,
        bbox: [round(col.x0), round(l.y - l.size * 0.8), round(col.x1), round(l.y + l.size * 0.2)] as [
          number,
          number,
          number,
          number,
        ],
      })),
    ],
    line: null,
    page,
    raw: text,
    ...(sawHeading && sections.length ? { sections: [...sections] } : {}),
  });
  for (let n = 0; n < rowLines.length; n++) {
    const l = rowLines[n];
    if (blankLines.has(l)) {
      rows.push(blankRow(l.chunks[0].text, l));
      continue;
    }
    // (Label lines of a band are read with its figures; a band without figures is a sub-heading.)
    if (banded && !isRowLine(l)) continue;
    if (!isRowLine(l)) {
      let text = l.chunks.map((c) => c.text).join(' ');
      // A label line closer under a label line of no figures than rows stand apart wraps it: the
      // two are read as one, a label or a sub-heading ("0.0 Bestuur en" / "ondersteuning").
      const wraps = pendingLabel !== null && l.y - pendingLabel.line.y < 0.8 * pitch;
      if (wraps) {
        text = `${pendingLabel!.text}${brokenInside(lastLabelLine, text, labelEdge, em) ? '' : ' '}${text}`;
        pendingLabel = null;
      }
      const prev = bodyLines[n - 1];
      const next = bodyLines[n + 1];
      const prevRow = rows[rows.length - 1];
      const gapBefore = prev ? l.y - prev.y : Infinity;
      const gapAfter = next ? next.y - l.y : Infinity;
      const nextLabel = next && isRowLine(next) ? next.chunks[0].x1 <= labelRight && !isValue(next.chunks[0]) : false;
      // (A label with a bracket still open goes on, whatever the next line starts with.)
      const open = prevRow
        ? (prevRow.cells[0].text.match(/\(/g)?.length ?? 0) > (prevRow.cells[0].text.match(/\)/g)?.length ?? 0)
        : false;
      // Set exactly as far from the row above as from the row below, its text saying nothing (no
      // lower-case start, no bracket open above): the line may end the label above or begin the
      // one below. The reading below decides, and a label-boundary warning says so.
      const cue = /^[a-z(]/.test(text) || open;
      // A numbered label over a row of its own label, or over its Lasten / Baten / Saldo line, is
      // a heading however it is spaced: a wrapped label goes on in words, not with a code.
      // (So is a numbered label over a label line of its own, which wraps into the row below it.)
      const nextText = next && next.chunks[0].x1 <= labelRight && !isValue(next.chunks[0]) ? next.chunks[0].text : '';
      const first = text.split(' ')[0];
      const numberedText = (classify(first) === 'code' || isBareNumber(first)) && text.includes(' ');
      const overOwn = nextLabel && (classify(first) === 'code' || numberedText || isLineOf(nextText, text));
      const overLabel = numberedText && next !== undefined && !isRowLine(next) && !/^\d/.test(nextText);
      const heading = !cue && nextText !== '' && !/^[a-z(]/.test(nextText) && (overOwn || overLabel);
      if (
        prevRow &&
        openAbove(prevRow.cells[0].text) &&
        !cue &&
        !heading &&
        !wraps &&
        pendingLabel === null &&
        totalLabel(next)
      ) {
        rows.push(blankRow(text, l));
        continue;
      }
      // A line holding a code's head broken at its hyphen ("0-"), under a label whose code is whole
      // (head and tail), begins the label below: its tail is to come.
      const words = (t: string) => t.split(' ');
      const whole = (t: string) => {
        const h = words(t).findIndex((w) => BROKEN_CODE.test(w));
        return h >= 0 && words(t).some((w, k) => k > h && CODE_TAIL.test(w));
      };
      const opensCode =
        prevRow !== undefined &&
        words(text).some((w) => BROKEN_CODE.test(w)) &&
        !whole(text) &&
        whole(prevRow.cells[0].text);
      const tie =
        prevRow &&
        next &&
        isRowLine(next) &&
        !cue &&
        !opensCode &&
        !heading &&
        Math.abs(gapBefore - gapAfter) <= 0.12 * Math.min(gapBefore, gapAfter);
      if (
        prevRow &&
        !heading &&
        !wraps &&
        !opensCode &&
        (cue || (gapBefore < 0.8 * pitch && gapBefore < gapAfter + 0.15 * em))
      ) {
        // (As close to the line above as to the one below: the label goes on, not a new one.)
        // A label wrapped onto the next line.
        // A label broken after a hyphen ("re-" / "integratie", "15-" / "64 jaar") goes on
        // without a space; the hyphen stays (a compound's cannot be told from a hyphenation).
        const hyphen = /[a-z0-9]-$/.test(prevRow.cells[0].text) && /^[a-z0-9]/.test(text);
        const sep = hyphen || brokenInside(lastLabelLine, text, labelEdge, em) ? '' : ' ';
        lastLabelLine = l.chunks;
        prevRow.cells[0].text += `${sep}${text}`;
        prevRow.raw += `${sep}${text}`;
        if (tie) tied.push({ text, above: prevRow, below: rows.length, read: 'above' });
        continue;
      }
      if (!heading && ((next && !nextLabel) || (next && gapAfter < 0.8 * pitch))) {
        pendingLabel = { text, line: l };
        lastLabelLine = l.chunks;
      }
      // else: a sub-heading inside the table; it carries no figures.
      // (One that may as well end or begin a label is no heading: label-boundary says so below.)
      else if (!tie) headings.push(text);
      if (tie) tied.push({ text, above: prevRow, below: rows.length, read: pendingLabel ? 'below' : 'neither' });
      continue;
    }
    const from = l.chunks.findIndex((c) => isValue(c));
    const labelChunks = l.chunks.slice(0, from).filter((c) => c.x1 <= labelRight + 0.3 * em);
    const inColumns = l.chunks.slice(0, from).filter((c) => c.x1 > labelRight + 0.3 * em);
    let label = labelChunks.map((c) => c.text).join(' ');
    // (The label's last line of words: this line's, or a line above when it holds a code only.)
    if (!pendingLabel || labelChunks.some((c) => classify(c.text) !== 'code')) lastLabelLine = labelChunks;
    if (pendingLabel) {
      // (A code beside the name's last line begins the label, as in bandLine.)
      const [first, ...rest] = label.split(' ');
      const code = label && classify(first) === 'code' && classify(pendingLabel.text.split(' ')[0]) !== 'code';
      if (code) label = `${first} ${pendingLabel.text} ${rest.join(' ')}`.trim();
      else label = label ? `${pendingLabel.text} ${label}` : pendingLabel.text;
      pendingLabel = null;
    }
    const cells: (RawCell | null)[] = cols.map(() => null);
    let ambiguous: string[][] | null = null;
    let unreadable: string | null = null;
    for (const c of [...inColumns, ...l.chunks.slice(from)]) {
      const glued = parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'invalid' ? splitGlued(c, cols) : null;
      if (glued && 'pieces' in glued) {
        for (const piece of glued.pieces) cells[piece.col] = cellOf(piece, l);
        notices.push({
          rule: 'glued-cells',
          severity: 'info',
          message:
            `${file}: "${c.text}" was one text item in the PDF; split by ` +
            `${glued.how === 'geometry' ? 'glyph positions at the column edges' : 'the number grammar (one split only)'} ` +
            `into ${glued.pieces.map((q) => q.text).join(' | ')}`,
          line: null,
          page,
          raw: c.text,
          table: null,
        });
        continue;
      }
      if (glued && 'ambiguous' in glued) ambiguous = glued.ambiguous;
      else if (
        glued === null &&
        parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'invalid' &&
        covered(cols, c).length > 1
      )
        unreadable = c.text;
      const i = nearest(cols, c);
      if (cells[i])
        cells[i] = {
          ...cells[i],
          text: `${cells[i].text} ${c.text}`,
          bbox: [cells[i].bbox![0], cells[i].bbox![1], round(c.x1), cells[i].bbox![3]],
        };
      else cells[i] = cellOf(c, l);
    }
    const raw = l.chunks.map((c) => c.text).join(' ');
    if (ambiguous || unreadable) {
      notices.push({
        rule: ambiguous ? 'ambiguous-cells' : 'unreadable-row',
        severity: 'error',
        message: ambiguous
          ? `${label}: the figures run together in "${raw}" split in ${ambiguous.length} ways (${ambiguous
              .slice(0, 4)
              .map((s) => s.join(' | '))
              .join('; ')}); nothing stored for this row`
          : `${label}: "${unreadable}" runs figures together and no split fits the columns; nothing stored for ` +
            `this row`,
        line: null,
        page,
        raw,
        table: null,
      });
      continue;
    }
    const labelBox = labelChunks.length
      ? { text: label, x0: Math.min(...labelChunks.map((c) => c.x0)), x1: Math.max(...labelChunks.map((c) => c.x1)) }
      : { text: label, x0: cols[0].x0, x1: cols[0].x0 };
    for (const h of banded ? (headingsBefore.get(l) ?? []) : headings) enter(h);
    headings = [];
    const row: RawRow = {
      cells: [
        cellOf(labelBox, l),
        ...cells.map(
          (c, i) =>
            c ?? {
              text: '',
              line: null,
              page,
              bold: false,
              bbox: [round(cols[i].x0), round(l.y - l.size * 0.8), round(cols[i].x1), round(l.y + l.size * 0.2)] as [
                number,
                number,
                number,
                number,
              ],
            },
        ),
      ],
      line: null,
      page,
      raw,
    };
    if (isLineOf(label, group)) row.group = group!;
    else group = null;
    if (sawHeading && sections.length) row.sections = [...sections];
    rows.push(row);
  }
  if (rows.length < (headerLines.length ? 1 : 2)) return null;
  // A code broken at its hyphen whose lines the label's lines were read in among ("Beheer overige
  // 0- gebouwen en 3.2 gronden"): the code, joined, begins the label ("0.3 Beheer overige gebouwen
  // en gronden").
  for (const r of rows) {
    const words = r.cells[0].text.split(' ');
    const h = words.findIndex((w) => BROKEN_CODE.test(w));
    const t = words.findIndex((w, k) => k > h && CODE_TAIL.test(w));
    if (h < 0 || t < 0) continue;
    const code = normaliseCode(words[h] + words[t]);
    const text = [code, ...words.filter((_, k) => k !== h && k !== t)].join(' ');
    r.cells[0] = { ...r.cells[0], text };
  }
  // An indicator's description lines (Eenheid:, Bron:, Toelichting:) above figures are no heads:
  // which year and kind each column holds is not printed there, so the table is not read rather
  // than read with those words as its columns.
  const described = headerLines.find((l) => l.chunks.some((c) => META_LINE.test(c.text)));
  if (described) {
    const amounts = rows.reduce(
      (n, r) =>
        n + r.cells.slice(1).filter((c) => parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'number').length,
      0,
    );
    const what = described.chunks
      .map((c) => c.text)
      .join(' ')
      .slice(0, 60);
    const message =
      `${file}: page ${page}: ${rows.length} rows of figures ("${rows[0].raw.slice(0, 60)}") stand under description ` +
      `lines ("${what}"), not under heads of their own: which column is which cannot be told, so they are not read`;
    notices.push({
      rule: 'unread-table',
      severity: 'warning',
      message,
      line: null,
      page,
      raw: rows[0].raw,
      table: null,
      amounts,
    });
    return null;
  }
  // A figure with the year it refers to ("868,8 (2016)", "51 (2e halfjaar 2017)") is an
  // indicator's value: money tables never date their cells.
  const dated = rows.some((r) => r.cells.slice(1).some((c) => REFERENCE_YEAR.test(c.text)));
  // (A head broken inside a word in a column too narrow for it — "gewijzig" / "d" — joins back:
  // one or two lower-case letters alone under a word are its end; so does a date broken after a
  // hyphen, "31-" / "12-2016".)
  const headerText = headerTexts.map((h) =>
    h
      .reduce(
        (t, w) =>
          (t && /[a-z]$/.test(t) && /^[a-z]{1,2}$/.test(w) && !SHORT_WORD.test(w)) || (/\d-$/.test(t) && /^\d/.test(w))
            ? t + w
            : t
              ? `${t} ${w}`
              : w,
        '',
      )
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const headerPresent = headerText.some((h) => h !== '');
  // Two columns headed only by the same spanning words (heads run together that no flush edges
  // part, or one head over figures set in two columns): which column is which cannot be told from
  // the page, so the table is not read rather than read with a guessed column.
  const alike = cols
    .flatMap((_, i) => (spanned[i] && !own[i] ? [i] : []))
    .filter((i, _, a) => a.some((j) => j !== i && headerText[j] === headerText[i]));
  if (unsplit !== null) {
    notices.push({
      rule: 'unread-table',
      severity: 'warning',
      message:
        `${file}: page ${page}: a table under "${unsplit}" is not read: heads run together there that begin ` +
        `alike, and no split of them stands over its columns, so which column is which cannot be told`,
      line: null,
      page,
      raw: rows[0]?.raw ?? null,
      table: null,
      amounts: amountsOf({ rows } as RawTable),
    });
    return null;
  }
  if (alike.length >= 2) {
    const amounts = rows.reduce(
      (n, r) =>
        n + r.cells.slice(1).filter((c) => parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'number').length,
      0,
    );
    notices.push({
      rule: 'unread-table',
      severity: 'warning',
      message:
        `${file}: page ${page}: a table under "${headerText[alike[0]]}" is not read: that head stands over ` +
        `${alike.length} columns of figures and no head of their own tells them apart (columns ` +
        `${alike.map((i) => i + 1).join(', ')})`,
      line: null,
      page,
      raw: rows[0]?.raw ?? null,
      table: null,
      amounts,
    });
    return null;
  }
  for (const t of tied) {
    const below = rows[t.below];
    if (!below) continue;
    const [joined, other] = t.read === 'below' ? [below, t.above] : [t.above, below];
    notices.push({
      rule: 'label-boundary',
      severity: 'warning',
      message:
        `${file}: page ${t.above.page}: the label line "${t.text}" stands as far from the row above as from ` +
        `the row below (rows set as close as a label's wrapped lines); ` +
        `${t.read === 'neither' ? `it is read as a sub-heading, but it may end "${t.above.cells[0].text}" or begin ` + `"${below.cells[0].text}"` : `it is read as part of "${joined.cells[0].text}", but it may belong to "${other.cells[0].text}"`}: ` +
        `both labels rest on this`,
      line: null,
      page: t.above.page,
      raw: t.text,
      table: null,
      row: t.read === 'neither' ? null : joined.cells[0].text,
      column: null,
    });
  }
  foldKeyColumns(headerText, rows);
  const near = [...above, topLeft.join(' ')];
  const scaleText = near.reverse().find((t) => t && parseScale(t) !== null) ?? null;
  const heading = [...above].reverse().find((t) => t.trim() && t.length < 160 && parseScale(t) === null) ?? null;
  const topLeftText = topLeft.join(' ').trim();
  const title = topLeftText && parseScale(topLeftText) === null ? topLeftText : (heading ?? `Tabel op pagina ${page}`);
  // In an indicator table the rows under an indicator's name that name a comparison area
  // (Gemeente, Provincie, Nederland) are named after it, as the HTML reader names them.
  if (
    headerPresent &&
    isIndicatorTable({ header: { cells: [topLeftText, ...headerText].map((text) => ({ text })) } } as RawTable)
  ) {
    for (const r of rows) {
      const name = r.sections?.filter((x) => classify(x) !== 'item').at(-1);
      if (name && AREA_ROW.test(r.cells[0].text.trim()))
        r.cells[0] = { ...r.cells[0], text: `${name} ${r.cells[0].text}` };
    }
    // Areas with no indicator's name above them (printed on the page before, say): whose figures
    // they are cannot be told, so they are not read rather than stored as "Gemeente".
    const nameless = rows.filter((r) => !r.sections?.length && AREA_ROW.test(r.cells[0].text.trim()));
    if (nameless.length) {
      const amounts = nameless.reduce(
        (k, r) =>
          k + r.cells.slice(1).filter((c) => parseCell(c.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')).kind === 'number').length,
        0,
      );
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message:
          `${file}: page ${page}: ${nameless.length} rows of comparison areas ` +
          `("${nameless[0].raw.slice(0, 60)}") stand under no indicator's name: whose figures they are cannot ` +
          `be told, so they are not read`,
        line: null,
        page,
        raw: nameless[0].raw,
        table: null,
        amounts,
      });
      rows.splice(0, rows.length, ...rows.filter((r) => !nameless.includes(r)));
      if (rows.length === 0) return null;
    }
  }
  const table: RawTable = {
    index: 0,
    layout: 'pdf',
    ...(dated ? { role: 'indicator' as const } : {}),
    title,
    context: heading && heading !== title ? [heading] : [],
    scaleText,
    header: headerPresent
      ? {
          cells: [topLeftText, ...headerText].map((text) => ({ text, line: null, page, bold: false })),
          line: null,
          page,
          raw: headerLines.map((l) => l.chunks.map((c) => c.text).join(' ')).join(' / '),
        }
      : null,
    rows,
    footnotes: [],
    line: null,
    page: headerY?.page ?? page,
  };
  headLinesOf.set(table, headerLines);
  columnsOf.set(table, cols);
  return table;
}

/** The header lines a table was read under (a block of the same table further down reads under them too). */
const headLinesOf = new WeakMap<RawTable, Line[]>();
/** The columns a table was read in. */
const columnsOf = new WeakMap<RawTable, Column[]>();

/**
 * A column headed as a key (Progr., Prog., Programma nr) holds a programme number per row, no
 * amount: it goes into the row's label, `0.1 Bestuur (7)`, as the text and HTML readers put it.
 */
function foldKeyColumns(headerText: string[], rows: RawRow[]): void {
  const keys = headerText.flatMap((h, i) => (classify(h) === 'key-header' ? [i] : []));
  if (keys.length === 0) return;
  for (const r of rows) {
    const texts = keys.map((k) => r.cells[k + 1]?.text.trim() ?? '').filter((t) => t !== '');
    if (texts.length) r.cells[0] = { ...r.cells[0], text: `${r.cells[0].text} (${texts.join(', ')})` };
    r.cells = r.cells.filter((_, i) => !keys.includes(i - 1));
  }
  for (const k of [...keys].reverse()) headerText.splice(k, 1);
}

const YEAR_IN = /\b(19|20)\d{2}\b/;

/** A comparison area's row under an indicator's name (as the interpreter's AREA). */
const AREA_ROW =
  /^(gemeente|provincie|nederland|regio|landelijk|nederland gemiddeld|gemiddelde|referentiegemeenten|grootteklasse|vergelijkbare gemeenten)\b.{0,40}$/i;

const META_LINE = /^(eenheid|bron|toelichting|definitie|periode)\s*:/i;

/** Short words a head goes on with ("Begroting" / "na wijziging"), not a word's broken end. */
const SHORT_WORD = /^(na|en|of|in|op|te|de|om|nr|is|al|er|ze|zo|nu|ca|bv|ov)$/;

const REFERENCE_YEAR = /\d%?\s*\(\s*(?:[12]e\s+halfjaar\s+)?(?:19|20)\d{2}\s*\)$/i;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Running text in reading order: a page set in two columns (a gutter no line crosses) is read
 * left column first; lines closer than 1.7 line heights form one block.
 */
function blocksOf(lines: Line[], p: PageLayout): TextBlock[] {
  const segs: Chunk[][] = [];
  for (const l of lines) {
    let cur: Chunk[] = [];
    for (const c of l.chunks) {
      if (cur.length && c.x0 - cur[cur.length - 1].x1 > 1.5 * l.size) {
        segs.push(cur);
        cur = [];
      }
      cur.push(c);
    }
    if (cur.length) segs.push(cur);
  }
  const mid = p.width / 2;
  const x0 = (s: Chunk[]) => s[0].x0;
  const x1 = (s: Chunk[]) => s[s.length - 1].x1;
  const left = segs.filter((s) => x1(s) < mid);
  const right = segs.filter((s) => x0(s) > mid);
  const twoColumns = left.length >= 3 && right.length >= 3 && left.length + right.length >= 0.8 * segs.length;
  const order = twoColumns ? [...segs.filter((s) => x0(s) <= mid), ...right] : segs;
  const blocks: TextBlock[] = [];
  let prev: Chunk[] | null = null;
  for (const s of order) {
    const text = s.map((c) => c.text).join(' ');
    const sameColumn = prev && x0(prev) > mid === x0(s) > mid;
    if (prev && sameColumn && s[0].y - prev[0].y > 0 && s[0].y - prev[0].y < 1.7 * s[0].size) {
      const b = blocks[blocks.length - 1];
      b.text = b.text.endsWith('-') ? b.text.slice(0, -1) + text : `${b.text} ${text}`;
    } else blocks.push({ text, line: null, page: p.page });
    prev = s;
  }
  return blocks;
}

/**
 * A table that goes on over a page break: the next page opens with a table of as many columns,
 * with no header or the same header repeated. Its rows join the table on the page before.
 */
export function joinAcrossPages(
  results: PageResult[],
  file: string,
): { tables: RawTable[]; textBlocks: TextBlock[]; notices: ExtractionNotice[] } {
  const tables: RawTable[] = [];
  const textBlocks: TextBlock[] = [];
  const notices: ExtractionNotice[] = [];
  let prev: PageResult | null = null;
  for (const r of results) {
    let own = r.tables;
    const last = tables[tables.length - 1];
    if (prev && prev.page === r.page - 1 && prev.endsWithTable && r.startsWithTable && last && own.length) {
      const first = own[0];
      const width = (t: RawTable) => Math.max(...t.rows.map((row) => row.cells.length));
      const heads = (t: RawTable) => t.header!.cells.slice(1).map((c) => c.text);
      const sameHeader = !first.header || (last.header && heads(first).join('|') === heads(last).join('|'));
      if (width(first) === width(last) && sameHeader) {
        last.rows.push(...first.rows);
        own = own.slice(1);
      }
    }
    // Dated figures (an indicator table) with no header over them: which year and kind each
    // column holds cannot be told, so nothing is stored rather than facts with a guessed column.
    for (const t of own.filter((x) => x.role === 'indicator' && !x.header)) {
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message:
          `${file}: page ${t.page}: a table of ${t.rows.length} dated figures ` +
          `("${t.rows[0].cells[0].text.slice(0, 60)}", ...) has no header and does not go on from a table on ` +
          `the page before; its columns' years cannot be told, so it is not read`,
        line: null,
        page: t.page,
        raw: t.rows[0].raw,
        table: t.title,
      });
    }
    tables.push(...own.filter((x) => !(x.role === 'indicator' && !x.header)));
    textBlocks.push(...r.textBlocks);
    notices.push(...r.notices);
    prev = r;
  }
  tables.forEach((t, i) => (t.index = i));
  for (const n of notices) n.table ??= null;
  return { tables, textBlocks, notices };
}
