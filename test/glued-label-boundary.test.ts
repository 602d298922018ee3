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
  const doc = processText(['Kengetallen', '', ...lines, ''].join('\n'));
  const store = openStore(':memory:');
  store.replaceDocument(doc);
  const stored = store.listIndicatorFacts(doc.document.id).map((f) => [f.provenance.line, f.name, f.columnHeader, f.value, f.referenceYear, f.reading ?? 'grammar']);
  const findings = store.listFindings().map((f) => [f.rule, f.severity, f.line, f.row, f.column]);
  store.close();
  return { doc, stored, findings };
}

describe('glued indicator rows: where the label ends', () => {
  it('"Banen per 1000884,2…": the grammar alone puts the boundary after "1000" (no 7-digit figure without dots, no 5-digit label number)', () => {
    const { stored, findings, doc } = run([HEADER, BANEN_1000]);
    expect(stored).toEqual([
      [4, 'Banen per 1000', 'Werkelijk 2017', 884.2, null, 'heuristic'],
      [4, 'Banen per 1000', 'Begroting 2018', 868.8, 2016, 'heuristic'],
      [4, 'Banen per 1000', 'Begroting 2019', 910.1, 2017, 'grammar'],
    ]);
    // 884,2 | 868,8 or 884,28 | 68,8 or 884,286 | 8,8: the cells, not the label, are the heuristic's
    expect(findings).toEqual([['heuristic-split', 'warning', 4, 'Banen per 1000', 'Werkelijk 2017, Begroting 2018']]);
    expect(doc.findings[0].message).toContain('884,28 | 68,8 (2016) | 910,1 (2017)');
  });

  it('"…15-64884,2…" with no known label: ambiguous-cells with every boundary, nothing stored for the row', () => {
    const { stored, findings, doc } = run([HEADER, BANEN_15_64, NETTO]);
    // the row after it is read; this one not at all
    expect(stored.filter((s) => s[0] === 4)).toEqual([]);
    expect(stored.map((s) => s[1])).toEqual(['Netto arbeidsparticipatie', 'Netto arbeidsparticipatie', 'Netto arbeidsparticipatie']);
    expect(findings).toEqual([
      ['ambiguous-cells', 'warning', 4, 'Banen per 1000 inwoners 15-', 'Werkelijk 2017, Begroting 2018, Begroting 2019'],
      ['label-boundary', 'info', 5, 'Netto arbeidsparticipatie', null],
    ]);
    const ambiguous = doc.findings.find((f) => f.rule === 'ambiguous-cells')!;
    expect(ambiguous.raw).toBe(BANEN_15_64);
    for (const label of ['15-6" + 4884,2 |', '15-64" + 884,2 |', '15-648" + 84,2 |', '15-6488" + 4,2 |']) expect(ambiguous.message).toContain(label);
    expect(ambiguous.message).toContain('nothing stored for this row');
  });

  it('a label the BBV catalogue knows settles the boundary ("Netto arbeidsparticipatie" vs "… 6" + 4,7%)', () => {
    const { stored, doc } = run([HEADER, NETTO]);
    expect(stored).toEqual([
      [4, 'Netto arbeidsparticipatie', 'Werkelijk 2017', 64.7, null, 'grammar'],
      [4, 'Netto arbeidsparticipatie', 'Begroting 2018', 65.5, 2016, 'grammar'],
      [4, 'Netto arbeidsparticipatie', 'Begroting 2019', 67.1, 2017, 'grammar'],
    ]);
    const note = doc.findings.find((f) => f.rule === 'label-boundary')!;
    expect(note.message).toBe('The label could also end at "Netto arbeidsparticipatie 6" (a number glued to the figures); it is read as "Netto arbeidsparticipatie" because that label is known from the BBV catalogue (indicator 24: Netto arbeidsparticipatie, % van de werkzame beroepsbevolking t.o.v. de beroepsbevolking)');
  });

  it('a label printed elsewhere in the document settles the boundary of "…15-64884,2…"', () => {
    const { stored, findings, doc } = run(['  • Banen per 1000 inwoners 15-64', '', HEADER, BANEN_15_64]);
    expect(stored).toEqual([
      [6, 'Banen per 1000 inwoners 15-64', 'Werkelijk 2017', 884.2, null, 'heuristic'],
      [6, 'Banen per 1000 inwoners 15-64', 'Begroting 2018', 868.8, 2016, 'heuristic'],
      [6, 'Banen per 1000 inwoners 15-64', 'Begroting 2019', 910.1, 2017, 'grammar'],
    ]);
    expect(findings).toEqual([
      ['label-boundary', 'info', 6, 'Banen per 1000 inwoners 15-64', null],
      ['heuristic-split', 'warning', 6, 'Banen per 1000 inwoners 15-64', 'Werkelijk 2017, Begroting 2018'],
    ]);
    expect(doc.findings[0].message).toContain('because that label is known from line 3 of this document');
  });

  it('a non-breaking space after a label counts only where the table shows it pads cells with them', () => {
    // Hengelo 2019 lines 74 and 79 as dumped, under the Beleidsindicatoren header (line 64)
    const header = 'BeleidsindicatorenWerkelijk 2017Begroting 2018Begroting 2019Begroting 2020Begroting 2021Begroting 2022';
    const line74 = 'Aantal beschutte werkplekken\u00a01426\u00a034\u00a0N.B.\u00a0N.B.\u00a0N.B.\u00a0';
    const line79 = 'Aantal unieke cliënten die binnen een kalenderjaar een Wmo-voorziening hebben gehad\u00a06.3626.3886.400\u00a0\u00a06.4006.400\u00a06.400\u00a0';
    // alone, nothing tells "werkplekken 14" + 26 | 34 … from "werkplekken" + 14 | 26 | 34 …
    const alone = run([header, line74]);
    expect(alone.stored).toEqual([]);
    expect(alone.findings).toEqual([['ambiguous-cells', 'warning', 4, 'Aantal beschutte werkplekken', header.slice('Beleidsindicatoren'.length).replace(/(\d)(?=B)/g, '$1, ')]]);
    // line 79's boundary is certain, and a non-breaking space ends its label: the table pads its cells
    const padded = run([header, line79, line74]);
    expect(padded.stored.filter((s) => s[0] === 5).map((s) => [s[3], s[5]])).toEqual([[14, 'heuristic'], [26, 'heuristic'], [34, 'heuristic'], [null, 'grammar'], [null, 'grammar'], [null, 'grammar']]);
    expect(padded.findings.filter((f) => f[2] === 5).map((f) => f[0])).toEqual(['label-boundary', 'heuristic-split']);
    expect(padded.doc.findings.find((f) => f.rule === 'label-boundary')!.message).toContain('as in the rows of this table whose label is certain (line 4)');
  });
});
