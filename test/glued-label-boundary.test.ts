import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { processText } from './helpers.js';

/**
 * Glued indicator rows whose label ends in a number, derived from the Hengelo begroting 2019
 * "Verplichte kengetallen" (line 84: "Aantal banen (per 1000 inwoners in de leeftijd 15-64
 * jaar)884,2868,8 (2016)910,1 (2017)", line 87: "Netto arbeidsparticipatie (…)64,7 (2015)…"),
 * with the labels the BBV names them by (indicators 21 and 24), glued the same way.
 */
const HEADER = 'Verplichte kengetallenWerkelijk 2017Begroting 2018Begroting 2019';
const BANEN_1000 = 'Banen per 1000884,2868,8 (2016)910,1 (2017)';
const BANEN_15_64 = 'Banen per 1000 inwoners 15-64884,2868,8 (2016)910,1 (2017)';
const NETTO = 'Netto arbeidsparticipatie 64,7%65,5% (2016)67,1% (2017)';

function run(lines: string[]) {
  const doc = processText(['Kengetallen', ...lines, ''].join('\n'));
  const store = openStore(':memory:');
  store.replaceDocument(doc);
  const stored = store
    .listIndicatorFacts(doc.document.id)
    .map((f) => [f.provenance.line, f.name, f.columnHeader, f.value, f.referenceYear, f.reading ?? 'grammar']);
  // The document-level verdict finding (nothing-read, where no row was stored) is asserted apart.
  const findings = store
    .listFindings()
    .filter((f) => f.rule !== 'nothing-read' && f.rule !== 'nothing-checked')
    .map((f) => [f.rule, f.severity, f.line, f.row, f.column]);
  store.close();
  return { doc, stored, findings };
}

describe('glued indicator rows: where the label ends', () => {
  it(
    '"Banen per 1000884,2…": the grammar alone puts the boundary after "1000" (no 7-digit figure without dots, ' +
      'no 5-digit label number)',
    () => {
      const { stored, findings, doc } = run([HEADER, BANEN_1000]);
      expect(stored).toEqual([
        [3, 'Banen per 1000', 'Werkelijk 2017', 884.2, null, 'heuristic'],
        [3, 'Banen per 1000', 'Begroting 2018', 868.8, 2016, 'heuristic'],
        [3, 'Banen per 1000', 'Begroting 2019', 910.1, 2017, 'grammar'],
      ]);
      // 884,2 | 868,8 or 884,28 | 68,8 or 884,286 | 8,8: the cells, not the label, are the heuristic's
      expect(findings).toEqual([['heuristic-split', 'warning', 3, 'Banen per 1000', 'Werkelijk 2017, Begroting 2018']]);
      expect(doc.findings[0].message).toContain('884,28 | 68,8 (2016) | 910,1 (2017)');
    },
  );

  it(
    '"…15-64884,2…": ambiguous-cells with every boundary, nothing stored — even where the document prints the ' +
      'label',
    () => {
      for (const before of [[], ['  • Banen per 1000 inwoners 15-64', '']]) {
        const { stored, findings, doc } = run([...before, HEADER, BANEN_15_64]);
        const line = 3 + before.length;
        expect(stored).toEqual([]);
        // "…15-64" printed elsewhere does not rule out "…15-648" + 84,2: a known label settles only as the last
        // boundary
        expect(findings).toEqual([
          [
            'ambiguous-cells',
            'warning',
            line,
            'Banen per 1000 inwoners 15-',
            'Werkelijk 2017, Begroting 2018, Begroting 2019',
          ],
        ]);
        const ambiguous = doc.findings[0];
        expect(ambiguous.raw).toBe(BANEN_15_64);
        for (const label of ['15-6" + 4884,2 |', '15-64" + 884,2 |', '15-648" + 84,2 |', '15-6488" + 4,2 |'])
          expect(ambiguous.message).toContain(label);
        expect(ambiguous.message).toContain('nothing stored for this row');
        // Nothing of the document was stored: its verdict cannot be "adds up".
        expect(doc.findings.filter((f) => f.rule === 'nothing-read').map((f) => f.severity)).toEqual(['warning']);
      }
    },
  );

  it('the BBV catalogue settles nothing: "Netto arbeidsparticipatie 6" + 4,7% stays possible', () => {
    // (the property test found why: a document may print a catalogue name with a number after it,
    // "Jongeren met een delict voor de rechter 12-21", so a catalogue name is no boundary)
    const { stored, findings } = run([HEADER, NETTO]);
    expect(stored).toEqual([]);
    expect(findings).toEqual([
      ['ambiguous-cells', 'warning', 3, 'Netto arbeidsparticipatie', 'Werkelijk 2017, Begroting 2018, Begroting 2019'],
    ]);
  });

  it('a label the document prints elsewhere settles the boundary when no longer label is possible', () => {
    const row = 'Banen per 1000 inwoners 15-649,1%8,8% (2016)10,1% (2017)';
    // alone: "…15" + -649,1%, "…15-6" + 49,1% or "…15-64" + 9,1%
    expect(run([HEADER, row]).findings).toEqual([
      ['ambiguous-cells', 'warning', 3, 'Banen per 1000 inwoners', 'Werkelijk 2017, Begroting 2018, Begroting 2019'],
    ]);
    const { stored, findings, doc } = run(['  • Banen per 1000 inwoners 15-64', '', HEADER, row]);
    expect(stored).toEqual([
      // the other boundaries read 649,1% / 49,1% here: this cell rests on the known label
      [5, 'Banen per 1000 inwoners 15-64', 'Werkelijk 2017', 9.1, null, 'heuristic'],
      [5, 'Banen per 1000 inwoners 15-64', 'Begroting 2018', 8.8, 2016, 'grammar'],
      [5, 'Banen per 1000 inwoners 15-64', 'Begroting 2019', 10.1, 2017, 'grammar'],
    ]);
    expect(findings).toEqual([['label-boundary', 'warning', 5, 'Banen per 1000 inwoners 15-64', 'Werkelijk 2017']]);
    expect(doc.findings[0].message).toBe(
      'The label could also end at "Banen per 1000 inwoners 15", "Banen per 1000 inwoners 15-", "Banen per ' +
        '1000 inwoners 15-6" (the figures would then begin there); it is read as "Banen per 1000 inwoners ' +
        '15-64" because that label is printed on line 2 of this document, and no longer label is possible; the ' +
        'cells of Werkelijk 2017 rest on this and are marked heuristic',
    );
  });

  it('a non-breaking space after a label counts only where the table shows it pads cells with them', () => {
    // Hengelo 2019 lines 74 and 79 as dumped, under the Beleidsindicatoren header (line 64)
    const header =
      'BeleidsindicatorenWerkelijk 2017Begroting 2018Begroting 2019Begroting 2020Begroting 2021Begroting 2022';
    const line74 = 'Aantal beschutte werkplekken\u00a01426\u00a034\u00a0N.B.\u00a0N.B.\u00a0N.B.\u00a0';
    const line79 =
      'Aantal unieke cliënten die binnen een kalenderjaar een Wmo-voorziening hebben ' +
      'gehad\u00a06.3626.3886.400\u00a0\u00a06.4006.400\u00a06.400\u00a0';
    // alone, nothing tells "werkplekken 14" + 26 | 34 … from "werkplekken" + 14 | 26 | 34 …
    const alone = run([header, line74]);
    expect(alone.stored).toEqual([]);
    expect(alone.findings).toEqual([
      [
        'ambiguous-cells',
        'warning',
        3,
        'Aantal beschutte werkplekken',
        header.slice('Beleidsindicatoren'.length).replace(/(\d)(?=B)/g, '$1, '),
      ],
    ]);
    // line 79's boundary is certain, and a non-breaking space ends its label: the table pads its cells
    const padded = run([header, line79, line74]);
    expect(padded.stored.filter((s) => s[0] === 4).map((s) => [s[3], s[5]])).toEqual([
      [14, 'heuristic'],
      [26, 'heuristic'],
      [34, 'heuristic'],
      [null, 'grammar'],
      [null, 'grammar'],
      [null, 'grammar'],
    ]);
    expect(padded.findings.filter((f) => f[2] === 4).map((f) => f[0])).toEqual(['label-boundary', 'heuristic-split']);
    expect(padded.doc.findings.find((f) => f.rule === 'label-boundary')!.message).toContain(
      'as in the rows of this table whose label is certain (line 3)',
    );
  });
});
