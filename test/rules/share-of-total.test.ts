import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, processText, sample } from '../helpers.js';

/** Hengelo begroting 2019 lines 64 and 67–68: the header and the two "aantal en %" rows of the Beleidsindicatoren. */
const all = readFileSync(sample('hengelo-begroting-2019-programma-6-sociaal-domein.txt'), 'utf8').split('\n');
const fixture = (edit: (s: string) => string = (s) => s) => processText(edit([all[63], all[66], all[67], ''].join('\n')));
const row = 'Uitstroom naar werk (incl. zelfstandig ondernemerschap) aantal en %)';

describe('share-of-total', () => {
  it('fails on Hengelo 2019 as printed: 340 of 340 + 410 is 45,3%, not 47,5% (2018) or 47% (2019–2022)', () => {
    const found = findingsOf(fixture(), 'share-of-total');
    expect(found.map((f) => [f.line, f.row, f.column, f.expected, f.found, f.tolerance, f.severity])).toEqual([
      [2, row, 'Begroting 2018', 45.33, 47.5, 0.1167, 'warning'],
      [2, row, 'Begroting 2019', 45.33, 47, 0.5667, 'warning'],
      [2, row, 'Begroting 2020', 45.33, 47, 0.5667, 'warning'],
      [2, row, 'Begroting 2021', 45.33, 47, 0.5667, 'warning'],
      [2, row, 'Begroting 2022', 45.33, 47, 0.5667, 'warning'],
    ]);
    expect(found[0].raw).toBe('340( 47,5%)');
    expect(found[1].message).toContain('340 of 340 + 410 = 750 is 45,3% (between 45,27% and 45,40% given the rounding of the counts), but 47% is printed. The rows\' shares (47% + 53%) add up to 100%');
  });

  it('passes where the shares follow from the counts (Werkelijk 2017: 339 / 750 = 45,2%, and the targets corrected)', () => {
    const fixed = fixture((s) => s.replace('340( 47,5%)', '340 (45,3%)').replace('410 (52,5%)', '410 (54,7%)').replaceAll('340 (47%)', '340 (45%)').replaceAll('410 (53%)', '410 (55%)'));
    expect(fixed.indicators.filter((f) => f.provenance.line === 2).map((f) => f.value)).toEqual([339, 340, 340, 340, 340, 340]);
    expect(findingsOf(fixed, 'share-of-total')).toEqual([]);
  });

  it('does not judge a column whose shares do not add up to 100%: the base is unknown there', () => {
    const r = fixture((s) => s.replace('410 (52,5%)', '410 (50,5%)'));
    expect(findingsOf(r, 'share-of-total').map((f) => f.column)).toEqual(['Begroting 2019', 'Begroting 2020', 'Begroting 2021', 'Begroting 2022']);
  });
});
