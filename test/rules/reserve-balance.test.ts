import { describe, expect, it } from 'vitest';
import { processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// Halderberge begroting 2023, verloop reserves 2024 (in euros), as the site's pipe table renders it.
const halderberge = (algemeen: string) =>
  processText(`Verloop reserves 2024 | Saldo 01-01-2024 | Vermeer-deringen | Verminde-ringen | Saldo 31-12-2024 |
---|---|---|---|---|
Algemene reserves | 13.108.000 | 418.000 | 50.000 | ${algemeen} |
Investeringsreserves | 2.222.000 | 90.000 | 67.000 | 2.245.000 |
Egalisatiereserves | 1.000.000 | 0 | 80.000 | 920.000 |
Resultaatreserves | 0 | 0 | 0 | 0 |
Overige bestemmingsreserves | 1.841.000 | 405.000 | 567.000 | 1.679.000 |
Bestemmingsreserves grondexploitatie | 0 | 208.000 | 208.000 | 0 |
Totaal reserves | 18.171.000 | 1.121.000 | 972.000 | 18.320.000 |
`);

// Weert begroting 2020, withdrawals printed negative: Algemene reserve 31.662 + 101 − 3.353 = 28.410.
const weert = (end: string) =>
  processText(`Reserve | rekening 2018 | saldo 1-1-2020 | overige toevoegingen | onttrekkingen | saldo 1-1-2021 |
---|---|---|---|---|---|
R1000 Algemene reserve | 31.575 | 31.662 | 101 | -3.353 | ${end} |
R2100 Reserve majeure projecten | 25.471 | 25.471 | 1.530 | -2.530 | 24.472 |
`);

// De Fryske Marren begroting 2023, Algemene reserves: balances down the rows, one column per year.
const fryskeMarren = (storting: string) =>
  processText(`Reserves en voorzieningen | Begroting 2023 | Begroting 2024 | Begroting 2025 | Begroting 2026 |
---|---|---|---|---|
Stand per 1 januari | 15.687 | 11.698 | 12.609 | 16.548 |
Stortingen | 800 | ${storting} | 4.787 | - |
Onttrekkingen | -4.789 | -3.749 | -848 | -1.560 |
Stand per 31 december | 11.698 | 12.609 | 16.548 | 14.988 |
`);

ruleTester('reserve-balance', {
  valid: [
    {
      name: 'Halderberge 2023 as printed: every row, the total too, carries its balance',
      run: () => halderberge('13.476.000'),
      evaluated: 7,
    },
    { name: 'Weert 2020: withdrawals printed negative are added', run: () => weert('28.410'), evaluated: 2 },
    { name: 'De Fryske Marren 2023: balances down the rows, per year', run: () => fryskeMarren('4.660'), evaluated: 4 },
  ],
  invalid: [
    {
      name: 'Halderberge 2023 with the Algemene reserves closing at 13.467.000',
      run: () => halderberge('13.467.000'),
      findings: [['Algemene reserves', 'Saldo 31-12-2024', 13476000, 13467000]],
    },
    {
      name: 'Weert 2020 with the Algemene reserve closing at 28.401',
      run: () => weert('28.401'),
      fields: ['row', 'expected', 'found'],
      findings: [['R1000 Algemene reserve', 28410, 28401]],
    },
    {
      name: 'De Fryske Marren 2023 with the 2024 storting printed 4.760',
      run: () => fryskeMarren('4.760'),
      findings: [['Stand per 31 december', 'Begroting 2024', 12709, 12609]],
    },
  ],
});

describe('reserve-balance: what the valid cases read', () => {
  it('reads every figure of the tables, and finds no error in them', () => {
    for (const [r, printed] of [
      [halderberge('13.476.000'), 28],
      [fryskeMarren('4.660'), 15],
    ] as const) {
      expect(r.financial.filter((f) => f.status === 'printed')).toHaveLength(printed);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});
