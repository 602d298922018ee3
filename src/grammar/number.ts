/**
 * The grammar of figures as Dutch documents print them: `1.234.567,89`, `-1.234`, `−1.234`,
 * `(1.234)`, `€ 1.234`, `-€ 315.000`, `60,7%`, `-` or `—` for an empty cell, with the noise
 * real cells carry: footnote markers (`60,7%1`), reference years (`14,9% (2021)`), a decimal
 * point typo (`12.8%`), `N.B.` for "not available".
 */

export type ParsedCell =
  | { kind: 'empty'; raw: string; reason: 'blank' | 'dash' | 'not-available' }
  | {
      kind: 'number';
      raw: string;
      value: number;
      /** Decimals printed; the rounding interval is ± half a unit of the last digit. */
      decimals: number;
      percent: boolean;
      euro: boolean;
      footnote: string | null;
      referenceYear: number | null;
      /** A second figure printed in parentheses beside the first, e.g. `10,8% (31,0%)`. */
      alternative: number | null;
      /** Irregularities the reader should know of (decimal point typo, …). */
      notes: string[];
    }
  | { kind: 'invalid'; raw: string; reason: string };

export type ParsedNumber = Extract<ParsedCell, { kind: 'number' }>;

const MINUS = /^[-−–]/;
const EMPTY_DASH = /^[-−–—]+$/;
/**
 * Not available, also with a footnote star (`n.b.*`: "* Niet beschikbaar" under the table); `n.n.b.` is "nog niet
 * bekend"; `PM` (pro memorie, also `-PM` for a cost) is an amount not yet known, printed where a budget has none.
 */
const NOT_AVAILABLE = /^((n\.?\s?n\.?\s?b\.?|n\.?\s?b\.?|n\.?v\.?t\.?|nvt|n\/a|onbekend)\*{0,2}|\*|[-−]?p\.?m\.?)$/i;

const EXOTIC_SPACE = /[\u00a0\u2007\u202f\u2009-\u200d\ufeff]/;

/** Non-breaking and other exotic spaces become plain spaces; zero-width characters go. */
export function normaliseSpaces(text: string): string {
  // Most text has none of them: one scan instead of two replacements.
  if (!EXOTIC_SPACE.test(text)) return text;
  return text.replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '');
}

/**
 * normaliseSpaces, then every run of white space one space, trimmed. Most text needs none of it:
 * one scan finds that and returns the text itself (no regex passes, no copies).
 */
export const squishSpaces = (text: string): string =>
  plainSpaced(text) ? text : normaliseSpaces(text).replace(/\s+/g, ' ').trim();

/** `text.replace(/\s+/g, ' ').trim()`, with the same one-scan shortcut. */
export const collapseSpaces = (text: string): string => (plainSpaced(text) ? text : text.replace(/\s+/g, ' ').trim());

/** No white space but single plain spaces between other characters, and no zero-width characters. */
function plainSpaced(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (isSpaceLike(c)) return false;
    else prevSpace = false;
  }
  return !prevSpace || text.length === 0;
}

/** What the regex class \s matches (and trim() removes), by character code. */
export function isWhiteSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** White space and the zero-width characters normaliseSpaces drops. */
function isSpaceLike(c: number): boolean {
  return isWhiteSpaceCode(c) || (c >= 0x200b && c <= 0x200d);
}

/** Thousands-dotted (`1.234.567`) or plain digits, optional decimal comma. */
const DUTCH_BODY = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
/** A decimal point where a comma belongs: `12.8`, `3.75` (not a thousands group of three). */
const POINT_DECIMAL = /^(\d+)\.(\d{1,2})$/;
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁰': '0',
};

/**
 * Parse one cell. Never throws: text that is no figure comes back as `invalid` with the reason.
 * `footnoteAfterNumber` allows a trailing marker after a plain number only when the caller
 * knows one is there (it cannot be told from a digit by the grammar alone).
 */
export function parseCell(input: string): ParsedCell {
  const raw = input;
  let text = normaliseSpaces(input).trim();
  if (text === '') return { kind: 'empty', raw, reason: 'blank' };
  if (EMPTY_DASH.test(text)) return { kind: 'empty', raw, reason: 'dash' };
  if (NOT_AVAILABLE.test(text)) return { kind: 'empty', raw, reason: 'not-available' };
  if (text.length > 64) return { kind: 'invalid', raw, reason: 'too long for a figure' };

  const notes: string[] = [];
  let footnote: string | null = null;
  let referenceYear: number | null = null;
  let alternative: number | null = null;

  // Trailing parenthesised part: a reference year `(2021)` or an alternative figure `(31,0%)`.
  const paren = /\s*\(([^()]*)\)$/.exec(text);
  if (paren && paren.index > 0) {
    const inner = paren[1].trim();
    // `(2015)`, or a half year `(2e halfjaar 2017)`: the figure is from then, not the column's year
    // `(2014, Dienst Uitvoering Onderwijs)`: the year, then the source the figure is from (kept in the raw text).
    const period = /^(?:[12]e\s+halfjaar\s+)?((?:19|20)\d{2})(?:\s*,\s*\p{L}[^()]*)?$/iu.exec(inner);
    if (period) {
      referenceYear = Number(period[1]);
      text = text.slice(0, paren.index).trim();
    } else {
      const alt = parseCell(inner);
      if (alt.kind === 'number') {
        alternative = alt.value;
        text = text.slice(0, paren.index).trim();
        notes.push(`second figure ${inner} in parentheses kept apart`);
      }
    }
  }

  // Superscript footnote markers are never digits of the figure.
  const sup = /([¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/.exec(text);
  if (sup) {
    footnote = [...sup[1]].map((c) => SUPERSCRIPT_DIGITS[c]).join('');
    text = text.slice(0, sup.index).trim();
  }
  // A star after a figure (`245*`, `1.250**`) marks a footnote, as a superscript does.
  const star = /\d\s*(\*{1,3})$/.exec(text);
  if (star) {
    footnote = footnote ? `${star[1]},${footnote}` : star[1];
    text = text.slice(0, text.length - star[1].length).trim();
  }

  // A V/N letter in the figure's cell (`N 31.393`, `1.234 V`): the sign in words. It signs an unsigned figure
  // (N, nadeel: negative); beside a printed sign it only repeats it.
  const letter = /^([VN])\s+(?=[-−(€\d])|\s+([VN])$/.exec(text);
  let nadeel = false;
  if (letter) {
    text = (letter.index === 0 ? text.slice(letter[0].length) : text.slice(0, letter.index)).trim();
    // A way of printing the sign, not an irregularity: no note (the raw text keeps the letter).
    nadeel = (letter[1] ?? letter[2]) === 'N' && !/^[-−(]/.test(text);
  }

  let negative = nadeel;
  // `-/- 2.108` or `2.108 -/-` ("min"): the minus of Dutch bookkeeping, before or after the figure.
  const min = text.includes('/') ? /^[-−]\/[-−]\s*(?=[€\d])|\s*[-−]\/[-−]$/.exec(text) : null;
  if (min) {
    negative = !negative;
    text = (min.index === 0 ? text.slice(min[0].length) : text.slice(0, min.index)).trim();
  }
  // Accounting negative: (1.234)
  const acct = /^\((.*)\)$/.exec(text);
  if (acct) {
    negative = true;
    text = acct[1].trim();
  }
  if (MINUS.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  let euro = false;
  if (text.startsWith('€')) {
    euro = true;
    text = text.slice(1).trim();
    if (MINUS.test(text)) {
      negative = !negative;
      text = text.slice(1).trim();
    }
  }
  if (text.endsWith('€')) {
    euro = true;
    text = text.slice(0, -1).trim();
  }
  let percent = false;
  // `%` then digits: after a percent sign only a footnote marker can follow.
  const pct = /^(.*?)\s*%\s*(\d{1,2})?$/.exec(text);
  if (pct) {
    percent = true;
    text = pct[1].trim();
    if (pct[2]) footnote = footnote ? `${pct[2]},${footnote}` : pct[2];
  }
  text = text.replace(/ /g, (m, offset: number, s: string) =>
    // `1 234` (space as thousands separator) is read as a group only before three digits.
    /^\d{3}(\D|$)/.test(s.slice(offset + 1)) ? '' : m,
  );

  let value: number;
  let decimals: number;
  const body = DUTCH_BODY.exec(text);
  const point = body ? null : POINT_DECIMAL.exec(text);
  if (body) {
    const intPart = body[1].replace(/\./g, '');
    decimals = body[2]?.length ?? 0;
    value = Number(`${intPart}.${body[2] ?? '0'}`);
  } else if (point) {
    decimals = point[2].length;
    value = Number(`${point[1]}.${point[2]}`);
    notes.push(`decimal point where a comma belongs: "${text}" read as ${point[1]},${point[2]}`);
  } else {
    const several = input.trim().split(/\s+/);
    if (several.length > 1 && several.every((x) => parseCell(x).kind === 'number'))
      return {
        kind: 'invalid',
        raw,
        reason: `${several.length} figures in one cell ("${input.trim()}"): which the column means cannot be told`,
      };
    return { kind: 'invalid', raw, reason: `not a Dutch figure: "${input.trim()}"` };
  }
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return { kind: 'invalid', raw, reason: 'figure too large to hold exactly' };
  }
  if (negative) value = -value;
  if (Object.is(value, -0)) value = 0;
  return { kind: 'number', raw, value, decimals, percent, euro, footnote, referenceYear, alternative, notes };
}

/** True when the text is a cell value (a figure or an empty-cell marker), not a label. */
export function isValueCell(text: string): boolean {
  const parsed = parseCell(text);
  return parsed.kind !== 'invalid' && !(parsed.kind === 'empty' && parsed.reason === 'blank');
}

/** The half-width of the rounding interval of a printed figure. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Format a figure the Dutch way for messages: 1.234,5 and − for negatives. */
export function formatDutch(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * The decimals a figure needs to be written exactly, up to `max` (binary noise beyond it dropped):
 * 0,515 → 3, 1,5 → 1, 12 → 0.
 */
export function decimalsNeeded(value: number, max = 4): number {
  const fixed = Math.abs(value).toFixed(max).replace(/0+$/, '');
  return fixed.length - fixed.indexOf('.') - 1;
}

/**
 * A tolerance as messages and reports state it: every decimal it has (up to four), at least
 * `minDecimals`. A message that says "±0,5" for a check that allowed 0,515 misstates the check.
 */
export function formatTolerance(value: number, minDecimals = 0): string {
  return formatDutch(value, Math.max(minDecimals, decimalsNeeded(value)));
}

/**
 * A tolerance in a table's printed unit (what a finding stores), with its euros where that unit is
 * not one euro: "±1,5 × 1.000 = ±1.500 euro".
 */
export function toleranceInUnit(tolerance: number, scale: number): string {
  const inUnit = `±${formatTolerance(tolerance)}`;
  return scale === 1
    ? `${inUnit} euro`
    : `${inUnit} × ${formatDutch(scale)} = ±${formatTolerance(tolerance * scale)} euro`;
}

/** Parse a scale note: "bedragen x 1.000", "(x € 1.000)", "bedragen * 1000" → 1000. */
export function parseScale(text: string): number | null {
  const t = normaliseSpaces(text);
  // "x € 1 mln", "x 1 miljoen", "bedragen in miljoenen euro"
  if (/(?:x|\*|×|\bin)\s*(?:€\s*)?1\s*(?:mln|miljoen)\b|\bin miljoenen\b/i.test(t)) return 1_000_000;
  if (/\bin duizenden\b|\bduizenden euro/i.test(t)) return 1000;
  // "bedragen x 1.000", "(x € 1.000)", and with the euro sign only: "(in € 1.000)", "(€ 1.000)"
  const m =
    /(?:x|\*|×)\s*(?:€\s*)?(1\.000\.000|1\.000|1000000|1000|1 000)\b/i.exec(t) ??
    /(?:\bin\s*|\(\s*)(?:€|eur\b|euro\b)\s*(1\.000\.000|1\.000|1000000|1000|1 000)\b/i.exec(t);
  if (!m) return null;
  return m[1].replace(/[. ]/g, '').length === 7 ? 1_000_000 : 1000;
}
