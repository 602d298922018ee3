import { parseCell } from '../../src/grammar/number.js';
import type { ExtractionNotice } from '../types.js';

/**
 * Blocks of a text dump that look like a table but that no reader took: several lines with two or
 * more amounts, a run of one-amount lines (a table dumped one cell per line), or a header of period
 * words over amounts. klopt must not call a document "adds up" when it skipped such a block, so each
 * becomes an `unread-table` notice naming its lines and how many amounts it holds (reading coverage).
 */

interface Line {
  text: string;
  line: number;
}

export interface TableLikeBlock {
  first: number;
  last: number;
  /** Amounts seen in the block (the coverage denominator). */
  amounts: number;
  title: string;
}

const PERIOD_WORD =
  /^(begroting|begr\.?|rekening|realisatie|jaarrekening|jr\.?|werkelijk|raming|primitie[fv]e?|verschil|meerjarenraming|prognose|afwijking)\b/i;
const YEAR = /^(19|20)\d{2}$/;
/** A taakveld or programme code at the start of a label: `0.1`, `6.71A`, `0-1.2`, `01`. */
const CODE = /^\d{1,2}([.-]\d{1,2}){0,2}[A-Da-d]?\.?$/;

/** Cells of a line: pipe, tab or two-space separated, else single words. */
function tokens(text: string): string[] {
  if (text.includes('|'))
    return text
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== '' && !/^-{3,}$/.test(t));
  if (text.includes('\t'))
    return text
      .split('\t')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  return text.trim().split(/\s+/);
}

// A figure starts with a digit, a sign, a parenthesis or €: words are ruled out before the grammar runs.
const isAmount = (t: string) => /^[(\-−–€]*\s*\d/.test(t) && !YEAR.test(t) && parseCell(t).kind === 'number';

/** How many amounts the line holds; a leading code followed by a word is a label, not an amount. */
export function amountsOf(text: string): number {
  const toks = tokens(text);
  let n = 0;
  toks.forEach((t, i) => {
    if (i === 0 && CODE.test(t) && toks.length > 1 && !isAmount(toks[1])) return;
    if (isAmount(t)) n++;
  });
  return n;
}

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /^[\p{L}'’]{3,}[.,;:!?]?$/u.test(w)).length;
/** Thirteen or more words: counted by the spaces first, cheaply. */
function manyTokens(text: string): boolean {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && ++spaces >= 12) return true;
  return false;
}
const isProse = (text: string, amounts: number) =>
  text.length > 200 || (amounts < 3 && manyTokens(text) && wordsOf(text) > 12);
/** A row of a table: its figures stand at its end (label first), and it is no sentence with figures in it. */
const isRowLine = (text: string, amounts: number) => {
  if (amounts < 2 || /\p{L}{2}[.!?]$/u.test(text)) return false;
  const last = tokens(text).at(-1) ?? '';
  const p = parseCell(last);
  return (p.kind === 'number' || (p.kind === 'empty' && p.reason !== 'blank')) && wordsOf(text) <= 2 * amounts + 6;
};

const isPeriodHeader = (text: string) => {
  const t = text.trim();
  return t.length <= 60 && (PERIOD_WORD.test(t) || YEAR.test(t));
};

/** Table-like blocks among the lines no reader used. */
export function findTableLikeBlocks(all: Line[], used: Set<number>): TableLikeBlock[] {
  const blocks: TableLikeBlock[] = [];
  let cur: {
    first: number;
    last: number;
    amounts: number;
    rowLines: number;
    amountLines: number;
    header: boolean;
    title: string | null;
  } | null = null;
  let gap = 0;
  let lastTitle: string | null = null;
  const close = () => {
    if (cur && cur.amounts >= 4 && (cur.rowLines >= 2 || cur.amountLines >= 4 || (cur.header && cur.amounts >= 2))) {
      blocks.push({
        first: cur.first,
        last: cur.last,
        amounts: cur.amounts,
        title: cur.title ?? `Tabel op regel ${cur.first}`,
      });
    }
    cur = null;
    gap = 0;
  };
  for (const l of all) {
    const text = l.text.trim();
    if (text === '') continue;
    if (used.has(l.line)) {
      close();
      continue;
    }
    // Most lines of a dump are prose or labels: a long line is prose, one without a digit has no amount.
    const amounts = text.length <= 200 && /\d/.test(text) ? amountsOf(text) : 0;
    const row = isRowLine(text, amounts);
    // One figure alone, or with its V/N letter in the cell ("12.413 N").
    const single = amounts === 1 && (tokens(text).length === 1 || parseCell(text).kind === 'number');
    const header = isPeriodHeader(text);
    if (isProse(text, amounts)) {
      close();
      lastTitle = null;
      continue;
    }
    if (row || single || header) {
      if (!cur)
        cur = { first: l.line, last: l.line, amounts: 0, rowLines: 0, amountLines: 0, header: false, title: lastTitle };
      cur.last = l.line;
      cur.amounts += amounts;
      if (row) cur.rowLines++;
      if (single) cur.amountLines++;
      if (header) cur.header = true;
      gap = 0;
    } else if (cur) {
      // Labels between the figures of a cell-per-line dump; too many in a row end the block.
      if (++gap > 6) {
        close();
        lastTitle = text.slice(0, 120);
      }
    } else if (text.length <= 120) lastTitle = text;
  }
  close();
  return blocks;
}

export function unreadBlockNotices(all: Line[], used: Set<number>): { notices: ExtractionNotice[]; amounts: number } {
  const notices: ExtractionNotice[] = [];
  let amounts = 0;
  for (const b of findTableLikeBlocks(all, used)) {
    amounts += b.amounts;
    notices.push({
      rule: 'unread-table',
      severity: 'warning',
      message:
        `Lines ${b.first}–${b.last} look like a table (${b.amounts} amounts) but no reader of this layout took ` +
        `them: nothing in them is checked`,
      line: b.first,
      page: null,
      raw:
        all
          .find((l) => l.line === b.first)
          ?.text.trim()
          .slice(0, 200) ?? null,
      table: b.title,
      amounts: b.amounts,
    });
  }
  return { notices, amounts };
}
