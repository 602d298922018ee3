import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../../src/pipeline/index.js';
import { CORPUS_DIR } from '../real-pages/golden.js';
import { ruleTester } from './rule-tester.js';

const page = (slug: string) => join(CORPUS_DIR, `${slug}.txt`);
/** A corpus page with one printed figure, alone on its line or a cell of a pipe row, changed. */
function changed(slug: string, from: string, to: string) {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-structural-'));
  const file = join(dir, `${slug}.txt`);
  writeFileSync(file, readFileSync(page(slug), 'utf8').replace(` ${from} |`, ` ${to} |`));
  return processFile(file);
}
const NOORDENVELD = 'noordenveld-begroting-2023-opbouw-structureel-begrotingssaldo';
const LEIDSCHENDAM = 'leidschendam-voorburg-begroting-2024-financieel-perspectief-2024-2027';

ruleTester('structural-saldo', {
  valid: [
    {
      // 498 + 904 + 1.772 = 3.174: its two incidental parts printed with the sign they take out.
      name: 'Noordenveld 2023: structureel = saldo na beleid en bestemming + both incidental parts, 4 years',
      run: () => processFile(page(NOORDENVELD)),
      evaluated: 4,
    },
    {
      name: 'Leidschendam-Voorburg 2024: structureel begrotingssaldo = saldo begroting + waarvan incidenteel, 4 years',
      run: () => processFile(page(LEIDSCHENDAM)),
      evaluated: 4,
    },
  ],
  invalid: [
    {
      // −391.357 − (−30.130) = −361.227; the page prints "- 361.310" (the other three years hold).
      name: 'Eersel 2024 as published: its 2025 structureel saldo is 83 off',
      run: () => processFile(page('eersel-begroting-2024-financieel-perspectief')),
      findings: [['Structureel saldo', '2025', -361227, -361310]],
    },
    {
      name: 'Noordenveld 2023 with its 2023 structureel begrotingssaldo printed 3.184',
      run: () => changed(NOORDENVELD, '3.174', '3.184'),
      findings: [['Structureel begrotingssaldo', '2023', 3174, 3184]],
    },
  ],
});
