import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { processSample, sample } from './helpers.js';

const HENGELO_2019 = processSample(sample('hengelo-begroting-2019-programma-6-sociaal-domein.txt'));
const ENSCHEDE_2018 = processSample(
  sample('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt'),
);
const ENSCHEDE_2023 = processSample(sample('enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt'));

type Doc = typeof HENGELO_2019;
/** Indicator rows of one table: line → values, reference years and how each cell was read. */
function indicatorRows(doc: Doc, title: string) {
  const table = doc.tables.find((t) => t.title === title)!;
  const rows = new Map<
    number,
    { name: string; values: (number | null)[]; ref: (number | null)[]; reading: string[] }
  >();
  for (const f of doc.indicators.filter((x) => x.tableIndex === table.index)) {
    const r = rows.get(f.provenance.line!) ?? { name: f.name, values: [], ref: [], reading: [] };
    r.values[f.columnIndex] = f.value;
    r.ref[f.columnIndex] = f.referenceYear;
    r.reading[f.columnIndex] = f.reading ?? 'grammar';
    rows.set(f.provenance.line!, r);
  }
  return { table, rows };
}

describe('Hengelo begroting 2019: glued indicator tables (lines 64–79, 83–94)', () => {
  it('reads the Beleidsindicatoren header and every row, values as printed', () => {
    const { table, rows } = indicatorRows(HENGELO_2019, 'Beleidsindicatoren');
    expect(table.kind).toBe('indicator');
    expect(table.columns.map((c) => [c.header, c.kind, c.year])).toEqual([
      ['Werkelijk 2017', 'werkelijk', 2017],
      ['Begroting 2018', 'begroting', 2018],
      ['Begroting 2019', 'begroting', 2019],
      ['Begroting 2020', 'meerjarenraming', 2020],
      ['Begroting 2021', 'meerjarenraming', 2021],
      ['Begroting 2022', 'meerjarenraming', 2022],
    ]);
    // Read by hand from lines 65–79.
    const expected: [number, (number | null)[]][] = [
      [65, [23.5, 23.8, 24, 24, 24, 24]],
      [66, [212, 300, 300, 300, 300, 300]],
      [67, [339, 340, 340, 340, 340, 340]],
      [68, [411, 410, 410, 410, 410, 410]],
      [69, [16.7, 16.8, 17, 17, 17, 17]],
      [70, [12.7, 13, 13, 13, 13, 13]],
      [71, [591, 620, 640, 640, 640, 640]],
      [72, [591, 620, 640, 640, 640, 640]],
      [73, [571, 590, 610, 610, 610, 610]],
      [74, [14, 26, 34, null, null, null]],
      [75, [72, 73, 73, 73, 73, 73]],
      [76, [59, 64, 64, 64, 64, 64]],
      [77, [76, 76, 76, 76, 76, 76]],
      [78, [47, 47, 47, 47, 47, 47]],
      [79, [6362, 6388, 6400, 6400, 6400, 6400]],
    ];
    expect([...rows.keys()]).toEqual(expected.map((e) => e[0]));
    for (const [line, values] of expected) expect(rows.get(line)!.values, `line ${line}`).toEqual(values);
    expect(rows.get(65)!.name).toBe('% scholieren dat kiest voor een technisch profiel');
    expect(rows.get(67)!.name).toBe('Uitstroom naar werk (incl. zelfstandig ondernemerschap) aantal en %)');
    expect(rows.get(75)!.ref).toEqual([2015, 2016, null, null, null, null]);
  });

  it('marks cells cut by the heuristic, and only those', () => {
    const { rows } = indicatorRows(HENGELO_2019, 'Beleidsindicatoren');
    expect(rows.get(65)!.reading.every((r) => r === 'grammar')).toBe(true);
    expect(rows.get(79)!.reading.every((r) => r === 'grammar')).toBe(true);
    expect(rows.get(74)!.reading).toEqual(['heuristic', 'heuristic', 'heuristic', 'grammar', 'grammar', 'grammar']);
    const split = HENGELO_2019.findings.find((f) => f.rule === 'heuristic-split' && f.line === 74)!;
    expect(split.message).toContain('magnitude consistency along the row');
    expect(split.message).toContain('142 | 6 | 34');
    // the finding names the row and the columns the heuristic chose
    expect([split.row, split.column, split.table]).toEqual([
      'Aantal beschutte werkplekken',
      'Werkelijk 2017, Begroting 2018, Begroting 2019',
      'Beleidsindicatoren',
    ]);
    expect(HENGELO_2019.findings.filter((f) => f.rule === 'heuristic-split').map((f) => [f.line, f.column])).toEqual([
      [66, 'Werkelijk 2017, Begroting 2018'],
      [71, 'Werkelijk 2017, Begroting 2018'],
      [72, 'Werkelijk 2017, Begroting 2018'],
      [73, 'Werkelijk 2017, Begroting 2018'],
      [74, 'Werkelijk 2017, Begroting 2018, Begroting 2019'],
      [84, 'Werkelijk 2017, Begroting 2018'],
    ]);
  });

  it(
    'lines 71–74: a label may end in a number ("… 5", "… 59"); the table\'s cell padding settles it, and says ' + 'so',
    () => {
      // "aantal gestarte schuldhulpverleningstrajecten\u00a0591620\u00a0640…": the label could be
      // "… 5" with 91 | 620 | …; every row of the table whose boundary is certain ends its label
      // with a non-breaking space (line 79: "…hebben gehad\u00a06.362…"), and none has one inside.
      const notes = HENGELO_2019.findings.filter((f) => f.rule === 'label-boundary');
      expect(notes.map((f) => [f.line, f.severity, f.row])).toEqual([
        [71, 'warning', 'aantal gestarte schuldhulpverleningstrajecten'],
        [72, 'warning', 'aantal afgeronde schuldhulpverleningstrajecten'],
        [73, 'warning', 'aantal afgeronde schuldhulpverleningstrajecten'],
        [74, 'warning', 'Aantal beschutte werkplekken'],
      ]);
      expect(notes[0].message).toContain(
        '"aantal gestarte schuldhulpverleningstrajecten 5", "aantal gestarte schuldhulpverleningstrajecten 59"',
      );
      expect(notes[0].message).toContain('a non-breaking space ends the label cell');
      expect(notes[0].message).toContain('line 79');
      expect(HENGELO_2019.findings.filter((f) => f.rule === 'ambiguous-cells' || f.rule === 'unreadable-row')).toEqual(
        [],
      );
    },
  );

  it('reads the Verplichte kengetallen with their reference years, "2e halfjaar 2017" included', () => {
    const { table, rows } = indicatorRows(HENGELO_2019, 'Verplichte kengetallen');
    expect(table.columns.map((c) => c.header)).toEqual(['Werkelijk 2017', 'Begroting 2018', 'Begroting 2019']);
    const expected: [number, (number | null)[], (number | null)[]][] = [
      [84, [884.2, 868.8, 910.1], [null, 2016, 2017]],
      [85, [2.49, 1.46, 1.46], [2012, 2015, 2015]],
      [86, [5.8, 6.28, 6.28], [2012, 2015, 2015]],
      [87, [64.7, 65.5, 67.1], [2015, 2016, 2017]],
      [88, [1.24, 1.86, 1.86], [2012, 2015, 2015]],
      [89, [506, 497, 51], [2017, 2016, 2017]],
      [90, [122.4, 193, 25.3], [2015, 2016, 2017]],
      [91, [8.9, 9.5, 8.6], [2015, 2016, 2017]],
      [92, [1.3, 1.4, 1.3], [2015, 2016, 2017]],
      [93, [0.7, 0.7, 0.4], [2015, 2016, 2017]],
      [94, [820, 810, 76], [2015, 2016, 2017]],
    ];
    expect([...rows.keys()]).toEqual(expected.map((e) => e[0]));
    for (const [line, values, ref] of expected) {
      expect(rows.get(line)!.values, `line ${line}`).toEqual(values);
      expect(rows.get(line)!.ref, `line ${line}`).toEqual(ref);
    }
    expect(rows.get(84)!.reading).toEqual(['heuristic', 'heuristic', 'grammar']);
  });

  it('finds the indicator printed twice with different figures (lines 72 and 73), and nothing else wrong', () => {
    const conflict = HENGELO_2019.findings.filter((f) => f.rule === 'indicator-conflict');
    expect(conflict.map((f) => [f.line, f.row, f.column, f.expected, f.found])).toEqual([
      [73, 'aantal afgeronde schuldhulpverleningstrajecten', 'Werkelijk 2017', 591, 571],
    ]);
    expect(conflict[0].message).toContain('"aantal gestarte schuldhulpverleningstrajecten" (line 71)');
    expect(HENGELO_2019.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  });

  it('stores heuristic readings as such', () => {
    const store = openStore(':memory:');
    store.replaceDocument(HENGELO_2019);
    const stored = store.listIndicatorFacts(HENGELO_2019.document.id);
    expect(stored).toHaveLength(HENGELO_2019.indicators.length);
    expect(stored.filter((f) => f.reading === 'heuristic').map((f) => f.provenance.line)).toEqual(
      HENGELO_2019.indicators.filter((f) => f.reading === 'heuristic').map((f) => f.provenance.line),
    );
    // two cells of line 66, all of lines 71–73 (they rest on the cell padding too), three of line 74, two of line 84
    expect(stored.filter((f) => f.reading === 'heuristic')).toHaveLength(2 + 6 * 3 + 3 + 2);
    store.db.close();
  });
});

describe('Wettelijk verplichte indicatoren', () => {
  it('Enschede 2018 (lines 219–225): number, beleidsveld, name, unit, year, score, source', () => {
    const rows = ENSCHEDE_2018.structures.statutory.map((s) => [
      s.provenance.line,
      s.nr,
      s.beleidsveld,
      s.name,
      s.unit,
      s.year,
      s.score,
      s.source,
      s.matchesCatalogue,
    ]);
    expect(rows).toEqual([
      [
        219,
        20,
        '5. Sport, cultuur en recreatie',
        'Niet-sporters',
        '%',
        2018,
        47.7,
        'Gezondheidsenquête (CBS, RIVM)',
        true,
      ],
      [
        220,
        22,
        '6. Sociaal domein',
        'Jongeren met een delict voor de rechter',
        '% 12 t/m 21 jarigen',
        2018,
        1.17,
        'Verwey Jonker Instituut – Kinderen in Tel',
        true,
      ],
      [
        221,
        23,
        '6. Sociaal domein',
        'Kinderen in uitkeringsgezin',
        '% kinderen tot 18 jaar',
        2018,
        11.58,
        'Verwey Jonker Instituut – Kinderen in Tel',
        true,
      ],
      [
        222,
        29,
        '6. Sociaal domein',
        'Jongeren met jeugdhulp',
        '% van alle jongeren tot 18 jaar',
        2018,
        9.2,
        'CBS',
        true,
      ],
      [
        223,
        30,
        '6. Sociaal domein',
        'Jongeren met jeugdbescherming',
        '% van alle jongeren tot 18 jaar',
        2018,
        1.9,
        'CBS',
        true,
      ],
      [
        224,
        31,
        '6. Sociaal domein',
        'Jongeren met jeugdreclassering',
        '% van alle jongeren van 12 tot 23 jaar',
        2018,
        0.8,
        'CBS',
        true,
      ],
      [
        225,
        32,
        '6. Sociaal domein',
        'Cliënten met een maatwerkarrangement WMO',
        'Aantal per 10.000 inwoners',
        2018,
        730,
        'GMSD',
        true,
      ],
    ]);
    // stored as indicator facts too, under their BBV number
    expect(ENSCHEDE_2018.indicators.map((f) => [f.doelstelling, f.year, f.value])).toContainEqual([
      'BBV 32',
      2018,
      730,
    ]);
  });

  it('Enschede 2023 (lines 694–703)', () => {
    const rows = ENSCHEDE_2023.structures.statutory.map((s) => [
      s.provenance.line,
      s.nr,
      s.name,
      s.unit,
      s.year,
      s.score,
      s.percent,
      s.source,
    ]);
    expect(rows).toEqual([
      [694, 17, 'Absoluut verzuim', 'Aantal per 1.000 inwoners 5-18 jaar', 2022, 1, false, 'DUO/Ingrado'],
      [695, 18, 'Relatief verzuim', 'Aantal per 1.000 inwoners 5-18 jaar', 2022, 19, false, 'DUO/Ingrado'],
      [
        696,
        19,
        'Vroegtijdig schoolverlaters zonder startkwalificatie (vsv-ers)',
        '% deelnemers aan het VO en MBO onderwijs',
        2022,
        3.2,
        true,
        'DUO/Ingrado',
      ],
      [697, 20, 'Niet-sporters', '%', 2022, 44.4, true, 'Gezondheidsmonitor volwassenen en ouderen (GGD, CBS, RIVM)'],
      [698, 22, 'Jongeren met een delict voor de rechter', '% 12 t/m 21 jarigen', 2022, 1, true, 'CBS'],
      [699, 23, 'Kinderen in uitkeringsgezin', '% kinderen tot 18 jaar', 2022, 9, true, 'CBS'],
      [700, 29, 'Jongeren met jeugdhulp', '% van alle jongeren tot 18 jaar', 2023, 12.4, true, 'CBS'],
      [701, 30, 'Jongeren met jeugdbescherming', '% van alle jongeren tot 18 jaar', 2023, 1.8, true, 'CBS'],
      [702, 31, 'Jongeren met jeugdreclassering', '% van alle jongeren van 12 tot 23 jaar', 2023, 0.4, true, 'CBS'],
      [703, 32, 'Cliënten met een maatwerkarrangement WMO', 'Aantal per 10.000 inwoners', 2022, 1060, false, 'CBS'],
    ]);
    expect(ENSCHEDE_2023.structures.statutory[0].decimals).toBe(1);
    expect(ENSCHEDE_2023.findings.filter((f) => f.rule === 'statutory-catalogue')).toEqual([]);
  });
});

describe('Enschede doelenboom', () => {
  it('2018 (lines 5–23): every product with its Lasten and Baten, despite the glued thema text', () => {
    const rows = ENSCHEDE_2018.structures.products.map((p) => [
      p.product,
      p.lasten?.value ?? null,
      p.baten?.value ?? null,
      p.provenance.line,
    ]);
    expect(rows).toEqual([
      ['Algemene maatschappelijke voorziening', 27467, 251, 6],
      ['Jeugdhulp gedwongen kader', 9987, null, 8],
      ['Jeugdhulp vrijwillig kader', 39228, 79, 9],
      ['Lichte ondersteuning en regie', 12801, 1227, 11],
      ['Wmo begeleiding', 21769, 700, 13],
      ['Wmo individuele voorzieningen', 22872, 1896, 15],
      ['Beschermd wonen', 39410, 3366, 17],
      ['Opvangvoorzieningen', 16141, 772, 19],
      ['Inkomensondersteuning', 13836, 695, 21],
    ]);
    expect(ENSCHEDE_2018.structures.products[1].thema).toBe('4. Jeugdhulp (ondersteuning jeugd en gezin)');
    expect(ENSCHEDE_2018.structures.products[1].doelstelling).toMatch(
      /^Een kwalitatief goed en toegankelijke ondersteuning/,
    );
    expect(ENSCHEDE_2018.structures.products[0].scale).toBe(1000);
    // Σ lasten 203.511 vs programme realisatie 203.510 (rounding of ten figures), Σ baten 8.986 exactly: no finding.
    expect(ENSCHEDE_2018.findings.filter((f) => f.rule.startsWith('doelenboom'))).toEqual([]);
    // also stored as financial facts of a "Doelenboom" table
    const table = ENSCHEDE_2018.tables.find((t) => t.title === 'Doelenboom')!;
    expect(
      ENSCHEDE_2018.financial
        .filter((f) => f.tableIndex === table.index && f.lineItem === 'lasten')
        .map((f) => f.value),
    ).toEqual([27467, 9987, 39228, 12801, 21769, 22872, 39410, 16141, 13836]);
  });

  it('2023 (lines 7–29): doelen with totale lasten, subdoelen with their claims and their sections', () => {
    const goals = ENSCHEDE_2023.structures.goals.map((g) => [
      g.code,
      g.level,
      g.totaleLasten?.value ?? null,
      g.claimedIndicators?.value ?? null,
      g.claimedActions?.value ?? null,
    ]);
    expect(goals).toEqual([
      ['01', 'doel', 252647, null, null],
      ['01.01', 'subdoel', null, 6, 0],
      ['01.02', 'subdoel', null, 3, 0],
      ['02', 'doel', 32884, null, null],
      ['02.01', 'subdoel', null, 2, 0],
      ['02.02', 'subdoel', null, 3, 0],
      ['03', 'doel', 191058, null, null],
      ['03.01', 'subdoel', null, 5, 0],
      ['03.02', 'subdoel', null, 6, 0],
      ['03.03', 'subdoel', null, 1, 0],
    ]);
    const sections = ENSCHEDE_2023.structures.goals
      .filter((g) => g.section)
      .map((g) => [
        g.code,
        g.section!.line,
        g.section!.statedIndicators?.value,
        g.section!.indicatorLines.length,
        g.section!.statedActions?.value,
        g.section!.actionLines.length,
      ]);
    expect(sections).toEqual([
      ['01.01', 185, 6, 6, 2, 2],
      ['01.02', 267, 3, 3, 6, 6],
      ['02.01', 334, 2, 2, 14, 14],
      ['02.02', 408, 3, 3, 3, 3],
      ['03.01', 470, 5, 5, 5, 5],
      ['03.02', 551, 6, 6, 6, 6],
      ['03.03', 641, 1, 1, 8, 8],
    ]);
  });

  it(
    '2023: finds the real inconsistencies — doelenboom lasten vs the programme table, and "Aantal acties: 0" ' +
      'everywhere',
    () => {
      const totals = ENSCHEDE_2023.findings.filter((f) => f.rule === 'doelenboom-totals');
      // 252.647 + 32.884 + 191.058 = 476.589; the programme table (line 710) prints 476.599 and 476.485.
      expect(totals.map((f) => [f.line, f.column, f.expected, f.found, f.difference])).toEqual([
        [9, 'Begroting (na wijziging)', 476599, 476589, -10],
      ]);
      const counts = ENSCHEDE_2023.findings.filter((f) => f.rule === 'doelenboom-counts');
      expect(counts.map((f) => [f.line, f.column, f.expected, f.found])).toEqual([
        [11, 'Aantal acties', 2, 0],
        [13, 'Aantal acties', 6, 0],
        [18, 'Aantal acties', 14, 0],
        [20, 'Aantal acties', 3, 0],
        [25, 'Aantal acties', 5, 0],
        [27, 'Aantal acties', 6, 0],
        [29, 'Aantal acties', 8, 0],
      ]);
    },
  );
});
