import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extractors/text/index.js';
import { candidatesOf, splitLabel } from '../extractors/text/glued.js';
import { formatDutch } from '../src/grammar/number.js';
import { processFile, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';

const manifest = readManifest('data/samples/manifest.csv');
const run = (file: string) => processFile(`data/samples/${file}`, { manifest });

/** The table's rows as label → [lineItem, value] per column, values in the printed unit. */
function rowsOf(doc: ProcessedDocument, tableIndex: number) {
  const out = new Map<string, { line: number | null; cells: (number | null)[]; items: string[] }>();
  for (const f of doc.financial.filter((x) => x.tableIndex === tableIndex)) {
    const row = out.get(f.rowLabel) ?? { line: f.provenance.line, cells: [], items: [] };
    row.cells[f.columnIndex] = f.value;
    row.items[f.columnIndex] = f.lineItem;
    out.set(f.rowLabel, row);
  }
  return out;
}

describe('Hengelo begroting 2019, Financieel overzicht (glued, lines 30–43)', () => {
  const doc = run('hengelo-begroting-2019-programma-6-sociaal-domein.txt');
  const table = doc.tables.find((t) => t.title === 'Programma 6 Sociaal domein')!;

  it('reads the header: Lasten/Baten/Saldo over the three Begroting 2019 columns', () => {
    expect(table).toBeDefined();
    expect(table.columns.map((c) => c.header)).toEqual([
      'Lasten Begroting 2019',
      'Baten Begroting 2019',
      'Saldo Begroting 2019',
      'Begroting 2020',
      'Begroting 2021',
      'Begroting 2022',
    ]);
    expect(table.scale).toBe(1000);
    expect(table.scaleText).toBe('(bedragen * 1.000)');
    expect(table.line).toBe(31);
    expect(table.signConvention.lasten).toBe('negative');
  });

  it('reads every taakveld row and the total as the document means them', () => {
    // Checked by hand against lines 33–43: lasten | baten | saldo | 2020 | 2021 | 2022; null = empty cell.
    const expected: [string, number, (number | null)[]][] = [
      ['6.1 Samenkracht en burgerparticipatie', 33, [-12075, 741, -11334, -11296, -11267, -11264]],
      ['6.2 Wijkteams', 34, [-4385, null, -4385, -4131, -4131, -4131]],
      ['6.3 Inkomensregelingen', 35, [-51913, 43374, -8539, -8843, -9177, -9211]],
      ['6.4 Begeleide participatie', 36, [-12032, null, -12032, -11428, -11125, -10875]],
      ['6.5 Arbeidsparticipatie', 37, [-5410, 61, -5349, -5414, -5347, -5347]],
      ['6.6 Maatwerkvoorzieningen (WMO)', 38, [-2672, 0, -2672, -2672, -2672, -2672]],
      ['6.71 Maatwerkdienstverlening 18+', 39, [-21321, 1213, -20108, -19537, -18576, -18095]],
      ['6.72 Maatwerkdienstverlening 18-', 40, [-18183, null, -18183, -17408, -16558, -16308]],
      ['6.81 Geëscaleerde zorg 18+', 41, [-411, null, -411, -411, -411, -411]],
      ['6.82 Geëscaleerde zorg 18-', 42, [-2928, null, -2928, -2928, -2928, -2928]],
      ['Totaal programma', 43, [-131330, 45389, -85941, -84068, -82194, -81243]],
    ];
    const rows = rowsOf(doc, table.index);
    expect([...rows.keys()]).toEqual(expected.map((e) => e[0]));
    for (const [label, line, cells] of expected) {
      expect(rows.get(label)!.cells, label).toEqual(cells);
      expect(rows.get(label)!.line, label).toBe(line);
      // The columns carry the line items.
      expect(rows.get(label)!.items.slice(0, 4)).toEqual(['lasten', 'baten', 'saldo', 'other']);
    }
    const wijkteams = doc.financial.find(
      (f) => f.tableIndex === table.index && f.rowLabel === '6.2 Wijkteams' && f.columnIndex === 1,
    )!;
    expect(wijkteams.status).toBe('empty');
    expect(doc.financial.find((f) => f.rowLabel === 'Totaal programma')!.isTotal).toBe(true);
    expect(doc.financial.find((f) => f.rowLabel === '6.72 Maatwerkdienstverlening 18-')!.taakveld).toBe('6.72');
  });

  it('finds nothing wrong in it: every saldo and every column total adds up', () => {
    // By hand: −12.075 −4.385 −51.913 −12.032 −5.410 −2.672 −21.321 −18.183 −411 −2.928 = −131.330, and so on.
    const onTable = doc.findings.filter(
      (f) => f.tableIndex === table.index || (f.line !== null && f.line >= 30 && f.line <= 43),
    );
    expect(onTable).toEqual([]);
  });

  it('reads the glued indicator tables too: nothing left as unread-table', () => {
    expect(doc.findings.filter((f) => f.rule === 'unread-table')).toEqual([]);
    expect(doc.findings.some((f) => f.rule === 'unreadable-row')).toBe(false);
    // Rows whose figures the grammar alone cannot cut are read by the named heuristic, and say so.
    expect(doc.findings.filter((f) => f.rule === 'heuristic-split').map((f) => f.line)).toEqual([
      66, 71, 72, 73, 74, 84,
    ]);
  });
});

const ENSCHEDE_ROWS = [
  'Lasten',
  'Baten',
  'Gerealiseerde saldo van baten en lasten',
  'Storting reserves',
  'Onttrekking reserves',
  'Gerealiseerde saldo van mutaties reserves',
  'Resultaat',
];

describe.each([
  {
    file: 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt',
    title: 'Maatschappelijke ondersteuning',
    line: 421,
    saldo: 'lasten_minus_baten',
    // Lines 422–428, by hand. Resultaat verschil 13.166 − 7.675 = 5.491 vs 5.492, baten verschil
    // 8.986 − 6.312 = 2.674 vs 2.673: rounding, within the ±1,5 of three printed figures.
    values: [
      [200639, 214003, 203510, 10493],
      [6119, 6312, 8986, 2673],
      [194520, 207691, 194525, 13166],
      [7, 14, 11651, -11637],
      [1536, 3671, 7634, 3962],
      [-1529, -3657, 4017, -7675],
      [192991, 204033, 198542, 5492],
    ],
  },
  {
    file: 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt',
    title: 'Vitaal en sociaal',
    line: 709,
    saldo: 'baten_minus_lasten',
    // Lines 710–716. Saldo primair 125.309 − 424.692 = −299.383 vs −299.384; mutaties primair
    // 2.128 − 2.641 = −513 vs −512: rounding.
    values: [
      [424692, 476599, 476485, 114],
      [125309, 148851, 151178, 2327],
      [-299384, -327748, -325307, 2441],
      [2641, 6266, 22324, -16058],
      [2128, 12230, 24453, 12223],
      [-512, 5964, 2129, -3835],
      [-299896, -321784, -323178, -1394],
    ],
  },
])('Enschede programme table ($file)', ({ file, title, line, saldo, values }) => {
  const doc = run(file);
  const table = doc.tables.find((t) => t.title === title)!;

  it('reads header, title and scale', () => {
    expect(table).toBeDefined();
    expect(table.line).toBe(line);
    expect(table.columns.map((c) => c.header)).toEqual([
      'Begroting (primair)',
      'Begroting (na wijziging)',
      'Realisatie',
      'Saldo (- = nadeel)',
    ]);
    expect(table.columns.map((c) => c.kind)).toEqual([
      'begroting_primitief',
      'begroting_gewijzigd',
      'realisatie',
      'verschil',
    ]);
    expect(table.scaleText).toBe('Bedragen x 1.000 euros');
    expect(table.scale).toBe(1000);
  });

  it('reads all seven rows with all four values', () => {
    const rows = rowsOf(doc, table.index);
    expect([...rows.keys()]).toEqual(ENSCHEDE_ROWS);
    ENSCHEDE_ROWS.forEach((label, i) => {
      expect(rows.get(label)!.cells, label).toEqual(values[i]);
      expect(rows.get(label)!.line, label).toBe(line + 1 + i);
    });
  });

  it('detects the saldo convention from the numbers', () => {
    expect(table.signConvention).toEqual({
      lasten: 'positive',
      saldo,
      verschil: 'favourable_positive',
      grouping: null,
    });
  });

  it('raises no findings on the table and no unread-table notice', () => {
    expect(
      doc.findings.filter(
        (f) => f.tableIndex === table.index || (f.line !== null && f.line >= line && f.line <= line + 7),
      ),
    ).toEqual([]);
    // Glued tables are all read; what is left unread (action status symbols, indicator charts) are images.
    expect(doc.findings.filter((f) => f.rule === 'unread-table' && /glued/i.test(f.message))).toEqual([]);
  });
});

describe('glued reader units', () => {
  it('splits labels with the catalogue, keeping "18-" in the label', () => {
    expect(splitLabel('6.72 Maatwerkdienstverlening 18--18.183-18.183')).toEqual({
      label: '6.72 Maatwerkdienstverlening 18-',
      tail: '-18.183-18.183',
    });
    expect(splitLabel('6.81 Geëscaleerde zorg 18+-411-411')).toEqual({
      label: '6.81 Geëscaleerde zorg 18+',
      tail: '-411-411',
    });
    expect(splitLabel('Storting reserves71411.651-11.637')).toEqual({
      label: 'Storting reserves',
      tail: '71411.651-11.637',
    });
    expect(splitLabel('% scholieren dat kiest voor een technisch profiel23,5%23,8%')).toBeNull();
  });

  it('enumerates only splits the grammar allows', () => {
    const c = candidatesOf('-5.41061-5.349', 3)!.map((x) => x.join('|'));
    expect(c).toContain('-5.410|61|-5.349');
    // "5.4106" is no figure; a group has exactly three digits; no leading zeros.
    expect(c.every((x) => !x.includes('5.4106') && !/(^|\|)-?0\d/.test(x))).toBe(true);
  });

  it('enumerates a twelve-column row, the true reading among its candidates (speed: npm run bench)', () => {
    const cells = Array.from({ length: 12 }, (_, i) => formatDutch(-(i + 1) * 1111));
    const c = candidatesOf(cells.join(''), 12);
    expect(c).not.toBeNull();
    expect(c!.map((x) => x.join('|'))).toContain(cells.join('|'));
  });
});

/**
 * A Hengelo-style table: lasten negative, baten positive or empty, saldo = lasten + baten, three later years, a total.
 */
const CODES = [
  '6.1 Samenkracht en burgerparticipatie',
  '6.3 Inkomensregelingen',
  '6.5 Arbeidsparticipatie',
  '6.71 Maatwerkdienstverlening 18+',
  '6.72 Maatwerkdienstverlening 18-',
  '6.82 Geëscaleerde zorg 18-',
];
const amount = fc.integer({ min: 0, max: 60000 });
const taakveldRow = fc.record({
  lasten: amount,
  baten: fc.option(amount, { nil: null }),
  years: fc.tuple(amount, amount, amount),
});

const stats = { tables: 0, read: 0, amb: 0 };
describe('property: glued rows read back as printed, or are reported ambiguous', () => {
  it('never stores a wrong value', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: CODES.length - 1 }), { minLength: 2, maxLength: 5 }),
        fc.array(taakveldRow, { minLength: 5, maxLength: 5 }),
        (codes, data) => {
          const rows = codes.map((c, i) => {
            const d = data[i];
            const lasten = -d.lasten;
            const cells: (number | null)[] = [lasten, d.baten, lasten + (d.baten ?? 0), ...d.years.map((y) => -y)];
            return { label: CODES[c], cells };
          });
          const total = rows[0].cells.map((_, col) => rows.reduce((s, r) => s + (r.cells[col] ?? 0), 0));
          rows.push({ label: 'Totaal programma', cells: total });
          const text = [
            'Programma 6 Sociaal domein (bedragen * 1.000)',
            ' LastenBatenSaldo',
            'TaakveldBegroting 2019Begroting 2019Begroting 2019Begroting 2020Begroting 2021Begroting 2022',
            ...rows.map((r) => r.label + r.cells.map((v) => (v === null ? '' : formatDutch(v))).join('')),
            '',
          ].join('\n');
          const ex = extractText(text);
          const table = ex.tables.find((t) => t.layout === 'glued');
          stats.tables += table ? 1 : 0;
          // Rows not read stand in the table unread (totals over them are not judged): not counted as read.
          stats.read += table?.rows.filter((r) => !r.unread).length ?? 0;
          stats.amb += ex.notices.filter((n) => n.rule === 'ambiguous-cells').length;
          const byLine = new Map((table?.rows ?? []).filter((r) => !r.unread).map((r) => [r.line, r]));
          rows.forEach((r, i) => {
            const line = 4 + i;
            const read = byLine.get(line);
            if (read) {
              const want = r.cells.map((v) => (v === null ? '' : formatDutch(v)));
              expect(read.cells.slice(1).map((c) => c.text)).toEqual(want);
            } else {
              // Not read: then it must say so, as ambiguous (the table adds up, so never unreadable).
              expect(ex.notices.filter((n) => n.line === line).map((n) => [n.rule, n.row])).toEqual([
                ['ambiguous-cells', r.label],
              ]);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    // Not vacuous: the tables were found and most rows read.
    expect(stats.tables).toBe(40);
    expect(stats.read).toBeGreaterThan(stats.amb * 5);
  }, 120_000);
});
