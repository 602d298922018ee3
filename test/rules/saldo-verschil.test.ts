import { expect } from 'vitest';
import { hengeloRows } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

const pleegzorg = (verschil: string) => [
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', '1.993', '2.009', '-16'],
  ['6.73A Pleegzorg', '-', '-1.993', '-2.009', verschil],
];

ruleTester('saldo-verschil', {
  valid: [
    {
      name: 'Hengelo 2023, 6.72A Jeugdhulp begeleiding (0 + −432 = −432)',
      run: () =>
        hengeloRows([
          ['Baten', '-', '-', '-', '-'],
          ['Lasten', '-', '3.917', '4.349', '-432'],
          ['6.72A Jeugdhulp begeleiding', '-', '-3.917', '-4.349', '-432'],
        ]),
      evaluated: 1,
    },
    {
      name: 'Hengelo 2023, 6.73A Pleegzorg with the sign corrected (0 + −16 = −16)',
      run: () => hengeloRows(pleegzorg('-16')),
      evaluated: 1,
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023, 6.73A Pleegzorg as printed (0 + −16 = −16, printed 16)',
      run: () => hengeloRows(pleegzorg('16')),
      fields: ['row', 'column', 'expected', 'found', 'tolerance', 'raw'],
      findings: [['6.73A Pleegzorg / Saldo', 'Verschil', -16, 16, 1, '16']],
      then: ([f]) => expect(f.message).toContain('6.73A Pleegzorg / Lasten -16'),
    },
  ],
});
