import { parseCell } from '../../src/grammar/number.js';

/**
 * What the PDF layout and its tables of text both use: the words with their boxes, the lines
 * they make, and whether a word belongs in a value column (layout.ts and text-table.ts import
 * it from here, so neither imports the other).
 */

/** A word (or a run of words) with its box; y is the baseline, from the top of the page. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  /** Set where the layout reads a value-like text as part of a label (a taakveld code before the figures). */
  label?: boolean;
}

export interface Line {
  page: number;
  y: number;
  size: number;
  chunks: Chunk[];
}

const NUMERIC_RUN = /^[-−–(€]*\d[\d.,%()\s−–-]*$|^[-−–—]$/;
/** A date (31-12-2016, 1-1-2017, 12-2016 where a head wrapped after "31-"): a head's word, never a figure. */
const DATE = /^(?:\d{1,2}[-/])?\d{1,2}[-/](?:19|20)\d{2}$/;
/** A figure, an empty mark, or figures run together: anything that belongs in a value column. */
const valueMemo = new Map<string, boolean>();
export const isValueText = (text: string) => {
  // A word of running text (a letter other than n first — "n.v.t.", "nb" are empty marks — and no
  // digit) is never a value: answered without the memo, which it would only crowd.
  const first = text.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122 && first !== 110 && !/\d/.test(text)) return false;
  let v = valueMemo.get(text);
  if (v === undefined) {
    // Running text is never a figure: only short strings are parsed.
    const t = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
    // ("51 (2e halfjaar 2017)": a figure with the half-year it refers to has letters too.)
    const p =
      t.length > 40 || /[a-zA-Z]{4}/.test(t.replace(/\(\s*[12]e\s+halfjaar\s+(?:19|20)\d{2}\s*\)$/i, ''))
        ? null
        : parseCell(t);
    v =
      p !== null &&
      !DATE.test(t) &&
      (p.kind === 'number' || (p.kind === 'empty' && p.reason !== 'blank') || NUMERIC_RUN.test(t));
    if (valueMemo.size > 50_000) valueMemo.clear();
    valueMemo.set(text, v);
  }
  return v;
};
