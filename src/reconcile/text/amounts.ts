/**
 * Amounts in narrative text: "€ 1.764.000", "1,4 miljoen euro", "€ 2,429 miljoen", each with
 * the interval its printed precision stands for ("1,4 miljoen" is 1.350.000 … 1.450.000) and,
 * where the words around it say so, whether it is a voordeel (+1) or a nadeel (−1).
 */
import { normaliseSpaces } from '../../grammar/number.js';

export interface TextAmount {
  /** The amount in euros, unsigned as printed (a leading minus is kept). */
  value: number;
  /** Half the width of the interval the printed precision allows, in euros. */
  halfWidth: number;
  /** +1 voordeel/positief, −1 nadeel/tekort/negatief, 0 when the text does not say. */
  direction: 1 | -1 | 0;
  /** The amount as printed. */
  raw: string;
  /** Offset of the amount in the (space-normalised) text. */
  index: number;
  end: number;
}

const UNITS: Record<string, number> = { miljoen: 1e6, mln: 1e6, 'mln.': 1e6, miljard: 1e9, duizend: 1e3 };
// An amount needs a euro sign, the word euro or a unit word: "in 2022" or "7 procent" is none.
const AMOUNT =
  /(-\s*)?(€\s*)?(-\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(miljoen|mln\.?|miljard|duizend)\b)?(\s*euro\b)?/gi;
const POSITIVE = /^(voordeel|voordelig|voordelen|positief|positieve|overschot)$/i;
const NEGATIVE = /^(nadeel|nadelig|nadelen|negatief|negatieve|tekort|tekorten)$/i;

function directionWord(word: string | undefined): 1 | -1 | 0 {
  if (!word) return 0;
  if (POSITIVE.test(word)) return 1;
  if (NEGATIVE.test(word)) return -1;
  return 0;
}

/**
 * The direction an amount has from the words right around it: "1,4 miljoen euro negatief",
 * "(€ 144.000 nadeel)", "een voordeel van € 52.000", "negatief resultaat van 1,4 miljoen".
 */
function directionAt(text: string, index: number, end: number): 1 | -1 | 0 {
  const after = /^\s*\)?\s*([a-z]+)/i.exec(text.slice(end));
  const d = directionWord(after?.[1]);
  if (d) return d;
  const before = /([a-z]+)\s+(?:resultaat\s+)?(?:van\s+)?(?:in totaal\s+)?(?:ca\.\s+)?$/i.exec(
    text.slice(Math.max(0, index - 40), index),
  );
  return directionWord(before?.[1]);
}

/**
 * The rules ask for the amounts of the same sentences and blocks several times (text-vs-table,
 * explanation-sum): read once, handed out as copies. Bounded; cleared when full.
 */
const amountsRead = new Map<string, TextAmount[]>();
const sentencesRead = new Map<string, string[]>();
const MEMO_LIMIT = 5_000;
function remembered<T>(memo: Map<string, T[]>, key: string, read: (text: string) => T[]): T[] {
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (hit = read(key)));
  }
  return hit.slice();
}

export const textAmounts = (input: string): TextAmount[] => remembered(amountsRead, input, readAmounts);

function readAmounts(input: string): TextAmount[] {
  const text = normaliseSpaces(input);
  const out: TextAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [raw, minus1, euro, minus2, body, decimals, unit, euroWord] = m;
    if (!euro && !unit && !euroWord) continue;
    // "2022" after "in" is a year, even with a unit word far away; a bare four-digit year never is an amount.
    const index = m.index;
    const multiplier = unit ? UNITS[unit.toLowerCase()] : 1;
    const digits = Number(body.replace(/\./g, '') + (decimals ? `.${decimals}` : ''));
    const sign = minus1 || minus2 ? -1 : 1;
    const end = index + raw.trimEnd().length;
    out.push({
      value: sign * digits * multiplier,
      halfWidth: 0.5 * 10 ** -(decimals?.length ?? 0) * multiplier,
      direction: directionAt(text, index, end),
      raw: raw.trim(),
      index,
      end,
    });
  }
  return out;
}

/** Sentences of a paragraph (split after . ! ? followed by a space and a capital). */
export const sentences = (text: string): string[] => remembered(sentencesRead, text, readSentences);

/** A sentence ends at . ! or ? and the white space after it, when a capital follows. */
const SENTENCE_END = /[.!?]\s+(?=[A-Z])/g;

function readSentences(input: string): string[] {
  // What split(/(?<=[.!?])\s+(?=[A-Z])/) gives, without a look-behind tried at every position.
  const text = normaliseSpaces(input);
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    parts.push(text.slice(from, m.index + 1));
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** Whether two intervals (centre ± halfWidth) meet: the figures can be the same amount. */
export function intervalsMeet(a: number, aHalf: number, b: number, bHalf: number): boolean {
  return Math.abs(a - b) <= aHalf + bHalf + 1e-9;
}
