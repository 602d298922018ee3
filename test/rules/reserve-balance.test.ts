import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';

// Halderberge begroting 2023, verloop reserves 2024 (in euros), as the site's pipe table renders it.
const table = (algemeen: string) => `Verloop reserves 2024 | Saldo 01-01-2024 | Vermeer-deringen | Verminde-ringen | Saldo 31-12-2024 |
---|---|---|---|---|
Algemene reserves | 13.108.000 | 418.000 | 50.000 | ${algemeen} |
Investeringsreserves | 2.222.000 | 90.000 | 67.000 | 2.245.000 |
Egalisatiereserves | 1.000.000 | 0 | 80.000 | 920.000 |
Resultaatreserves | 0 | 0 | 0 | 0 |
Overige bestemmingsreserves | 1.841.000 | 405.000 | 567.000 | 1.679.000 |
Bestemmingsreserves grondexploitatie | 0 | 208.000 | 208.000 | 0 |
Totaal reserves | 18.171.000 | 1.121.000 | 972.000 | 18.320.000 |
`;

describe('reserve-balance', () => {
  it('passes on the table as Halderberge printed it: every row carries its balance', () => {
    const r = processText(table('13.476.000'));
    expect(r.financial.filter((f) => f.status === 'printed')).toHaveLength(28);
    expect(findingsOf(r, 'reserve-balance')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('fails on a closing balance that does not follow from the opening balance and the movements', () => {
    const r = processText(table('13.467.000'));
    const found = findingsOf(r, 'reserve-balance').map((f) => [f.row, f.column, f.expected, f.found]);
    expect(found).toEqual([['Algemene reserves', 'Saldo 31-12-2024', 13476000, 13467000]]);
  });
  it('adds withdrawals printed negative (Weert begroting 2020, Algemene reserve: 31.662 + 101 − 3.353 = 28.410)', () => {
    const text = (end: string) => `Reserve | rekening 2018 | saldo 1-1-2020 | overige toevoegingen | onttrekkingen | saldo 1-1-2021 |
---|---|---|---|---|---|
R1000 Algemene reserve | 31.575 | 31.662 | 101 | -3.353 | ${end} |
R2100 Reserve majeure projecten | 25.471 | 25.471 | 1.530 | -2.530 | 24.472 |
`;
    expect(findingsOf(processText(text('28.410')), 'reserve-balance')).toEqual([]);
    expect(findingsOf(processText(text('28.401')), 'reserve-balance').map((f) => [f.row, f.expected, f.found])).toEqual([['R1000 Algemene reserve', 28410, 28401]]);
  });

  it('checks balances down the rows, one column per year (De Fryske Marren begroting 2023, Algemene reserves)', () => {
    const text = (storting: string) => `Reserves en voorzieningen | Begroting 2023 | Begroting 2024 | Begroting 2025 | Begroting 2026 |
---|---|---|---|---|
Stand per 1 januari | 15.687 | 11.698 | 12.609 | 16.548 |
Stortingen | 800 | ${storting} | 4.787 | - |
Onttrekkingen | -4.789 | -3.749 | -848 | -1.560 |
Stand per 31 december | 11.698 | 12.609 | 16.548 | 14.988 |
`;
    const ok = processText(text('4.660'));
    expect(ok.financial.filter((f) => f.status === 'printed')).toHaveLength(15);
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const found = findingsOf(processText(text('4.760')), 'reserve-balance').map((f) => [f.row, f.column, f.expected, f.found]);
    expect(found).toEqual([['Stand per 31 december', 'Begroting 2024', 12709, 12609]]);
  });
});
