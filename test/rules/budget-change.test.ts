import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// Staphorst zomernota 2019, financiële samenvatting (whole euros), rows as the site's text prints them.
const staphorst = (raad: string) =>
  processText(`Financiële samenvatting - totaal alle programma's
Exploitatie Realisatie 2018 Begroting 2019 Mutaties Zomernota 2019 Begroting 2019 na mutatie
Lasten
4.010.001 Raad en raadscommissies 358.599 239.242 77.843 ${raad}
4.010.102 College van Burgemeester en Wethouders 582.980 687.663 15.600 703.263
4.010.205 Raadsgriffie 111.453 145.777 45.000 190.777
4.020.104 Reisdocumenten 157.136 60.000 -10.000 50.000
`);

ruleTester('budget-change', {
  valid: [
    {
      name:
        'Staphorst zomernota 2019: every begroting na mutatie = begroting + mutaties, Reisdocumenten 60.000 − ' +
        '10.000 included',
      run: () => staphorst('317.085'),
      evaluated: 4,
    },
  ],
  invalid: [
    {
      name: 'Staphorst zomernota 2019 with Raad en raadscommissies na mutatie printed 317.185',
      run: () => staphorst('317.185'),
      findings: [['4.010.001 Raad en raadscommissies', 'Begroting 2019 na mutatie', 317085, 317185]],
    },
  ],
});

describe('budget-change: what the valid case reads', () => {
  it('reads all 16 figures, and the table is checked (no "read, not checked" notice)', () => {
    const r = staphorst('317.085');
    expect(r.financial.filter((f) => f.status === 'printed')).toHaveLength(16);
    expect(findingsOf(r, 'unchecked-table')).toEqual([]);
    expect(findingsOf(r, 'nothing-checked')).toEqual([]);
  });
});
