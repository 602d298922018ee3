import { expect } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

ruleTester('verschil', {
  valid: [
    {
      name: 'Hengelo 2023, 6.1: baten verschil = realisatie − begroting, lasten verschil = begroting − realisatie',
      run: () =>
        hengeloRows([
          ['Baten', '831', '21.118', '21.246', '128'],
          ['Lasten', '14.015', '24.335', '22.699', '1.636'],
          ['6.1 Samenkracht en burgerparticipatie', '-13.184', '-3.217', '-1.453', '1.764'],
        ]),
      evaluated: 2,
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023, the sign error in 6.72D Baten as printed (71 − 78 = −7, printed 7)',
      run: () =>
        hengeloRows([
          ['Baten', '-', '78', '71', '7'],
          ['Lasten', '487', '1.456', '1.543', '-87'],
          ['6.72D Jeugdhulp zonder verblijf overig', '-487', '-1.378', '-1.472', '-94'],
        ]),
      fields: ['row', 'expected', 'found', 'difference'],
      findings: [['6.72D Jeugdhulp zonder verblijf overig / Baten', -7, 7, 14]],
      // the saldo verschil (−94) agrees with the corrected baten: no second finding for it
      then: (_, outcome) => expect(findingsOf(outcome, 'saldo-verschil')).toEqual([]),
    },
  ],
});
