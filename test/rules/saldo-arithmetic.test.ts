import { hengeloRows } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// 6.1 Samenkracht en burgerparticipatie, Hengelo jaarstukken 2023.
const baten = ['Baten', '831', '21.118', '21.246', '128'];
const lasten = ['Lasten', '14.015', '24.335', '22.699', '1.636'];
const saldo = (gewijzigd: string) => ['6.1 Samenkracht en burgerparticipatie', '-13.184', gewijzigd, '-1.453', '1.764'];

ruleTester('saldo-arithmetic', {
  valid: [
    {
      name: 'Hengelo 2023, 6.1: saldo = baten − lasten in the three columns that are not verschil',
      run: () => hengeloRows([baten, lasten, saldo('-3.217')]),
      evaluated: 3,
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023, 6.1 with the gewijzigd saldo printed −3.271: not baten − lasten',
      run: () => hengeloRows([baten, lasten, saldo('-3.271')]),
      findings: [['6.1 Samenkracht en burgerparticipatie / Saldo', 'Begroting 2023 gewijzigd', -3217, -3271]],
    },
  ],
});
