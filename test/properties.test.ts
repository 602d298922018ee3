/**
 * Property-based tests (issue 9, part 6) with fast-check: arbitrary text never crashes the
 * number grammar, the decoder or the text extractor; valid tables rendered as text, cell per
 * line or tab-separated, read back to the same facts; Dutch figures round-trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extractors/text/index.js';
import { formatDutch, parseCell } from '../src/grammar/number.js';
import { decodeBytes, normaliseMojibake } from '../src/pipeline/decode.js';
import { cellPerLine, plainDutch, processText } from './helpers.js';

/** Strings rich in what the grammar and extractors look at: digits, separators, signs, tabs, newlines. */
const figureish = fc.string({
  unit: fc.constantFrom(
    ...'0123456789.,-−–—()%€ \t\n\u00a0¹²x*'.split(''),
    'Baten',
    'Lasten',
    'Totaal',
    'Begroting 2023',
    'Verschil',
    '6.1 ',
    'bedragen x 1.000',
  ),
  maxLength: 200,
});
const anyText = fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), figureish);

describe('arbitrary input never crashes', () => {
  it('parseCell: always one of number / empty / invalid; numbers are finite and within safe integers', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const p = parseCell(s);
        expect(['number', 'empty', 'invalid']).toContain(p.kind);
        if (p.kind === 'number') {
          expect(Number.isFinite(p.value)).toBe(true);
          expect(Math.abs(p.value)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
          expect(p.decimals).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('extractText: returns tables whose cells carry real line numbers', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const count = text.split(/\r?\n/).length;
        const e = extractText(text);
        for (const t of e.tables)
          for (const r of t.rows)
            for (const c of r.cells) expect(c.line === null || (c.line >= 1 && c.line <= count)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('decodeBytes and normaliseMojibake: any bytes decode, line count is kept', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const d = decodeBytes(bytes);
        expect(typeof d.text).toBe('string');
        const n = normaliseMojibake(d.text);
        expect(n.text.split('\n').length).toBe(d.text.split('\n').length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('round trips', () => {
  it('formatDutch → parseCell gives the value back, integers and one or two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, 1, 2), (n, decimals) => {
        const value = n / 10 ** decimals;
        const p = parseCell(formatDutch(value, decimals));
        expect(p).toMatchObject({ kind: 'number', decimals });
        if (p.kind === 'number') expect(p.value).toBeCloseTo(value, 6);
      }),
      { numRuns: 2000 },
    );
  });

  // A valid table: distinct plain labels, 2 to 4 year columns, whole figures or "-".
  const label = fc
    .stringMatching(/^[A-Z][a-z]{3,12}( [a-z]{3,10}){0,2}$/)
    .filter(
      (s) =>
        !/^(begroting|rekening|realisatie|werkelijk|verschil|jaarrekening|primitief|gewijzigd|meerjarenraming|raming|prognose|afwijking|totaal|saldo|baten|lasten|subtotaal)/i.test(
          s,
        ),
    );
  const figure = fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: -999_999, max: 999_999 }).map((n) => formatDutch(n)) },
    { weight: 1, arbitrary: fc.constant('-') },
  );
  const table = fc.integer({ min: 2, max: 4 }).chain((width) =>
    fc.record({
      headers: fc.constant(['Begroting 2021', 'Rekening 2021', 'Begroting 2022', 'Rekening 2022'].slice(0, width)),
      rows: fc.uniqueArray(fc.tuple(label, fc.array(figure, { minLength: width, maxLength: width })), {
        minLength: 2,
        maxLength: 8,
        selector: ([l]) => l.toLowerCase(),
      }),
    }),
  );
  const expected = (t: { headers: string[]; rows: [string, string[]][] }) =>
    t.rows.flatMap(([l, cells]) => cells.map((c, i) => [l, t.headers[i], plainDutch(c)]));
  const read = (r: ReturnType<typeof processText>) => r.financial.map((f) => [f.rowLabel, f.columnHeader, f.value]);

  it('cell per line: every printed figure comes back at its row and column', () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = processText(
          cellPerLine(
            'Overzicht bedragen x 1.000',
            t.headers,
            t.rows.map(([l, cells]) => [l, ...cells]),
          ),
        );
        expect(read(r)).toEqual(expected(t));
      }),
      { numRuns: 60 },
    );
  });

  it('tab-separated: every printed figure comes back at its row and column', () => {
    fc.assert(
      fc.property(table, (t) => {
        const text = [
          'Overzicht bedragen x 1.000',
          ['Omschrijving', ...t.headers].join('\t'),
          ...t.rows.map(([l, cells]) => [l, ...cells].join('\t')),
        ].join('\n');
        const r = processText(text);
        expect(read(r)).toEqual(expected(t));
      }),
      { numRuns: 60 },
    );
  });
});
