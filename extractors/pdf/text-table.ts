import { statutoryTable } from '../html/structures.js';
import type { ExtractionNotice, RawCell, RawRow, RawTable } from '../types.js';
import { isValueText, type Chunk, type Line } from './layout.js';

/**
 * Tables of text: rows that do not end in figures (a statutory indicator list: number,
 * beleidsveld, name, unit, year, score, source), which the figure-led reader in layout.ts leaves
 * as running text. A header line of short words set well apart heads them; the columns are
 * learned from the x-extents of the header's and the rows' chunks: where no chunk of any line
 * covers the page, one column ends and the next begins (left-, right-aligned or centred alike).
 * A row starts on a line that fills the table's key column; lines between fill the other
 * columns' wrapped cells.
 */

interface Span {
  x0: number;
  x1: number;
}

/** A line of column heads: three or more short texts, each well apart from the next. */
function isHeaderLine(l: Line): boolean {
  if (l.chunks.length < 3) return false;
  if (l.chunks.some((c) => c.text.length > 40 || c.text.split(' ').length > 4 || isValueText(c.text))) return false;
  return l.chunks.every((c, i) => i === 0 || c.x0 - l.chunks[i - 1].x1 >= 1 * l.size);
}

/** Union of the chunks' extents: the columns. Pieces closer than a third of an em are one. */
function columnsOf(chunks: Chunk[], em: number): Span[] {
  const sorted = [...chunks].sort((a, b) => a.x0 - b.x0);
  const out: Span[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1 + em / 3) last.x1 = Math.max(last.x1, c.x1);
    else out.push({ x0: c.x0, x1: c.x1 });
  }
  return out;
}

const columnOf = (cols: Span[], c: Chunk) => cols.findIndex((s) => c.x0 >= s.x0 - 1e-6 && c.x1 <= s.x1 + 1e-6);

/** Every header word in a column of its own. */
const headsApart = (cols: Span[], head: Line) => new Set(head.chunks.map((c) => columnOf(cols, c))).size === head.chunks.length;

export interface TextTablePart {
  lines: Line[];
  table?: RawTable;
  notice?: ExtractionNotice;
}

/** A text table that ran to the foot of a page: its header, for the rows the next page goes on with. */
export interface OpenTextTable {
  head: Line;
  page: number;
}

/** The lines from `from` on that stay in the header's columns (no two header words joined), and those columns. */
function grow(head: Line, lines: Line[], from: number): { end: number; cols: Span[] } {
  let all = [...head.chunks];
  let cols = columnsOf(all, head.size);
  let end = from - 1;
  for (let k = from; k < lines.length && (k === from || lines[k].y - lines[k - 1].y <= 2.6 * lines[k].size); k++) {
    const next = columnsOf([...all, ...lines[k].chunks], head.size);
    if (!headsApart(next, head)) break;
    all = [...all, ...lines[k].chunks];
    cols = next;
    end = k;
  }
  return { end, cols };
}

/**
 * Split a run of running-text lines into text and text tables. A header line followed by lines
 * of three or more chunks whose columns cannot be told apart (text drawn over text) gives an
 * `unread-table` notice; its lines stay running text.
 */
export function splitTextTables(lines: Line[], above: string[], file: string, open: OpenTextTable | null = null): { parts: TextTablePart[]; open: OpenTextTable | null } {
  const out: TextTablePart[] = [];
  let textFrom = 0;
  let last: OpenTextTable | null = null;
  // The page opens with rows in the columns of the text table that ended the page before (its
  // header not repeated): they go on under that header.
  // (A header repeated over them is read as a header.)
  if (open && lines.length && lines[0].page === open.page + 1 && !isHeaderLine(lines[0])) {
    const { end, cols } = grow(open.head, lines, 0);
    const table = end >= 0 ? readTextTable(open.head, lines.slice(0, end + 1), cols, above, []) : null;
    if (table && typeof table !== 'string') {
      out.push({ lines: lines.slice(0, end + 1), table });
      textFrom = end + 1;
      if (end === lines.length - 1) last = { head: open.head, page: lines[0].page };
    }
  }
  for (let h = textFrom; h < lines.length; h++) {
    const head = lines[h];
    if (!isHeaderLine(head)) continue;
    const em = head.size;
    const { end, cols } = grow(head, lines, h + 1);
    const body = lines.slice(h + 1, end + 1);
    const table = body.length ? readTextTable(head, body, cols, above, lines.slice(Math.max(0, h - 3), h)) : 'the text of its columns overlaps, so which words belong to which column cannot be told';
    if (typeof table === 'string') {
      // Said only where the lines under the header look like rows (three or more chunks each).
      const rowsLike = lines.slice(h + 1, h + 4).filter((l) => l.chunks.length >= 3 && l.y - head.y < 12 * em).length >= 2;
      if (rowsLike) {
        const raw = lines.slice(h, h + 3).map((l) => l.chunks.map((c) => c.text).join(' | ')).join(' / ');
        out.push({ lines: lines.slice(textFrom, h) });
        out.push({
          lines: lines.slice(h, end + 1),
          notice: { rule: 'unread-table', severity: 'warning', message: `${file}: page ${head.page}: a table under "${head.chunks.map((c) => c.text).join(' | ')}" is not read: ${table}`, line: null, page: head.page, raw, table: null },
        });
        textFrom = end + 1;
      }
      continue;
    }
    out.push({ lines: lines.slice(textFrom, h) });
    out.push({ lines: lines.slice(h, end + 1), table });
    textFrom = end + 1;
    h = end;
    if (end === lines.length - 1) last = { head, page: head.page };
  }
  out.push({ lines: lines.slice(textFrom) });
  return { parts: out.filter((p) => p.lines.length > 0 || p.table || p.notice), open: last };
}

/** The table, or why it is not one. */
function readTextTable(head: Line, body: Line[], cols: Span[], above: string[], before: Line[]): RawTable | string {
  if (cols.length < 3) return 'fewer than three columns';
  const page = body[0].page;
  const filled = body.map((l) => new Set(l.chunks.map((c) => columnOf(cols, c))));
  // The key column: filled on the first line and on the fewest lines (a number, a year: one line
  // per row, never wrapped).
  const candidates = [...filled[0]].sort((a, b) => filled.filter((f) => f.has(a)).length - filled.filter((f) => f.has(b)).length || a - b);
  const key = candidates[0];
  const starts = body.map((_, i) => filled[i].has(key));
  if (starts.filter(Boolean).length < 2) return 'fewer than two rows under it';
  const rows: { cells: Chunk[][]; lines: Line[] }[] = [];
  body.forEach((l, i) => {
    if (starts[i]) rows.push({ cells: cols.map(() => []), lines: [] });
    const r = rows[rows.length - 1];
    r.lines.push(l);
    for (const c of l.chunks) r.cells[columnOf(cols, c)].push(c);
  });
  // A table of text: some column beside the first holds words, not figures.
  const texty = cols.some((_, i) => i > 0 && rows.filter((r) => r.cells[i].length && !r.cells[i].every((c) => isValueText(c.text))).length >= rows.length / 2);
  if (!texty) return 'it holds figures only, under a header the figure tables are not read by';
  const join = (cs: Chunk[]) =>
    cs.reduce((t, c) => (t === '' ? c.text : /[a-z]-$/.test(t) && /^[a-z]/.test(c.text) ? t + c.text : `${t} ${c.text}`), '');
  const cellOf = (cs: Chunk[], i: number, l: Line): RawCell => ({
    text: join(cs),
    line: null,
    page,
    bold: false,
    bbox: cs.length
      ? [round(Math.min(...cs.map((c) => c.x0))), round(Math.min(...cs.map((c) => c.y - c.size * 0.8))), round(Math.max(...cs.map((c) => c.x1))), round(Math.max(...cs.map((c) => c.y + c.size * 0.2)))]
      : [round(cols[i].x0), round(l.y - l.size * 0.8), round(cols[i].x1), round(l.y + l.size * 0.2)],
  });
  const header: RawRow = {
    cells: cols.map((_, i) => ({ ...cellOf(head.chunks.filter((c) => columnOf(cols, c) === i), i, head), page: head.page })),
    line: null,
    page: head.page,
    raw: head.chunks.map((c) => c.text).join(' '),
  };
  const heading = [...above, ...before.map((l) => l.chunks.map((c) => c.text).join(' '))].reverse().find((t) => t.trim() && t.length < 160) ?? null;
  return {
    index: 0,
    layout: 'pdf',
    title: heading ?? `Tabel op pagina ${page}`,
    context: [],
    scaleText: null,
    header,
    rows: rows.map((r) => ({ cells: r.cells.map((cs, i) => cellOf(cs, i, r.lines[0])), line: null, page, raw: r.lines.map((l) => l.chunks.map((c) => c.text).join(' ')).join(' / ') })),
    footnotes: [],
    line: null,
    page,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A text table headed as a "Wettelijk verplichte indicatoren" list → the statutory raw table the
 * interpreter reads. Printed with beleidsveld, name and unit apart (an Eenheid column): as the
 * HTML extractor reads it. Printed with name and unit run together under "Naam indicator" and
 * the beleidsveld by its number: as the text path's cells (name, nr, beleidsveld, year, score,
 * source). Null when the header is not such a list.
 */
export function statutoryOf(t: RawTable, notices: ExtractionNotice[]): RawTable | null {
  const head = t.header?.cells.map((c) => norm(c.text)) ?? [];
  const col = (name: string) => head.indexOf(name);
  if (['naam indicator', 'beleidsveld', 'jaar', 'score', 'bron'].some((c) => col(c) < 0)) return null;
  if (col('eenheid') >= 0) return statutoryTable(t, notices);
  const nrCol = col('nr');
  if (nrCol < 0) return null;
  const rows: RawRow[] = [];
  for (const r of t.rows) {
    const at = (i: number) => r.cells[i];
    const nr = /^(\d{1,3})\.?$/.exec(at(nrCol).text.trim());
    const bv = /^(\d{1,2})\.?$/.exec(at(col('beleidsveld')).text.trim());
    if (!nr || !bv) {
      notices.push({ rule: 'unreadable-row', severity: 'warning', line: null, page: r.page, raw: r.raw, table: 'Wettelijk verplichte indicatoren', message: `Statutory indicator row "${r.raw}": no indicator number or no beleidsveld number; nothing stored for it` });
      continue;
    }
    const as = (i: number, text: string): RawCell => ({ ...at(i), text });
    rows.push({ ...r, cells: [as(col('naam indicator'), at(col('naam indicator')).text), as(nrCol, nr[1]), as(col('beleidsveld'), bv[1]), at(col('jaar')), at(col('score')), at(col('bron'))] });
  }
  return { ...t, role: 'statutory-indicators', title: 'Wettelijk verplichte indicatoren', rows };
}
