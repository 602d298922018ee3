import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HENGELO_2023, plainDutch, processSample } from './helpers.js';

/**
 * Golden test on the real Hengelo jaarstukken 2023 sample: the "Wat heeft het gekost" table of
 * programme 6, every taakveld with its twelve values, and every inconsistency the document has.
 * The inconsistencies were verified by hand:
 *  - 6.72D Baten, Verschil: 71 − 78 = −7, printed 7 (the saldo's −94 agrees with −7 − 87);
 *  - 6.73A saldo, Verschil: −2.009 − −1.993 = −16 (and 0 + −16), printed 16;
 *  - 6.73B saldo, Verschil: −1.176 − −1.207 = 31 (and 0 + 31), printed −31;
 *  - 6.74A saldo: three cells for four columns, the Verschil (44) is missing.
 * The programme total's Verschil (3.195) is right: the printed lines sum to 3.121, and the three
 * row errors in that column account for the 74.
 */
const result = processSample(HENGELO_2023);
const costTable = result.tables.find((t) => t.kind === 'financial')!;
const facts = result.financial.filter((f) => f.tableIndex === costTable.index);

interface PrintedRow {
  label: string;
  cells: (number | null)[];
}
const printed: PrintedRow[] = readFileSync(join(import.meta.dirname, 'fixtures', 'hengelo-2023-cost-table.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [label, ...cells] = l.split('|').map((c) => c.trim());
    return { label, cells: cells.map(plainDutch) };
  });

/** The fixture's rows grouped the way the document means them: Baten, Lasten, then the taakveld line. */
const taakvelden = printed
  .map((row, i) => ({ row, i }))
  .filter(({ row }) => /^6\.\d/.test(row.label))
  .map(({ row, i }) => ({ label: row.label, baten: printed[i - 2], lasten: printed[i - 1], saldo: row }));

const valuesOf = (label: string, lineItem: string) =>
  facts
    .filter(
      (f) => f.rowLabel === (lineItem === 'saldo' ? label : f.rowLabel) && f.group === label && f.lineItem === lineItem,
    )
    .sort((a, b) => a.columnIndex - b.columnIndex)
    .map((f) => f.value);

describe('Hengelo jaarstukken 2023 — cost table', () => {
  it('reads the table with its columns, scale and conventions', () => {
    expect(costTable.title).toBe('6 Sociaal domein');
    expect(costTable.columns.map((c) => [c.header, c.kind, c.year])).toEqual([
      ['Begroting 2023 primitief', 'begroting_primitief', 2023],
      ['Begroting 2023 gewijzigd', 'begroting_gewijzigd', 2023],
      ['Rekening 2023', 'realisatie', 2023],
      ['Verschil', 'verschil', null],
    ]);
    expect(costTable.signConvention).toEqual({
      lasten: 'positive',
      saldo: 'baten_minus_lasten',
      verschil: 'favourable_positive',
      grouping: 'label_last',
    });
    expect(costTable.scale).toBe(1000);
  });

  it('has all 28 taakvelden from 6.1 to 6.82B', () => {
    expect(taakvelden).toHaveLength(28);
    expect(taakvelden[0].label).toBe('6.1 Samenkracht en burgerparticipatie');
    expect(taakvelden.at(-1)!.label).toBe('6.82B Jeugdreclassering');
    const codes = [...new Set(facts.filter((f) => f.taakveld).map((f) => f.taakveld))];
    expect(codes).toEqual([
      '6.1',
      '6.2',
      '6.3',
      '6.4',
      '6.5',
      '6.6',
      '6.71',
      '6.71A',
      '6.71B',
      '6.71C',
      '6.71D',
      '6.72',
      '6.72A',
      '6.72B',
      '6.72C',
      '6.72D',
      '6.73A',
      '6.73B',
      '6.73C',
      '6.74A',
      '6.74B',
      '6.74C',
      '6.81',
      '6.81A',
      '6.81B',
      '6.82',
      '6.82A',
      '6.82B',
    ]);
  });

  for (const tv of taakvelden) {
    it(`reads ${tv.label}: baten, lasten and saldo in all four columns`, () => {
      const pad = (cells: (number | null)[]) => [...cells, ...Array(4 - cells.length).fill(null)];
      expect(valuesOf(tv.label, 'baten')).toEqual(pad(tv.baten.cells));
      expect(valuesOf(tv.label, 'lasten')).toEqual(pad(tv.lasten.cells));
      expect(valuesOf(tv.label, 'saldo')).toEqual(pad(tv.saldo.cells));
      expect(facts.filter((f) => f.group === tv.label)).toHaveLength(12);
    });
  }

  it('reads the programme total', () => {
    const total = facts.filter((f) => f.rowLabel === 'Saldo 6 Sociaal domein');
    expect(total.every((f) => f.isTotal && f.lineItem === 'saldo')).toBe(true);
    expect(total.map((f) => f.value)).toEqual([-111667, -114186, -110991, 3195]);
    expect(total.map((f) => f.provenance.line)).toEqual([1382, 1384, 1386, 1388]);
  });

  it('keeps provenance: the line and the raw text of each cell', () => {
    const cell = facts.find(
      (f) => f.group === '6.73A Pleegzorg' && f.lineItem === 'saldo' && f.columnKind === 'verschil',
    )!;
    expect(cell.provenance).toEqual({
      file: expect.stringContaining('hengelo-jaarstukken-2023'),
      line: 1050,
      page: null,
      raw: '16',
    });
    const missing = facts.find(
      (f) => f.group?.startsWith('6.74A') && f.lineItem === 'saldo' && f.columnKind === 'verschil',
    )!;
    expect(missing.status).toBe('missing');
    expect(missing.value).toBeNull();
  });
});

describe('Hengelo jaarstukken 2023 — findings', () => {
  const inTable = result.findings.filter((f) => f.tableIndex === costTable.index);
  const errors = inTable.filter((f) => f.severity === 'error');

  it('finds exactly the four real inconsistencies, each at its row and column with the value it should have', () => {
    expect(errors.map((f) => [f.rule, f.row, f.column, f.line, f.expected, f.found])).toEqual([
      ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 'Verschil', 1000, -7, 7],
      ['saldo-verschil', '6.73A Pleegzorg / Saldo', 'Verschil', 1050, -16, 16],
      ['saldo-verschil', '6.73B Gezinsgericht / Saldo', 'Verschil', 1080, 31, -31],
      ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'Verschil', 1132, 44, null],
    ]);
  });

  it('explains the programme total footing by those row findings instead of leaving a residual', () => {
    const footing = inTable.filter((f) => f.rule === 'column-footing');
    expect(footing).toHaveLength(1);
    expect(footing[0]).toMatchObject({
      severity: 'info',
      row: 'Saldo 6 Sociaal domein',
      column: 'Verschil',
      expected: 3121,
      found: 3195,
      difference: 74,
    });
    expect(footing[0].message).toMatch(/explain the whole difference/);
    expect(footing[0].message).toContain('6.73A Pleegzorg / Saldo 16 (should be -16)');
    expect(footing[0].message).toContain('should be 44');
  });

  it('raises no warning on the cost table, and says how it placed the short row and inferred the scale', () => {
    expect(inTable.filter((f) => f.severity === 'warning')).toEqual([]);
    // The four taakveld-catalogue infos (6.71, 6.72, 6.81, 6.82: old codes of the 2023 split) are asserted in
    // test/rules/taakveld-catalogue.test.ts.
    expect(
      inTable
        .filter((f) => f.severity === 'info')
        .map((f) => f.rule)
        .sort(),
    ).toEqual([
      'column-footing',
      'scale-inferred',
      'short-row',
      'taakveld-catalogue',
      'taakveld-catalogue',
      'taakveld-catalogue',
      'taakveld-catalogue',
    ]);
  });
});

describe('Hengelo jaarstukken 2023 — beleidsindicatoren', () => {
  const ind = result.indicators;
  const find = (name: RegExp, header: string) => ind.find((f) => name.test(f.name) && f.columnHeader === header)!;

  it('reads eight indicator tables with their doelstelling', () => {
    const tables = result.tables.filter((t) => t.kind === 'indicator');
    expect(tables.map((t) => t.title)).toEqual(
      ['6.1.1', '6.1.2', '6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5', '6.2.6'].map((d) => `Beleidsindicatoren ${d}`),
    );
    expect(ind).toHaveLength(57);
  });

  it('keeps footnote markers, reference years and typos out of the values', () => {
    expect(find(/mantelzorg/, 'Werkelijk 2023')).toMatchObject({
      value: 60.7,
      footnote: '1',
      unit: '%',
      doelstelling: '6.1.1',
      year: 2023,
      columnKind: 'werkelijk',
    });
    expect(find(/120% van het sociaal minimum/, 'Werkelijk 2022')).toMatchObject({ value: 14.9, referenceYear: 2021 });
    expect(find(/Stadsbank als deel/, 'Werkelijk 20231')).toMatchObject({ value: 12.8, year: 2023, footnote: '1' });
    expect(find(/loonkostensubsidie/, 'Werkelijk 2023')).toMatchObject({
      value: 324,
      footnote: '3',
      provenance: expect.objectContaining({ raw: '3243', line: 229 }),
    });
    expect(find(/loonkostensubsidie/, 'Begroting 2023')).toMatchObject({ value: 245, columnKind: 'begroting' });
  });

  it('reports the decimal point typo and the footnote it split off', () => {
    const rules = result.findings.filter((f) => f.tableIndex !== costTable.index).map((f) => [f.rule, f.line]);
    expect(rules).toContainEqual(['number-format', 157]);
    expect(rules).toContainEqual(['footnote-marker', 229]);
  });
});
