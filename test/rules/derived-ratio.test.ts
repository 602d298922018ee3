import { describe, expect, it } from 'vitest';
import { findingsOf, processSample, TRANSFORMATIEPLAN } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';

describe('derived-ratio', () => {
  it('passes on the transformatieplan: 4.798/1.941, 5.430/2.007 and 5.449/2.170 printed 2,5, 2,7 and 2,5', () => {
    expect(findingsOf(processSample(TRANSFORMATIEPLAN), 'derived-ratio')).toEqual([]);
  });

  it('fails when the 2020 average is printed 2,9 (edited copy of the sample)', () => {
    const file = mutatedSample('hengelo-transformatieplan-sociaal-domein-2022.md', [[/^2020\t2\.007\t5\.430\t2,7$/m, '2020\t2.007\t5.430\t2,9']]);
    const found = findingsOf(processCopy(file), 'derived-ratio');
    expect(found.map((f) => [f.row, f.column, f.expected, f.found])).toEqual([['2020', 'Gemiddeld aantal indicaties per cliënt', 2.706, 2.9]]);
    expect(found[0].line).toBe(1431);
  });
});
