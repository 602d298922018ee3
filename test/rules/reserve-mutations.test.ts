import { describe, expect, it } from 'vitest';
import { cellPerLine, processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// Enschede jaarstukken 2023, programma Vitaal en sociaal (x € 1.000), laid out cell per line.
const headers = ['Begroting (primair)', 'Begroting (na wijziging)', 'Realisatie', 'Verschil'];
const enschede = (mutaties: string[]) =>
  processText(
    cellPerLine('Vitaal en sociaal', headers, [
      ['Lasten', '424.692', '476.599', '476.485', '114'],
      ['Baten', '125.309', '148.851', '151.178', '2.327'],
      ['Gerealiseerde saldo van baten en lasten', '-299.384', '-327.748', '-325.307', '2.441'],
      ['Storting reserves', '2.641', '6.266', '22.324', '-16.058'],
      ['Onttrekking reserves', '2.128', '12.230', '24.453', '12.223'],
      ['Gerealiseerde saldo van mutaties reserves', ...mutaties],
      ['Resultaat', '-299.896', '-321.784', '-323.178', '-1.394'],
    ]),
  );
const printed = ['-512', '5.964', '2.129', '-3.835'];

ruleTester('reserve-mutations', {
  valid: [
    {
      name: 'Enschede 2023, Vitaal en sociaal as printed: mutaties and resultaat in every column',
      run: () => enschede(printed),
    },
  ],
  invalid: [
    {
      name: 'Enschede 2023 with the realisatie mutaties printed 2.192: not onttrekking − storting',
      run: () => enschede(['-512', '5.964', '2.192', '-3.835']),
      // the resultaat it breaks follows from this cell: no second finding for it
      findings: [['Gerealiseerde saldo van mutaties reserves', 'Realisatie', 2129, 2192]],
    },
  ],
});

describe('reserve-mutations: the table as printed', () => {
  it('detects saldo = baten − lasten and finds no error', () => {
    const r = enschede(printed);
    expect(r.tables[0].signConvention.saldo).toBe('baten_minus_lasten');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
