import { describe, expect, it } from 'vitest';
import { charEdges, readPageLayout } from '../extractors/pdf/layout.js';
import type { Chunk, Line } from '../extractors/pdf/words.js';

/**
 * The layout rules on pages drawn by hand (chunks with their boxes, as linesOf gives them): the
 * cases a producer's print hits by chance, each set exactly where the rule's edge is.
 */
const SIZE = 10;
const chunk = (text: string, x0: number, x1: number, y: number): Chunk => ({ text, x0, x1, y, size: SIZE, page: 1 });
const line = (y: number, ...chunks: [string, number, number][]): Line => ({
  page: 1,
  y,
  size: SIZE,
  chunks: chunks.map(([t, a, b]) => chunk(t, a, b, y)),
});
const page = (lines: Line[]) => readPageLayout({ page: 1, width: 595, height: 842, lines }, 'hand.pdf');
/** A figure right-aligned at `right`. */
const fig = (text: string, right: number): [string, number, number] => [text, right - 5 * text.length, right];

/**
 * Three heads run into one chunk from x0 to x1; where each head's last word ends (as the layout estimates glyph boxes).
 */
function runTogether(heads: string[], x0: number, x1: number) {
  const text = heads.join(' ');
  const edges = charEdges({ s: text, x: x0, w: x1 - x0 });
  let at = 0;
  const ends = heads.map((h) => edges[(at += h.length + 1) - 1]);
  return { text, ends };
}

describe('PDF layout rules on hand-set pages', () => {
  const heads = ['Werkelijk 2022', 'Begroting 2023', 'Werkelijk 2023'];

  it(
    'heads run into one chunk, each flush right with its figures, the first poking out over the label column: ' +
      'each column its own head',
    () => {
      const { text, ends } = runTogether(heads, 300, 540);
      const r = page([
        line(100, ['Beleidsindicatoren', 40, 140], [text, 300, 540]),
        line(115, ['Percentage A (%)', 40, 200], fig('5,0%', ends[0]), fig('3,5%', ends[1]), fig('3,9%', ends[2])),
        line(130, ['Percentage B (%)', 40, 200], fig('1,9%', ends[0]), fig('1,7%', ends[1]), fig('2,0%', ends[2])),
      ]);
      expect(r.tables).toHaveLength(1);
      expect(r.tables[0].header!.cells.map((c) => c.text)).toEqual(['Beleidsindicatoren', ...heads]);
      expect(r.notices).toEqual([]);
    },
  );

  it('one such header line over a single row: a table', () => {
    const { text, ends } = runTogether(heads, 300, 540);
    const r = page([
      line(100, ['Beleidsindicatoren', 40, 140], [text, 300, 540]),
      line(115, ['Percentage A (%)', 40, 200], fig('5,0%', ends[0]), fig('3,5%', ends[1]), fig('3,9%', ends[2])),
    ]);
    expect(r.tables.map((t) => t.header!.cells.slice(1).map((c) => c.text))).toEqual([heads]);
  });

  it(
    'heads run together that no flush edges part (centred over narrow figures): unread-table, no table with a ' +
      'guessed column',
    () => {
      const { text, ends } = runTogether(heads, 300, 540);
      // Each figure centred under its head: its right edge ~20 pt short of the head's end.
      const under = ends.map((e) => e - 22);
      const r = page([
        line(100, ['Beleidsindicatoren', 40, 140], [text, 300, 540]),
        line(115, ['Percentage A (%)', 40, 200], fig('5,0%', under[0]), fig('3,5%', under[1]), fig('3,9%', under[2])),
        line(130, ['Percentage B (%)', 40, 200], fig('1,9%', under[0]), fig('1,7%', under[1]), fig('2,0%', under[2])),
      ]);
      expect(r.tables).toEqual([]);
      expect(r.notices.map((n) => n.rule)).toEqual(['unread-table']);
      expect(r.notices[0].amounts).toBe(6);
    },
  );

  // Two heads run into one chunk far wider than the two narrow columns under its left part, as
  // LibreOffice sets them (Berg en Dal 2019, narrow.lo-html): the first column flush right, the
  // second flush left (a word among its figures); a third head of its own further right.
  const pair = runTogether(['Rekening 2018', 'Begroting 2019'], 117, 267);
  // Where "Begroting" starts.
  const second0 = charEdges({ s: pair.text, x: 117, w: 150 })['Rekening 2018 '.length];
  const ragged = (second: (t: string) => [string, number, number]) =>
    page([
      line(100, ['Indicator', 40, 100], [pair.text, 117, 267], ['Rekening 2019', 275, 346.5]),
      line(115, ['Inwoners', 40, 90], fig('110', pair.ends[0]), second('110'), fig('49', 346.5)),
      line(128, ['Banen', 40, 90], fig('94', pair.ends[0]), second('94'), fig('91', 346.5)),
      line(141, ['Woningen', 40, 90], fig('131', pair.ends[0]), second('1,8'), fig('119', 346.5)),
      line(154, ['Bedrijven', 40, 90], fig('44,7', pair.ends[0]), second('44,7'), fig('48,7', 346.5)),
    ]);

  it('heads run together over a column set flush right and one set flush left: each column its own head', () => {
    const r = ragged((t) => [t, second0, second0 + 5 * t.length]);
    expect(r.notices).toEqual([]);
    expect(r.tables.map((t) => t.header!.cells.slice(1).map((c) => c.text))).toEqual([
      ['Rekening 2018', 'Begroting 2019', 'Rekening 2019'],
    ]);
  });

  it(
    'a chunk over the whole figures of two columns that no flush edges part: unread-table, not one head ' +
      'given to the nearer column and none to the other',
    () => {
      // The second column's figures flush right too, under the middle of "Begroting 2019".
      const r = ragged((t) => fig(t, second0 + 35));
      expect(r.tables).toEqual([]);
      expect(r.notices.map((n) => [n.rule, n.amounts])).toEqual([['unread-table', 12]]);
    },
  );

  it('a table running off the page (figures past its edge, cut): unread-table, not read with the cut ones', () => {
    const r = page([
      line(100, ['Programma', 40, 120], ['Lasten', 420, 450], ['Baten', 520, 550], ['Saldo', 580, 606]),
      line(115, ['Bestuur', 40, 100], fig('129.993', 450), fig('-641.727', 550), ['-10.', 590, 606]),
      line(130, ['Veiligheid', 40, 100], fig('43.799', 450), fig('-9.987', 550), ['-1.', 594, 606]),
    ]);
    expect(r.tables).toEqual([]);
    expect(r.notices.map((n) => n.rule)).toEqual(['unread-table']);
    expect(r.notices[0].message).toContain('runs off the page');
  });

  it('a date in a head\'s second line ("Stand" / "31-12-2016") is a head, not a row of figures', () => {
    const r = page([
      line(100, ['Omschrijving', 40, 120], ['Stand', 425, 450], ['Stand', 525, 550]),
      line(111, ['31-12-2016', 400, 450], ['1-1-2017', 510, 550]),
      line(126, ['Algemene reserve', 40, 140], fig('40.824', 450), fig('91.835', 550)),
      line(141, ['Bestemmingsreserves', 40, 160], fig('51.047', 450), fig('51.047', 550)),
    ]);
    expect(r.notices).toEqual([]);
    expect(r.tables.map((t) => t.header!.cells.slice(1).map((c) => c.text))).toEqual([
      ['Stand 31-12-2016', 'Stand 1-1-2017'],
    ]);
  });

  it('lines of figures no table takes: unread-table, never silent', () => {
    const r = page([
      line(100, ['Zie de toelichting hieronder.', 40, 200]),
      line(140, ['Totaal', 40, 80], fig('12.000', 400), fig('13.000', 480)),
    ]);
    expect(r.tables).toEqual([]);
    expect(r.notices.map((n) => [n.rule, n.amounts])).toEqual([['unread-table', 2]]);
  });

  // Rows set exactly as close as a label's wrapped lines (12 pt, the line pitch), figures at the
  // top of each label: "Tweede regel" is as near to row A as to row B.
  const tied = (second: string) =>
    page([
      line(100, ['Omschrijving', 40, 120], ['2022', 380, 400], ['2023', 460, 480]),
      line(115, ['Aantal meldingen A', 40, 160], fig('120', 400), fig('130', 480)),
      line(127, [second, 40, 150]),
      line(139, ['Aantal meldingen B', 40, 160], fig('140', 400), fig('150', 480)),
      line(151, ['Aantal meldingen C', 40, 160], fig('160', 400), fig('170', 480)),
    ]);

  it(
    'a label line as far from the row above as from the row below, its text saying nothing: a label-boundary ' +
      'warning naming both rows',
    () => {
      const r = tied('Tweede regel');
      expect(r.tables).toHaveLength(1);
      const w = r.notices.filter((n) => n.rule === 'label-boundary');
      expect(w).toHaveLength(1);
      expect(w[0].severity).toBe('warning');
      expect(w[0].message).toContain('Aantal meldingen A');
      expect(w[0].message).toContain('Aantal meldingen B');
      expect(r.tables[0].rows.map((x) => x.cells[0].text)).toContain(w[0].row);
    },
  );

  it('the same line starting in lower case goes on from the label above: no warning', () => {
    const r = tied('tweede regel');
    expect(r.notices).toEqual([]);
    expect(r.tables[0].rows.map((x) => x.cells[0].text)).toEqual([
      'Aantal meldingen A tweede regel',
      'Aantal meldingen B',
      'Aantal meldingen C',
    ]);
  });

  it(
    "the last row's label going on in lower case a little further down than the pitch (a line in a fallback " +
      'font): one label',
    () => {
      const r = page([
        line(100, ['Omschrijving', 40, 120], ['2022', 380, 400], ['2023', 460, 480]),
        line(115, ['Aantal meldingen A', 40, 160], fig('120', 400), fig('130', 480)),
        line(130, ['Aantal inwoners (≥ 65 jaar)', 40, 200], fig('140', 400), fig('150', 480)),
        line(144, ['dat een voorziening krijgt', 40, 180]),
        line(154, ['(%)', 40, 55]),
      ]);
      expect(r.tables[0].rows.map((x) => x.cells[0].text)).toEqual([
        'Aantal meldingen A',
        'Aantal inwoners (≥ 65 jaar) dat een voorziening krijgt (%)',
      ]);
      expect(r.notices).toEqual([]);
    },
  );
});
