/**
 * The samples hold no pair of documents these rules compare (no begroting and jaarstukken of
 * the same year, no two consecutive reports or begrotingen). Each test therefore makes the
 * missing partner by editing a copy of a real sample, as its comments say.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileCorpus } from '../src/reconcile/corpus-registry.js';
import { HENGELO_2023, processSample, sample } from './helpers.js';
import { hengeloJaarstukken2019Copy, mutatedSample, processCopy } from './mutate.js';

const HENGELO_2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';
const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const rule = (id: string, docs: ReturnType<typeof processSample>[]) => reconcileCorpus({ documents: docs, iv3: [] }).filter((f) => f.rule === id);

describe('begroting-primitief', () => {
  // Jaarstukken "2019": a copy of Hengelo 2023 whose 6.1 primitief column carries the begroting 2019 figures (741, 12.075, −11.334).
  const jaarstukken2019 = () => processCopy(hengeloJaarstukken2019Copy());

  it('passes where the primitief column is the adopted begroting (6.1 baten 741, lasten 12.075)', () => {
    const found = rule('begroting-primitief', [jaarstukken2019(), processSample(sample(HENGELO_2019))]);
    expect(found.filter((f) => f.row?.startsWith('6.1 '))).toEqual([]);
  });

  it('fails where it is not: 6.3 lasten 51.598 in the copy against 51.913 adopted (printed −51.913 in the begroting: lasten compared as amounts)', () => {
    const found = rule('begroting-primitief', [jaarstukken2019(), processSample(sample(HENGELO_2019))]);
    const f = found.find((x) => x.row === '6.3 Inkomensregelingen / Lasten')!;
    expect([f.column, f.expected, f.found, f.tolerance]).toEqual(['Begroting 2019 primitief', 51913, 51598, 1]);
    expect(f.message).toContain('hengelo-begroting-2019-programma-6-sociaal-domein.txt');
  });

  it('compares nothing across gemeenten or years', () => {
    expect(rule('begroting-primitief', [processSample(HENGELO_2023), processSample(sample(HENGELO_2019))])).toEqual([]);
  });
});

describe('indicator-consistency', () => {
  // Jaarstukken "2024": a copy of Hengelo 2023 whose indicator columns are a year on, so its
  // "Werkelijk 2023" column holds what the original prints as Werkelijk 2022.
  const report2024 = () =>
    processCopy(
      mutatedSample(
        HENGELO_2023_NAME,
        [
          [/Werkelijk 2023/g, 'Werkelijk 2024'],
          [/Werkelijk 2022/g, 'Werkelijk 2023'],
        ],
        { as: 'hengelo-jaarstukken-2024-copy.txt', manifest: { gemeente: 'Hengelo', documentType: 'jaarstukken', year: 2024 } },
      ),
    );

  it('passes on the 2023 report alone: no indicator is reported twice for a year', () => {
    expect(rule('indicator-consistency', [processSample(HENGELO_2023)])).toEqual([]);
  });

  it('fails on every indicator whose Werkelijk 2023 in the "2024" report differs from the 2023 report, and on no other', () => {
    const original = processSample(HENGELO_2023);
    const found = rule('indicator-consistency', [original, report2024()]);
    const mantelzorg = found.find((f) => f.row?.startsWith('Percentage Hengelose volwassenen (18+) dat aangeeft mantelzorg'))!;
    expect([mantelzorg.found, mantelzorg.expected]).toEqual([47.3, 60.7]);
    // Indicators whose Werkelijk 2022 equals their Werkelijk 2023 in the original are not flagged.
    const values = new Map<string, Map<number, number | null>>();
    for (const i of original.indicators) if (i.columnKind === 'werkelijk') values.set(i.name, (values.get(i.name) ?? new Map()).set(i.year!, i.value));
    const unchanged = [...values].filter(([, v]) => v.get(2022) !== undefined && v.get(2022) === v.get(2023)).map(([n]) => n);
    expect(unchanged.length).toBeGreaterThan(0);
    expect(found.filter((f) => unchanged.includes(f.row!))).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(10);
    expect(found.every((f) => f.file.endsWith('hengelo-jaarstukken-2024-copy.txt') && f.column?.startsWith('Werkelijk 2023'))).toBe(true);
  });
});

describe('meerjarenraming-drift', () => {
  // Begroting "2020": a copy of Hengelo begroting 2019 with its years moved on by one; its
  // begroting 2020 figures are then the 2019 ones, against the 2019 document's raming for 2020.
  const begroting2020 = (dir: string) =>
    processCopy(
      mutatedSample(HENGELO_2019, [[/TaakveldBegroting 2019Begroting 2019Begroting 2019Begroting 2020Begroting 2021Begroting 2022/, 'TaakveldBegroting 2020Begroting 2020Begroting 2020Begroting 2021Begroting 2022Begroting 2023']], {
        as: 'hengelo-begroting-2020-copy.txt',
        manifest: { gemeente: 'Hengelo', documentType: 'begroting', year: 2020 },
        dir,
      }),
    );

  it('lists the drift per taakveld as info, and none where the raming held (6.6, 6.81, 6.82)', () => {
    const found = rule('meerjarenraming-drift', [processSample(sample(HENGELO_2019)), begroting2020(mkdtempSync(join(tmpdir(), 'klopt-drift-')))]);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    const f = found.find((x) => x.row === '6.1 Samenkracht en burgerparticipatie')!;
    expect([f.expected, f.found]).toEqual([-11296, -11334]);
    expect(found.map((x) => x.row)).not.toContain('6.6 Maatwerkvoorzieningen (WMO)');
    expect(found.map((x) => x.row)).not.toContain('6.81 Geëscaleerde zorg 18+');
  });
});
