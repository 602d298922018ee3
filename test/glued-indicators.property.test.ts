import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extractors/text/index.js';
import { normaliseSpaces } from '../src/grammar/number.js';

/**
 * Property: random valid indicator rows, glued the way the Hengelo begroting 2019 dump glues
 * them, come back exactly as printed, or marked: a cell the heuristic chose has a
 * `heuristic-split` finding, a cell not read an `ambiguous-cells` one, a row not read at all
 * `ambiguous-cells` or `unreadable-row`. Never a wrong value stored as certain by the grammar.
 */

/** Labels of the samples' indicator rows, and labels that end in a number (BBV 21, 22, 23). */
const LABELS = [
  '% scholieren dat kiest voor een technisch profiel',
  'Ingekochte re-integratietrajecten',
  'aantal gestarte schuldhulpverleningstrajecten',
  'Aantal beschutte werkplekken',
  'Percentage cliënten dat zich beter voelt door hulp',
  'Aantal banen (per 1000 inwoners in de leeftijd 15-64 jaar)',
  'Netto arbeidsparticipatie',
  'Banen per 1000',
  'Banen per 1.000 inwoners 15-64',
  'Jongeren met een delict voor de rechter 12-21',
  'Kinderen in uitkeringsgezin tot 18',
  'Huishoudens met een inkomen tot 120%',
  'Uitstoot CO2',
];

const digits = (n: number) => String(n);
const dotted = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** An integer as Dutch documents print it: below 10.000 with or without the thousands dot, from there on with. */
const integer = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map(digits),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.boolean()).map(([n, dot]) => (dot ? dotted(n) : digits(n))),
  fc.integer({ min: 10_000, max: 2_000_000 }).map(dotted),
);
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, d, f]) => `${i},${String(f % 10 ** d).padStart(d, '0')}`);
const figure = fc
  .tuple(fc.constantFrom('', '', '', '-'), fc.oneof(integer, decimal), fc.boolean())
  .map(([sign, n, pct]) => `${sign}${n}${pct ? '%' : ''}`);
const reference = fc.constantFrom('', '', '', ' (2015)', '(2016)', ' (2e halfjaar 2017)');
const cell = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(figure, reference).map(([f, r]) => f + r) },
  { weight: 1, arbitrary: fc.constant('N.B.') },
);
const separator = fc.constantFrom('', '', ' ', '\u00a0');

const YEARS = [
  'Werkelijk 2017',
  'Begroting 2018',
  'Begroting 2019',
  'Begroting 2020',
  'Begroting 2021',
  'Begroting 2022',
];

const row = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    label: fc.constantFrom(...LABELS),
    cells: fc.array(cell, { minLength: width, maxLength: width }),
    separators: fc.array(separator, { minLength: width, maxLength: width }),
  }),
);

describe('property: glued indicator rows come back as printed, or marked heuristic or ambiguous', () => {
  it('never stores a wrong value as certain', () => {
    const stats = { rows: 0, read: 0, certainCells: 0, heuristicCells: 0, unread: 0 };
    fc.assert(
      fc.property(row, ({ width, label, cells, separators }) => {
        const text = label + cells.map((c, i) => separators[i] + c).join('');
        const ex = extractText(
          ['BeleidsindicatorenWerkelijk 2017' + YEARS.slice(1, width).join(''), text, ''].join('\n'),
        );
        const notices = ex.notices.filter((n) => n.line === 2);
        const rules = new Set(notices.map((n) => n.rule));
        const read = ex.tables.find((t) => t.role === 'indicator')?.rows.find((r) => r.line === 2);
        stats.rows++;
        if (!read) {
          // not read: it says so, naming the row
          expect(rules.has('ambiguous-cells') || rules.has('unreadable-row'), text).toBe(true);
          stats.unread++;
          return;
        }
        stats.read++;
        // the label is never a guess: it is the label, or the row is not read
        expect(read.cells[0].text, text).toBe(normaliseSpaces(label));
        read.cells.slice(1).forEach((c, i) => {
          const printed = normaliseSpaces(cells[i]).trim();
          if (c.reading === 'heuristic') {
            stats.heuristicCells++;
            expect(notices.find((n) => n.rule === 'heuristic-split')?.column, text).toContain(YEARS[i]);
          } else if (c.reading === 'unread') {
            expect(notices.find((n) => n.rule === 'ambiguous-cells')?.column, text).toContain(YEARS[i]);
          } else {
            stats.certainCells++;
            expect(c.text, `${text} column ${i}`).toBe(printed);
          }
        });
      }),
      { numRuns: 400 },
    );
    // Not vacuous: random magnitudes and spacing make most rows truly ambiguous (about a third
    // are read), but those read are read mostly by the grammar alone.
    expect(stats.read).toBeGreaterThan(stats.rows / 5);
    expect(stats.unread).toBeGreaterThan(0);
    expect(stats.certainCells).toBeGreaterThan(stats.heuristicCells * 5);
  });

  it(
    'in tables of several rows, where other rows and the cell padding may settle a label: never a grammar cell ' +
      'wrong',
    () => {
      const stats = { rows: 0, settled: 0, certainCells: 0 };
      const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
        fc.record({
          width: fc.constant(width),
          // the Hengelo dump pads the label cell with a non-breaking space in some rows and glues it in others
          rows: fc.array(
            fc.record({
              label: fc.constantFrom(...LABELS),
              cells: fc.array(cell, { minLength: width, maxLength: width }),
              separators: fc.array(separator, { minLength: width, maxLength: width }),
            }),
            { minLength: 2, maxLength: 4 },
          ),
        }),
      );
      fc.assert(
        fc.property(table, ({ width, rows }) => {
          const texts = rows.map((r) => r.label + r.cells.map((c, i) => r.separators[i] + c).join(''));
          const ex = extractText(
            ['BeleidsindicatorenWerkelijk 2017' + YEARS.slice(1, width).join(''), ...texts, ''].join('\n'),
          );
          const read = ex.tables.find((t) => t.role === 'indicator')?.rows ?? [];
          rows.forEach((r, k) => {
            const line = k + 2;
            stats.rows++;
            const got = read.find((x) => x.line === line);
            const rules = ex.notices.filter((n) => n.line === line).map((n) => n.rule);
            if (!got)
              return void expect(
                rules.some((x) => x === 'ambiguous-cells' || x === 'unreadable-row'),
                texts[k],
              ).toBe(true);
            // a label settled by evidence rather than the grammar says so
            if (rules.includes('label-boundary')) stats.settled++;
            else expect(got.cells[0].text, texts[k]).toBe(normaliseSpaces(r.label));
            got.cells.slice(1).forEach((c, i) => {
              if (c.reading !== 'grammar') return;
              stats.certainCells++;
              expect(c.text, `${texts[k]} column ${i}`).toBe(normaliseSpaces(r.cells[i]).trim());
            });
          });
        }),
        { numRuns: 150 },
      );
      // not vacuous: many cells are read by the grammar (a third of the rows or so are read at all)
      expect(stats.certainCells).toBeGreaterThan(stats.rows / 2);
    },
  );
});
