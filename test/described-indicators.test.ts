/**
 * Indicator lists whose columns describe the figure (eenheid, periode, bron) as well as give it,
 * one cell per block of lines or one row per space-separated line: the real pages of Ede
 * (begroting 2017), Nieuwkoop (begroting 2018), Goirle (begroting 2018), Dronten (jaarstukken
 * 2018) and Son en Breugel (begroting 2020), read through processFile. The describing cells are the facts' unit,
 * reference year and
 * source, never facts of their own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { CORPUS_DIR } from './real-pages/golden.js';

const manifest = readManifest(join(CORPUS_DIR, 'manifest.csv'));
const read = (slug: string) => processFile(join(CORPUS_DIR, `${slug}.txt`), { manifest });

describe('indicator lists with describing columns', () => {
  it('Ede: Indicator | eenheid | periode | waarde*, rows under taakveld headings', () => {
    const doc = read('ede-begroting-2017-beleidsindicatoren');
    expect(doc.indicators.map((f) => f.columnHeader)).toEqual(Array(16).fill('waarde*'));
    const formatie = doc.indicators.find((f) => f.name === 'Formatie')!;
    expect([formatie.value, formatie.unit, formatie.referenceYear]).toEqual([6.1, 'fte per 1.000 inwoners', 2015]);
    const halt = doc.indicators.find((f) => f.name === 'Verwijzingen Halt')!;
    expect([halt.value, halt.unit, halt.referenceYear]).toEqual([109.1, 'aantal per 10.000 inw. 12-17 jaar', 2014]);
    expect(doc.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it(
    'Nieuwkoop: values with their year and source in parentheses, a Bron column, a row cut short left unread ' +
      'and named',
    () => {
      const doc = read('nieuwkoop-begroting-2018-beleidsindicatoren');
      const sporters = doc.indicators.filter((f) => f.name === 'Niet-wekelijkse sporters');
      expect(sporters.map((f) => [f.columnHeader, f.value, f.referenceYear, f.unit, f.source])).toEqual([
        ['Nederland BG 2018', 46.6, 2012, '%', 'Gezondheids-enquête (CBS, RIVM)'],
        ['Nieuwkoop BG 2018', 44.3, 2012, '%', 'Gezondheids-enquête (CBS, RIVM)'],
        ['Nieuwkoop BG 2017', 45.5, 2014, '%', 'Gezondheids-enquête (CBS, RIVM)'],
      ]);
      // "44.3%": the decimal point typo is read and said.
      expect(doc.findings.some((f) => f.rule === 'number-format' && f.raw === '44.3% (2012)')).toBe(true);
      // The last row prints two of three figures: not guessed, named as unread.
      expect(doc.indicators.some((f) => f.name.startsWith('Personen met een bijstandsuitkering'))).toBe(false);
      expect(doc.findings.some((f) => f.rule === 'unread-table' && f.line === 164)).toBe(true);
    },
  );

  it('Goirle: Naam | Eenheid | Aantal over rows numbered 1-9 in a column of their own, n.b.* not available', () => {
    const doc = read('goirle-begroting-2018-beleidsindicatoren');
    expect(doc.indicators.map((f) => f.name)).toHaveLength(9);
    const afval = doc.indicators.find((f) => f.name === 'Omvang huishoudelijk restafval')!;
    expect([afval.value, afval.unit, afval.columnHeader]).toEqual([214, 'Kg/inwoner', 'Aantal']);
    const druk = doc.indicators.find((f) => f.name === 'Demografische druk')!;
    expect([druk.value, druk.unit]).toEqual([null, '%']);
    expect(doc.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('Dronten: a PRG column, and the Nederland row printing only periode | regio | waarde under the Dronten row', () => {
    const doc = read('dronten-jaarstukken-2018-beleidsindicatoren');
    expect(doc.indicators.map((f) => [f.name, f.area, f.value, f.unit, f.referenceYear, f.source])).toEqual([
      ['Fijn huishoudelijk restafval', 'Dronten', 131, 'kg per inwoner', 2017, 'CBS - Statistiek Huishoudelijk afval'],
      [
        'Fijn huishoudelijk restafval',
        'Nederland',
        179,
        'kg per inwoner',
        2017,
        'CBS - Statistiek Huishoudelijk afval',
      ],
    ]);
    expect(doc.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it(
    'Son en Breugel: one space-separated line per indicator and regio, name and unit told apart by the unit ' + 'word',
    () => {
      const doc = read('son-en-breugel-begroting-2020-verplichte-beleidsindicatoren');
      const halt = doc.indicators.filter((f) => f.name === 'Verwijzingen Halt');
      expect(halt.map((f) => [f.area, f.value, f.unit, f.referenceYear])).toEqual([
        ['Son en Breugel', 101, 'aantal per 10.000 inwoners van 12-18 jaar', 2018],
        ['Nederland', 119, 'aantal per 10.000 inwoners van 12-18 jaar', 2018],
      ]);
      expect(doc.indicators).toHaveLength(9);
      expect(doc.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );
});
