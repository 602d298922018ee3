import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';

// 6.1 Samenkracht en burgerparticipatie, Hengelo jaarstukken 2023.
const baten = ['Baten', '831', '21.118', '21.246', '128'];
const lasten = ['Lasten', '14.015', '24.335', '22.699', '1.636'];

describe('saldo-arithmetic', () => {
  it('passes when saldo = baten − lasten in every column', () => {
    const r = hengeloRows([baten, lasten, ['6.1 Samenkracht en burgerparticipatie', '-13.184', '-3.217', '-1.453', '1.764']]);
    expect(findingsOf(r, 'saldo-arithmetic')).toEqual([]);
  });
  it('fails on a saldo that does not follow from its baten and lasten', () => {
    const r = hengeloRows([baten, lasten, ['6.1 Samenkracht en burgerparticipatie', '-13.184', '-3.271', '-1.453', '1.764']]);
    expect(findingsOf(r, 'saldo-arithmetic').map((f) => [f.row, f.column, f.expected, f.found])).toEqual([
      ['6.1 Samenkracht en burgerparticipatie / Saldo', 'Begroting 2023 gewijzigd', -3217, -3271],
    ]);
  });
});
