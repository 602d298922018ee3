import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, processText, sample } from '../helpers.js';

/** Lines from..to (1-based, inclusive) of a sample: fixtures cut from the real documents. */
const lines = (name: string, from: number, to: number) => readFileSync(sample(name), 'utf8').split('\n').slice(from - 1, to);
const E2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';
const E2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const H2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';
const doc = (parts: string[][], edit: (s: string) => string = (s) => s) => processText(edit(parts.map((p) => p.join('\n')).join('\n\n')) + '\n', 'enschede-jaarstukken-2018.txt');

describe('doelenboom-totals', () => {
  const products = lines(E2018, 3, 23);
  const programme = lines(E2018, 421, 428);
  it('passes on Enschede 2018: Σ product lasten 203.511 vs realisatie 203.510 is rounding; Σ baten 8.986', () => {
    const r = doc([products, programme]);
    expect(r.structures.products).toHaveLength(9);
    expect(findingsOf(r, 'doelenboom-totals')).toEqual([]);
  });
  it('fails when one product is off by 100 (27.467 printed as 27.567)', () => {
    const r = doc([products, programme], (s) => s.replace('Lasten27.467', 'Lasten27.567'));
    expect(findingsOf(r, 'doelenboom-totals').map((f) => [f.row, f.column, f.expected, f.found])).toEqual([['Σ Lasten of the products', 'Realisatie', 203510, 203611]]);
  });
  it('fails on Enschede 2023 as printed, passes when the first doel is 10 higher', () => {
    const goals = lines(E2023, 3, 29);
    const table = lines(E2023, 709, 716);
    expect(findingsOf(doc([goals, table]), 'doelenboom-totals').map((f) => f.found)).toEqual([476589]);
    expect(findingsOf(doc([goals, table], (s) => s.replace('252.647,00', '252.657,00')), 'doelenboom-totals')).toEqual([]);
  });
});

describe('doelenboom-counts', () => {
  const tree = ['01. Elke inwoner heeft werk', '', 'totale lasten (x 1.000 euro): 10,00', '01.01 Iedere inwoner werkt Indicatoren: 1', 'Aantal acties: 2'];
  const section = ['01.01 Iedere inwoner werkt', 'Indicatoren ', 'Aantal indicatoren: 1', 'Toelichting', 'Tekst.', 'Acties 2023', 'TR23 JR23', 'Aantal acties: 2', '', '01. We doen iets. ', '02. We doen nog iets. ', 'Legenda: = loopt achter'];
  it('passes when the doelenboom and the section agree with what is listed', () => {
    const r = doc([tree, ['Tussentekst.'], section]);
    expect(r.structures.goals.find((g) => g.code === '01.01')!.section!.actionLines).toHaveLength(2);
    expect(findingsOf(r, 'doelenboom-counts')).toEqual([]);
  });
  it('fails on a claim of 0 actions (as Enschede 2023 prints it) and on a section stating 3 while listing 2', () => {
    const r = doc([tree, ['Tussentekst.'], section], (s) => s.replace('Aantal acties: 2', 'Aantal acties: 0').replace('TR23 JR23\nAantal acties: 2', 'TR23 JR23\nAantal acties: 3'));
    expect(findingsOf(r, 'doelenboom-counts').map((f) => [f.table, f.expected, f.found])).toEqual([
      ['Doelenboom', 2, 0],
      ['Section 01.01', 2, 3],
    ]);
  });
});

describe('indicator-conflict', () => {
  const table = lines(H2019, 63, 79);
  it('fails on Hengelo 2019 as printed: "aantal afgeronde schuldhulpverleningstrajecten" twice', () => {
    expect(findingsOf(doc([table]), 'indicator-conflict').map((f) => [f.row, f.expected, f.found])).toEqual([['aantal afgeronde schuldhulpverleningstrajecten', 591, 571]]);
  });
  it('passes without the copied row', () => {
    expect(findingsOf(doc([table], (s) => s.replace(/^aantal afgeronde schuldhulpverleningstrajecten\s591620.*\n/m, '')), 'indicator-conflict')).toEqual([]);
  });
});

describe('statutory-catalogue', () => {
  const list = lines(E2023, 687, 703);
  it('passes on Enschede 2023 as printed', () => {
    const r = doc([list]);
    expect(r.structures.statutory).toHaveLength(10);
    expect(findingsOf(r, 'statutory-catalogue')).toEqual([]);
  });
  it('fails when a score stands under the wrong number (21 is Banen)', () => {
    const r = doc([list], (s) => s.replace('22. 6. Sociaal domein Jongeren met een delict', '21. 6. Sociaal domein Jongeren met een delict'));
    expect(findingsOf(r, 'statutory-catalogue').map((f) => [f.line, f.message])).toEqual([[12, expect.stringContaining('"Banen"')]]);
  });
});
