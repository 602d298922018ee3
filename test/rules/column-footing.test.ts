import { processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// "10.4 Benodigd Transformatiebudget", Hengelo transformatieplan 2022 (tab-separated, bold total).
const budget = (total: string) =>
  processText(
    [
      '### 10.4 Benodigd Transformatiebudget',
      '',
      '\t2023\t2024\t2025\t2026',
      'Personeel\t380.000\t380.000\t130.000\t0',
      'Communicatie\t30.000\t30.000\t30.000\t10.000',
      'Overig\t694.500\t860.000\t200.000\t0',
      'Overig\t0\t\t0\t0',
      `<b>TOTAAL</b>\t${total}`,
      '',
    ].join('\n'),
    'plan.md',
  );

// "Financiële opgave", the same plan: Totaal potentieel = −(besparingen (-/-) + investeringen (+/+)) in every column.
const opgave = (last: string) =>
  processText(
    [
      'Financiële opgave\t2023\t2024\t2025\t2026',
      'Structurele besparingen (-/-)\t€ 1.287.750\t€ 4.113.500\t€ 8.283.500\t€ 11.980.000',
      'Structurele investeringen / kosten (+/+)\t-€ 315.000\t-€ 3.178.400\t-€ 4.205.800\t-€ 5.086.000',
      `Totaal potentieel\t${last}`,
      '',
    ].join('\n'),
    'p.md',
  );

ruleTester('column-footing', {
  valid: [
    {
      name: 'Hengelo transformatieplan 2022, 10.4: TOTAAL is the sum of the lines above it in each of the four years',
      run: () => budget('<b>1.104.500</b>\t<b>1.270.000</b>\t<b>360.000</b>\t<b>10.000</b>'),
      evaluated: 4,
    },
    {
      name: 'Hengelo transformatieplan 2022, Financiële opgave: a sign pattern that holds in every column',
      run: () => opgave('-€ 972.750\t-€ 935.100\t-€ 4.077.700\t-€ 6.894.000'),
      evaluated: 4,
    },
  ],
  invalid: [
    {
      name: 'Hengelo transformatieplan 2022, 10.4 with the 2024 total printed 1.207.000: names the column',
      run: () => budget('<b>1.104.500</b>\t<b>1.207.000</b>\t<b>360.000</b>\t<b>10.000</b>'),
      fields: ['severity', 'row', 'column', 'expected', 'found'],
      findings: [['error', 'TOTAAL', '2024', 1270000, 1207000]],
    },
    {
      name:
        'Hengelo transformatieplan 2022, Financiële opgave with the 2024 total printed positive: the pattern ' +
        'breaks there',
      run: () => opgave('-€ 972.750\t€ 935.100\t-€ 4.077.700\t-€ 6.894.000'),
      fields: ['column'],
      findings: [['2024']],
    },
  ],
});
