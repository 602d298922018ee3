import { expect } from 'vitest';
import { hengeloRows, HENGELO_2023, processSample } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// 6.71A and 6.71B lasten as Hengelo 2023 prints them (gewijzigd 11.364 and 10.916, rekening 11.369 and 10.446).
const children = [
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', '11.364', '11.369', '-5'],
  ['6.71A Hulp bij het huishouden (WMO)', '-', '-11.364', '-11.369', '-5'],
  ['Baten', '-', '-', '-', '-'],
  ['Lasten', '-', '10.916', '10.446', '470'],
  ['6.71B Begeleiding (WMO)', '-', '-10.916', '-10.446', '470'],
];
const withParent = (gewijzigd: string, rekening: string) =>
  hengeloRows([
    ['Baten', '-', '-', '-', '-'],
    ['Lasten', '-', gewijzigd, rekening, '465'],
    ['6.71 Maatwerkdienstverlening 18+', '-', `-${gewijzigd}`, `-${rekening}`, '465'],
    ...children,
  ]);

ruleTester('taakveld-hierarchy', {
  valid: [
    {
      name:
        'Hengelo 2023 as published: 6.71 holds the unsplit primitief budget beside 6.71D (a separate line, not ' +
        'a subtotal)',
      run: () => processSample(HENGELO_2023),
    },
    {
      name: 'a 6.71 that is the subtotal of 6.71A and 6.71B in every column',
      run: () => withParent('22.280', '21.815'),
    },
  ],
  invalid: [
    {
      name: 'a subtotal 6.71 that does not add up in Rekening (21.915 against 11.369 + 10.446 = 21.815)',
      run: () => withParent('22.280', '21.915'),
      findings: [
        ['6.71 Maatwerkdienstverlening 18+ / Lasten', 'Rekening 2023', 21815, 21915],
        ['6.71 Maatwerkdienstverlening 18+ / Saldo', 'Rekening 2023', -21815, -21915],
      ],
      then: ([f]) =>
        expect(f.message).toBe(
          '6.71 Maatwerkdienstverlening 18+ / Lasten, Rekening 2023: the sub-taakvelden sum to 21.815 (6.71A ' +
            '11.369 + 6.71B 10.446), ' +
            ('the parent prints 21.915 (difference 100, tolerance ±1,5); in Begroting 2023 gewijzigd, ' +
              'Verschil the parent is their subtotal.'),
        ),
    },
  ],
});
