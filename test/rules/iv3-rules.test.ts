import { join } from 'node:path';
import { expect } from 'vitest';
import { readIv3File } from '../../src/iv3/read.js';
import { HENGELO_2023, processSample } from '../helpers.js';
import { corpus, ruleTester } from './rule-tester.js';

// The IV3 exports of Hengelo and Enschede in data/iv3 (CBS, amounts × € 1.000).
const iv3 = (...names: string[]) =>
  names.flatMap(
    (n) => readIv3File(join(import.meta.dirname, '..', '..', 'data', 'iv3', `${n}-hengelo-enschede.csv`)).figures,
  );
const withHengelo2023 = (...names: string[]) =>
  corpus('corpus', () => ({ documents: [processSample(HENGELO_2023)], iv3: iv3(...names) }));

ruleTester('iv3-taakveld', {
  valid: [
    {
      name: 'Hengelo jaarstukken 2023: every Rekening 2023 figure agrees with the IV3 realisatie 2023',
      run: withHengelo2023('2023_jaarrekening'),
    },
  ],
  invalid: [
    {
      name: 'Hengelo jaarstukken 2023: nine Begroting 2023 primitief figures differ from the IV3 begroting 2023',
      run: withHengelo2023('2023_begroting', '2023_jaarrekening'),
      // baten, then lasten; in each, the families compared as sums (6.71, 6.72, 6.82: the document books on the
      // parent, IV3 on the sub-taakvelden) before the figures compared one by one
      findings: [
        ['6.71 Maatwerkdienstverlening 18+ / Baten', 'Begroting 2023 primitief', 881, 1255],
        ['6.3 Inkomensregelingen / Baten', 'Begroting 2023 primitief', 40017, 39644],
        ['6.71 Maatwerkdienstverlening 18+ / Lasten', 'Begroting 2023 primitief', 24662, 27753],
        ['6.72 Maatwerkdienstverlening 18- / Lasten', 'Begroting 2023 primitief', 29667, 29152],
        ['6.82 Geëscaleerde zorg 18- / Lasten', 'Begroting 2023 primitief', 2475, 3795],
        ['6.1 Samenkracht en burgerparticipatie / Lasten', 'Begroting 2023 primitief', 12782, 14015],
        ['6.2 Toegang en eerstelijnsvoorzieningen / Lasten', 'Begroting 2023 primitief', 8386, 6345],
        ['6.3 Inkomensregelingen / Lasten', 'Begroting 2023 primitief', 53396, 51598],
        ['6.6 Maatwerkvoorzieningen (WMO) / Lasten', 'Begroting 2023 primitief', 3836, 2546],
      ],
      then: (found) => expect(found[3].message).toContain('compared as a sum'),
    },
  ],
});

const deliveries = (...names: string[]) => corpus('iv3', () => ({ documents: [], iv3: iv3(...names) }));

ruleTester('iv3-pf006', {
  valid: [
    {
      name: 'Hengelo and Enschede IV3 realisatie 2023: total lasten = total baten for each gemeente',
      run: corpus('iv3', () => ({
        documents: [],
        iv3: iv3('2023_jaarrekening').filter((f) => f.gemeente !== 'Nederland'),
      })),
      evaluated: 2,
    },
  ],
  invalid: [
    {
      name: 'the national totals of the exports, which do not balance',
      run: deliveries('2023_begroting', '2023_jaarrekening', '2024_begroting', '2025_begroting'),
      fields: ['row', 'difference'],
      findings: [
        ['Nederland begroting 2023', -14373],
        ['Nederland realisatie 2023', -254],
        ['Nederland begroting 2025', -196],
      ],
    },
  ],
});
