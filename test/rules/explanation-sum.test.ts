import { HENGELO_2023, processSample, sample } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';
import { ruleTester } from './rule-tester.js';

const ENSCHEDE_2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const ENSCHEDE_2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';

ruleTester('explanation-sum', {
  valid: [
    {
      name:
        'Enschede 2023: 13 items sum to −1,4 miljoen; their nadelen 23,7 and voordelen 22,3 miljoen, as line ' +
        '167 says',
      run: () => processSample(sample(ENSCHEDE_2023)),
      evaluated: 3,
    },
    { name: 'Enschede 2018: 5 items sum to 5,5 miljoen', run: () => processSample(sample(ENSCHEDE_2018)) },
  ],
  invalid: [
    {
      name: 'Hengelo 2023 as published: 6.73c is € 889.000 nadeel, its two items sum to € 910.000 nadeel',
      run: () => processSample(HENGELO_2023),
      fields: ['line', 'severity', 'expected', 'found', 'difference'],
      findings: [[1469, 'warning', -889000, -910000, -21000]],
    },
    {
      name:
        'Enschede 2023 with Jeugdhulp 15,9 instead of 15,0 miljoen nadeel: neither the resultaat nor the ' +
        'stated nadelen',
      run: () =>
        processCopy(
          mutatedSample(ENSCHEDE_2023, [
            [/Jeugdhulp\s15,0\smiljoen\seuro\snadeel/, 'Jeugdhulp 15,9 miljoen euro nadeel'],
          ]),
        ),
      fields: ['line', 'severity', 'expected', 'found'],
      findings: [
        // introduced as "De belangrijkste producten": the gap is info, not an error
        [720, 'info', -1400000, -2300000],
        [167, 'warning', 23700000, 24600000],
      ],
    },
  ],
});
