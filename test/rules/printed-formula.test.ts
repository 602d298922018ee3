import { describe, expect, it } from 'vitest';
import { findingsOf, processText } from '../helpers.js';

// Utrecht jaarverslag 2017, stand en verloop reserves (x € 1.000): the table prints its own formulas under the names.
const rows = (reserves: string) => [
  ['Algemene Dekkingsreserves', '40.824', '51.011', '91.835', '40.106', '85.988', '45.953'],
  ['Algemene Reserves', '51.047', '0', '51.047', '6.000', '0', reserves],
  ['Totaal Algemene reserve', '91.871', '51.011', '142.882', '46.106', '85.988', '103.000'],
];
const NAMES = ['Stand 31-12-2016', 'B&D voorstellen 2016', 'Stand 1-1-2017', 'Toevoeging 2017', 'Onttrekking 2017', 'Stand 31-12-2017'];
const KEYS = ['a', 'b', 'c = a + b', 'd', 'e', 'f = c + d - e'];

const pipe = (reserves: string) =>
  [`| Omschrijving | ${NAMES.join(' | ')} |`, `|${'---|'.repeat(7)}`, `| | ${KEYS.join(' | ')} |`, ...rows(reserves).map((r) => `| ${r.join(' | ')} |`)].join('\n');
const html = (reserves: string) =>
  `<table><thead><tr><th>Omschrijving</th>${NAMES.map((n) => `<th>${n.replace('&', '&amp;')}</th>`).join('')}</tr>` +
  `<tr><th></th>${KEYS.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>` +
  rows(reserves).map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') + '</tbody></table>';

describe('printed-formula', () => {
  for (const [format, make, name] of [['a markdown pipe table', pipe, 'doc.md'], ['an HTML table', html, 'doc.html']] as const) {
    it(`passes on ${format} whose rows keep c = a + b and f = c + d − e, each formula evaluated`, () => {
      const r = processText(make('57.047'), name);
      expect(r.tables[0].columns.map((c) => c.header)).toEqual(NAMES.map((n, i) => `${n} (${KEYS[i]})`));
      expect(findingsOf(r, 'printed-formula')).toEqual([]);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(findingsOf(r, 'unchecked-table')).toEqual([]);
    });
    it(`fails on ${format} where a row breaks its own formula f = c + d − e`, () => {
      const found = findingsOf(processText(make('57.147'), name), 'printed-formula').map((f) => [f.row, f.column, f.expected, f.found]);
      expect(found).toEqual([['Algemene Reserves', 'Stand 31-12-2017 (f = c + d - e)', 57047, 57147]]);
    });
  }
});
