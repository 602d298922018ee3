import { describe, expect, it } from 'vitest';
import { findingsOf, HENGELO_2023, processSample, sample, TRANSFORMATIEPLAN } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';

const ENSCHEDE_2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const ENSCHEDE_2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';

describe('text-vs-table', () => {
  it('passes on the samples: every tied heading, resultaat sentence and year series agrees with its cell', () => {
    for (const f of [HENGELO_2023, TRANSFORMATIEPLAN, sample(ENSCHEDE_2023), sample(ENSCHEDE_2018)]) {
      expect(findingsOf(processSample(f), 'text-vs-table')).toEqual([]);
    }
  });

  it('fails when a Hengelo 2023 toelichting heading disagrees with the verschil of its taakveld (amount or voordeel/nadeel)', () => {
    // Edited copy of the real sample: two headings changed, the table untouched.
    const file = mutatedSample('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt', [
      [/\(€\s1\.764\.000 voordeel\)/, '(€ 1.674.000 voordeel)'],
      [/\(€\s470\.000 voordeel\)/, '(€ 470.000 nadeel)'],
    ]);
    const found = findingsOf(processCopy(file), 'text-vs-table');
    expect(found.map((f) => [f.line, f.row, f.column, f.expected, f.found, f.tolerance])).toEqual([
      [1398, '6.1 Samenkracht en burgerparticipatie / Saldo', 'Verschil', 1764, 1674, 0.5005],
      [1446, '6.71B Begeleiding (WMO) / Saldo', 'Verschil', 470, -470, 0.5005],
    ]);
    expect(found[0].message).toContain('(line 570)');
  });

  it('fails when the Enschede 2023 resultaat sentence says positief where the table has −1.394 (× 1.000)', () => {
    const file = mutatedSample(ENSCHEDE_2023, [[/resultaat van\s1,4\smiljoen\seuro\snegatief/, 'resultaat van 1,4 miljoen euro positief']]);
    const found = findingsOf(processCopy(file), 'text-vs-table');
    expect(found.map((f) => [f.line, f.row, f.column, f.expected, f.found, f.tolerance])).toEqual([[720, 'Resultaat', 'Saldo (- = nadeel)', -1394, 1400, 50.5]]);
  });

  it('judges "1,4 miljoen" with ±50.000: 1,3 miljoen against −1.394 fails, 1,4 holds', () => {
    const file = mutatedSample(ENSCHEDE_2023, [[/resultaat van\s1,4\smiljoen\seuro\snegatief/, 'resultaat van 1,3 miljoen euro negatief']]);
    expect(findingsOf(processCopy(file), 'text-vs-table').map((f) => f.found)).toEqual([-1300]);
  });

  it('fails when the transformatieplan year series ends on another figure than its table row', () => {
    const file = mutatedSample('hengelo-transformatieplan-sociaal-domein-2022.md', [[/€\s5,772\smiljoen in 2026/, '€ 5,872 miljoen in 2026']]);
    const found = findingsOf(processCopy(file), 'text-vs-table');
    expect(found.map((f) => [f.line, f.severity, f.row, f.column, f.expected, f.found])).toEqual([[258, 'warning', 'Nog op te lossen in het sociaal domein', '2026', -5772, -5872]]);
  });
});
