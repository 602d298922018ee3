import { describe, expect, it } from 'vitest';
import { findingsOf, HENGELO_2023, processSample, sample } from '../helpers.js';
import { mutatedSample, processCopy } from '../mutate.js';
import { namesMatch } from '../../src/catalogue/names.js';

const HENGELO_2019 = sample('hengelo-begroting-2019-programma-6-sociaal-domein.txt');
const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';

describe('taakveld-catalogue', () => {
  it('passes on Hengelo begroting 2019: every code and name valid in 2019 (Maatwerkvoorzieningen ~ Maatwerkvoorziening WMO)', () => {
    expect(findingsOf(processSample(HENGELO_2019), 'taakveld-catalogue')).toEqual([]);
  });

  it('accepts the document names that differ from CBS wording only, and rejects another taakveld\'s name', () => {
    expect(namesMatch('Hulp bij het huishouden (WMO)', 'Huishoudelijke hulp (WMO)')).toBe(true);
    expect(namesMatch('Jeugdhulp behandeling GGZ zonder verblijf', 'Jeugd behandeling GGZ zonder verblijf')).toBe(true);
    expect(namesMatch('Wijkteams', 'Toegang en eerstelijnsvoorzieningen')).toBe(false);
    expect(namesMatch('Jeugdhulp begeleiding', 'Jeugdhulp behandeling')).toBe(false);
  });

  it('names, as info, the four parent taakvelden Hengelo 2023 still prints beside their 2023 sub-taakvelden, and no name difference', () => {
    const found = findingsOf(processSample(HENGELO_2023), 'taakveld-catalogue');
    expect(found.map((f) => [f.row, f.line, f.severity])).toEqual([
      ['6.71 Maatwerkdienstverlening 18+', 744, 'info'],
      ['6.72 Maatwerkdienstverlening 18-', 894, 'info'],
      ['6.81 Geëscaleerde zorg 18+', 1222, 'info'],
      ['6.82 Geëscaleerde zorg 18-', 1312, 'info'],
    ]);
    expect(found[0].message).toContain('6.71A Huishoudelijke hulp (WMO)');
    expect(found[0].message).toContain('Begroting 2023 primitief');
    expect(found[0].message).toContain('which this table also prints: the old code of the split');
  });

  it('fails on an old name in a new year and on an unknown code (edited copy of Hengelo 2023)', () => {
    const file = mutatedSample(HENGELO_2023_NAME, [
      [/^6\.2 Toegang en eerstelijnsvoorzieningen$/m, '6.2 Wijkteams'],
      [/^6\.4 WSW en beschut werk$/m, '6.49 WSW en beschut werk'],
    ]);
    const found = findingsOf(processCopy(file), 'taakveld-catalogue').filter((f) => !/^6\.(71|72|81|82) /.test(f.row ?? ''));
    expect(found.map((f) => [f.row, f.line])).toEqual([
      ['6.2 Wijkteams', 594],
      ['6.49 WSW en beschut werk', 654],
    ]);
    expect(found[0].message).toBe('6.2 "Wijkteams" is the name of 2017–2022; in 2023 the catalogue names it "Toegang en eerstelijnsvoorzieningen".');
    expect(found[1].message).toContain('6.49 is not a taakveld code');
  });
});
