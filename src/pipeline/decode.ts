/**
 * Bytes → text, saying how: the encoding is detected (BOM, BOM-less UTF-16, strict UTF-8, a
 * declared HTML charset, else Windows-1252), bytes that fit no encoding are reported with their
 * offset and line, and mojibake already in the text is undone by a short, fixed mapping.
 * Node's TextDecoder (full ICU) does the decoding itself; nothing here is hand-rolled but the
 * UTF-8 validation, which TextDecoder cannot do while giving offsets.
 */
import { isUtf8 } from 'node:buffer';
import type { Extraction, ExtractionNotice } from '../../extractors/types.js';
import { groupBy } from '../collections.js';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
  /** How the encoding was decided: 'bom', 'valid utf-8', 'nul pattern', 'declared', 'fallback'. */
  evidence: string;
  /** encoding-detected, invalid-encoding, text-normalised. */
  notices: ExtractionNotice[];
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG; the five unassigned ones stay C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 by hand: Node 20.18.3+ decodes the 'windows-1252' label as ISO-8859-1, so 0x80
 * comes out as U+0080 instead of € (nodejs/node#56542, #60888). Latin-1 plus the 32-entry table.
 */
export function decodeWindows1252(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** At most this many lines are named one by one per kind of notice; the rest are counted. */
const MAX_LISTED = 20;
const RAW_MAX = 300;

const notice = (
  rule: string,
  severity: ExtractionNotice['severity'],
  line: number | null,
  raw: string | null,
  message: string,
): ExtractionNotice => ({
  rule,
  severity,
  message,
  line,
  page: null,
  raw: raw === null ? null : raw.length > RAW_MAX ? `${raw.slice(0, RAW_MAX)}…` : raw,
  table: null,
});

export interface Utf8Scan {
  /** Byte offsets where a sequence is not UTF-8 (the first MAX_LISTED*4 kept). */
  invalid: number[];
  invalidCount: number;
  /** Well-formed sequences of two or more bytes. */
  multibyte: number;
}

/** Validates UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), noting where it breaks. */
export function scanUtf8(b: Uint8Array): Utf8Scan {
  const invalid: number[] = [];
  let invalidCount = 0;
  let multibyte = 0;
  const cont = (k: number) => k < b.length && (b[k] & 0xc0) === 0x80;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n = 0;
    // second-byte ranges exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4)
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = n > 0 && i + 1 < b.length && b[i + 1] >= lo && b[i + 1] <= hi;
    for (let k = 2; ok && k <= n; k++) ok = cont(i + k);
    if (ok) {
      multibyte++;
      i += n + 1;
    } else {
      invalidCount++;
      if (invalid.length < MAX_LISTED * 4) invalid.push(i);
      i++;
    }
  }
  return { invalid, invalidCount, multibyte };
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte. At least 8
 * code units and most of them ASCII, so a few bytes of binary junk do not pass for it.
 */
export function sniffUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero / half >= 0.6 && evenZero / half < 0.02) return 'utf-16le';
  if (evenZero / half >= 0.6 && oddZero / half < 0.02) return 'utf-16be';
  return null;
}

/** `<meta charset=…>` or `content="text/html; charset=…"` in the first bytes of an HTML page. */
export function declaredCharset(b: Uint8Array): string | null {
  const head = Buffer.from(b.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (!m) return null;
  try {
    return new TextDecoder(m[1]).encoding;
  } catch {
    return null;
  }
}

/** 1-based line of a byte offset; `starts` are the byte offsets of line starts, ascending. */
const lineAt = (offset: number, starts: number[]) => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};

function lineStarts(b: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** Decode a file's bytes. Never throws: what cannot be decoded becomes U+FFFD and a notice. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const notices: ExtractionNotice[] = [];
  const detected = (encoding: string, evidence: string) =>
    notices.push(notice('encoding-detected', 'info', null, null, `Text decoded as ${encoding} (${evidence})`));

  // 1. A byte-order mark decides.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return finishUtf8(bytes.subarray(3), 3, notices, 'bom');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    detected(encoding, 'byte-order mark');
    return { ...decodeUtf16(bytes.subarray(2), encoding, notices), evidence: 'bom' };
  }
  // 2. UTF-16 without a BOM.
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    detected(utf16, 'no byte-order mark; every other byte is NUL');
    return { ...decodeUtf16(bytes, utf16, notices), evidence: 'nul pattern' };
  }
  // Nearly every file is valid UTF-8: confirmed natively; the byte scan runs to say where it is not.
  if (isUtf8(bytes)) return finishUtf8(bytes, 0, notices, 'valid utf-8', VALID_UTF8);
  const scan = scanUtf8(bytes);
  if (scan.invalidCount === 0) return finishUtf8(bytes, 0, notices, 'valid utf-8', scan);
  // 3. Not UTF-8: a charset the page declares, else Windows-1252 when no UTF-8 sequence occurs
  //    at all (a legacy single-byte file); with UTF-8 sequences present, UTF-8 with bad bytes.
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    detected(declared, `declared in the page's <meta> charset; the bytes are not UTF-8`);
    // WHATWG: every Latin-1 label means Windows-1252.
    const text = declared === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(declared).decode(bytes);
    return { text, encoding: declared, evidence: 'declared', notices };
  }
  if (scan.multibyte === 0) {
    detected(
      'windows-1252',
      `not UTF-8 (${scan.invalidCount} byte(s) above 0x7F, none forming a UTF-8 sequence); read as ` +
        `Windows-1252, the Western European legacy code page`,
    );
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', evidence: 'fallback', notices };
  }
  return finishUtf8(bytes, 0, notices, 'utf-8 with invalid bytes', scan);
}

const VALID_UTF8: Utf8Scan = { invalid: [], invalidCount: 0, multibyte: 0 };

function finishUtf8(
  body: Uint8Array,
  shift: number,
  notices: ExtractionNotice[],
  evidence: string,
  scan = isUtf8(body) ? VALID_UTF8 : scanUtf8(body),
): Decoded {
  const text = new TextDecoder('utf-8').decode(body);
  if (scan.invalidCount > 0) {
    const starts = lineStarts(body);
    const lines = text.split('\n');
    const byLine = new Map(
      [...groupBy(scan.invalid, (off) => lineAt(off, starts))].map(([line, offs]) => [
        line,
        offs.map((o) => o + shift),
      ]),
    );
    let listed = 0;
    for (const [line, offsets] of byLine) {
      if (listed++ >= MAX_LISTED) break;
      const hex = offsets
        .slice(0, 5)
        .map((o) => `0x${(body[o - shift] ?? 0).toString(16).padStart(2, '0')} at byte ${o}`)
        .join(', ');
      notices.push(
        notice(
          'invalid-encoding',
          'warning',
          line,
          lines[line - 1]?.replace(/\r$/, '') ?? null,
          `Bytes that are not UTF-8 (${hex}${offsets.length > 5 ? ', …' : ''}) were replaced by U+FFFD; ` +
            `figures on this line may be incomplete`,
        ),
      );
    }
    if (scan.invalidCount > scan.invalid.length || byLine.size > MAX_LISTED) {
      notices.push(
        notice(
          'invalid-encoding',
          'warning',
          null,
          null,
          `${scan.invalidCount} invalid UTF-8 sequence(s) in all; only the first ` +
            `${Math.min(byLine.size, MAX_LISTED)} line(s) are listed`,
        ),
      );
    }
  }
  return { text, encoding: 'utf-8', evidence, notices };
}

function decodeUtf16(
  body: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  notices: ExtractionNotice[],
): Omit<Decoded, 'evidence'> {
  let data = body;
  if (data.length % 2 === 1) {
    notices.push(
      notice(
        'invalid-encoding',
        'warning',
        null,
        null,
        `UTF-16 text has an odd number of bytes (${body.length}): the last byte was dropped (file cut off?)`,
      ),
    );
    data = data.subarray(0, data.length - 1);
  }
  const text = new TextDecoder(encoding).decode(data);
  const bad = (text.match(/\ufffd/g) ?? []).length;
  if (bad > 0)
    notices.push(
      notice('invalid-encoding', 'warning', null, null, `${bad} unpaired UTF-16 surrogate(s) replaced by U+FFFD`),
    );
  return { text, encoding, notices };
}

/**
 * Share of characters that no text has: C0/C1 controls other than tab, newline, carriage return
 * and form feed, NUL, and U+FFFD. Measured on the first 64 KiB.
 */
export function junkShare(text: string): number {
  const sample = text.slice(0, 65536);
  if (sample.length === 0) return 0;
  const junk = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u0080-\u009f\ufffd]/g)?.length ?? 0;
  return junk / sample.length;
}

/**
 * Mojibake undone, each entry attested in real documents. Conservative on purpose: only
 * character sequences that ordinary Dutch text never contains are touched.
 *
 * - UTF-8 read as Windows-1252 (`Ã«` for ë, `â€™` for ’, `â‚¬` for €): a run starting with Â
 *   or Ã (UTF-8 lead bytes C2/C3: U+0080–U+00FF) or â€/â‚ (E2 80/E2 82: punctuation and €)
 *   whose Windows-1252 bytes form valid UTF-8 is decoded again.
 * - `ƫ` (U+01AB, t with palatal hook, a phonetic letter) for `ë` (U+00EB) between letters: the
 *   Enschede 2018 page prints `cliƫnten`. No code page maps any byte to U+01AB (every codec of
 *   Python's and iconv's checked); the UTF-8 forms differ in the lead byte only (C6 AB for C3
 *   AB), so the page's UTF-8 had its lead byte damaged. Only this attested letter is mapped:
 *   the same damage to é would give Ʃ (U+01A9), a letter used in mathematics and Ewe.
 */
const cp1252Byte = (ch: string): number | null => {
  const c = ch.charCodeAt(0);
  if (c >= 0xa0 && c <= 0xff) return c;
  const k = CP1252_HIGH.indexOf(ch);
  return k >= 0 ? 0x80 + k : null;
};
const CONT = `[\u00a0-\u00bf${CP1252_HIGH}]`;
const DOUBLE_UTF8 = new RegExp(`[ÂÃ]${CONT}|â[€‚]${CONT}`, 'g');
const T_PALATAL = /(?<=\p{L})\u01ab(?=\p{L})/gu;

export interface Normalised {
  text: string;
  notices: ExtractionNotice[];
}

/** One piece of text with the mojibake above undone, and what was changed. */
export function fixMojibake(text: string): { text: string; changes: string[] } {
  const changes: string[] = [];
  if (!/[ÂÃâ\u01ab]/.test(text)) return { text, changes };
  let out = text.replace(DOUBLE_UTF8, (m) => {
    const bytes = [...m].map(cp1252Byte);
    if (bytes.some((b) => b === null)) return m;
    try {
      const fixed = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes as number[]));
      changes.push(`"${m}" → "${fixed}" (UTF-8 read as Windows-1252)`);
      return fixed;
    } catch {
      return m;
    }
  });
  out = out.replace(T_PALATAL, () => {
    changes.push('"ƫ" → "ë" (U+01AB for U+00EB: damaged UTF-8 lead byte)');
    return 'ë';
  });
  return { text: out, changes: [...new Set(changes)] };
}

/** Collects at most MAX_LISTED notices, then one that counts the rest. */
function normalisedNotices() {
  const notices: ExtractionNotice[] = [];
  let count = 0;
  return {
    add(line: number | null, page: number | null, raw: string, changes: string[]) {
      if (++count <= MAX_LISTED)
        notices.push({
          ...notice(
            'text-normalised',
            'info',
            line,
            raw,
            `Mojibake undone: ${changes.join('; ')}; the raw text is kept here`,
          ),
          page,
        });
    },
    done(): ExtractionNotice[] {
      if (count > MAX_LISTED)
        notices.push(
          notice(
            'text-normalised',
            'info',
            null,
            null,
            `Mojibake undone in ${count} places in all; only the first ${MAX_LISTED} are listed`,
          ),
        );
      return notices;
    },
  };
}

/** Undo the mojibake above, line by line; each changed line gets an info notice with its raw text. */
export function normaliseMojibake(text: string): Normalised {
  if (!/[ÂÃâ\u01ab]/.test(text)) return { text, notices: [] };
  const found = normalisedNotices();
  const lines = text.split('\n').map((line, i) => {
    const fixed = fixMojibake(line);
    if (fixed.changes.length) found.add(i + 1, null, line.replace(/\r$/, ''), fixed.changes);
    return fixed.text;
  });
  return { text: lines.join('\n'), notices: found.done() };
}

/**
 * The same for an extraction whose text never passed through decodeBytes (PDF: pdf.js gives
 * strings). Every string in it is normalised in place, walking the whole value so fields other
 * extractors add are covered too, except `raw` (the text as printed, kept for provenance) and the
 * notices. Returns one notice per place (line or page) and raw text.
 */
export function normaliseExtraction(extraction: Extraction): ExtractionNotice[] {
  const found = normalisedNotices();
  const seen = new Set<string>();
  const fix = (text: string, line: number | null, page: number | null) => {
    const fixed = fixMojibake(text);
    if (fixed.changes.length && !seen.has(`${line}:${page}:${text}`)) {
      seen.add(`${line}:${page}:${text}`);
      found.add(line, page, text, fixed.changes);
    }
    return fixed.text;
  };
  const walk = (node: unknown, line: number | null, page: number | null): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        if (typeof x === 'string') node[i] = fix(x, line, page);
        else walk(x, line, page);
      });
    } else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const l = typeof o.line === 'number' ? o.line : line;
      const p = typeof o.page === 'number' ? o.page : page;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'raw' || ((o as unknown) === extraction && k === 'notices')) continue;
        if (typeof v === 'string') o[k] = fix(v, l, p);
        else walk(v, l, p);
      }
    }
  };
  walk(extraction, null, null);
  return found.done();
}
