import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// 6.74A Jeugdhulp behandeling GGZ zonder verblijf, Hengelo jaarstukken 2023.
const baten = ['Baten', '-', '-', '-', '-'];
const lasten = ['Lasten', '-', '6.779', '6.735', '44'];
const saldo = ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-', '-6.779', '-6.735'];

ruleTester('missing-cell', {
  valid: [
    {
      name: 'Hengelo 2023, the 6.74A saldo row with all four cells',
      run: () => hengeloRows([baten, lasten, [...saldo, '44']]),
      evaluated: 2,
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023, the 6.74A saldo row as printed (three cells), saying what the missing cell must be',
      run: () => hengeloRows([baten, lasten, saldo]),
      findings: [['6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil', 44, null]],
      // the three printed cells are placed where the arithmetic puts them, not left-aligned blindly
      then: (_, r) =>
        expect(r.financial.filter((f) => f.lineItem === 'saldo').map((f) => f.value)).toEqual([
          null,
          -6779,
          -6735,
          null,
        ]),
    },
  ],
});

describe('missing-cell: short rows', () => {
  it('stores no figure for a short row the arithmetic cannot place, and says so', () => {
    // lasten 5 in both budget columns, one saldo cell of −5: primitief or gewijzigd? Both hold.
    const r = hengeloRows([
      ['Baten', '-', '-', '-', '-'],
      ['Lasten', '5', '5', '-', '-'],
      ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-5'],
    ]);
    expect(findingsOf(r, 'ambiguous-cells')).toHaveLength(1);
    // The row stays in the table as unreadable, so that totals over it are not judged without it.
    expect(r.financial.filter((f) => f.lineItem === 'saldo').map((f) => [f.status, f.value])).toEqual([
      ['unreadable', null],
      ['unreadable', null],
      ['unreadable', null],
      ['unreadable', null],
    ]);
  });
});
