import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';

const baten = ['Baten', '-', '-', '-', '-'];
const lasten = ['Lasten', '-', '6.779', '6.735', '44'];

describe('missing-cell', () => {
  it('passes when the 6.74A saldo row has all four cells', () => {
    const r = hengeloRows([baten, lasten, ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-', '-6.779', '-6.735', '44']]);
    expect(findingsOf(r, 'missing-cell')).toEqual([]);
  });
  it('fails on the 6.74A saldo row as Hengelo printed it, and says what the missing cell must be', () => {
    const r = hengeloRows([baten, lasten, ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-', '-6.779', '-6.735']]);
    expect(findingsOf(r, 'missing-cell').map((f) => [f.row, f.column, f.expected, f.found])).toEqual([
      ['6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil', 44, null],
    ]);
    // the three printed cells are placed where the arithmetic puts them, not left-aligned blindly
    const placed = r.financial.filter((f) => f.lineItem === 'saldo').map((f) => f.value);
    expect(placed).toEqual([null, -6779, -6735, null]);
  });
  it('stores no figure for a short row the arithmetic cannot place, and says so', () => {
    // lasten 5 in both budget columns, one saldo cell of −5: primitief or gewijzigd? Both hold.
    const r = hengeloRows([['Baten', '-', '-', '-', '-'], ['Lasten', '5', '5', '-', '-'], ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-5']]);
    expect(findingsOf(r, 'ambiguous-cells')).toHaveLength(1);
    // The row stays in the table as unreadable, so that totals over it are not judged without it.
    expect(r.financial.filter((f) => f.lineItem === 'saldo').map((f) => [f.status, f.value])).toEqual([['unreadable', null], ['unreadable', null], ['unreadable', null], ['unreadable', null]]);
  });
});
