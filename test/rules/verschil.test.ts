import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';

describe('verschil', () => {
  it('passes on 6.1, where baten verschil = realisatie − begroting and lasten verschil = begroting − realisatie', () => {
    const r = hengeloRows([
      ['Baten', '831', '21.118', '21.246', '128'],
      ['Lasten', '14.015', '24.335', '22.699', '1.636'],
      ['6.1 Samenkracht en burgerparticipatie', '-13.184', '-3.217', '-1.453', '1.764'],
    ]);
    expect(findingsOf(r, 'verschil')).toEqual([]);
  });
  it('fails on the sign error in 6.72D Baten as Hengelo printed it (71 − 78 = −7, printed 7)', () => {
    const r = hengeloRows([
      ['Baten', '-', '78', '71', '7'],
      ['Lasten', '487', '1.456', '1.543', '-87'],
      ['6.72D Jeugdhulp zonder verblijf overig', '-487', '-1.378', '-1.472', '-94'],
    ]);
    expect(findingsOf(r, 'verschil').map((f) => [f.row, f.expected, f.found, f.difference])).toEqual([['6.72D Jeugdhulp zonder verblijf overig / Baten', -7, 7, 14]]);
    // the saldo verschil (−94) agrees with the corrected baten: no second finding for it
    expect(findingsOf(r, 'saldo-verschil')).toEqual([]);
  });
});
