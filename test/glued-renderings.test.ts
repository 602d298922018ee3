/**
 * The glued reader on tables it was not written for: real corpus pages whose periods each print Lasten | Baten |
 * Saldo, rendered as a text dump that glues every cell of a row together (as Gilze en Rijen's site dump does, header
 * included: `ProgrammaRekening 2015Begroting 2016…`, `LastenBatenSaldoLastenBatenSaldo…`,
 * `Programma 03.7566603.096…`). The glued reading must give the facts the page's own reading gives, cell by cell.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { CORPUS_DIR } from './real-pages/golden.js';

const manifest = readManifest(join(CORPUS_DIR, 'manifest.csv'));
/** The findings of a row the glued reader could not cut: a reading gap, named, not an arithmetic error. */
const READING = ['ambiguous-cells', 'unreadable-row'];

/** The first table of a page as a glued dump: header, line items, then each labelled row's cells run together. */
function gluedRendering(d: ProcessedDocument): { text: string; rows: Set<number> } {
  const table = d.tables[0];
  const periods: string[] = [];
  const items: string[] = [];
  for (const c of table.columns) {
    const words = c.header.split(' ');
    items.push(words[words.length - 1]);
    const period = words.slice(0, -1).join(' ');
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  const facts = d.financial.filter((f) => f.tableIndex === table.index);
  const rows = new Map<number, { label: string; cells: string[] }>();
  for (const f of facts) {
    const row = rows.get(f.rowIndex) ?? { label: f.rowLabel, cells: [] };
    if (f.status === 'printed') row.cells.push(f.provenance.raw);
    rows.set(f.rowIndex, row);
  }
  // A row the page prints without a label (an unlabelled total) has nothing a glued dump could cut its label from.
  const kept = [...rows.entries()].filter(([, r]) => r.label.trim() !== '' && r.cells.length > 0);
  const text = [
    'Overzicht van baten en lasten',
    '',
    `Programma${periods.join('')}`,
    items.join(''),
    ...kept.map(([, r]) => `${r.label}${r.cells.join('')}`),
    '',
    'Einde van het overzicht.',
    '',
  ].join('\n');
  return { text, rows: new Set(kept.map(([i]) => i)) };
}

const printed = (d: ProcessedDocument, label: (i: number) => string | undefined, rows?: Set<number>) =>
  d.financial
    .filter((f) => f.tableIndex === 0 && f.status === 'printed' && (!rows || rows.has(f.rowIndex)))
    .map((f) => `${label(f.rowIndex) ?? f.rowLabel} | ${f.columnIndex} | ${f.value}`)
    .sort();

describe('glued dumps of real tables in Lasten | Baten | Saldo per period (pages the glued reader was not written for)', () => {
  for (const slug of [
    'baarle-nassau-begroting-2018-overzicht-van-baten-en-lasten',
    'borger-odoorn-jaarstukken-2023-overzicht-taakvelden',
    'eindhoven-jaarstukken-2016-overzicht-baten-en-lasten',
    'lochem-jaarstukken-2021-overzicht-baten-en-lasten',
    'tubbergen-begroting-2021-overzicht-baten-en-lasten',
  ])
    it(`${slug}: every figure read is the page's own, every row not read is named, no arithmetic error`, () => {
      const page = processFile(join(CORPUS_DIR, `${slug}.txt`), { manifest });
      const { text, rows } = gluedRendering(page);
      const dir = mkdtempSync(join(tmpdir(), 'klopt-glued-'));
      writeFileSync(join(dir, `${slug}.txt`), text);
      const glued = processFile(join(dir, `${slug}.txt`));
      expect(glued.tables[0].columns.map((c) => c.header)).toEqual(page.tables[0].columns.map((c) => c.header));
      // Rows are compared by the label printed on them: the glued dump keeps no headings to group rows under.
      const labels = new Map(page.financial.map((f) => [f.rowIndex, f.rowLabel.split(' / ').pop()!]));
      const gluedLabels = new Map(glued.financial.map((f) => [f.rowIndex, f.rowLabel.split(' / ').pop()!]));
      const expected = printed(page, (i) => labels.get(i), rows);
      const read = printed(glued, (i) => gluedLabels.get(i));
      // What the glued reading stores is what the page prints; a row with empty cells a glued dump cannot place (one
      // "129-129" under three periods) is named in a reading finding instead, never stored as a guess.
      expect(read.filter((fact) => !expected.includes(fact))).toEqual([]);
      const unread = new Set(
        expected.filter((fact) => !read.includes(fact)).map((fact) => fact.slice(0, fact.indexOf(' | '))),
      );
      const named = new Set(
        glued.findings.filter((f) => READING.includes(f.rule)).map((f) => (f.row ?? '').split(' / ').pop()),
      );
      expect([...unread].filter((label) => !named.has(label))).toEqual([]);
      expect(read.length).toBeGreaterThanOrEqual(Math.ceil(expected.length * 0.8));
      expect(glued.findings.filter((f) => f.severity === 'error' && !READING.includes(f.rule))).toEqual([]);
    });

  it(
    "an excerpt that ends inside the last row's glued figures: the row is named cut off (a warning), not an " +
      'unreadable-row error (Gilze en Rijen 2017 ends so: "Onvoorzien19019410417107171"); held out on four pages',
    () => {
      for (const slug of [
        'baarle-nassau-begroting-2018-overzicht-van-baten-en-lasten',
        'eindhoven-jaarstukken-2016-overzicht-baten-en-lasten',
        'lochem-jaarstukken-2021-overzicht-baten-en-lasten',
        'tubbergen-begroting-2021-overzicht-baten-en-lasten',
      ]) {
        const page = processFile(join(CORPUS_DIR, `${slug}.txt`), { manifest });
        const lines = gluedRendering(page).text.split('\n');
        // The dump ends halfway through its last row's figures, as a crawler's excerpt does.
        const last = lines.length - 1 - [...lines].reverse().findIndex((l) => /\d$/.test(l));
        const label = page.financial.find((f) => lines[last].startsWith(f.rowLabel.split(' / ').pop()!))!;
        const cut = lines[last].slice(0, Math.ceil((lines[last].length + label.rowLabel.length) / 2));
        const dir = mkdtempSync(join(tmpdir(), 'klopt-glued-cut-'));
        writeFileSync(join(dir, `${slug}.txt`), [...lines.slice(0, last), cut].join('\n'));
        const glued = processFile(join(dir, `${slug}.txt`));
        expect(
          glued.findings.filter((f) => f.severity === 'error'),
          slug,
        ).toEqual([]);
        const cutOff = glued.findings.filter((f) => f.rule === 'cut-off-row');
        expect(
          cutOff.map((f) => [f.line, f.severity]),
          slug,
        ).toEqual([[last + 1, 'warning']]);
      }
    },
  );
});
