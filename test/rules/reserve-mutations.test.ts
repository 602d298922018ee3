import { describe, expect, it } from 'vitest';
import { cellPerLine, findingsOf, processText } from '../helpers.js';

// Enschede jaarstukken 2023, programma Vitaal en sociaal (x € 1.000), laid out cell per line.
const headers = ['Begroting (primair)', 'Begroting (na wijziging)', 'Realisatie', 'Verschil'];
const rows = (mutaties: string[]) => [
  ['Lasten', '424.692', '476.599', '476.485', '114'],
  ['Baten', '125.309', '148.851', '151.178', '2.327'],
  ['Gerealiseerde saldo van baten en lasten', '-299.384', '-327.748', '-325.307', '2.441'],
  ['Storting reserves', '2.641', '6.266', '22.324', '-16.058'],
  ['Onttrekking reserves', '2.128', '12.230', '24.453', '12.223'],
  ['Gerealiseerde saldo van mutaties reserves', ...mutaties],
  ['Resultaat', '-299.896', '-321.784', '-323.178', '-1.394'],
];

describe('reserve-mutations', () => {
  it('passes on the table as Enschede printed it (saldo = baten − lasten, detected)', () => {
    const r = processText(cellPerLine('Vitaal en sociaal', headers, rows(['-512', '5.964', '2.129', '-3.835'])));
    expect(r.tables[0].signConvention.saldo).toBe('baten_minus_lasten');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('fails on a mutaties line that is not onttrekking − storting', () => {
    const r = processText(cellPerLine('Vitaal en sociaal', headers, rows(['-512', '5.964', '2.192', '-3.835'])));
    const found = findingsOf(r, 'reserve-mutations').map((f) => [f.row, f.column, f.expected, f.found]);
    expect(found).toContainEqual(['Gerealiseerde saldo van mutaties reserves', 'Realisatie', 2129, 2192]);
  });
});
