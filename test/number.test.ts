import { describe, expect, it } from 'vitest';
import { parseCell, parseScale } from '../src/grammar/number.js';

const value = (s: string) => {
  const p = parseCell(s);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('Dutch number grammar', () => {
  it('reads thousands dots, decimal commas and the three minus signs', () => {
    expect(value('1.234.567,89')).toBe(1234567.89);
    expect(value('-13.184')).toBe(-13184);
    expect(value('−1.234')).toBe(-1234); // U+2212
    expect(value('–1.234')).toBe(-1234); // en dash
    expect(value('- 1.234')).toBe(-1234);
    expect(value('(1.234)')).toBe(-1234);
    expect(value('831')).toBe(831);
  });
  it('reads euro amounts as the transformatieplan prints them', () => {
    expect(value('€ 2.084.000')).toBe(2084000);
    expect(value('-€ 315.000')).toBe(-315000);
    expect(value('€\u00a01.287.750')).toBe(1287750);
    expect(parseCell('€ 0')).toMatchObject({ kind: 'number', value: 0, euro: true });
  });
  it('reads a V/N letter in the figure\'s cell as its sign in words (Capelle aan den IJssel 2021: "N 31.393")', () => {
    expect(parseCell('N 31.393')).toMatchObject({ kind: 'number', value: -31393, notes: [] });
    expect(parseCell('1.310 N')).toMatchObject({ kind: 'number', value: -1310 });
    expect(parseCell('24.439 V')).toMatchObject({ kind: 'number', value: 24439 });
    // A printed sign wins; the letter only repeats it (Tubbergen 2021: "-22 N").
    expect(parseCell('-22 N')).toMatchObject({ kind: 'number', value: -22 });
    // The bookkeeping minus, before or after the figure (Doesburg 2021: "-/- 2.108").
    expect(parseCell('-/- 2.108')).toMatchObject({ kind: 'number', value: -2108 });
    expect(parseCell('2.108 -/-')).toMatchObject({ kind: 'number', value: -2108 });
    expect(parseCell('-/-')).toMatchObject({ kind: 'invalid' });
    // A letter alone is no figure, and N.B. is still "not available".
    expect(parseCell('N')).toMatchObject({ kind: 'invalid' });
    expect(parseCell('N.B.')).toMatchObject({ kind: 'empty', reason: 'not-available' });
  });
  it('treats dashes, blanks and N.B. as empty cells, not zeros printed', () => {
    expect(parseCell('-')).toMatchObject({ kind: 'empty', reason: 'dash' });
    expect(parseCell('—')).toMatchObject({ kind: 'empty', reason: 'dash' });
    expect(parseCell(' ')).toMatchObject({ kind: 'empty', reason: 'blank' });
    expect(parseCell('N.B.')).toMatchObject({ kind: 'empty', reason: 'not-available' });
    // Goirle begroting 2018: "n.b.*" with "* Niet beschikbaar." under the table.
    expect(parseCell('n.b.*')).toMatchObject({ kind: 'empty', reason: 'not-available' });
    // Zoetermeer 2023: "-PM" (pro memorie: a cost not yet known) where a budget has no figure yet.
    expect(parseCell('-PM')).toMatchObject({ kind: 'empty', reason: 'not-available' });
    expect(parseCell('p.m.')).toMatchObject({ kind: 'empty', reason: 'not-available' });
  });
  it('keeps footnote markers, reference years and second figures apart from the value', () => {
    expect(parseCell('60,7%1')).toMatchObject({ value: 60.7, decimals: 1, percent: true, footnote: '1' });
    expect(parseCell('14,9% (2021)')).toMatchObject({ value: 14.9, referenceYear: 2021 });
    expect(parseCell('6% (2022)')).toMatchObject({ value: 6, referenceYear: 2022 });
    expect(parseCell('10,8% (31,0%)')).toMatchObject({ value: 10.8, alternative: 31 });
    expect(parseCell('12,4%²')).toMatchObject({ value: 12.4, footnote: '2' });
  });
  it('reads a decimal point typo as a decimal and says so', () => {
    const p = parseCell('12.8%');
    expect(p).toMatchObject({ kind: 'number', value: 12.8 });
    expect(p.kind === 'number' && p.notes[0]).toMatch(/decimal point/);
  });
  it('refuses what is no figure, without throwing', () => {
    for (const bad of ['1.2.3', '--5', '1,2,3', '99999999999999999999', 'Inleiding', '12.34.5']) {
      expect(parseCell(bad).kind, bad).toBe('invalid');
    }
  });
  it('reads scale notes', () => {
    expect(parseScale('bedragen x 1.000')).toBe(1000);
    expect(parseScale('WMO (bedragen * € 1.000)')).toBe(1000);
    expect(parseScale('bedragen * 1000')).toBe(1000);
    expect(parseScale('Bedragen x 1.000 euros')).toBe(1000);
    // As other gemeenten print it (Drimmelen jaarstukken 2021: "(in € 1.000)").
    expect(parseScale('Overzicht van baten en lasten (in € 1.000)')).toBe(1000);
    expect(parseScale('(€ 1.000)')).toBe(1000);
    expect(parseScale('bedragen x € 1 mln')).toBe(1_000_000);
    expect(parseScale('bedragen in duizenden euro')).toBe(1000);
    expect(parseScale('in 1000 woningen')).toBeNull();
    expect(parseScale('Iets anders')).toBeNull();
  });
});
