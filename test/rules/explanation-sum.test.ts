import { describe, expect, it } from 'vitest';
import { findingsOf, HENGELO_2023, processSample, sample } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';

const ENSCHEDE_2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const ENSCHEDE_2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';

describe('explanation-sum', () => {
  it('passes on Enschede 2023 (13 items sum to −1,4 miljoen; nadelen 23,7, voordelen 22,3 as line 167 says) and Enschede 2018 (5 items sum to 5,5)', () => {
    expect(findingsOf(processSample(sample(ENSCHEDE_2023)), 'explanation-sum')).toEqual([]);
    expect(findingsOf(processSample(sample(ENSCHEDE_2018)), 'explanation-sum')).toEqual([]);
  });

  it('finds the real gap in Hengelo 2023: 6.73c is € 889.000 nadeel, its two items sum to € 910.000 nadeel', () => {
    const found = findingsOf(processSample(HENGELO_2023), 'explanation-sum');
    expect(found.map((f) => [f.line, f.severity, f.expected, f.found, f.difference])).toEqual([[1469, 'warning', -889000, -910000, -21000]]);
  });

  it('fails when one Enschede 2023 item changes: the list no longer sums to the resultaat, nor its nadelen to the stated total', () => {
    const file = mutatedSample(ENSCHEDE_2023, [[/Jeugdhulp\s15,0\smiljoen\seuro\snadeel/, 'Jeugdhulp 15,9 miljoen euro nadeel']]);
    const found = findingsOf(processCopy(file), 'explanation-sum');
    expect(found.map((f) => [f.line, f.severity, f.expected, f.found])).toEqual([
      // introduced as "De belangrijkste producten": the gap is info, not an error
      [720, 'info', -1400000, -2300000],
      [167, 'warning', 23700000, 24600000],
    ]);
  });
});
