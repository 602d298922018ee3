import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';

// "10.4 Benodigd Transformatiebudget", Hengelo transformatieplan 2022 (tab-separated, bold total).
const table = (total: string) =>
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
  ].join('\n');

describe('column-footing', () => {
  it('passes when the total is the sum of the lines above it', () => {
    const r = processText(table('<b>1.104.500</b>\t<b>1.270.000</b>\t<b>360.000</b>\t<b>10.000</b>'), 'plan.md');
    expect(findingsOf(r, 'column-footing')).toEqual([]);
  });
  it('fails on a total that is not, naming the column', () => {
    const r = processText(table('<b>1.104.500</b>\t<b>1.207.000</b>\t<b>360.000</b>\t<b>10.000</b>'), 'plan.md');
    expect(findingsOf(r, 'column-footing').map((f) => [f.severity, f.row, f.column, f.expected, f.found])).toEqual([['error', 'TOTAAL', '2024', 1270000, 1207000]]);
  });
  it('accepts a sign pattern only when it holds in every column ("Totaal potentieel" = −(besparingen + investeringen))', () => {
    const rows = (last: string) =>
      [
        'Financiële opgave\t2023\t2024\t2025\t2026',
        'Structurele besparingen (-/-)\t€ 1.287.750\t€ 4.113.500\t€ 8.283.500\t€ 11.980.000',
        'Structurele investeringen / kosten (+/+)\t-€ 315.000\t-€ 3.178.400\t-€ 4.205.800\t-€ 5.086.000',
        `Totaal potentieel\t${last}`,
        '',
      ].join('\n');
    expect(findingsOf(processText(rows('-€ 972.750\t-€ 935.100\t-€ 4.077.700\t-€ 6.894.000'), 'p.md'), 'column-footing')).toEqual([]);
    const broken = findingsOf(processText(rows('-€ 972.750\t€ 935.100\t-€ 4.077.700\t-€ 6.894.000'), 'p.md'), 'column-footing');
    expect(broken.map((f) => f.column)).toEqual(['2024']);
  });
});
