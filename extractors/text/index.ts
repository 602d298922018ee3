import { isFigures } from '../shape.js';
import { parseCell, parseScale, normaliseSpaces } from '../../src/grammar/number.js';
import type { Extraction, ExtractionNotice, Footnote, RawRow, RawTable, TextBlock } from '../types.js';
import { cleanCell } from './markup.js';
import { readGluedTables } from './glued.js';
import { nbspPositions, readGluedIndicatorTables, type DumpLine } from './glued-indicators.js';
import { readStructures } from './structures.js';
import { unreadBlockNotices } from './table-like.js';
import { readPipeRenderings, readRenderings } from './renderings.js';
import { readDescribedLines, readDescribedTables } from './described.js';

/**
 * Text dumps of HTML pages and PDFs. Three table layouts occur:
 * - cell-per-line: a header run ("Begroting 2023 primitief", "Rekening 2023", …), then each row
 *   as its label line followed by one line per value (Hengelo 2023);
 * - tab-separated: one row per line, cells split by tabs, with inline markup (PDF → markdown);
 * - glued: the cells of a row run together without separators (read by the glued reader).
 */

interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

const HEADER_CELL =
  /^(begroting|rekening|realisatie|werkelijk|verschil|jaarrekening|primitief|gewijzigd|meerjarenraming|raming|prognose|afwijking)\b/i;
const FOOTNOTE_LINE = /^\s*(\d{1,2})\.\s+(\S.*)$/;
const HEADING = /^(#{1,6}\s+.*|\d+(\.\d+)*\.?\s+\S.{0,200}|tabel:.*)$/i;

const isHeaderCell = (text: string) => text.length <= 60 && HEADER_CELL.test(text);
/**
 * Some sites render a table one cell per line, each cell closed by a pipe (`4.892 |`, a label
 * broken before its pipe: `Afvalstoffenheffing` / `|`). Six or more such lines in a row are cells:
 * their pipes are dropped here so that the one-cell-per-line reader takes them as any other.
 */
function unpipeCells(all: DumpLine[]): void {
  const closed = (t: string) => /^[^|]*\S\s*\|$/.test(t) || t.trim() === '|';
  // Between such cells some renderings print lines of tabs, a row of empty cells (`||||||`) or the markdown separator
  // (`|---|---|`): no cells, part of the run (Zeewolde 2026, each cell indented by tabs).
  const filler = (t: string) =>
    /^\t+$/.test(t) || /^\s*\|{2,}\s*$/.test(t) || /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/.test(t);
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (
      j < all.length &&
      (closed(all[j].text) ||
        (j > i && filler(all[j].text)) ||
        (all[j].text.trim() !== '' && !all[j].text.includes('|') && all[j + 1]?.text.trim() === '|'))
    )
      j++;
    if (j - i >= 6)
      for (let k = i; k < j; k++) {
        const t = all[k].text;
        // A cell indented by tabs is one cell, not a row of empty tab cells; the fillers are blank lines.
        all[k].text = filler(t) ? '' : /^\t/.test(t) ? t.replace(/\s*\|$/, '').trim() : t.replace(/\s*\|$/, '');
      }
    i = Math.max(j, i + 1);
  }
}

/** A value cell: a figure, or a mark for an empty cell. Blank lines never are. */
const isValueLine = (text: string) => {
  const parsed = parseCell(text);
  return parsed.kind === 'number' || (parsed.kind === 'empty' && parsed.reason !== 'blank') || isFigures(text);
};

export function extractText(content: string): Extraction {
  const all: DumpLine[] = content
    .split(/\r?\n/)
    // Trailing tabs are empty cells, so only spaces are trimmed. Where non-breaking spaces stood
    // is kept: HTML dumps pad cells with them (the glued indicator reader uses that).
    .map((raw, i) => ({ text: normaliseSpaces(raw).replace(/[ \r]+$/, ''), line: i + 1, nbsp: nbspPositions(raw) }));
  unpipeCells(all);
  const used = new Set<number>();
  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];

  for (const table of readTabSeparated(all, used)) tables.push(table);
  // Indicator lists with describing columns (eenheid, periode, bron) before the readers that take any cell per line.
  tables.push(...readDescribedTables(all, used), ...readDescribedLines(all, used));
  for (const table of readCellPerLine(all, used)) tables.push(table);
  const pipes = readPipeRenderings(all, used);
  tables.push(...pipes.tables);
  notices.push(...pipes.notices);
  // Glued tables the glued reader knows are read; the rest are reported as not read.
  const glued = readGluedTables(all, used);
  tables.push(...glued.tables);
  notices.push(...glued.notices);
  const indicators = readGluedIndicatorTables(all, used);
  tables.push(...indicators.tables);
  notices.push(...indicators.notices);
  // The doelenboom and the statutory indicator lists: structures, not grids.
  const structures = readStructures(all, used);
  tables.push(...structures.tables);
  notices.push(...structures.notices);
  // Renderings of other sites' tables: space-separated rows, one cell per line.
  const renderings = readRenderings(all, used);
  tables.push(...renderings.tables);
  notices.push(...renderings.notices);
  notices.push(...findGluedTables(all, used));
  // Whatever still looks like a table was read by no reader: say so, never a silent "adds up".
  notices.push(...unreadBlockNotices(all, used).notices);

  tables.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  tables.forEach((t, i) => (t.index = i));

  const textBlocks: TextBlock[] = all
    .filter((l) => !used.has(l.line) && l.text.trim() !== '')
    .map((l) => ({ text: cleanCell(l.text).text, line: l.line, page: null }));
  const headings = all
    .slice(0, 40)
    .map((l) => l.text.trim())
    .filter((t) => t.length > 0 && t.length < 120);
  return { tables, textBlocks, notices, headings, structures: structures.structures };
}

/** Nearest heading-like and scale lines above a table, looking back over a few lines. */
function contextAbove(all: Line[], startIdx: number, used: Set<number>) {
  let title: string | null = null;
  let scaleText: string | null = null;
  const context: string[] = [];
  let seen = 0;
  let proseSeen = false;
  for (let i = startIdx - 1; i >= 0 && seen < 12; i--) {
    const text = cleanCell(all[i].text).text;
    if (text === '' || used.has(all[i].line)) continue;
    seen++;
    // A scale note belongs to the table only when it stands right above it, not across prose.
    if (text.length >= 200) proseSeen = true;
    if (!scaleText && !proseSeen && seen <= 4 && parseScale(text) !== null && text.length < 200) scaleText = text;
    if (HEADING.test(text) && text.length < 200) {
      if (!title && seen <= 6) title = text.replace(/^#+\s*/, '');
      context.unshift(text.replace(/^#+\s*/, ''));
      if (context.length >= 3) break;
    }
  }
  return { title, scaleText, context };
}

function readTabSeparated(all: Line[], used: Set<number>): RawTable[] {
  const tables: RawTable[] = [];
  let i = 0;
  while (i < all.length) {
    if (!all[i].text.includes('\t')) {
      i++;
      continue;
    }
    let j = i;
    while (j < all.length && all[j].text.includes('\t')) j++;
    const block = all.slice(i, j);
    if (block.length >= 2) {
      const rows: RawRow[] = block.map((l) => {
        const cells = l.text.split('\t').map((c) => ({ ...cleanCell(c), line: l.line, page: null }));
        return { cells, line: l.line, page: null, raw: l.text };
      });
      const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
      for (const r of rows)
        while (r.cells.length < width) r.cells.push({ text: '', bold: false, line: r.line, page: null });
      const first = rows[0];
      const isHeader = first.cells.slice(1).every((c) => {
        const p = parseCell(c.text);
        return p.kind !== 'number' || /^(19|20)\d{2}$/.test(c.text);
      });
      const header = isHeader ? first : null;
      const body = isHeader ? rows.slice(1) : rows;
      const above = contextAbove(all, i, used);
      const topLeft = header?.cells[0].text ?? '';
      const scaleText = parseScale(topLeft) !== null ? topLeft : above.scaleText;
      const title =
        topLeft && !/^bedragen\b/i.test(topLeft) && parseScale(topLeft) === null ? topLeft : (above.title ?? topLeft);
      tables.push({
        index: 0,
        layout: 'tab-separated',
        title: title || `Tabel op regel ${block[0].line}`,
        context: above.context,
        scaleText,
        header,
        rows: body,
        footnotes: [],
        line: block[0].line,
        page: null,
      });
      for (const l of block) used.add(l.line);
    }
    i = j;
  }
  return tables;
}

function readCellPerLine(all: Line[], used: Set<number>): RawTable[] {
  const lines = all
    .filter((l) => l.text.trim() !== '' && !used.has(l.line))
    .map((l) => ({ ...l, text: l.text.trim() }));
  const tables: RawTable[] = [];
  let i = 1;
  while (i < lines.length - 1) {
    if (!(isHeaderCell(lines[i].text) && isHeaderCell(lines[i + 1].text)) || isValueLine(lines[i - 1].text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && isHeaderCell(lines[j].text)) j++;
    const topLeft = lines[i - 1];
    const width = j - i;
    const rows: RawRow[] = [];
    let k = j;
    while (k < lines.length) {
      const label = lines[k];
      if (isValueLine(label.text) || isHeaderCell(label.text)) break;
      let m = k + 1;
      while (m < lines.length && isValueLine(lines[m].text)) m++;
      if (m === k + 1) break;
      const cellLines = lines.slice(k, m);
      // Years alone after a label (`bedragen x € 1.000,-` | 2020 | 2021 | …) are a tier of the header, not figures.
      if (cellLines.slice(1).every((c) => /^(19|20)\d{2}$/.test(c.text))) break;
      rows.push({
        cells: cellLines.map((c) => ({ text: c.text, line: c.line, page: null, bold: false })),
        line: label.line,
        page: null,
        raw: cellLines.map((c) => c.text).join(' | '),
      });
      k = m;
    }
    // A header naming fewer columns than rows print figures is not the whole header, and rows going on under a
    // heading ("Mutaties in reserves:" over "- toevoegingen | 88.424 | …") are sections: other renderings read both.
    const heading = (n: number) =>
      n + 2 < lines.length &&
      [lines[n], lines[n + 1]].every((l) => !isValueLine(l.text) && !isHeaderCell(l.text)) &&
      isValueLine(lines[n + 2].text);
    if (rows.length === 0 || rows.some((r) => r.cells.length - 1 > width) || heading(k)) {
      i = j;
      continue;
    }
    // Footnotes directly under the table: "1. text", continued on indented lines.
    const footnotes: Footnote[] = [];
    const lastLine = rows[rows.length - 1].cells.at(-1)!.line!;
    let f = all.findIndex((l) => l.line === lastLine) + 1;
    while (f < all.length) {
      const text = all[f].text;
      const m = FOOTNOTE_LINE.exec(text);
      if (m && /^\s/.test(text)) {
        footnotes.push({ marker: m[1], text: m[2], line: all[f].line });
        used.add(all[f].line);
      } else if (text.trim() === '') {
        // blank lines between footnotes
      } else if (footnotes.length > 0 && /^\s{3,}\S/.test(text)) {
        footnotes[footnotes.length - 1].text += ` ${text.trim()}`;
        used.add(all[f].line);
      } else break;
      f++;
    }
    const startIdx = all.findIndex((l) => l.line === topLeft.line);
    const above = contextAbove(all, startIdx, used);
    const header: RawRow = {
      cells: lines.slice(i - 1, j).map((c) => ({ text: c.text, line: c.line, page: null, bold: false })),
      line: topLeft.line,
      page: null,
      raw: lines
        .slice(i - 1, j)
        .map((c) => c.text)
        .join(' | '),
    };
    tables.push({
      index: 0,
      layout: 'cell-per-line',
      title: topLeft.text,
      context: above.context,
      scaleText: parseScale(topLeft.text) !== null ? topLeft.text : above.scaleText,
      header,
      rows,
      footnotes,
      line: topLeft.line,
      page: null,
    });
    for (const l of lines.slice(i - 1, k)) used.add(l.line);
    i = k;
  }
  return tables;
}

/** A line whose figures run into each other or into the label: `Lasten200.639214.003203.51010.493`. */
const GLUED_ROW = /^(.*?[^\d\s.,%()+-])\s?([-−]?\d[\d.,%()\s−-]*)$/;

function isGluedRow(text: string): boolean {
  const m = GLUED_ROW.exec(text.trim());
  if (!m) return false;
  const tail = m[2].trim();
  if (parseCell(tail).kind === 'number') return false;
  // two or more figures run together: a thousands group followed by more digits or a sign
  return /\d[.,]\d{3}\d|\d[-−]\d|%\d|\d{4,}[.,]\d|\d\.\d{3}\.\d{1,2}(?!\d)/.test(tail);
}

function findGluedTables(all: Line[], used: Set<number>): ExtractionNotice[] {
  const notices: ExtractionNotice[] = [];
  let i = 0;
  while (i < all.length) {
    if (used.has(all[i].line) || !isGluedRow(all[i].text)) {
      i++;
      continue;
    }
    let j = i;
    while (
      j < all.length &&
      (isGluedRow(all[j].text) || (j > i && /^\S.{0,80}$/.test(all[j].text) && isGluedRow(all[j + 1]?.text ?? '')))
    )
      j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) used.add(all[k].line);
      const headerLine = i > 0 && all[i - 1].text.trim() !== '' ? all[i - 1] : null;
      const title = (headerLine?.text ?? all[i].text).trim().slice(0, 120);
      notices.push({
        rule: 'unread-table',
        severity: 'info',
        message:
          `Table with glued cells (${j - i} rows, lines ${headerLine?.line ?? all[i].line}–${all[j - 1].line}) ` +
          `not read: its cells run together and this version of klopt does not yet segment them`,
        line: headerLine?.line ?? all[i].line,
        page: null,
        raw: title,
        table: title,
        // Roughly: the figures cannot be told apart, so count runs of digits.
        amounts: all.slice(i, j).reduce((n, l) => n + (l.text.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0), 0),
      });
    }
    i = j;
  }
  return notices;
}
