import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { processText, sample } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

/** Lines from..to (1-based, inclusive) of a sample: fixtures cut from the real documents. */
const lines = (name: string, from: number, to: number) =>
  readFileSync(sample(name), 'utf8')
    .split('\n')
    .slice(from - 1, to);
const E2018 = 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt';
const E2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const H2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';
const doc = (parts: string[][], edit: (s: string) => string = (s) => s) =>
  processText(edit(parts.map((p) => p.join('\n')).join('\n\n')) + '\n', 'enschede-jaarstukken-2018.txt');

const products = lines(E2018, 3, 23);
const programme = lines(E2018, 421, 428);
const goals = lines(E2023, 3, 29);
const programme2023 = lines(E2023, 709, 716);

ruleTester('doelenboom-totals', {
  valid: [
    {
      name: 'Enschede 2018: Σ product lasten 203.511 against realisatie 203.510 is rounding; Σ baten 8.986',
      run: () => {
        const r = doc([products, programme]);
        expect(r.structures.products).toHaveLength(9);
        return r;
      },
      evaluated: 2,
    },
    {
      name: 'Enschede 2023 with the first doel 10 higher (252.657,00): the doelen sum to the Lasten na wijziging',
      run: () => doc([goals, programme2023], (s) => s.replace('252.647,00', '252.657,00')),
      evaluated: 1,
    },
  ],
  invalid: [
    {
      name: 'Enschede 2018 with one product off by 100 (27.467 printed as 27.567)',
      run: () => doc([products, programme], (s) => s.replace('Lasten27.467', 'Lasten27.567')),
      findings: [['Σ Lasten of the products', 'Realisatie', 203510, 203611]],
    },
    {
      name: 'Enschede 2023 as published: totale lasten 476.589 match neither 476.599 nor 476.485',
      run: () => doc([goals, programme2023]),
      fields: ['found'],
      findings: [[476589]],
    },
  ],
});

const tree = [
  '01. Elke inwoner heeft werk',
  '',
  'totale lasten (x 1.000 euro): 10,00',
  '01.01 Iedere inwoner werkt Indicatoren: 1',
  'Aantal acties: 2',
];
const section = [
  '01.01 Iedere inwoner werkt',
  'Indicatoren ',
  'Aantal indicatoren: 1',
  'Toelichting',
  'Tekst.',
  'Acties 2023',
  'TR23 JR23',
  'Aantal acties: 2',
  '',
  '01. We doen iets. ',
  '02. We doen nog iets. ',
  'Legenda: = loopt achter',
];

ruleTester('doelenboom-counts', {
  valid: [
    {
      name: 'a subdoel laid out as Enschede 2023 prints them, whose doelenboom and section agree with what is listed',
      run: () => {
        const r = doc([tree, ['Tussentekst.'], section]);
        expect(r.structures.goals.find((g) => g.code === '01.01')!.section!.actionLines).toHaveLength(2);
        return r;
      },
      evaluated: 4,
    },
  ],
  invalid: [
    {
      name: 'a claim of 0 actions (as Enschede 2023 prints it) and a section stating 3 while listing 2',
      run: () =>
        doc([tree, ['Tussentekst.'], section], (s) =>
          s
            .replace('Aantal acties: 2', 'Aantal acties: 0')
            .replace('TR23 JR23\nAantal acties: 2', 'TR23 JR23\nAantal acties: 3'),
        ),
      fields: ['table', 'expected', 'found', 'message'],
      findings: [
        [
          'Doelenboom',
          2,
          0,
          '01.01: the doelenboom claims 0 actions ("Aantal acties: 0", line 5), but the section for 01.01 ' +
            '(line 9) lists 2 (lines 18–19) and itself states "Aantal acties: 3" (line 16)',
        ],
        ['Section 01.01', 2, 3, '01.01: the section states "Aantal acties: 3" but lists 2 actions (lines 18–19)'],
      ],
    },
  ],
});

const indicators = lines(H2019, 63, 79);

ruleTester('indicator-conflict', {
  valid: [
    {
      name: 'Hengelo 2019, Beleidsindicatoren without the copied row',
      run: () =>
        doc([indicators], (s) => s.replace(/^aantal afgeronde schuldhulpverleningstrajecten\s591620.*\n/m, '')),
    },
  ],
  invalid: [
    {
      name: 'Hengelo 2019 as published: "aantal afgeronde schuldhulpverleningstrajecten" twice',
      run: () => doc([indicators]),
      fields: ['row', 'expected', 'found'],
      findings: [['aantal afgeronde schuldhulpverleningstrajecten', 591, 571]],
    },
  ],
});

const statutory = lines(E2023, 687, 703);

ruleTester('statutory-catalogue', {
  valid: [
    {
      name:
        'Enschede 2023, Wettelijk verplichte indicatoren as published: ten rows, each named as the catalogue ' +
        'names its number',
      run: () => {
        const r = doc([statutory]);
        expect(r.structures.statutory).toHaveLength(10);
        return r;
      },
      evaluated: 10,
    },
  ],
  invalid: [
    {
      name: 'Enschede 2023 with a score under the wrong number (21 is Banen)',
      run: () =>
        doc([statutory], (s) =>
          s.replace('22. 6. Sociaal domein Jongeren met een delict', '21. 6. Sociaal domein Jongeren met een delict'),
        ),
      fields: ['line'],
      findings: [[12]],
      then: ([f]) =>
        expect(f.message).toBe(
          'Statutory indicator 21 is printed as "Jongeren met een delict voor de rechter % 12 t/m 21 ' +
            'jarigen", but the BBV catalogue names number 21 "Banen"',
        ),
    },
  ],
});
