import { describe, expect, it } from 'vitest';
import { HENGELO_2023, processSample, sample } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';
import { namesMatch } from '../../src/catalogue/names.js';
import { ruleTester } from './rule-tester.js';

const HENGELO_2019 = sample('hengelo-begroting-2019-programma-6-sociaal-domein.txt');
const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
/** The parent taakvelden Hengelo 2023 prints beside their 2023 sub-taakvelden: info, the old code of the split. */
const SPLIT_PARENTS = [
  ['6.71 Maatwerkdienstverlening 18+', 744, 'info'],
  ['6.72 Maatwerkdienstverlening 18-', 894, 'info'],
  ['6.81 Geëscaleerde zorg 18+', 1222, 'info'],
  ['6.82 Geëscaleerde zorg 18-', 1312, 'info'],
];

ruleTester('taakveld-catalogue', {
  valid: [
    {
      name:
        'Hengelo begroting 2019: every code and name valid in 2019 (Maatwerkvoorzieningen ~ ' +
        'Maatwerkvoorziening WMO)',
      run: () => processSample(HENGELO_2019),
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023 as published: as info, the four parent taakvelden printed beside their 2023 sub-taakvelden',
      run: () => processSample(HENGELO_2023),
      fields: ['row', 'line', 'severity'],
      findings: SPLIT_PARENTS,
      then: ([f]) => {
        expect(f.message).toContain('6.71A Huishoudelijke hulp (WMO)');
        expect(f.message).toContain('Begroting 2023 primitief');
        expect(f.message).toContain('which this table also prints: the old code of the split');
      },
    },
    {
      name: 'Hengelo 2023 with an old name (6.2 Wijkteams) and an unknown code (6.49) (edited copy)',
      run: () =>
        processCopy(
          mutatedSample(HENGELO_2023_NAME, [
            [/^6\.2 Toegang en eerstelijnsvoorzieningen$/m, '6.2 Wijkteams'],
            [/^6\.4 WSW en beschut werk$/m, '6.49 WSW en beschut werk'],
          ]),
        ),
      fields: ['row', 'line', 'severity'],
      findings: [['6.2 Wijkteams', 594, 'warning'], ['6.49 WSW en beschut werk', 654, 'warning'], ...SPLIT_PARENTS],
      then: (found) => {
        expect(found[0].message).toBe(
          '6.2 "Wijkteams" is the name of 2017–2022; in 2023 the catalogue names it "Toegang en ' +
            'eerstelijnsvoorzieningen".',
        );
        expect(found[1].message).toContain('6.49 is not a taakveld code');
      },
    },
  ],
});

describe('taakveld names', () => {
  it("accepts the document names that differ from CBS wording only, and rejects another taakveld's name", () => {
    expect(namesMatch('Hulp bij het huishouden (WMO)', 'Huishoudelijke hulp (WMO)')).toBe(true);
    expect(namesMatch('Jeugdhulp behandeling GGZ zonder verblijf', 'Jeugd behandeling GGZ zonder verblijf')).toBe(true);
    expect(namesMatch('Wijkteams', 'Toegang en eerstelijnsvoorzieningen')).toBe(false);
    expect(namesMatch('Jeugdhulp begeleiding', 'Jeugdhulp behandeling')).toBe(false);
  });
});
