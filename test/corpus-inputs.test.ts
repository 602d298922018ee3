/**
 * recheckStore reads only the stored facts the corpus rules use (src/store/corpus-inputs.ts).
 * Their findings must be those over every stored fact: each rule is given a pair to compare by
 * editing copies of real samples (as in cross-document.test.ts), plus the Hengelo IV3 export.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIv3File } from '../src/iv3/read.js';
import { importIv3, listIv3Figures } from '../src/iv3/store.js';
import { runRules } from '../src/reconcile/registry.js';
import { corpusInputs } from '../src/store/corpus-inputs.js';
import { openStore } from '../src/store/index.js';
import { HENGELO_2023, processSample, sample } from './helpers.js';
import { hengeloJaarstukken2019Copy, mutatedSample, processCopy } from './mutate.js';

const HENGELO_2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';
const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const IV3 = ['2023_jaarrekening-hengelo-enschede.csv', '2023_begroting-hengelo-enschede.csv'].map((f) =>
  join(import.meta.dirname, '..', 'data', 'iv3', f),
);

describe('corpus rules over the stored facts they read', () => {
  it('find what they find over every stored fact, from fewer facts', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-corpus-inputs-'));
    const store = openStore(join(dir, 'k.sqlite'));
    try {
      const docs = [
        processSample(HENGELO_2023),
        processSample(sample(HENGELO_2019)),
        processSample(sample('enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt')),
        // begroting-primitief: a jaarstukken 2019 whose 6.3 lasten primitief differs from the adopted begroting 2019
        processCopy(hengeloJaarstukken2019Copy(dir)),
        // indicator-consistency: a report 2024 whose Werkelijk 2023 is the 2023 report's Werkelijk 2022
        processCopy(
          mutatedSample(
            HENGELO_2023_NAME,
            [
              [/Werkelijk 2023/g, 'Werkelijk 2024'],
              [/Werkelijk 2022/g, 'Werkelijk 2023'],
            ],
            {
              dir,
              as: 'hengelo-jaarstukken-2024-copy.txt',
              manifest: { gemeente: 'Hengelo', documentType: 'jaarstukken', year: 2024 },
            },
          ),
        ),
        // meerjarenraming-drift: a begroting 2020 with the 2019 figures
        processCopy(
          mutatedSample(
            HENGELO_2019,
            [
              [
                /TaakveldBegroting 2019Begroting 2019Begroting 2019Begroting 2020Begroting 2021Begroting 2022/,
                'TaakveldBegroting 2020Begroting 2020Begroting 2020Begroting 2021Begroting 2022Begroting 2023',
              ],
            ],
            {
              dir,
              as: 'hengelo-begroting-2020-copy.txt',
              manifest: { gemeente: 'Hengelo', documentType: 'begroting', year: 2020 },
            },
          ),
        ),
      ];
      for (const d of docs) store.replaceDocument(d);
      for (const f of IV3) importIv3(store, readIv3File(f), readFileSync(f, 'utf8'));
      const iv3 = listIv3Figures(store);

      const all = store.listDocuments().map((document) => ({
        document,
        tables: store.listTables(document.id),
        financial: store.listFinancialFacts(document.id),
        indicators: store.listIndicatorFacts(document.id),
      }));
      const read = corpusInputs(store);
      const expected = runRules('corpus', { documents: all, iv3 }).findings;
      const found = runRules('corpus', { documents: read, iv3 }).findings;

      // every rule has something to find, so the comparison can fail
      const byRule = (fs: typeof expected) =>
        Object.fromEntries(
          ['begroting-primitief', 'indicator-consistency', 'meerjarenraming-drift', 'iv3-taakveld'].map((r) => [
            r,
            fs.filter((f) => f.rule === r).length,
          ]),
        );
      expect(
        Object.values(byRule(expected)).every((n) => n > 0),
        JSON.stringify(byRule(expected)),
      ).toBe(true);
      expect(found).toEqual(expected);
      expect(
        expected.find((f) => f.rule === 'begroting-primitief' && f.row === '6.3 Inkomensregelingen / Lasten'),
      ).toMatchObject({ expected: 51913, found: 51598 });

      const count = (ds: typeof all) => ds.reduce((s, d) => s + d.financial.length + d.indicators.length, 0);
      expect(count(read)).toBeLessThan(count(all) / 2);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
