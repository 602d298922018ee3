import { expect } from 'vitest';
import { HENGELO_2023, processSample, sample, TRANSFORMATIEPLAN } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';
import { ruleTester } from './rule-tester.js';

const ENSCHEDE_2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const ENSCHEDE_2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';
const RESULTAAT = /resultaat van\s1,4\smiljoen\seuro\snegatief/;
const FIELDS = ['line', 'row', 'column', 'expected', 'found', 'tolerance'] as const;

ruleTester('text-vs-table', {
  valid: [
    {
      name: 'Hengelo 2023: every toelichting heading agrees with the verschil of its taakveld',
      run: () => processSample(HENGELO_2023),
    },
    {
      name: 'Hengelo transformatieplan 2022: its year series agree with their table rows',
      run: () => processSample(TRANSFORMATIEPLAN),
    },
    {
      name: 'Enschede 2023: "een resultaat van 1,4 miljoen euro negatief" against −1.394 (× 1.000)',
      run: () => processSample(sample(ENSCHEDE_2023)),
    },
    { name: 'Enschede 2018', run: () => processSample(sample(ENSCHEDE_2018)) },
  ],
  invalid: [
    {
      name: 'Hengelo 2023 with two toelichting headings changed, the table untouched (amount; voordeel for nadeel)',
      run: () =>
        processCopy(
          mutatedSample('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt', [
            [/\(€\s1\.764\.000 voordeel\)/, '(€ 1.674.000 voordeel)'],
            [/\(€\s470\.000 voordeel\)/, '(€ 470.000 nadeel)'],
          ]),
        ),
      fields: [...FIELDS],
      findings: [
        [1398, '6.1 Samenkracht en burgerparticipatie / Saldo', 'Verschil', 1764, 1674, 0.5005],
        [1446, '6.71B Begeleiding (WMO) / Saldo', 'Verschil', 470, -470, 0.5005],
      ],
      then: ([f]) => expect(f.message).toContain('(line 570)'),
    },
    {
      name: 'Enschede 2023 with the resultaat sentence saying positief where the table has −1.394 (× 1.000)',
      run: () => processCopy(mutatedSample(ENSCHEDE_2023, [[RESULTAAT, 'resultaat van 1,4 miljoen euro positief']])),
      fields: [...FIELDS],
      findings: [[720, 'Resultaat', 'Saldo (- = nadeel)', -1394, 1400, 50.5]],
    },
    {
      name: 'Enschede 2023 with "1,3 miljoen": outside ±50.000 of −1.394 (× 1.000), where 1,4 holds',
      run: () => processCopy(mutatedSample(ENSCHEDE_2023, [[RESULTAAT, 'resultaat van 1,3 miljoen euro negatief']])),
      fields: ['found'],
      findings: [[-1300]],
    },
    {
      name: 'Hengelo transformatieplan 2022 with the year series ending on € 5,872 miljoen in 2026',
      run: () =>
        processCopy(
          mutatedSample('hengelo-transformatieplan-sociaal-domein-2022.md', [
            [/€\s5,772\smiljoen in 2026/, '€ 5,872 miljoen in 2026'],
          ]),
        ),
      fields: ['line', 'severity', 'row', 'column', 'expected', 'found'],
      findings: [[258, 'warning', 'Nog op te lossen in het sociaal domein', '2026', -5772, -5872]],
    },
  ],
});
