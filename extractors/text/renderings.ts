import { parseScale } from '../../src/grammar/number.js';
import { unbreak } from '../../src/grammar/words.js';
import { endsAt, segmentTail, type Line } from './glued.js';
import type { ExtractionNotice, RawTable } from '../types.js';
import {
  applyVn,
  classify,
  FORMULA_KEY,
  isBareNumber,
  isMarker,
  noticeOf,
  normaliseCode,
  UNIT_START,
  YEAR_LABEL_HEADER,
  planHeader,
  shapeRows,
  toRawRow,
  type ShapeCell,
} from '../shape.js';
import { remembered } from '../../src/collections.js';

/**
 * Tables as text renderings of web pages and converters print them, beyond the samples' own
 * layouts: markdown pipe rows (`| 0.1 | Bestuur | 1.521 | -206 |`), space-separated rows
 * (`0.1 Bestuur Lasten -3.752.900,00 -4.027.500,00`) and one cell per line (blank lines between
 * cells, in any column order). Each rendering is cut into header tiers and label/value runs; the
 * shape rules (extractors/shape.ts) make the table. Where the text cannot tell (a header whose
 * spans are lost, a row cut off where the text ends), a reading notice says so.
 */

interface Run {
  labels: ShapeCell[];
  values: ShapeCell[];
  raw: string;
  /** A row printed over several lines whose figures cannot be put in their columns. */
  unread?: boolean;
}

interface Draft {
  layout: RawTable['layout'];
  tiers: string[][];
  runs: Run[];
  first: number;
  last: number;
  /** The text ends inside the table: its last row may be cut off. */
  atEnd: boolean;
  titleIdx: number;
  /**
   * Header rows above the tiers read that no tier took (a stacked header of three or four rows): printed, not
   * understood.
   */
  unplaced?: string[];
  /** The text ends in these label cells of a row whose figures it does not print (a page cut off mid-row). */
  cutLabels?: ShapeCell[];
}

const isValue = (c: string) => {
  const k = classify(c);
  return k === 'amount' || k === 'empty' || k === 'vn';
};
/** A cell that names something: text, not a figure, code or header word. */
const isNameCell = (c: string) => classify(c) === 'text';
const isHeaderish = (c: string) =>
  ['header', 'item', 'label-header', 'key-header', 'vn-header', 'marker-header'].includes(classify(c));
const META = /^(eenheid|bron|toelichting|definitie|peildatum|periode)\s*:/i;
const isYearish = (c: string) => /^(19|20)\d{2}$/.test(c.trim());
/** A sentence: long, or many words ending in a stop; a long line with no sentence in it is a header of many columns. */
const isProse = (t: string) =>
  (t.length > 160 && /[.:!?]$|[.!?]\s/.test(t)) || t.length > 400 || (t.split(/\s+/).length > 14 && /[.:!?]$/.test(t));

/**
 * Markdown pipe tables: their cells are marked, so they are read before the readers of glued
 * dumps (which would take their "Gemeente | 110 | …" lines for glued indicator rows).
 */
export function readPipeRenderings(
  all: Line[],
  used: Set<number>,
): { tables: RawTable[]; notices: ExtractionNotice[] } {
  return make(all, used, pipeTables(all, used));
}

/** Space-separated rows, then one cell per line, in what no other reader took. */
export function readRenderings(all: Line[], used: Set<number>): { tables: RawTable[]; notices: ExtractionNotice[] } {
  const drafts = spaceTables(all, used);
  for (const d of drafts) for (let l = d.first; l <= d.last; l++) used.add(l);
  drafts.push(...cellTables(all, used));
  return make(all, used, drafts);
}

function make(all: Line[], used: Set<number>, drafts: Draft[]): { tables: RawTable[]; notices: ExtractionNotice[] } {
  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];
  for (const d of drafts) {
    const made = makeTable(all, used, d);
    if (!made) continue;
    tables.push(made.table);
    notices.push(...made.notices);
    for (let l = d.first; l <= d.last; l++) used.add(l);
  }
  return { tables, notices };
}

function makeTable(all: Line[], used: Set<number>, d: Draft): { table: RawTable; notices: ExtractionNotice[] } | null {
  const notices: ExtractionNotice[] = [];
  const signedRuns = applyVn(d.runs.map((r) => r.values));
  const natural = planHeader(d.tiers, null);
  const runs = unlabelledRows(
    d.runs.map((r, i) => ({ ...r, values: signedRuns[i] })),
    natural.unresolved ? 0 : natural.columns.length,
  );
  const counts = runs.filter((r) => r.values.length > 0).map((r) => r.values.length);
  if (counts.length < (d.cutLabels ? 1 : 2)) return null;
  // The fullest row prints every column (renderings drop empty cells, so others may print fewer);
  // a header naming more columns names the label columns too, or columns no row fills.
  const keys = natural.keys.length;
  const fullest = Math.max(...counts) - keys;
  let width = fullest > 0 ? fullest : mode(counts) - keys;
  let plan = planHeader(d.tiers, width);
  if (plan.unresolved && natural.columns.length > width) {
    width = natural.columns.length;
    plan = planHeader(d.tiers, width);
  }
  const { title, scaleText, context, continues } = titleAbove(all, d.titleIdx, used);
  const name = title ?? `Tabel op regel ${d.first}`;
  if (d.unplaced) {
    // The upper rows' words cannot be put over their columns: keep the lowest row's names, and say what was printed.
    const printed = [d.unplaced.join(' | '), ...d.tiers.map((t) => t.join(' | '))].join(' / ');
    plan = { ...planHeader(d.tiers.slice(-1), width), unresolved: printed, inferred: null };
  }
  if (plan.inferred && !plan.unresolved) {
    notices.push(
      noticeOf(
        'header-spans-inferred',
        'info',
        `The header's upper cells do not print which columns they span (${plan.inferred}); read from the ` +
          `words as ${plan.columns.join(' | ')}`,
        d.first,
        name,
        plan.inferred,
      ),
    );
  }
  if (plan.unresolved) {
    notices.push(
      noticeOf(
        'header-unresolved',
        'info',
        `The header (${plan.unresolved}) does not name the ${width} columns the rows print one by one: ` +
          `columns without a name of their own are called "kolom n"`,
        d.first,
        name,
        plan.unresolved,
      ),
    );
  }
  // A row cut off in its label stands in the table unread: sums over it are not judged without it.
  const cutRun = d.cutLabels
    ? { labels: d.cutLabels, values: [], raw: d.cutLabels.map((c) => c.text).join(' | '), unread: true }
    : null;
  let shaped = shapeRows(cutRun ? [...runs, cutRun] : runs);
  for (const r of shaped.filter((x) => x.unread && x.raw !== cutRun?.raw))
    notices.push(
      noticeOf(
        'unread-row',
        'warning',
        `Row "${r.label}" prints its label and figures on lines of their own (${r.raw}): which figure stands in ` +
          `which column cannot be told, so none is stored and the totals over it are not checked`,
        r.line,
        name,
        r.raw,
        r.label,
      ),
    );
  // Where the text ends inside the table, its last row may have lost cells: a reading notice, not an arithmetic error.
  const last = shaped.at(-1);
  if (d.atEnd && !cutRun && last && !last.unread && last.values.length < width + keys) {
    notices.push(
      noticeOf(
        'cut-off-row',
        'warning',
        `The text ends inside this table: its last row "${last.label}" has ${last.values.length} of ` +
          `${width + keys} cells and is not stored`,
        last.line,
        name,
        last.raw,
        last.label,
      ),
    );
    shaped = shaped.slice(0, -1);
  }
  if (d.cutLabels) {
    const label = d.cutLabels
      .map((c) => (classify(c.text) === 'code' ? normaliseCode(c.text) : c.text.trim()))
      .join(' ');
    notices.push(
      noticeOf(
        'cut-off-row',
        'warning',
        `The text ends inside this table, in the label "${label}": that row's figures are not in the text`,
        d.cutLabels[0].line,
        name,
        d.cutLabels.map((c) => c.text).join(' | '),
        label,
      ),
    );
  }
  const scale = scaleText ?? d.tiers.flat().find((c) => parseScale(c) !== null) ?? scaleBelow(all, d.last);
  const headerCells = [name, ...plan.columns];
  return {
    table: {
      index: 0,
      layout: d.layout,
      title: name,
      context,
      scaleText: scale,
      header: {
        cells: headerCells.map((text) => ({ text, line: d.first, page: null, bold: false })),
        line: d.first,
        page: null,
        raw: d.tiers.map((t) => t.join(' | ')).join(' / '),
      },
      rows: shaped.map((r) => toRawRow(r, r.values.length === width + keys ? keys : 0)),
      footnotes: [],
      line: d.first,
      page: null,
      blanksDropped: true,
      ...(continues && d.tiers.length === 0 ? { continuesAbove: true } : {}),
      ...(d.atEnd && !cutRun ? { endsText: true } : {}),
    },
    notices,
  };
}

/**
 * A row printing its figures twice or more as many as the header's columns, where other rows print exactly as many:
 * it runs on into rows whose label cell was empty, which the rendering dropped (Aalten 2026: `Totaal Lasten`, six
 * figures, then six zeros of an unlabelled saldo row). Each further `width` figures is a row of its own, unlabelled.
 */
function unlabelledRows(runs: Run[], width: number): Run[] {
  if (width < 2 || !runs.some((r) => r.values.length === width)) return runs;
  return runs.flatMap((r) => {
    const n = r.values.length / width;
    if (!Number.isInteger(n) || n < 2) return [r];
    return Array.from({ length: n }, (_, k) => ({
      labels: k === 0 ? r.labels : [],
      values: r.values.slice(k * width, (k + 1) * width),
      raw:
        k === 0
          ? r.raw
          : r.values
              .slice(k * width, (k + 1) * width)
              .map((c) => c.text)
              .join(' | '),
    }));
  });
}

/** A scale stated in a short note right under the table ("Bedragen zijn in duizenden euro's", Utrecht 2017). */
function scaleBelow(all: Line[], last: number): string | null {
  const next = all.find((l) => l.line > last && l.text.trim() !== '');
  return next && next.text.trim().length <= 80 && parseScale(next.text) !== null ? next.text.trim() : null;
}

function mode(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** Caption, scale note and headings in the few lines above the table. */
export function titleAbove(all: Line[], idx: number, used: Set<number>) {
  let title: string | null = null;
  let scaleText: string | null = null;
  const context: string[] = [];
  let seen = 0;
  // Figures alone on the line above (`-400`, `-PM`, a V/N letter): the table's first rows stand above it, in lines no
  // reader took.
  let continues = false;
  for (let i = idx - 1; i >= 0 && seen < 6; i--) {
    const t = all[i].text.trim();
    if (t === '' || used.has(all[i].line)) continue;
    if (seen === 0 && t.split(/\s+/).every(isFigureCell)) continues = true;
    seen++;
    if (isProse(t)) break;
    if (!scaleText && parseScale(t) !== null) scaleText = t;
    if (!title && t.length <= 150) title = t.replace(/^#+\s*/, '').replace(/^tabel:\s*/i, '');
    else if (t.length <= 150) context.unshift(t.replace(/^#+\s*/, ''));
  }
  return { title: continues ? null : title, scaleText, context, continues };
}

/** A figure or a V/N letter as the cell grammar reads them (a year is none), or `PM` (pro memorie: not yet known). */
const isFigureCell = (x: string) => ['amount', 'vn'].includes(classify(x)) || /^[-−]?pm$/i.test(x);

// ---------- markdown pipe rows ----------

const isPipeRow = (t: string) =>
  (t.match(/\|/g)?.length ?? 0) >= 2 || (t.includes('|') && t.split('|').filter((c) => c.trim()).length >= 2);
const isSeparator = (t: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(t.replace(/\|\|+/g, '|'));

function pipeTables(all: Line[], used: Set<number>): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < all.length) {
    if (used.has(all[i].line) || !isPipeRow(all[i].text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < all.length && !used.has(all[j].line) && (isPipeRow(all[j].text) || isSeparator(all[j].text))) j++;
    // The text ending in a row's first cell (`Structureel begrotingssaldo | `): that row, cut off (named below).
    // (A label, not a note under the table: `Verschil = Begroting na wijziging -/- Rekening (V=voordeel) |`.)
    const first = /^([^|=]{1,60})\|\s*$/.exec(all[j]?.text.trim() ?? '');
    if (j < all.length && j > i && first && !used.has(all[j].line) && endsAt(all, j + 1)) j++;
    const block = all.slice(i, j).filter((l) => !isSeparator(l.text));
    // A markdown table's header stands above its `---|---` line: below it a label alone heads rows ("Lasten | | |").
    const separator = all.slice(i, j).find((l) => isSeparator(l.text))?.line ?? null;
    let tiers: string[][] = [];
    let runs: Run[] = [];
    let start = i;
    const flush = (endLine: number, atEnd: boolean) => {
      if (!runs.some((r) => r.values.length >= 2)) return;
      // The text ending inside a row's cells, before any figure (`Scholenprogramma | Voor het … € `, no closing
      // `|`): that row is cut off.
      const last = runs.at(-1)!;
      // (Or after a cell's `|`, the line holding fewer of them than the header's: `Structureel begrotingssaldo | `.)
      const bars = (t: string) => t.split('|').length;
      const text = all[j - 1].text;
      const cut =
        atEnd && last.values.length === 0 && (!text.trimEnd().endsWith('|') || bars(text) < bars(all[start].text))
          ? last.labels
          : null;
      out.push({
        layout: 'pipe',
        tiers,
        runs: cut ? runs.slice(0, -1) : runs,
        first: all[start].line,
        last: endLine,
        atEnd,
        titleIdx: start,
        ...(cut ? { cutLabels: cut.slice(0, 1) } : {}),
      });
    };
    for (const l of block) {
      const cells = l.text
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      // A header row again after rows: the next table of a stack ("Verloop reserves 2025 | Saldo 01-01-2025 | …").
      if (
        runs.some((r) => r.values.length > 0) &&
        cells.length > 1 &&
        cells.every((c) => !isValue(c) || isYearish(c)) &&
        tiers.length > 0 &&
        cells.length === tiers[tiers.length - 1].length
      ) {
        flush(l.line - 1, false);
        tiers = [];
        runs = [];
        start = all.findIndex((x) => x.line === l.line);
      }
      // Leading rows without figures are the header (a markdown table's first rows), but a lone
      // label just above the figures heads the rows below it.
      if (
        runs.length === 0 &&
        cells.every((c) => !isValue(c) || isYearish(c)) &&
        (cells.length > 1 || tiers.length === 0)
      ) {
        tiers.push(cells);
        continue;
      }
      // A header cell of years under a group ("| 2023 | Primitief |") reads as figures: before any row it is a tier.
      if (
        runs.length === 0 &&
        tiers.length > 0 &&
        !(separator !== null && l.line > separator && cells.length === 1) &&
        // (Under a markdown table's `---|` line, a row of figures is a row, whatever its label: `Lasten | 63.556 | …`.)
        !(separator !== null && l.line > separator && cells.some((c) => isValue(c) && !isYearish(c))) &&
        cells.some(isHeaderish) &&
        !cells.some((c) => classify(c) === 'code') &&
        !BALANCE_ROW.test(cells[0] ?? '')
      ) {
        tiers.push(cells);
        continue;
      }
      // An indicator block's "Eenheid:", "Bron:" and "Toelichting:" lines describe it; they are no rows or headings.
      if (META.test(cells[0] ?? '')) continue;
      runs.push(
        splitRun(
          cells.map((text) => ({ text, line: l.line })),
          l.text,
        ),
      );
    }
    flush(all[j - 1].line, endsAt(all, j));
    i = j;
  }
  return out;
}

/** Leading label cells, then the values (a label cell among the values ends the labels there). */
function splitRun(cells: ShapeCell[], raw: string): Run {
  let k = 0;
  while (
    k < cells.length &&
    (!isValue(cells[k].text) || (k === 0 && isBareNumber(cells[k].text) && isNameCell(cells[1]?.text ?? '')))
  )
    k++;
  return { labels: cells.slice(0, k), values: cells.slice(k).filter((c) => isValue(c.text)), raw };
}

// ---------- space-separated rows ----------

/**
 * The words of a line with their places; the bookkeeping minus `-/-` goes with the figure it signs (`-/- 2.108`, or
 * `2.108 -/-` on a line that ends in one).
 */
function words(t: string): { text: string; index: number; end: number }[] {
  const toks = [...t.matchAll(/\S+/g)].map((m) => ({ text: m[0], index: m.index, end: m.index + m[0].length }));
  if (!t.includes('/')) return toks;
  const min = (x: { text: string } | undefined) => x !== undefined && /^[-−]\/[-−]$/.test(x.text);
  const after = min(toks.at(-1));
  const out: typeof toks = [];
  for (let i = 0; i < toks.length; i++) {
    const next = toks[i + 1];
    const joins = after ? min(next) && /\d$/.test(toks[i].text) : min(toks[i]) && /^[€\d]/.test(next?.text ?? '');
    if (joins) {
      out.push({ text: `${toks[i].text} ${next.text}`, index: toks[i].index, end: next.end });
      i++;
    } else out.push(toks[i]);
  }
  return out;
}

/** Label, then figures to the end of the line: figures taken from the right while they are figures. */
function spaceRow(t: string): { label: string; values: string[] } | null {
  // A row ends in a figure, a dash, a V/N letter or PM; most lines of a dump end in a word.
  if (!/(?:[\d\-–—)%]|\s[VNvn]|\b[Pp]\.?[Mm]\.?)\s*$/.test(t)) return null;
  return spaceRows(t);
}
// Asked of the same lines again and again (the block, its rows, its header): remembered, up to a bound.
const spaceRows = remembered(readSpaceRow, 10_000);

/** Where the figures at the end of a row's words begin (taken from the right while they are figures). */
function valuesFrom(toks: string[], end = toks.length): number {
  let k = end;
  while (k > 0 && isValue(toks[k - 1])) k--;
  return k;
}

function readSpaceRow(t: string): { label: string; values: string[] } | null {
  const toks = words(t).map((w) => w.text);
  const k = valuesFrom(toks);
  const values = toks.slice(k);
  if (values.length < 2 || k === 0) return null;
  // "Programma 2023 2024" is a header; a label ends in a word, a code or a dash ("0 - Bestuur").
  return { label: toks.slice(0, k).join(' '), values };
}

/**
 * A row of a table printing one figure only (its other cells blank, dropped by the rendering): a label, then one
 * figure that no heading ends in (`… actief 1.222`; not `Programma 4`, unless the label is marked as an item).
 */
function shortRow(t: string): { label: string; values: string[] } | null {
  const toks = words(t.trim()).map((w) => w.text);
  const k = valuesFrom(toks);
  if (k === 0 || toks.length - k !== 1 || !/\d/.test(toks[k])) return null;
  const label = toks.slice(0, k).join(' ');
  return /[.,\-−]|\d{3}/.test(toks[k]) || /^[-–•]\s/.test(label) ? { label, values: [toks[k]] } : null;
}

/** A line of figures alone: one cell of a row whose cells stand on lines of their own (`-247`, `-PM`). */
const isFiguresOnly = (t: string) => t.trim() !== '' && words(t).every((w) => isValue(w.text));

/** Header words: periods in any case, line items as column heads (capitalised: not "baten en lasten" in a title). */
const HEADER_WORDS =
  /\b(begroting|begr\.|rekening|realisatie|jaarrekening|jr\.|werkelijk|raming|verschil|primitief|(19|20)\d{2})\b/i;
const ITEM_HEADS = /\b(Baten|Lasten|Saldo|BATEN|LASTEN|SALDO)\b/;
/**
 * A row whose figures are glued to its label and to each other ("Reserves8.92814.1105.378…",
 * "Vennootschapsbelasting0800800800800800"): its label and the glued figures, or null.
 */
function gluedTail(t: string): { label: string; tail: string } | null {
  // Asked of every line of a dump: most end in a word, or hold no figure glued to a word.
  if (!/\d$/.test(t) || !/[\p{L})]-?\d/u.test(t)) return null;
  const m = /^(.*?\p{L}\)?)(-?\d[\d.,-]{3,})$/u.exec(t.trim());
  return m && /\p{L}/u.test(m[1]) ? { label: m[1].trim(), tail: m[2] } : null;
}

/**
 * Header cells stacked a line each right above the rows ("Realisatie" / "2021" / "Begroting" / "2022" …, the first
 * glued to the title: "Beheer van de stadRealisatie"), top to bottom; empty where the lines above are no such cells.
 */
function stackedCells(all: Line[], from: number): { cells: string[]; top: number } {
  const cells: string[] = [];
  let top = from + 1;
  for (let h = from; h >= 0; h--) {
    const s = all[h].text.trim();
    if (s === '') continue;
    if (s.split(/\s+/).length <= 5 && (classify(s) === 'header' || isYearish(s))) {
      cells.unshift(s);
      top = h;
      continue;
    }
    const glued = /\p{Ll}(\p{Lu}\p{Ll}+)$/u.exec(s);
    if (glued && classify(glued[1]) === 'header') {
      cells.unshift(glued[1]);
      top = h;
    }
    break;
  }
  return cells.length >= 4 && cells.some((c) => !isYearish(c)) ? { cells, top } : { cells: [], top: from + 1 };
}

/** A table's or figure's caption. */
const CAPTION = /^(tabel|figuur|grafiek|overzicht)\s*\d*(\.\d+)*\s*:/i;

/** Figures glued to a word: a row of a glued rendering (`reserves255.564266.383`), not words. */
const GLUED_FIGURES = /\p{L}-?\d{1,3}\.\d{3}/u;

/** A span of years (`2023 - 2026`, `2024-2027`, `2023 t/m 2026`): one period range, not two columns. */
const YEAR_SPAN = /\b(19|20)\d{2}\s*(-|–|t\/m|tot en met)\s*(19|20)\d{2}\b/g;
/** A numbered heading (`1a  Financiële ontwikkelingen …`, `2  Onvermijdelijke ontwikkelingen`). */
const NUMBERED_HEADING = /^\d{1,2}[a-z]?(\.\d{1,2})*\s+\p{L}/u;
/** Header words on a line that does not end in a figure (`Saldo 0` is a row). */
const isHeaderLine = (s: string) =>
  (HEADER_WORDS.test(s) || ITEM_HEADS.test(s)) && classify(s.split(/\s+/).at(-1) ?? '') !== 'amount';
/** A line naming periods that ends in one (`P4 Zorg in Doesburg B 2021 B 2022 B 2023 B 2024`): a table's header. */
const isPeriodHeader = (s: string) => HEADER_WORDS.test(s) && classify(s.split(/\s+/).at(-1) ?? '') === 'header';

/**
 * The next row after rows printed over several lines (label, then figures on lines of their own) that follow the row
 * at `from`: only short lines, at least one of figures alone, no header of a next table; -1 where there is none.
 */
function pastWrappedRows(all: Line[], used: Set<number>, from: number): number {
  let figures = false;
  for (let k = from + 1; k < Math.min(all.length, from + 40) && !used.has(all[k].line); k++) {
    const s = all[k].text.trim();
    if (s === '') continue;
    if (s.includes('|') || s.includes('\t') || isProse(s)) return -1;
    if (spaceRow(s)) return figures ? k : -1;
    if (s.length > 80 || isHeaderLine(s)) return -1;
    if (isFiguresOnly(s)) figures = true;
  }
  return -1;
}

/**
 * A row whose blank cells print as one space each between single-space separators (`Onderwijshuisvesting
 * -290 -580` with nine spaces before `-290`: four blank cells), read with its blanks in place: a gap of 2k + 1
 * spaces is k blank cells. A gap of even width is no such row.
 */
function spacedRow(t: string): { label: string; values: string[] } | null {
  const toks = words(t);
  const k = valuesFrom(toks.map((w) => w.text));
  if (k === 0 || k === toks.length) return null;
  const values: string[] = [];
  for (let i = k; i < toks.length; i++) {
    const gap = toks[i].index - toks[i - 1].end;
    if (gap % 2 === 0) return null;
    values.push(...Array<string>((gap - 1) / 2).fill(''), toks[i].text);
  }
  return {
    label: toks
      .slice(0, k)
      .map((m) => m.text)
      .join(' '),
    values,
  };
}

/**
 * Whether a block's rows print their blank cells as spaces: some row has a wider gap among its cells, every row reads
 * so, and no row's cells with its blanks in place run past the columns the fullest row prints.
 */
function spacedBlanks(lines: Line[]): boolean {
  const rows = lines.filter((l) => spaceRow(l.text));
  const width = Math.max(0, ...rows.map((l) => spaceRow(l.text)!.values.length));
  let wide = false;
  for (const l of rows) {
    const r = spacedRow(l.text);
    if (!r || r.values.length > width) return false;
    if (r.values.includes('')) wide = true;
  }
  return wide;
}

/**
 * The block's lines, with each stretch of lines between rows that holds figures alone (a row printed over several
 * lines: its label, then its cells one per line) as one stretch: its figures cannot be put in their columns.
 */
function wrappedRows(lines: Line[], isRow: (l: Line) => unknown): (Line | Line[])[] {
  const out: (Line | Line[])[] = [];
  let stretch: Line[] = [];
  const flush = () => {
    if (stretch.some((l) => isFiguresOnly(l.text))) out.push(stretch);
    else out.push(...stretch);
    stretch = [];
  };
  for (const l of lines) {
    if (isRow(l)) {
      flush();
      out.push(l);
    } else stretch.push(l);
  }
  flush();
  return out;
}

/** A row cut off inside its last figure where the text ends: label, the figures before, and the figure's start. */
function cutRow(t: string): { label: string; values: string[] } | null {
  const toks = t.trim().split(/\s+/);
  const partial = toks.at(-1) ?? '';
  if (toks.length < 2 || isValue(partial) || !/^-?\d[\d.,]*$/.test(partial)) return null;
  const k = valuesFrom(toks, toks.length - 1);
  if (k === 0) return null;
  return { label: toks.slice(0, k).join(' '), values: toks.slice(k) };
}

function spaceTables(all: Line[], used: Set<number>): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < all.length) {
    const t = all[i].text;
    if (
      used.has(all[i].line) ||
      t.includes('|') ||
      t.includes('\t') ||
      isProse(t.trim()) ||
      !(spaceRow(t) || gluedTail(t))
    ) {
      i++;
      continue;
    }
    // Rows, and short heading lines between them.
    let j = i;
    let lastRow = i;
    while (j < all.length && !used.has(all[j].line)) {
      const s = all[j].text.trim();
      if (s === '') {
        j++;
        continue;
      }
      // A line introducing the rows under it ("…, nog te ontvangen van:"), however long, heads them.
      if (s.endsWith(':') && !s.includes('|') && nextRow(all, j)) {
        j++;
        continue;
      }
      // A header of periods under rows starts the next table.
      if (s.includes('|') || s.includes('\t') || isProse(s) || isPeriodHeader(s)) break;
      if (spaceRow(s) || gluedTail(s)) lastRow = j;
      // Figures alone right under a row: its last cells, or a row printed over several lines.
      else if (
        isFiguresOnly(s) &&
        all.slice(lastRow + 1, j).every((l) => l.text.trim() === '' || isFiguresOnly(l.text))
      )
        lastRow = j;
      else if (s.length > 80 || j - lastRow > 3) {
        // Rows printed over several lines (a label, then each figure on a line of its own) do not end the table.
        const next = pastWrappedRows(all, used, lastRow);
        if (next < 0) break;
        lastRow = j = next;
      }
      j++;
    }
    // The text ending inside a row ("… Lasten -2.049.8"): the cut row is the table's last, reported below, not lost.
    let end = lastRow + 1;
    while (end < all.length && all[end].text.trim() === '') end++;
    // (Or after its first figure: "67030900 Afvalstoffenheffing 4.409", Valkenswaard 2025.)
    const cut = end < all.length && endsAt(all, end + 1) ? (cutRow(all[end].text) ?? shortRow(all[end].text)) : null;
    if (cut) lastRow = end;
    const block = all.slice(i, lastRow + 1);
    const rowCount = block.filter((l) => spaceRow(l.text)).length;
    if (rowCount < 2) {
      i = lastRow + 1;
      continue;
    }
    // Header lines: the lines right above, with header words and no figures.
    const tiers: string[][] = [];
    const stacked = stackedCells(all, i - 1);
    let h = stacked.cells.length > 0 ? -1 : i - 1;
    const headerLines: number[] = [];
    const skipped: number[] = [];
    while (h >= 0 && headerLines.length < 3) {
      const s = all[h].text.trim();
      if (s === '') {
        h--;
        continue;
      }
      // A row whose figures are glued to its label ("Baten exclusief reserves255.564266.383…") is no header.
      // Nor is a caption ("Tabel: Lasten begroting 2024 versus …", printed under the table before).
      if (used.has(all[h].line) || isProse(s) || spaceRow(s) || GLUED_FIGURES.test(s) || CAPTION.test(s)) break;
      // A line item alone right above the rows ("Lasten", as "Baten" further down) heads the rows below it, not the
      // columns.
      if (headerLines.length === 0 && skipped.length < 2 && ITEM_WORD.test(s)) {
        skipped.unshift(h);
        h--;
        continue;
      }
      // A numbered heading (`1a  Financiële ontwikkelingen … (leereffecten jaarrekening en TB1)`) is none, whatever
      // words it holds.
      if ((!HEADER_WORDS.test(s) && !ITEM_HEADS.test(s)) || NUMBERED_HEADING.test(s)) {
        // A short heading between the header and the rows heads the rows ("Maatschappelijk akkoord …"); look past one
        // or two.
        if (headerLines.length === 0 && s.length <= 80 && skipped.length < 2) {
          skipped.unshift(h);
          h--;
          continue;
        }
        break;
      }
      headerLines.unshift(h);
      h--;
    }
    // Headings skipped on the way up belong to the body when a header stood above them; else they are no part of the
    // table.
    if (headerLines.length === 0) skipped.length = 0;
    const lines = [...skipped.map((k) => all[k]), ...block].filter((l) => l.text.trim() !== '');
    const spaced = spacedBlanks(lines);
    // Each line's reading as a row, once (the passes below ask it of every line again).
    const readings = new Map(
      lines.map((l) => [
        l,
        (spaced ? spacedRow(l.text) : null) ??
          spaceRow(l.text) ??
          (l === all[lastRow] ? cut : null) ??
          shortRow(l.text),
      ]),
    );
    const rowOf = (l: Line) => readings.get(l) ?? null;
    const parts = wrappedRows(lines, rowOf);
    const common = mode(parts.flatMap((l) => (Array.isArray(l) ? [] : [rowOf(l)?.values.length ?? 0])).filter(Boolean));
    // A figure alone ending the text under a row that prints all its cells (`Totaal 0.4 Overhead 21.257 …`, then `0`,
    // Stichtse Vecht 2023): the next row's code, cut off, not one more cell.
    const end1 = parts.at(-1);
    const last = Array.isArray(end1) && end1.length === 1 ? end1[0] : end1;
    const above = parts.at(-2);
    const cutCode =
      !cut &&
      last !== undefined &&
      !Array.isArray(last) &&
      above !== undefined &&
      !Array.isArray(above) &&
      isFiguresOnly(last.text) &&
      words(last.text).length === 1 &&
      (rowOf(above)?.values.length ?? 0) >= common &&
      endsAt(all, all.indexOf(last) + 1)
        ? [{ text: last.text.trim(), line: last.line }]
        : null;
    if (cutCode) parts.pop();
    const runs: Run[] = parts.map((l, n) => {
      // A row whose last cells went on lines of their own ("Saldo Programma 3 -/- 791", then "-/- 631" …): where those
      // lines hold figures alone and complete the row, they are its cells.
      const before = parts[n - 1];
      const prior = before && !Array.isArray(before) ? rowOf(before) : null;
      if (Array.isArray(l) && prior && l.every((x) => isFiguresOnly(x.text))) {
        const more = l.flatMap((x) => words(x.text).map((w) => ({ text: w.text, line: x.line })));
        if ([common, common + 1].includes(prior.values.length + more.length))
          return { labels: [], values: more, raw: '' };
      }
      if (Array.isArray(l)) {
        // Label and figures on lines of their own: which figure is which column's cannot be told.
        const text = l.map((x) => x.text.trim());
        return { labels: [{ text: text[0], line: l[0].line }], values: [], raw: text.join(' / '), unread: true };
      }
      const cell = (text: string) => ({ text, line: l.line });
      // A row glued to its figures: read where the number grammar cuts them into the table's columns in one way only.
      const glued = rowOf(l) ? null : gluedTail(l.text);
      if (glued) {
        const cuts = segmentTail(glued.tail, common).filter((c) => c.length === common);
        return cuts.length === 1
          ? { labels: [cell(glued.label)], values: cuts[0].map(cell), raw: l.text.trim() }
          : { labels: [cell(glued.label)], values: [], raw: l.text.trim(), unread: true };
      }
      const r = rowOf(l);
      // "0.1 Bestuur Lasten": a taakveld or programme and the line item of a body column, run together by the dump
      // ("… baten en lasten" goes on a name: "0.8 Overige baten en lasten").
      const item = /^(\d{1,2}(?:\.\d{1,3}[A-Da-d]?)?\s+\D.*?)(?<!\sen)(?<!,)\s+(Lasten|Baten|Saldo)$/i.exec(
        r?.label ?? '',
      );
      return r
        ? {
            labels: item ? [cell(item[1]), cell(item[2])] : [cell(r.label)],
            values: r.values.map(cell),
            raw: l.text.trim(),
          }
        : { labels: [cell(l.text.trim())], values: [], raw: l.text.trim() };
    });
    for (let n = runs.length - 1; n > 0; n--)
      if (runs[n].labels.length === 0) {
        runs[n - 1].values.push(...runs[n].values);
        runs.splice(n, 1);
      }
    // "Saldo Programma 1 -/- 2.408 …": one figure more than the table's rows print, a bare number after a word, is
    // the label's own number.
    for (const r of runs) {
      const own = r.labels.at(-1);
      if (r.values.length === common + 1 && own && /\p{L}$/u.test(own.text) && isBareNumber(r.values[0].text))
        r.labels[r.labels.length - 1] = { ...own, text: `${own.text} ${r.values.shift()!.text}` };
    }
    const width = Math.max(...runs.map((r) => r.values.filter((v) => classify(v.text) !== 'vn').length));
    // The text ending in a row's label, its figures not printed ("- Bestemm"): the table's last row, cut off.
    const tailLine = !cut && end < all.length && endsAt(all, end + 1) ? all[end] : null;
    const tailText = tailLine?.text.trim() ?? '';
    const cutLabels =
      cutCode ??
      (tailLine &&
      !used.has(tailLine.line) &&
      !isProse(tailText) &&
      !/[.!?:]$/.test(tailText) &&
      !spaceRow(tailText) &&
      // (Or a short line right under the last row, no blank line between: `Sport l`, Albrandswaard 2021.)
      (startsRow(tailText, runs) || (end === lastRow + 1 && tailText.length <= 40))
        ? [{ text: tailText, line: tailLine.line }]
        : null);
    // Blanks printed as spaces: the line's end dropped only its last blank cells (unless the text ends in the row).
    const atEnd = endsAt(all, lastRow + 1);
    if (spaced)
      for (const r of atEnd ? runs.slice(0, -1) : runs)
        if (r.values.length > 0)
          r.values.push(
            ...Array.from({ length: width - r.values.length }, () => ({ text: '', line: r.values[0].line })),
          );
    for (const hl of headerLines) tiers.push(segmentHeader(all[hl].text.trim(), width));
    // A line of names right under the header that heads one group of it (`Mutaties BATEN` over `Bestaand beleid
    // Nieuw beleid`, Landgraaf 2024): those names are that group's columns.
    const sub =
      headerLines.length > 0 && skipped.length === 1 ? subColumns(tiers.at(-1)!, all[skipped[0]].text, width) : null;
    if (sub) {
      tiers.splice(-1, 1, sub);
      skipped.length = 0;
    }
    if (stacked.cells.length > 0) tiers.push(joinWrapped(stacked.cells).map((c) => c.replace(SPREAD, '')));
    // A line above the tier naming every column whose only period is a span of years (`TB1 MJB 2023 - 2026`) is a
    // caption over them all, no group of columns.
    if (tiers.at(-1)?.length === width)
      for (let t = tiers.length - 2; t >= 0; t--)
        if (!HEADER_WORDS.test(all[headerLines[t]].text.replace(YEAR_SPAN, ''))) tiers.splice(t, 1);
    const first = headerLines.length ? headerLines[0] : stacked.cells.length > 0 ? stacked.top : i;
    out.push({
      layout: 'space-separated',
      tiers,
      runs,
      first: all[first].line,
      last: all[lastRow].line,
      atEnd,
      titleIdx: first,
      ...(cutLabels ? { cutLabels } : {}),
    });
    i = cutLabels ? end + 1 : lastRow + 1;
  }
  return out;
}

/**
 * The names of a line under a header (`Bestaand beleid Nieuw beleid`: a new name at each capital) as the columns of
 * the one header cell over them: the one naming no year among cells that all do (`2024 oud | Mutaties BATEN |
 * begroting 2024 nieuw`), where with them the header names exactly `width` columns. null where that is not so.
 */
function subColumns(tier: string[], line: string, width: number): string[] | null {
  if (/\d/.test(line)) return null;
  const names = line
    .trim()
    .split(/\s+(?=\p{Lu})/u)
    .filter(Boolean);
  // The first cell heads the label column where the others and the names make the columns.
  const cols = tier.length - 1 + names.length - 1 === width ? tier.slice(1) : tier;
  const open = cols.flatMap((c, i) => (/\b(19|20)\d{2}\b/.test(c) ? [] : [i]));
  if (names.length < 2 || open.length !== 1 || cols.length - 1 + names.length !== width) return null;
  const g = open[0];
  return [
    ...tier.slice(0, tier.length - cols.length),
    ...cols.slice(0, g),
    ...names.map((n) => `${cols[g]} ${n}`),
    ...cols.slice(g + 1),
  ];
}

/** Whether the next printed line after `j` is a space-separated row. */
function nextRow(all: Line[], j: number): boolean {
  let k = j + 1;
  while (k < all.length && all[k].text.trim() === '') k++;
  return k < all.length && spaceRow(all[k].text.trim()) !== null;
}

const SEGMENT_START =
  /^(begroting|begroot|begr\.?|rekening|realisatie|jaarrekening|jr\.?|werkelijk|raming|primitieve|meerjarenraming|meerjarenbegroting|meerjaren|prognose|verschil|afwijking|budget|ultimo|stand)$/i;
/** Words that open a period's name before its period word ("Primitieve begroting", "Bijgestelde begroting 2021"). */
const PERIOD_ADJECTIVE =
  /^(primaire|primitieve|bijgestelde|gewijzigde|actuele|oorspronkelijke|vastgestelde|definitieve|geraamde|mut\.|mutatie)$/i;
const ITEM_WORD = /^(Baten|Lasten|Saldo|BATEN|LASTEN|SALDO)$/;

/**
 * "Overzicht Begroting 2021 voor wijziging Begroting 2021 na wijziging Rekening 2021" → label, then a
 * cell per period. With the rows' width known, a header of free words ("Actuele Begroting 2021
 * Voortgangsrapportage reguliere mutaties … Begroting 2021 na wijzigingen") is cut at capitalised
 * words where that gives exactly one reading of `width` columns.
 */
export function segmentHeader(line: string, width?: number): string[] {
  const toks = line.split(/\s+/);
  const segs: string[][] = [];
  let cur: string[] = [];
  let sawPeriod = false;
  for (const t of toks) {
    const starts = startsPeriod(cur, t);
    if (starts && (cur.length > 0 || segs.length > 0)) {
      if (cur.length) segs.push(cur);
      cur = [];
    }
    if (starts) sawPeriod = true;
    cur.push(t);
  }
  if (cur.length) segs.push(cur);
  if (!sawPeriod) return [line];
  const simple = segs.map((s) => s.join(' '));
  return (width !== undefined && byCapitals(toks, width)) || simple;
}

/** A year, or a date in one (`1-1-2023`, `31-12-2023`: a balance's column). */
const isYearToken = (t: string) => /^(\d{1,2}-\d{1,2}-)?(19|20)\d{2}$/.test(t);

/** A period word right after its adjective continues the name; the adjective starts it; so does a second year. */
function startsPeriod(cur: string[], t: string): boolean {
  const afterAdjective = cur.length > 0 && PERIOD_ADJECTIVE.test(cur[cur.length - 1]);
  return (
    PERIOD_ADJECTIVE.test(t) ||
    (isPeriodStart(t) && !afterAdjective) ||
    // `Mutaties BATEN`, capitalised: one column group, the line item naming what the mutations are of.
    t === 'Mutaties' ||
    (ITEM_WORD.test(t) && cur[cur.length - 1] !== 'Mutaties') ||
    (isYearToken(t) && (cur.some(isYearToken) || !cur.some(isPeriodStart)))
  );
}

/** A period word, or its capital alone (`B 2021` begroting, `R 2020` rekening). */
const isPeriodStart = (t: string) => SEGMENT_START.test(t) || /^[BR]$/.test(t);

/**
 * Columns start at period words and at a capitalised word after a year (a year ends a column's name
 * unless lower-case words follow: "Begroting 2019 na mutatie"); other capitalised words may start one.
 * The label column's head (a label word such as "Exploitatie") stands first. Exactly one choice of
 * starts that gives `width` columns, none holding two years, or null.
 */
function byCapitals(toks: string[], width: number): string[] | null {
  const must: number[] = [];
  const may: number[] = [];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    const afterAdjective = PERIOD_ADJECTIVE.test(toks[i - 1]);
    if (!/^\p{Lu}/u.test(t) || /\d/.test(t) || afterAdjective) continue;
    if (startsPeriod([toks[i - 1]], t) || isYearToken(toks[i - 1])) must.push(i);
    else may.push(i);
  }
  // The first words are the label column's head where they are a label header; else the first column, or, where that
  // gives no one reading, a head of free words (`Investeringen immateriële vaste activa Boekwaarde 1-1-2023 …`).
  const head = classify(toks[0]) === 'label-header';
  return readCapitals(toks, width, must, may, head) ?? (head ? null : readCapitals(toks, width, must, may, true));
}

function readCapitals(toks: string[], width: number, must: number[], may: number[], stub: boolean): string[] | null {
  const readings: string[][] = [];
  const choose = (from: number, left: number, picked: number[]) => {
    if (readings.length > 1) return;
    if (left === 0) {
      const starts = [...must, ...picked].sort((a, b) => a - b);
      // Starts lie past the first word: the first part is the label head (stub) or the first column.
      const cuts = [0, ...starts];
      const parts = cuts.map((c, k) => toks.slice(c, cuts[k + 1] ?? toks.length));
      const columns = stub ? parts.slice(1) : parts;
      if (columns.length === width && columns.every((p) => p.filter(isYearToken).length <= 1))
        readings.push(parts.map((p) => p.join(' ')));
      return;
    }
    for (let k = from; k < may.length; k++) choose(k + 1, left - 1, [...picked, may[k]]);
  };
  const wanted = stub ? width - must.length : width - 1 - must.length;
  if (wanted < 0 || wanted > may.length) return null;
  choose(0, wanted, []);
  return readings.length === 1 ? readings[0] : null;
}

// ---------- one cell per line ----------

/** Runs of non-blank lines no reader took, as [first, end) indices into `all`. */
export function* lineRuns(all: Line[], used: Set<number>): Generator<[number, number]> {
  let i = 0;
  while (i < all.length) {
    if (used.has(all[i].line) || all[i].text.trim() === '') {
      i++;
      continue;
    }
    let j = i;
    while (j < all.length && !used.has(all[j].line) && all[j].text.trim() !== '') j++;
    yield [i, j];
    i = j;
  }
}

/**
 * Cells: runs of non-blank lines, split into one cell per line unless they are a wrapped header ("REKENING" / "2018").
 */
function cellsOf(all: Line[], used: Set<number>): (ShapeCell & { idx: number; end: number })[] {
  const cells: (ShapeCell & { idx: number; end: number })[] = [];
  for (const [i, j] of lineRuns(all, used)) {
    const group = all.slice(i, j).map((l) => l.text.trim());
    const joined = group.join(' ');
    // A word broken over two lines ("toe-" / "voegingen") is one cell whatever it says.
    const broken = group.slice(0, -1).some((g) => /\p{L}-$/u.test(g));
    // So is a name broken over lines down to its year or date ("B&D" / "voorstellen" / "2016"): one header cell.
    const dated = QUALIFIER.test(group[group.length - 1]) && !group.slice(0, -1).some((g) => QUALIFIER.test(g));
    const wrapped =
      group.length > 1 &&
      group.length <= 3 &&
      joined.length <= 80 &&
      group.every((g) => !isValue(g) && classify(g) !== 'code') &&
      (isHeaderish(joined) || broken || dated);
    if (wrapped) cells.push({ text: joined, line: all[i].line, idx: i, end: j - 1 });
    else
      for (let k = i; k < j; k++) {
        const text = all[k].text.trim();
        // A cell ending in its year on a line of its own, the line break before the next cell lost ("Lasten" /
        // "2023Baten" / "2023Saldo"): the year ends the cell above, the words start the next.
        const glued = /^((?:19|20)\d{2})(\p{L}.*)$/u.exec(text);
        const above = cells.at(-1);
        if (glued && above && above.end === k - 1 && !isValue(above.text)) {
          above.text = `${above.text} ${glued[1]}`;
          cells.push({ text: glued[2], line: all[k].line, idx: k, end: k });
        } else cells.push({ text, line: all[k].line, idx: k, end: k });
      }
  }
  return markYearLabels(cells);
}

/**
 * Under a `Jaar` / `Jaartal` header the bare years are the rows' labels (`2008` | 6,0 | V), until
 * prose or the next table's header words.
 */
function markYearLabels<C extends ShapeCell>(cells: C[]): C[] {
  let on = false;
  let seen = false;
  const heads = (c: ShapeCell | undefined) =>
    c !== undefined && !isYearish(c.text) && ['header', 'label-header'].includes(classify(c.text));
  cells.forEach((c, i) => {
    if (YEAR_LABEL_HEADER.test(c.text)) [on, seen] = [true, false];
    else if (on && isYearish(c.text)) c.yearLabel = seen = true;
    // A row of header words (two in a row) starts the next table; one (`jaarrekening` before its year) is a label.
    else if (on && seen && (isProse(c.text) || (heads(c) && heads(cells[i + 1])))) on = false;
  });
  return cells;
}

/**
 * One cell per line: the rows are found first (label cells, then figures), the header after: the
 * cells between the table's caption and its first row, the columns' names last (as many as the
 * rows print figures), spanning groups above them, headings of the rows (`LASTEN`, `0 Bestuur en
 * ondersteuning`) just above the first row.
 */
function cellTables(all: Line[], used: Set<number>): Draft[] {
  const cells = cellsOf(all, used);
  const out: Draft[] = [];
  let floor = 0;
  let i = 0;
  while (i < cells.length) {
    if (isProse(cells[i].text)) {
      floor = i + 1;
      i++;
      continue;
    }
    if (!isValue(cells[i].text) || cells[i].yearLabel || classify(cells[i].text) === 'vn' || i === floor) {
      i++;
      continue;
    }
    // A row's number right after the header's last word (`Saldo` | `01` | `Veiligheid` | 1.691.723, Gennep 2022): the
    // first row starts there, its figures after the name.
    const after = cells[i + 1]?.text ?? '';
    if (
      isBareNumber(cells[i].text) &&
      ['item', 'header', 'label-header'].includes(classify(cells[i - 1].text)) &&
      isNameCell(after) &&
      !/^\d/.test(after) &&
      isValue(cells[i + 2]?.text ?? '')
    ) {
      i++;
      continue;
    }
    // The first row's label: a name, with a code or number before it.
    let labelStart = i - 1;
    if (
      !['text', 'code', 'item'].includes(classify(cells[labelStart].text)) &&
      !isBareNumber(cells[labelStart].text) &&
      !cells[labelStart].yearLabel &&
      !BALANCE_ROW.test(cells[labelStart].text) &&
      !MOVEMENT_ROW.test(cells[labelStart].text)
    ) {
      i++;
      continue;
    }
    // A line item's row ("lasten") names its programme or taakveld just before it.
    if (
      classify(cells[labelStart].text) === 'item' &&
      labelStart - 1 >= floor &&
      (classify(cells[labelStart - 1].text) === 'text' || MOVEMENT_ROW.test(cells[labelStart - 1].text))
    )
      labelStart--;
    if (
      labelStart - 1 >= floor &&
      classify(cells[labelStart].text) === 'text' &&
      (classify(cells[labelStart - 1].text) === 'code' || isBareNumber(cells[labelStart - 1].text))
    )
      labelStart--;
    // A word printed before every year label (`jaarrekening | 2016`, `jaarrekening | 2017`) is the label's first cell.
    const lead = cells[labelStart - 1]?.text;
    if (
      cells[labelStart].yearLabel &&
      labelStart - 1 > floor &&
      !isValue(lead) &&
      cells.some((c, k) => k > labelStart && c.yearLabel && cells[k - 1].text === lead)
    )
      labelStart--;
    // A column of I / S marks after the figures (its header among the cells above): each mark ends its row.
    const marked = cells.slice(floor, labelStart).some((c) => classify(c.text) === 'marker-header');
    const body = readBody(cells, labelStart, marked);
    body.runs = itemMarks(
      body.runs,
      cells.slice(floor, labelStart).filter((c) => classify(c.text) === 'header').length,
    );
    const withValues = body.runs.filter((r) => r.values.length > 0);
    // The text ends inside the table, in the label of a row whose figures are not in it: a table cut off, even after
    // its first row.
    const tail = cells.slice(body.end);
    // A row's item mark (`-`) right before it: the cut row is an item too.
    const itemCut =
      tail.length > 0 && isDash(cells[body.end - 1]) && !body.runs.at(-1)?.values.includes(cells[body.end - 1]);
    // The cut row's number, printed after the last row's figures (`… 1.409.926` | `05` | `Cult`): it starts that row.
    const lastRun = body.runs.at(-1);
    const own = lastRun?.labels[0]?.text ?? '';
    const numbered = [lastRun?.values.at(-1)].find(
      (c) => c !== undefined && isBareNumber(own) && isBareNumber(c.text) && Number(c.text) === Number(own) + 1,
    );
    const cutLabels =
      tail.length > 0 &&
      tail.length <= 3 &&
      tail.every((c) => !isValue(c.text) && !isProse(c.text) && !/[.!?]$/.test(c.text.trim())) &&
      (itemCut || numbered || startsRow(tail[0].text, body.runs)) &&
      endsAt(all, tail[tail.length - 1].end + 1)
        ? itemCut
          ? [{ ...tail[0], text: `- ${tail[0].text.trim()}` }, ...tail.slice(1)]
          : tail
        : null;
    if (cutLabels && numbered) lastRun!.values.pop();
    const cutRow: ShapeCell[] | null = cutLabels && numbered ? [numbered, ...cutLabels] : cutLabels;
    if (withValues.length < (cutLabels ? 1 : 2)) {
      i++;
      continue;
    }
    const counts = withValues.map((r) => r.values.filter((v) => classify(v.text) !== 'vn').length);
    // As many columns as the fullest rows print, where the header names them all (renderings drop empty cells, so most
    // rows may print fewer).
    const region = cells.slice(floor, labelStart).map((c) => c.text);
    const head =
      headerBefore(region, Math.max(...counts)) ??
      headerBefore(region, mode(counts)) ??
      headerBefore(region, Math.min(...counts));
    if (!head) {
      i = body.end;
      continue;
    }
    const first = labelStart - head.sections.length - head.used;
    const sectionCells = cells.slice(labelStart - head.sections.length, labelStart);
    if (sectionCells.length)
      body.runs.unshift({ labels: sectionCells, values: [], raw: sectionCells.map((c) => c.text).join(' | ') });
    for (const r of body.runs) r.raw ||= [...r.labels, ...r.values].map((c) => c.text).join(' | ');
    const lastCell = cells[body.end - 1];
    out.push({
      layout: 'cell-per-line',
      tiers: head.tiers,
      ...(head.unplaced ? { unplaced: head.unplaced } : {}),
      runs: body.runs,
      first: cells[first].line,
      last: all[lastCell.end].line,
      atEnd: body.end >= cells.length && endsAt(all, lastCell.end + 1),
      titleIdx: cells[first].idx,
      ...(cutRow ? { cutLabels: cutRow } : {}),
    });
    i = floor = cutLabels ? cells.length : body.end;
  }
  return out;
}

const isDash = (c: ShapeCell | undefined) => c !== undefined && /^[-–]$/.test(c.text.trim());
const isStar = (c: ShapeCell | undefined) => c !== undefined && /^\*{1,3}\)?$/.test(c.text.trim());

/**
 * A `-` on a line of its own before a row's label marks that row as an item of the row above (Oldenzaal 2024's
 * balance sheet), as `- Kassaldi` does in one line; a `*` after a row's figures is its footnote mark. Read as figures
 * they would be cells: a dash is a mark where rows ending in one print a figure more than the others and a label
 * follows every such dash.
 */
function itemMarks(runs: Run[], periods: number): Run[] {
  const cleaned = runs.map((r) => {
    const values = [...r.values];
    const dash = isDash(values.at(-1)) ? values.pop() : undefined;
    while (values.length > 1 && isStar(values.at(-1))) values.pop();
    return { ...r, values: dash ? [...values, dash] : values };
  });
  const marked = cleaned.flatMap((r, i) =>
    isDash(r.values.at(-1)) && (cleaned[i + 1]?.labels.length ?? 0) > 0 ? [i] : [],
  );
  // The rows' width: as the rows without a dash print it, or as many as the periods the header names.
  const others = cleaned.filter((r) => r.values.length > 0 && !isDash(r.values.at(-1)));
  const width = others.length > 0 ? mode(others.map((r) => r.values.length)) : periods;
  if (marked.length < 2 || width === 0) return cleaned;
  const full = marked.filter((i) => cleaned[i].values.length > 1);
  if (full.length === 0 || full.filter((i) => cleaned[i].values.length - 1 === width).length < 0.8 * full.length)
    return cleaned;
  const out = cleaned.map((r) => ({ ...r, labels: [...r.labels], values: [...r.values] }));
  out.forEach((r, i) => {
    if (!isDash(r.values.at(-1))) return;
    // The mark of the next row; or, where the table ends after it, of a row beyond the table (a figure too many).
    if (marked.includes(i)) {
      r.values.pop();
      const next = out[i + 1].labels[0];
      out[i + 1].labels[0] = { ...next, text: `- ${next.text.trim()}` };
    } else if (i === out.length - 1 && r.values.length === width + 1) r.values.pop();
  });
  return out;
}

/**
 * Whether a label cell opens a row as the table's rows open: with a code (`6.1`, `R3119`, `1-2.2`), or with the first
 * word of a row label above (`Totaal …`).
 */
function startsRow(text: string, runs: Run[]): boolean {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (classify(first) === 'code' || isBareNumber(first)) return true;
  const word = first.toLowerCase();
  return runs.some((r) => r.labels.some((l) => l.text.trim().split(/\s+/)[0].toLowerCase() === word));
}

/**
 * Runs of label cells and figures from `start` until prose, a new header, or too many labels in a row. `marked`: the
 * header has a column of I / S marks, so a mark right after a run's figures closes that run (it is no label).
 */
function readBody(cells: ShapeCell[], start: number, marked = false): { runs: Run[]; end: number } {
  const runs: Run[] = [];
  let cur: Run = { labels: [], values: [], raw: '' };
  let labelRun = 0;
  let k = start;
  for (; k < cells.length; k++) {
    const t = cells[k].text;
    // A line introducing the rows under it ("… nog te ontvangen bedragen van:"), however long, heads them.
    if (
      isProse(t) &&
      !(t.trim().endsWith(':') && runs.length > 0 && k + 2 < cells.length && !isProse(cells[k + 2].text))
    )
      break;
    // A bare number before the first figure of a run ("1" | "Veiligheid" | 5.353 …) is the row's number;
    // after figures it is a figure (its row's number, if it is one, is settled below by the rows' widths).
    const next = cells[k + 1]?.text ?? '';
    if (
      isValue(t) &&
      !cells[k].yearLabel &&
      !(
        isBareNumber(t) &&
        cur.values.length === 0 &&
        (runs.length === 0 || cur.labels.length > 0) &&
        next !== '' &&
        isNameCell(next) &&
        !/^\d/.test(next)
      )
    ) {
      cur.values.push(cells[k]);
      labelRun = 0;
      continue;
    }
    // Header words after rows: the next table begins.
    if (
      classify(t) === 'header' &&
      isHeaderish(cells[k + 1]?.text ?? '') &&
      !cells[k + 1]?.yearLabel &&
      !MOVEMENT_ROW.test(t)
    )
      break;
    if (cur.values.length) {
      const mark = marked && isMarker(t) ? cells[k] : null;
      if (mark) cur.raw = [...cur.labels, ...cur.values, mark].map((c) => c.text).join(' | ');
      runs.push(cur);
      cur = { labels: [], values: [], raw: '' };
      if (mark) continue;
    }
    if (++labelRun > 5) break;
    cur.labels.push(cells[k]);
  }
  if (cur.values.length) runs.push(cur);
  else k -= cur.labels.length;
  return { runs: rowNumbers(runs), end: k };
}

/**
 * Rows numbered in a cell of their own ("1" | "Veiligheid" | figures): read as figures, the number
 * stands last in the row before. Where rows print one figure more than most, end in a bare number
 * and the next row starts with a plain name, that number is the next row's.
 */
function rowNumbers(runs: Run[]): Run[] {
  const counts = () => runs.filter((r) => r.values.length > 0).map((r) => r.values.length);
  if (counts().length < 3) return runs;
  // First the numbers that follow the row's own (`01` | `Veiligheid` | … | `02`, Gennep 2022), whatever the widths;
  // then,
  // with the widths those leave, a number printed one figure past the rest.
  for (const byWidth of [false, true]) {
    const width = mode(counts());
    for (let i = 0; i + 1 < runs.length; i++) {
      const last = runs[i].values.at(-1);
      const next = runs[i + 1].labels[0];
      const own = runs[i].labels[0]?.text ?? '';
      const counted = last !== undefined && isBareNumber(own) && Number(last.text) === Number(own) + 1;
      if (
        (counted || (byWidth && runs[i].values.length === width + 1)) &&
        last &&
        isBareNumber(last.text) &&
        next &&
        isNameCell(next.text) &&
        !/^\d/.test(next.text)
      ) {
        runs[i].values.pop();
        runs[i + 1].labels.unshift(last);
      }
    }
  }
  return runs;
}

/**
 * The header in the cells above the first row: the columns' names are the last `width` header
 * cells (label, key and V/N headers may stand among them); header words before them are spanning
 * groups; a line item or a numbered name right above the first row heads the rows. null where no
 * header word stands there at all.
 */
function headerBefore(
  printed: string[],
  width: number,
): { tiers: string[][]; sections: string[]; used: number; unplaced?: string[] } | null {
  const region = spreadGroups(joinWrapped(printed));
  const side = (c: string) => ['label-header', 'key-header', 'vn-header', 'marker-header'].includes(classify(c));
  let end = region.length;
  const sections: string[] = [];
  // Headings of the rows: line items and numbered names just above the first row, while enough names for the columns
  // stand before them.
  const named = (upTo: number) => region.slice(0, upTo).filter((c) => !side(c) && !isProse(c)).length;
  let r = 0;
  while (r < region.length && classify(region[region.length - 1 - r]) === 'item') r++;
  const periods = region.filter((c) => classify(c) === 'header').length;
  // A run of line items as long as the columns, or one per period, is the header's lower tier.
  // So is a run of names printed once per period (Lasten | Baten | Mutatie reserves | Saldo under three periods) ending
  // the header.
  const itemTier =
    (r >= 2 && (r === width || (periods > 0 && r % periods === 0))) ||
    (r >= 1 && repeatsPerPeriod(region.filter((c) => !side(c)).slice(-width)));
  while (
    end > 0 &&
    ((classify(region[end - 1]) === 'item' && !itemTier) || /^\d{1,2}(\.\d)?\s+\p{L}/u.test(region[end - 1])) &&
    named(end - 1) >= width
  )
    sections.unshift(region[--end]);
  // An indicator block's heading (name, unit, source) right under a full row of years or periods heads the rows.
  for (let t = 3; t >= 2; t--) {
    const tail = region.slice(end - t, end);
    const tier = region.slice(end - t - width, end - t);
    if (
      end - t - width < 0 ||
      !UNIT_START.test(tail[1]?.trim() ?? '') ||
      classify(tail[0]) !== 'text' ||
      !tier.every((c) => classify(c) === 'header')
    )
      continue;
    sections.unshift(...tail);
    end -= t;
    break;
  }
  // A name just above the first row, after a full row of column names, heads the rows ("Reserves van de algemene
  // dienst").
  // (One of those names may be words: `Bestemming resultaat vorig boekjaar`.)
  const full = (cs: string[]) =>
    cs.length === width &&
    cs.filter((c) => ['header', 'item'].includes(classify(c))).length >= Math.max(2, width - 1) &&
    cs.every((c) => !isValue(c) && !isProse(c));
  if (
    end > width &&
    classify(region[end - 1]) === 'text' &&
    !QUALIFIER.test(region[end - 1]) &&
    full(region.slice(end - 1 - width, end - 1))
  )
    sections.unshift(region[--end]);
  const keyed = formulaKeyed(region.slice(0, end), width);
  if (keyed) return { tiers: keyed, sections, used: printedCount(region.slice(end - 2 * width, end)) };
  const spanned = rowSpanned(region.slice(0, end), width);
  if (spanned) return { tiers: [spanned.names], sections, used: printedCount(region.slice(end - spanned.used, end)) };
  const bottom: string[] = [];
  let k = end;
  let names = 0;
  while (k > 0 && names < width) {
    const c = region[k - 1];
    if (isValue(c) && !isYearish(c)) break;
    bottom.unshift(c);
    if (!side(c)) names++;
    k--;
  }
  if (names < width) return null;
  // Side headers just before the bottom tier (Nr, Omschrijving, Progr.) belong to it.
  while (k > 0 && side(region[k - 1])) bottom.unshift(region[--k]);
  // A name heading the label column between the tiers ("Lasten | Baten | Saldo", then "Programma 1 LEVEN", then the
  // periods under each): the tier above goes on past it.
  const stub = region[k - 1] ?? '';
  const tierCell = (c: string | undefined) => c !== undefined && ['header', 'item'].includes(classify(c));
  if (k > 2 && classify(stub) === 'text' && !isProse(stub) && tierCell(region[k - 2]) && tierCell(region[k - 3])) k--;
  const upper: string[] = [];
  while (k > 0 && ['header', 'item'].includes(classify(region[k - 1]))) upper.unshift(region[--k]);
  while (k > 0 && side(region[k - 1])) upper.unshift(region[--k]);
  // A row of period words over the upper row, spanning its names evenly (`Begroting` over each of 2020 … 2023, over
  // Baten | Lasten | Saldo each): printed in one run with the years, or above side cells between (Wassenaar 2020).
  let top: string[] = [];
  const firstYear = upper.findIndex(isYearish);
  const inRun =
    firstYear >= 2 && upper.slice(0, firstYear).every(isBarePeriod) && upper.slice(firstYear).every(isYearish);
  const above: string[] = [];
  if (inRun) above.push(...upper.slice(0, firstYear));
  else for (let t = k; t > 0 && classify(region[t - 1]) === 'header'; t--) above.unshift(region[t - 1]);
  const underTop = (inRun ? upper.slice(firstYear) : upper).filter((c) => !side(c)).length;
  if (above.length >= 2 && underTop >= above.length && underTop % above.length === 0) {
    top = above;
    if (inRun) upper.splice(0, firstYear);
    else k -= above.length;
  }
  // Line items before the periods ("Lasten" over the labels, left of "Begroting | Werkelijk") head the rows.
  const lead: string[] = [];
  while (upper.length > 1 && classify(upper[0]) === 'item' && classify(upper[1]) !== 'item') lead.push(upper.shift()!);
  sections.unshift(...lead);
  const all = [...upper, ...bottom];
  if (!all.some((c) => ['header', 'item', 'label-header', 'key-header'].includes(classify(c)))) return null;
  const unmark = (t: string[]) => t.map((c) => c.replace(SPREAD, ''));
  const unplaced = stackedAbove(region.slice(0, k));
  return {
    tiers: [top, upper, bottom].filter((tier) => tier.length > 0).map(unmark),
    sections: unmark(sections),
    used: printedCount(region.slice(k, end)),
    ...(unplaced ? { unplaced: unmark(unplaced) } : {}),
  };
}

/**
 * More header rows above the ones read (Rekening | Begroting | Begroting | Verschil / 2015 | 2016 | 2017 |
 * 2016/ / Actueel | 2017 over the Saldo | Baten | Lasten row): short cells straight above the header,
 * up to its label head or a sentence, of which two or more are period words or years. A title above a
 * table has one such word at most.
 */
function stackedAbove(before: string[]): string[] | null {
  const run: string[] = [];
  for (let j = before.length - 1; j >= 0; j--) {
    const c = before[j];
    if (isProse(c) || c.length > 40 || isLabelHead(c) || (isValue(c) && !isYearish(c))) break;
    run.unshift(c);
  }
  return run.filter((c) => classify(c) === 'header').length >= 2 ? run : null;
}
const isLabelHead = (c: string) => ['label-header', 'key-header'].includes(classify(c));

/** `names` is one run of names, with a line item among them, printed again under each of several periods. */
function repeatsPerPeriod(names: string[]): boolean {
  const key = (c: string) => c.toLowerCase();
  for (let per = 2; per <= names.length / 2; per++) {
    if (names.length % per !== 0) continue;
    if (names.every((c, i) => key(c) === key(names[i % per])))
      return names.slice(0, per).some((c) => classify(c) === 'item');
  }
  return false;
}

/**
 * A reserve movement named as a row (`Stortingen in reserves`, `Toevoegingen rente aan reserves`): a label, though a
 * column may be headed `Stortingen`.
 */
const MOVEMENT_ROW =
  /^(toevoeging|onttrekking|storting|putting|dotatie|vrijval)(en)?\s+(\S+\s+)?(aan|in|uit|van)\s+(de\s+)?(reserves?|voorzieningen?)\b/i;

/**
 * A header row of key letters and formulas under the columns' names (Utrecht 2017: `Stand 31-12-2016`
 * … over `a | b | c = a + b | d | e | f = c + d - e`): the two rows are the header's tiers, whatever
 * the names' words (planHeader gives each name its key), not an upper tier cut short at `B&D voorstellen`.
 */
function formulaKeyed(region: string[], width: number): string[][] | null {
  if (region.length < 2 * width) return null;
  const keys = region.slice(region.length - width).map((c) => c.trim());
  if (!keys.every((k) => FORMULA_KEY.test(k)) || new Set(keys.map((k) => k[0])).size !== width) return null;
  const names = region.slice(region.length - 2 * width, region.length - width);
  if (names.some((n) => isValue(n) || isProse(n) || FORMULA_KEY.test(n.trim()))) return null;
  return [names.map((n) => n.replace(SPREAD, '')), keys];
}

/**
 * A balance down the rows (`Stand per 1 januari` … `Stand per 31 december`): a row's label though its words are a
 * period's.
 */
const BALANCE_ROW =
  /^(stand|saldo|boekwaarde)\s+(per\s+)?(\d{1,2}[-\s/](\d{1,2}|januari|december|jan|dec)\b|begin|eind)/i;

/** A date or year that tells one of two like columns from the other (`1-jan`, `31-12`, `1 januari 2024`, `2018`). */
const QUALIFIER =
  /^((per\s+)?\d{1,2}[-\s/](\d{1,2}|jan(uari)?|dec(ember)?)([-\s/](19|20)\d{2})?|(19|20)\d{2}|begin|eind)$/i;

/**
 * Cells spanning both rows of a two-row header (`rowspan`): a full row of names in which some name
 * stands twice (Stand | Dotaties | Onttrekkingen | Stand), then a shorter row of dates or years under
 * only the like columns (1-jan | 31-dec), in order; one more leading cell stands over the labels. A
 * text rendering keeps each row's cells but not the spans, so the short row is read this way only
 * where its cells are qualifiers and exactly the repeated names need them.
 */
function rowSpanned(region: string[], width: number): { names: string[]; used: number } | null {
  // The short row: the run of qualifiers that ends the header (a full row of them is an ordinary lower tier).
  let m = 0;
  while (m < region.length && QUALIFIER.test(region[region.length - 1 - m].trim())) m++;
  if (m >= 1 && m < width && m + width <= region.length) {
    const lower = region.slice(region.length - m);
    const upper = region.slice(region.length - m - width, region.length - m);
    if (!upper.every((c) => ['header', 'item', 'text'].includes(classify(c)) && !isValue(c))) return null;
    const key = (c: string) => unbreak(c.toLowerCase());
    const like = upper.map((c, i) => upper.some((d, j) => j !== i && key(d) === key(c)));
    const needing = like.filter(Boolean).length;
    if (needing === 0 || (m !== needing && m !== needing + 1)) return null;
    const qualifiers = lower.slice(m - needing);
    let q = 0;
    return { names: upper.map((c, i) => (like[i] ? `${c} ${qualifiers[q++]}` : c)), used: m + width };
  }
  return null;
}

/**
 * A period word without a year, after dated ones, followed by bare years ("Meerjarenraming" | 2025 | 2026 | 2027)
 * spans those years: one cell per year, named by both. Cells made so remember it, to count the
 * printed cells back.
 */
const SPREAD = '\u0000';
/** Lower-case words that qualify a period after its word (`Begroting` | `primitief`, `na wijziging`). */
const PERIOD_QUALIFIER =
  /^(primitie[fv]e?|prim\.?|oorspronkelijk|na wijziging(en)?|voor wijziging(en)?|na wijz\.?|gewijzigd|bijgesteld|actueel|incl\.? wijz\.?)$/;

/**
 * A word broken over two lines (`Jaar-` | `rekening`) is one word; a period word, the lower-case words that qualify it
 * and its year, each on a line of its own (`Begroting` | `primitief` | `2022`), are one column's name (Gorinchem 2022).
 */
function qualifiedPeriods(region: string[]): string[] {
  const words: string[] = [];
  for (const c of region) {
    const prev = words.at(-1);
    if (prev !== undefined && /\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(c))
      words[words.length - 1] = prev.slice(0, -1) + c;
    else words.push(c);
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let j = i + 1;
    while (j < words.length && PERIOD_QUALIFIER.test(words[j])) j++;
    if (isBarePeriod(words[i]) && j > i + 1 && isYearish(words[j] ?? '')) {
      out.push(words.slice(i, j + 1).join(' '));
      i = j;
    } else out.push(words[i]);
  }
  return out;
}

function spreadGroups(region: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < region.length; i++) {
    const c = region[i];
    let j = i + 1;
    while (j < region.length && isYearish(region[j])) j++;
    // Only where it continues a row of dated periods (Rekening 2022 | Begroting 2024 | Meerjarenraming): after a row of
    // yearless ones (Begroting | Werkelijk | Verschil) the years are the lower tier of them all.
    const continuesDated = i > 0 && /\b(19|20)\d{2}\b/.test(region[i - 1]);
    if (classify(c) === 'header' && !/\b(19|20)\d{2}\b/.test(c) && j - i - 1 >= 2 && continuesDated) {
      for (let k = i + 1; k < j; k++) out.push(`${c} ${region[k]}${k === i + 1 ? SPREAD : ''}`);
      i = j - 1;
    } else out.push(c);
  }
  return out;
}
/**
 * A header wrapped over two printed rows, cell by cell: "Primaire | Definitieve | Jaarrekening" then
 * "begroting | begroting". Lower-case words continue the names left unfinished above (an adjective
 * waiting for its noun), in order, where there are exactly as many of each; else the cells stay.
 */
function joinWrapped(printed: string[]): string[] {
  // A head broken inside its word over two lines (`Boek-` | `waarde`, `Des-` | `invest.`): one word.
  const whole: string[] = [];
  for (const c of printed.map((x) => x.replace(/(\p{L})- (\p{Ll})/gu, '$1$2'))) {
    const prev = whole.at(-1);
    if (prev !== undefined && /\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(c))
      whole[whole.length - 1] = prev.slice(0, -1) + c;
    // The date under a balance's name (`Boekwaarde` | `01-01-2022`) is that column's.
    else if (prev !== undefined && /^(stand|saldo|boekwaarde)$/i.test(prev) && /^\d{1,2}-\d{1,2}-(19|20)\d{2}$/.test(c))
      whole[whole.length - 1] = `${prev} ${c}`;
    else whole.push(c);
  }
  const region = qualifiedPeriods(whole);
  // Period words and their years on lines of their own ("Rekening" | "2021" | "Begroting" | "2022" | …): one name
  // each, where another period word follows the year (not a year spanning dated cells: "Stand" | "2018" | "1-jan").
  const out: string[] = [];
  let joined = false;
  for (let i = 0; i < region.length; i++) {
    const c = region[i];
    joined =
      isBarePeriod(c) &&
      isYearish(region[i + 1] ?? '') &&
      ((classify(region[i + 2] ?? '') === 'header' && !QUALIFIER.test(region[i + 2]) && !isYearish(region[i + 2])) ||
        (joined && !isYearish(region[i + 2] ?? '')));
    out.push(joined ? `${c} ${region[++i]}` : c);
  }
  const continues = (c: string) => /^\p{Ll}/u.test(c) && !isValue(c);
  for (let j = 1; j < out.length; j++) {
    if (!continues(out[j]) || continues(out[j - 1])) continue;
    let end = j;
    while (end < out.length && continues(out[end])) end++;
    let start = j;
    while (start > 0 && !continues(out[start - 1]) && !isValue(out[start - 1])) start--;
    const open = [];
    for (let k = start; k < j; k++) if (PERIOD_ADJECTIVE.test(out[k])) open.push(k);
    if (open.length !== end - j) continue;
    open.forEach((k, n) => (out[k] = `${out[k]} ${out[j + n]}${SPREAD}`));
    out.splice(j, end - j);
  }
  return out;
}

/** A period word without a year (`Rekening`, `Begroting`). */
const isBarePeriod = (c: string) => classify(c) === 'header' && !/\b(19|20)\d{2}\b/.test(c) && !isYearish(c);

/** Printed cells behind spread ones: each spread group stood as one more cell (its word). */
const printedCount = (cells: string[]) => cells.length + cells.filter((c) => c.endsWith(SPREAD)).length;
