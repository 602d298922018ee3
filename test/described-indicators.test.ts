/**
 * Indicator lists whose columns describe the figure (eenheid, periode, bron) as well as give it,
 * one cell per block of lines: the real pages of Ede (begroting 2017) and Nieuwkoop (begroting
 * 2018), read through processFile. The describing cells are the facts' unit, reference year and
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

  it('Nieuwkoop: values with their year and source in parentheses, a Bron column, a row cut short left unread and named', () => {
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
  });
});
