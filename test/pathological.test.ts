/**
 * Pathological content (issue 9, part 3): huge tables, huge cells, rows of glued figures, and
 * figures no grammar allows. No crash, every one reported; time and memory are measured by
 * `npm run bench` (bench/hostile.bench.ts), never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { parseCell } from '../src/grammar/number.js';
import { cellPerLine, findingsOf, processText } from './helpers.js';

/** One row per line, cells split by tabs, as the PDF → markdown dumps print them. */
const tabSeparated = (title: string, headers: string[], rows: string[][]) =>
  [title, ['Omschrijving', ...headers].join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';

const HEADERS = ['Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil'];

describe('pathological content', () => {
  it('a 100,000-row tab-separated table: every row read, figures kept', () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `Regel ${i}\t${(i % 997) + 1}.${String(i % 1000).padStart(3, '0')}\t${-(i % 500)}`,
    );
    const r = processText(
      ['Overzicht (bedragen x 1.000)', ['Omschrijving', 'Begroting 2023', 'Rekening 2023'].join('\t'), ...rows].join(
        '\n',
      ),
    );
    expect(r.financial).toHaveLength(200_000);
    const at = (i: number, col: number) => r.financial[i * 2 + col];
    expect(at(99_999, 0)).toMatchObject({
      rowLabel: 'Regel 99999',
      value: ((99_999 % 997) + 1) * 1000 + 999,
      provenance: { line: 100_002 },
    });
    expect(at(12_345, 1).value).toBe(-(12_345 % 500));
  }, 120_000);

  it('a 10,000-character label and a 10,000-digit cell: the label kept, the cell unreadable, nothing else lost', () => {
    const label = `6.1 ${'Samenkracht '.repeat(834).slice(0, 10_000)}`;
    const r = processText(
      tabSeparated('6 Sociaal domein', HEADERS, [
        ['Baten', '831', '21.118', '21.246', '128'],
        ['Lasten', '14.015', '24.335', '22.699', '1.636'],
        [label, '-13.184', '-3.217', '-1.453', '9'.repeat(10_000)],
      ]),
    );
    const [cell] = findingsOf(r, 'unreadable-cell');
    expect(cell.message).toBe('Cell is not a figure: too long for a figure');
    expect(cell.raw).toHaveLength(10_000);
    expect(r.financial.find((f) => f.rowLabel.length > 9_000 && f.columnHeader === 'Rekening 2023')?.value).toBe(-1453);
  });

  // In a cell-per-line dump a cell that is no figure cannot be told from a label line, so these
  // are tested where cells are delimited.
  it('figures no grammar allows: 1.2.3, --5, 1,2,3 and 99999999999999999999 are unreadable cells, named', () => {
    const r = processText(
      tabSeparated('Overzicht bedragen x 1.000', HEADERS, [
        ['Regel a', '1.2.3', '10', '10', '0'],
        ['Regel b', '--5', '10', '10', '0'],
        ['Regel c', '1,2,3', '10', '10', '0'],
        ['Regel d', '99999999999999999999', '10', '10', '0'],
      ]),
    );
    expect(Object.fromEntries(findingsOf(r, 'unreadable-cell').map((f) => [f.raw, f.row]))).toEqual({
      '1.2.3': 'Regel a',
      '--5': 'Regel b',
      '1,2,3': 'Regel c',
      '99999999999999999999': 'Regel d',
    });
    expect(parseCell('99999999999999999999')).toMatchObject({
      kind: 'invalid',
      reason: 'figure too large to hold exactly',
    });
    expect(parseCell('--5')).toMatchObject({ kind: 'invalid' });
    expect(r.financial.filter((f) => f.columnHeader === 'Rekening 2023').map((f) => f.value)).toEqual([10, 10, 10, 10]);
  });

  it('rows of 40 glued figures: split when the grammar allows one reading, else reported, never a hang', () => {
    const header = `Taakveld${HEADERS.join('')}`;
    // 40 figures with thousands dots and signs: the grammar allows far more readings than 4 columns take
    const forty = Array.from(
      { length: 40 },
      (_, i) => `${i % 2 ? '-' : ''}${((i * 7919) % 900) + 100}.${String((i * 31) % 1000).padStart(3, '0')}`,
    ).join('');
    // digits only: thousands of readings per row for 12 columns
    const digits = '123456';
    const header12 = `Taakveld${Array.from({ length: 12 }, (_, i) => (i % 2 ? `Realisatie ${2012 + i}` : `Begroting ${2012 + i}`)).join('')}`;
    const r = processText(
      `Tabel A\n${header}\n6.1 Samenkracht en burgerparticipatie${forty}\n6.2 Toegang en ` +
        `eerstelijnsvoorzieningen${forty}\n\nTabel ` +
        `B\n${header12}\n${[1, 2, 3, 4].map((i) => `6.${i} Regel${digits}`).join('\n')}\nTotaal${digits}\n`,
    );
    const unreadable = findingsOf(r, 'unreadable-row');
    expect(unreadable.map((f) => f.line)).toEqual([3, 4]);
    expect(unreadable[0].message).toContain('no split of the glued figures');
    const ambiguous = findingsOf(r, 'ambiguous-cells');
    expect(ambiguous.map((f) => f.line)).toEqual(expect.arrayContaining([8, 9, 10, 11]));
    expect(
      ambiguous.filter((f) =>
        f.message.includes("too many to try against the table's arithmetic (budget 5000 per table)"),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('deeply nested markup in a text dump: read as text, no crash', () => {
    const nested = `${'<div>'.repeat(50_000)}Programma 6${'</div>'.repeat(50_000)}`;
    const r = processText(
      `${nested}\n${cellPerLine('6 Sociaal domein', HEADERS, [['Baten', '831', '21.118', '21.246', '128']])}`,
    );
    expect(r.financial.map((f) => f.value)).toEqual([831, 21118, 21246, 128]);
  });
});
