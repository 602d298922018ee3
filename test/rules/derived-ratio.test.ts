import { expect } from 'vitest';
import { processSample, TRANSFORMATIEPLAN } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';
import { ruleTester } from './rule-tester.js';

ruleTester('derived-ratio', {
  valid: [
    {
      name: 'Hengelo transformatieplan 2022: 4.798/1.941, 5.430/2.007 and 5.449/2.170 printed 2,5, 2,7 and 2,5',
      run: () => processSample(TRANSFORMATIEPLAN),
      evaluated: 3,
    },
  ],
  invalid: [
    {
      name: 'Hengelo transformatieplan 2022 with the 2020 average printed 2,9 (edited copy)',
      run: () =>
        processCopy(
          mutatedSample('hengelo-transformatieplan-sociaal-domein-2022.md', [
            [/^2020\t2\.007\t5\.430\t2,7$/m, '2020\t2.007\t5.430\t2,9'],
          ]),
        ),
      findings: [['2020', 'Gemiddeld aantal indicaties per cliënt', 2.706, 2.9]],
      then: ([f]) => expect(f.line).toBe(1431),
    },
  ],
});
