import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';

// Staphorst zomernota 2019, financiële samenvatting (whole euros), rows as the site's text prints them.
const table = (raad: string) => `Financiële samenvatting - totaal alle programma's
Exploitatie Realisatie 2018 Begroting 2019 Mutaties Zomernota 2019 Begroting 2019 na mutatie
Lasten
4.010.001 Raad en raadscommissies 358.599 239.242 77.843 ${raad}
4.010.102 College van Burgemeester en Wethouders 582.980 687.663 15.600 703.263
4.010.205 Raadsgriffie 111.453 145.777 45.000 190.777
4.020.104 Reisdocumenten 157.136 60.000 -10.000 50.000
`;

describe('budget-change', () => {
  it('passes where every begroting na mutatie = begroting + mutaties, a lowered budget included (Reisdocumenten 60.000 − 10.000)', () => {
    const r = processText(table('317.085'));
    expect(r.financial.filter((f) => f.status === 'printed')).toHaveLength(16);
    expect(findingsOf(r, 'budget-change')).toEqual([]);
    // the relation was evaluated: no "read, not checked" notice for this table
    expect(findingsOf(r, 'unchecked-table')).toEqual([]);
    expect(findingsOf(r, 'nothing-checked')).toEqual([]);
  });
  it('fails on a changed budget that does not follow from the budget and its mutations', () => {
    const found = findingsOf(processText(table('317.185')), 'budget-change').map((f) => [f.row, f.column, f.expected, f.found]);
    expect(found).toEqual([['4.010.001 Raad en raadscommissies', 'Begroting 2019 na mutatie', 317085, 317185]]);
  });
});
