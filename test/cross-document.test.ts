/**
 * The rules between documents, as RuleTester tables (test/rules/rule-tester.ts). The samples hold
 * no pair of documents these rules compare (no begroting and jaarstukken of the same year, no two
 * consecutive reports or begrotingen). Each case therefore makes the missing partner by editing a
 * copy of a real sample, as its comments say. A valid case keeps of a document the figures that
 * agree (real ones), so that what the rule compared is known to hold.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProcessedDocument } from '../src/pipeline/index.js';
import { HENGELO_2023, processSample, sample } from './helpers.js';
import { hengeloJaarstukken2019Copy, mutatedSample, processCopy } from './mutate.js';
import { corpus, ruleTester } from './rules/rule-tester.js';

const HENGELO_2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';
const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const documents = (...docs: ProcessedDocument[]) => corpus('corpus', () => ({ documents: docs, iv3: [] }));
/** A document with only the taakvelden named. */
const only = (doc: ProcessedDocument, taakvelden: string[]) => ({
  ...doc,
  financial: doc.financial.filter((f) => taakvelden.includes(f.taakveld ?? '')),
});

// Jaarstukken "2019": a copy of Hengelo 2023 whose 6.1 primitief column carries the begroting 2019 figures (741,
// 12.075, −11.334).
const jaarstukken2019 = () => processCopy(hengeloJaarstukken2019Copy());
const begroting2019 = () => processSample(sample(HENGELO_2019));

ruleTester('begroting-primitief', {
  valid: [
    {
      name:
        'Hengelo: the primitief column of 6.1 in the jaarstukken "2019" is the adopted begroting 2019 (baten ' +
        '741, lasten 12.075)',
      run: () => documents(only(jaarstukken2019(), ['6.1']), begroting2019())(),
      evaluated: 2,
    },
  ],
  invalid: [
    {
      name:
        'Hengelo: 6.3 in the copy (baten 39.644, lasten 51.598) against 43.374 and 51.913 adopted (lasten ' +
        'printed −51.913 there: compared as amounts)',
      run: () => documents(only(jaarstukken2019(), ['6.1', '6.3']), begroting2019())(),
      fields: ['row', 'column', 'expected', 'found', 'tolerance'],
      findings: [
        ['6.3 Inkomensregelingen / Baten', 'Begroting 2019 primitief', 43374, 39644, 1],
        ['6.3 Inkomensregelingen / Lasten', 'Begroting 2019 primitief', 51913, 51598, 1],
      ],
      then: (found) => expect(found[1].message).toContain('hengelo-begroting-2019-programma-6-sociaal-domein.txt'),
    },
  ],
});

describe('begroting-primitief: partners', () => {
  it('compares nothing across years: Hengelo jaarstukken 2023 beside begroting 2019', () => {
    const r = documents(processSample(HENGELO_2023), begroting2019())();
    expect(r.findings.filter((f) => f.rule === 'begroting-primitief')).toEqual([]);
    expect(r.evaluated['begroting-primitief']).toBe(0);
  });
});

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
      {
        as: 'hengelo-jaarstukken-2024-copy.txt',
        manifest: { gemeente: 'Hengelo', documentType: 'jaarstukken', year: 2024 },
      },
    ),
  );

/** The indicators whose Werkelijk 2022 equals their Werkelijk 2023 in the original. */
function unchanged(original: ProcessedDocument): string[] {
  const values = new Map<string, Map<number, number | null>>();
  for (const i of original.indicators)
    if (i.columnKind === 'werkelijk') values.set(i.name, (values.get(i.name) ?? new Map()).set(i.year!, i.value));
  return [...values].filter(([, v]) => v.get(2022) !== undefined && v.get(2022) === v.get(2023)).map(([n]) => n);
}

ruleTester('indicator-consistency', {
  valid: [
    {
      name: 'Hengelo 2023 and its "2024" copy, kept to the indicators whose Werkelijk 2023 is the same in both',
      run: () => {
        const original = processSample(HENGELO_2023);
        const same = unchanged(original);
        expect(same.length).toBeGreaterThan(0);
        const copy = report2024();
        return documents(original, { ...copy, indicators: copy.indicators.filter((i) => same.includes(i.name)) })();
      },
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2023 and its "2024" copy: every indicator whose Werkelijk 2023 differs, and no other',
      run: () => documents(processSample(HENGELO_2023), report2024())(),
      then: (found) => {
        const mantelzorg = found.find((f) =>
          f.row?.startsWith('Percentage Hengelose volwassenen (18+) dat aangeeft mantelzorg'),
        )!;
        expect([mantelzorg.found, mantelzorg.expected]).toEqual([47.3, 60.7]);
        expect(found.filter((f) => unchanged(processSample(HENGELO_2023)).includes(f.row!))).toEqual([]);
        expect(found.length).toBeGreaterThanOrEqual(10);
        expect(
          found.every(
            (f) => f.file.endsWith('hengelo-jaarstukken-2024-copy.txt') && f.column?.startsWith('Werkelijk 2023'),
          ),
        ).toBe(true);
      },
    },
  ],
});

// Begroting "2020": a copy of Hengelo begroting 2019 with its years moved on by one; its
// begroting 2020 figures are then the 2019 ones, against the 2019 document's raming for 2020.
const begroting2020 = () =>
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
        as: 'hengelo-begroting-2020-copy.txt',
        manifest: { gemeente: 'Hengelo', documentType: 'begroting', year: 2020 },
        dir: mkdtempSync(join(tmpdir(), 'klopt-drift-')),
      },
    ),
  );
const held = ['6.6', '6.81', '6.82'];

ruleTester('meerjarenraming-drift', {
  valid: [
    {
      name: 'Hengelo begroting 2019 and its "2020" copy, where the raming held (6.6, 6.81, 6.82)',
      run: () => documents(only(begroting2019(), held), only(begroting2020(), held))(),
      evaluated: 3,
    },
  ],
  invalid: [
    {
      name: 'Hengelo begroting 2019 and its "2020" copy: the drift per taakveld, as info',
      run: () => documents(begroting2019(), begroting2020())(),
      then: (found) => {
        expect(found.every((f) => f.severity === 'info')).toBe(true);
        const f = found.find((x) => x.row === '6.1 Samenkracht en burgerparticipatie')!;
        expect([f.expected, f.found]).toEqual([-11296, -11334]);
        for (const row of [
          '6.6 Maatwerkvoorzieningen (WMO)',
          '6.81 Geëscaleerde zorg 18+',
          '6.82 Geëscaleerde zorg 18-',
        ])
          expect(found.map((x) => x.row)).not.toContain(row);
      },
    },
  ],
});
