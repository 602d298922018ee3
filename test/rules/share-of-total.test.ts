import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { processText, sample } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

/** Hengelo begroting 2019 lines 64 and 67–68: the header and the two "aantal en %" rows of the Beleidsindicatoren. */
const all = readFileSync(sample('hengelo-begroting-2019-programma-6-sociaal-domein.txt'), 'utf8').split('\n');
const fixture = (edit: (s: string) => string = (s) => s) =>
  processText(edit([all[63], all[66], all[67], ''].join('\n')));
const row = 'Uitstroom naar werk (incl. zelfstandig ondernemerschap) aantal en %)';

ruleTester('share-of-total', {
  valid: [
    {
      name: 'Hengelo 2019 with the targets corrected (Werkelijk 2017: 339 / 750 = 45,2% as printed)',
      run: () => {
        const fixed = fixture((s) =>
          s
            .replace('340( 47,5%)', '340 (45,3%)')
            .replace('410 (52,5%)', '410 (54,7%)')
            .replaceAll('340 (47%)', '340 (45%)')
            .replaceAll('410 (53%)', '410 (55%)'),
        );
        expect(fixed.indicators.filter((f) => f.provenance.line === 2).map((f) => f.value)).toEqual([
          339, 340, 340, 340, 340, 340,
        ]);
        return fixed;
      },
      evaluated: 6,
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2019 as printed: 340 of 340 + 410 is 45,3%, not 47,5% (2018) or 47% (2019–2022)',
      run: () => fixture(),
      fields: ['line', 'row', 'column', 'expected', 'found', 'tolerance', 'severity'],
      findings: [
        [2, row, 'Begroting 2018', 45.33, 47.5, 0.1167, 'warning'],
        [2, row, 'Begroting 2019', 45.33, 47, 0.5667, 'warning'],
        [2, row, 'Begroting 2020', 45.33, 47, 0.5667, 'warning'],
        [2, row, 'Begroting 2021', 45.33, 47, 0.5667, 'warning'],
        [2, row, 'Begroting 2022', 45.33, 47, 0.5667, 'warning'],
      ],
      then: (found) => {
        expect(found[0].raw).toBe('340( 47,5%)');
        expect(found[1].message).toContain(
          '340 of 340 + 410 = 750 is 45,3% (between 45,27% and 45,40% given the rounding of the counts), but ' +
            "47% is printed. The rows' shares (47% + 53%) add up to 100%",
        );
      },
    },
    {
      name: 'Hengelo 2019 with 52,5% printed 50,5%: the 2018 column no longer adds up to 100% and is not judged',
      run: () => fixture((s) => s.replace('410 (52,5%)', '410 (50,5%)')),
      fields: ['column'],
      findings: [['Begroting 2019'], ['Begroting 2020'], ['Begroting 2021'], ['Begroting 2022']],
      then: (_, r) => expect(r.evaluated['share-of-total']).toBe(5),
    },
  ],
});
