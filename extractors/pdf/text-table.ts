import { statutoryTable } from '../html/structures.js';
import type { ExtractionNotice, RawCell, RawRow, RawTable } from '../types.js';
import { isValueText, type Chunk, type Line } from './words.js';

/**
 * Tables of text: rows that do not end in figures (a statutory indicator list: number,
 * beleidsveld, name, unit, year, score, source), which the figure-led reader in layout.ts leaves
 * as running text. A header line of short words set well apart heads them; the columns are
 * learned from the x-extents of the header's and the rows' chunks: where no chunk of any line
 * covers the page, one column ends and the next begins (left-, right-aligned or centred alike).
 * A row starts on a line that fills the table's key column; lines between fill the other
 * columns' wrapped cells.
 */

export interface Span {
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
const headsApart = (cols: Span[], head: Line) =>
  new Set(head.chunks.map((c) => columnOf(cols, c))).size === head.chunks.length;

export interface TextTablePart {
  lines: Line[];
  /** The table as stored: a statutory indicator list as the interpreter reads it. */
  table?: RawTable;
  notice?: ExtractionNotice;
}

/**
 * A text table that ran to the foot of a page: what the next page's lines go on with. Its header,
 * columns and key column (the rows there are read in them, not in columns re-learned from a first
 * line that may be a row's wrapped tail), and its table as read and as stored, whose last row a
 * row broken over the page finishes.
 */
export interface OpenTextTable {
  head: Line;
  page: number;
  cols: Span[];
  key: number;
  read: RawTable;
  stored: RawTable;
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

const overlaps = (s: Span, c: Span) => c.x0 < s.x1 && s.x0 < c.x1;
const lineText = (l: Line) => l.chunks.map((c) => c.text).join(' ');

/**
 * How many lines at the top of the page finish the last row of the page before (a row broken over
 * the page): lines whose every piece lies in one of the open table's columns, none in its key
 * column, one under the other; not its header repeated.
 */
function rowTail(open: OpenTextTable, lines: Line[]): number {
  const headText = lineText(open.head);
  let k = 0;
  for (; k < lines.length; k++) {
    const l = lines[k];
    if (k > 0 && l.y - lines[k - 1].y > 2.6 * l.size) break;
    if (lineText(l) === headText) break;
    const fits = l.chunks.every((c) => {
      const hit = open.cols.flatMap((s, i) => (overlaps(s, c) ? [i] : []));
      return hit.length === 1 && hit[0] !== open.key;
    });
    if (!fits) break;
  }
  return k;
}

/** The broken row's last part added to its cells, in the table as read and as stored. */
function finishRow(open: OpenTextTable, tail: Line[], notices: ExtractionNotice[]): void {
  const row = open.read.rows[open.read.rows.length - 1];
  const chunks = tail.flatMap((l) => l.chunks);
  const done: RawRow = {
    ...row,
    cells: row.cells.map((cell, i) => {
      const cs = chunks.filter((c) => overlaps(open.cols[i], c));
      if (!cs.length) return cell;
      // A cell empty above the break is where the rest of it is printed.
      return cell.text
        ? { ...cell, text: cs.reduce((t, c) => joinText(t, c.text), cell.text) }
        : cellOf(cs, open.cols[i], tail[0]);
    }),
    raw: [row.raw, ...tail.map(lineText)].join(' / '),
  };
  open.read.rows[open.read.rows.length - 1] = done;
  if (open.stored === open.read) return;
  const again = statutoryOf({ ...open.read, rows: [done] }, notices)?.rows ?? [];
  const at = open.stored.rows.length - 1;
  // (The row's part above the break may have been left out as unreadable.)
  if (open.stored.rows[at]?.raw === row.raw) open.stored.rows.splice(at, 1, ...again);
  else open.stored.rows.push(...again);
}

/**
 * Split a run of running-text lines into text and text tables. A header line followed by lines
 * of three or more chunks whose columns cannot be told apart (text drawn over text) gives an
 * `unread-table` notice; its lines stay running text.
 */
export function splitTextTables(
  lines: Line[],
  above: string[],
  file: string,
  notices: ExtractionNotice[],
  open: OpenTextTable | null = null,
): { parts: TextTablePart[]; open: OpenTextTable | null } {
  const out: TextTablePart[] = [];
  const store = (t: RawTable) => statutoryOf(t, notices) ?? t;
  let textFrom = 0;
  let last: OpenTextTable | null = null;
  if (open && lines.length && lines[0].page === open.page + 1) {
    // The page opens with the rest of a row broken over the page: it finishes that row.
    const tail = rowTail(open, lines);
    if (tail > 0) {
      finishRow(open, lines.slice(0, tail), notices);
      textFrom = tail;
      if (tail === lines.length) last = { ...open, page: lines[0].page };
    }
    // Then rows in the columns of the text table that ended the page before (its header not
    // repeated): they go on under that header, keyed by the same column.
    // (A header repeated over them is read as a header.)
    if (textFrom < lines.length && !isHeaderLine(lines[textFrom])) {
      const { end, cols } = grow(open.head, lines, textFrom);
      const read =
        end >= textFrom
          ? readTextTable(open.head, lines.slice(textFrom, end + 1), cols, above, [], open.cols[open.key])
          : null;
      if (read && typeof read !== 'string') {
        const stored = store(read.table);
        out.push({ lines: lines.slice(textFrom, end + 1), table: stored });
        textFrom = end + 1;
        if (end === lines.length - 1)
          last = { head: open.head, page: lines[0].page, cols, key: read.key, read: read.table, stored };
      }
    }
  }
  for (let h = textFrom; h < lines.length; h++) {
    const head = lines[h];
    if (!isHeaderLine(head)) continue;
    const em = head.size;
    const { end, cols } = grow(head, lines, h + 1);
    const body = lines.slice(h + 1, end + 1);
    const read = body.length
      ? readTextTable(head, body, cols, above, lines.slice(Math.max(0, h - 3), h))
      : 'the text of its columns overlaps, so which words belong to which column cannot be told';
    if (typeof read === 'string') {
      // Said only where the lines under the header look like rows (three or more chunks each).
      const rowsLike =
        lines.slice(h + 1, h + 4).filter((l) => l.chunks.length >= 3 && l.y - head.y < 12 * em).length >= 2;
      if (rowsLike) {
        const raw = lines
          .slice(h, h + 3)
          .map((l) => l.chunks.map((c) => c.text).join(' | '))
          .join(' / ');
        out.push({ lines: lines.slice(textFrom, h) });
        out.push({
          lines: lines.slice(h, end + 1),
          notice: {
            rule: 'unread-table',
            severity: 'warning',
            message:
              `${file}: page ${head.page}: a table under "${head.chunks.map((c) => c.text).join(' | ')}" is ` +
              `not read: ${read}`,
            line: null,
            page: head.page,
            raw,
            table: null,
          },
        });
        textFrom = end + 1;
      }
      continue;
    }
    const stored = store(read.table);
    out.push({ lines: lines.slice(textFrom, h) });
    out.push({ lines: lines.slice(h, end + 1), table: stored });
    textFrom = end + 1;
    h = end;
    if (end === lines.length - 1) last = { head, page: head.page, cols, key: read.key, read: read.table, stored };
  }
  out.push({ lines: lines.slice(textFrom) });
  return { parts: out.filter((p) => p.lines.length > 0 || p.table || p.notice), open: last };
}

/** Words of a cell's lines joined, a word hyphenated at a line end joined back. */
const joinText = (t: string, next: string) =>
  t === '' ? next : /[a-z]-$/.test(t) && /^[a-z]/.test(next) ? t + next : `${t} ${next}`;

/** A cell of `cs` (its page and box), or an empty one in column `span` on line `l`. */
const cellOf = (cs: Chunk[], span: Span, l: Line): RawCell => ({
  text: cs.reduce((t, c) => joinText(t, c.text), ''),
  line: null,
  page: cs[0]?.page ?? l.page,
  bold: false,
  bbox: cs.length
    ? [
        round(Math.min(...cs.map((c) => c.x0))),
        round(Math.min(...cs.map((c) => c.y - c.size * 0.8))),
        round(Math.max(...cs.map((c) => c.x1))),
        round(Math.max(...cs.map((c) => c.y + c.size * 0.2))),
      ]
    : [round(span.x0), round(l.y - l.size * 0.8), round(span.x1), round(l.y + l.size * 0.2)],
});

/**
 * The table and its key column, or why it is not one. `keyAt`: the key column of the rows on the
 * page before, which these go on with.
 */
function readTextTable(
  head: Line,
  body: Line[],
  cols: Span[],
  above: string[],
  before: Line[],
  keyAt?: Span,
): { table: RawTable; key: number } | string {
  if (cols.length < 3) return 'fewer than three columns';
  const page = body[0].page;
  const filled = body.map((l) => new Set(l.chunks.map((c) => columnOf(cols, c))));
  // The key column: filled on the first line and on the fewest lines (a number, a year: one line
  // per row, never wrapped).
  const candidates = [...filled[0]].sort(
    (a, b) => filled.filter((f) => f.has(a)).length - filled.filter((f) => f.has(b)).length || a - b,
  );
  const key = keyAt ? cols.findIndex((s) => overlaps(s, keyAt)) : candidates[0];
  if (!filled[0].has(key)) return 'its first line leaves the key column of the rows before empty';
  const starts = body.map((_, i) => filled[i].has(key));
  if (!keyAt && starts.filter(Boolean).length < 2) return 'fewer than two rows under it';
  const rows: { cells: Chunk[][]; lines: Line[] }[] = [];
  body.forEach((l, i) => {
    if (starts[i]) rows.push({ cells: cols.map(() => []), lines: [] });
    const r = rows[rows.length - 1];
    r.lines.push(l);
    for (const c of l.chunks) r.cells[columnOf(cols, c)].push(c);
  });
  // A table of text: some column beside the first holds words, not figures.
  const texty = cols.some(
    (_, i) =>
      i > 0 &&
      rows.filter((r) => r.cells[i].length && !r.cells[i].every((c) => isValueText(c.text))).length >= rows.length / 2,
  );
  if (!texty) return 'it holds figures only, under a header the figure tables are not read by';
  const header: RawRow = {
    cells: cols.map((s, i) => ({
      ...cellOf(
        head.chunks.filter((c) => columnOf(cols, c) === i),
        s,
        head,
      ),
      page: head.page,
    })),
    line: null,
    page: head.page,
    raw: lineText(head),
  };
  const heading = [...above, ...before.map(lineText)].reverse().find((t) => t.trim() && t.length < 160) ?? null;
  const table: RawTable = {
    index: 0,
    layout: 'pdf',
    title: heading ?? `Tabel op pagina ${page}`,
    context: [],
    scaleText: null,
    header,
    rows: rows.map((r) => ({
      cells: r.cells.map((cs, i) => cellOf(cs, cols[i], r.lines[0])),
      line: null,
      page,
      raw: r.lines.map(lineText).join(' / '),
    })),
    footnotes: [],
    line: null,
    page,
  };
  return { table, key };
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
      notices.push({
        rule: 'unreadable-row',
        severity: 'warning',
        line: null,
        page: r.page,
        raw: r.raw,
        table: 'Wettelijk verplichte indicatoren',
        message:
          `Statutory indicator row "${r.raw}": no indicator number or no beleidsveld number; nothing stored ` +
          `for it`,
      });
      continue;
    }
    const as = (i: number, text: string): RawCell => ({ ...at(i), text });
    rows.push({
      ...r,
      cells: [
        as(col('naam indicator'), at(col('naam indicator')).text),
        as(nrCol, nr[1]),
        as(col('beleidsveld'), bv[1]),
        at(col('jaar')),
        at(col('score')),
        at(col('bron')),
      ],
    });
  }
  return { ...t, role: 'statutory-indicators', title: 'Wettelijk verplichte indicatoren', rows };
}
