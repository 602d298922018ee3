import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';
import { ruleTester } from './rule-tester.js';

// Utrecht jaarverslag 2017, stand en verloop reserves (x € 1.000): the table prints its own formulas under the names.
const rows = (reserves: string) => [
  ['Algemene Dekkingsreserves', '40.824', '51.011', '91.835', '40.106', '85.988', '45.953'],
  ['Algemene Reserves', '51.047', '0', '51.047', '6.000', '0', reserves],
  ['Totaal Algemene reserve', '91.871', '51.011', '142.882', '46.106', '85.988', '103.000'],
];
const NAMES = [
  'Stand 31-12-2016',
  'B&D voorstellen 2016',
  'Stand 1-1-2017',
  'Toevoeging 2017',
  'Onttrekking 2017',
  'Stand 31-12-2017',
];
const KEYS = ['a', 'b', 'c = a + b', 'd', 'e', 'f = c + d - e'];

const pipe = (reserves: string) =>
  [
    `| Omschrijving | ${NAMES.join(' | ')} |`,
    `|${'---|'.repeat(7)}`,
    `| | ${KEYS.join(' | ')} |`,
    ...rows(reserves).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const html = (reserves: string) =>
  `<table><thead><tr><th>Omschrijving</th>${NAMES.map((n) => `<th>${n.replace('&', '&amp;')}</th>`).join('')}</tr>` +
  `<tr><th></th>${KEYS.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>` +
  rows(reserves)
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('') +
  '</tbody></table>';

const FORMATS = [
  ['a markdown pipe table', pipe, 'doc.md'],
  ['an HTML table', html, 'doc.html'],
] as const;
const broken = [['Algemene Reserves', 'Stand 31-12-2017 (f = c + d - e)', 57047, 57147]];

ruleTester('printed-formula', {
  // two formulas (c = a + b, f = c + d − e) in each of the three rows
  valid: FORMATS.map(([format, make, name]) => ({
    name: `Utrecht 2017 as ${format}: c = a + b and f = c + d − e in every row`,
    run: () => processText(make('57.047'), name),
    evaluated: 6,
  })),
  invalid: FORMATS.map(([format, make, name]) => ({
    name: `Utrecht 2017 as ${format}, Algemene Reserves closing at 57.147: f = c + d − e broken`,
    run: () => processText(make('57.147'), name),
    findings: broken,
  })),
});

describe('printed-formula: what the valid cases read', () => {
  for (const [format, make, name] of FORMATS) {
    it(`${format}: the formulas become the columns' keys, and nothing in the table is an error or unchecked`, () => {
      const r = processText(make('57.047'), name);
      expect(r.tables[0].columns.map((c) => c.header)).toEqual(NAMES.map((n, i) => `${n} (${KEYS[i]})`));
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(findingsOf(r, 'unchecked-table')).toEqual([]);
    });
  }
});
