import { describe, expect, it } from 'vitest';
import { findingsOf, hengeloRows } from '../helpers.js';

describe('saldo-verschil', () => {
  it('passes on 6.72A Jeugdhulp begeleiding (0 + −432 = −432)', () => {
    const r = hengeloRows([
      ['Baten', '-', '-', '-', '-'],
      ['Lasten', '-', '3.917', '4.349', '-432'],
      ['6.72A Jeugdhulp begeleiding', '-', '-3.917', '-4.349', '-432'],
    ]);
    expect(findingsOf(r, 'saldo-verschil')).toEqual([]);
  });
  it('fails on 6.73A Pleegzorg as printed (0 + −16 = −16, printed 16)', () => {
    const r = hengeloRows([
      ['Baten', '-', '-', '-', '-'],
      ['Lasten', '-', '1.993', '2.009', '-16'],
      ['6.73A Pleegzorg', '-', '-1.993', '-2.009', '16'],
    ]);
    const [f] = findingsOf(r, 'saldo-verschil');
    expect(f).toMatchObject({ row: '6.73A Pleegzorg / Saldo', column: 'Verschil', expected: -16, found: 16, tolerance: 1, raw: '16' });
    expect(f.message).toContain('6.73A Pleegzorg / Lasten -16');
  });
});
