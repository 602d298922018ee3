import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows, HENGELO_2023, processSample } from '../helpers.js';

// 6.71A and 6.71B lasten as Hengelo 2023 prints them (gewijzigd 11.364 and 10.916, rekening 11.369 and 10.446).
const children = [
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', '11.364', '11.369', '-5'],
  ['6.71A Hulp bij het huishouden (WMO)', '-', '-11.364', '-11.369', '-5'],
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', '10.916', '10.446', '470'],
  ['6.71B Begeleiding (WMO)', '-', '-10.916', '-10.446', '470'],
];
const parent = (gewijzigd: string, rekening: string) => [
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', gewijzigd, rekening, '465'],
  ['6.71 Maatwerkdienstverlening 18+', '-', `-${gewijzigd}`, `-${rekening}`, '465'],
];

describe('taakveld-hierarchy', () => {
  it('passes on Hengelo 2023, where 6.71 holds the unsplit primitief budget beside 6.71D (a separate line, not a subtotal)', () => {
    expect(findingsOf(processSample(HENGELO_2023), 'taakveld-hierarchy')).toEqual([]);
  });

  it('passes when the parent is the subtotal of its sub-taakvelden in every column', () => {
    expect(findingsOf(hengeloRows([...parent('22.280', '21.815'), ...children]), 'taakveld-hierarchy')).toEqual([]);
  });

  it('fails in the column where a subtotal parent does not add up (Rekening 21.915 against 11.369 + 10.446 = 21.815)', () => {
    const found = findingsOf(hengeloRows([...parent('22.280', '21.915'), ...children]), 'taakveld-hierarchy');
    expect(found.map((f) => [f.row, f.column, f.expected, f.found])).toEqual([
      ['6.71 Maatwerkdienstverlening 18+ / Lasten', 'Rekening 2023', 21815, 21915],
      ['6.71 Maatwerkdienstverlening 18+ / Saldo', 'Rekening 2023', -21815, -21915],
    ]);
  });
});
