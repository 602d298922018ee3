/**
 * Mutation test: change one figure in a copy of the Hengelo 2023 sample (30 cells of its cost
 * table, picked by a seeded generator so a failure can be replayed) and assert that a finding
 * names the changed cell: its row and column, or its column and its line among the figures compared.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDutch } from '../src/grammar/number.js';
import { rowName } from '../src/arithmetic/grid.js';
import { buildContext } from '../src/reconcile/rule.js';
import { HENGELO_2023, processSample, seeded } from './helpers.js';
import { processCopy } from './mutate.js';

describe('mutation: a changed figure is found at its row and column', { timeout: 120_000 }, () => {
  const original = processSample(HENGELO_2023);
  const ctx = buildContext(original.document, original.tables, original.financial, original.indicators);
  const { grid } = ctx.arithmetic.find((a) => a.grid.table.title === '6 Sociaal domein')!;
  const cells = grid.rows
    .flatMap((row) => row.cells.map((cell, col) => ({ row, col, cell })))
    .filter((c) => c.cell.status === 'printed' && c.cell.line !== null);
  const lines = readFileSync(HENGELO_2023, 'utf8').split('\n');
  const random = seeded(20240615);
  const picked = new Set<number>();
  while (picked.size < 30) picked.add(Math.floor(random() * cells.length));
  const before = new Set(original.findings.map((f) => `${f.rule}|${f.row}|${f.column}|${f.found}`));

  for (const i of picked) {
    const { row, col, cell } = cells[i];
    const name = rowName(row);
    const header = grid.columns[col].header;
    it(`${name}, ${header} (line ${cell.line}): ${cell.raw} → ${formatDutch(cell.value! + 13)}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'klopt-mutation-'));
      const copy = [...lines];
      const at = cell.line! - 1;
      expect(copy[at].trim()).toBe(cell.raw);
      copy[at] = formatDutch(cell.value! + 13);
      const file = join(dir, 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt');
      writeFileSync(file, copy.join('\n'));
      writeFileSync(
        join(dir, 'manifest.csv'),
        'file,gemeente,document_type,jaar,programma,source_format\nhengelo-jaarstukken-2023-programma-6-sociaal-domein.txt,Hengelo,jaarstukken,2023,6 ' +
          'Sociaal domein,html-text\n',
      );
      const fresh = processCopy(file).findings.filter((f) => !before.has(`${f.rule}|${f.row}|${f.column}|${f.found}`));
      const names = fresh.filter(
        (f) =>
          (f.row === name && f.column === header) ||
          (f.column === header && f.message.includes(`(line ${cell.line})`)) ||
          // A short row (6.74A saldo) that no longer places uniquely: the reading finding names the row and lists the
          // column.
          (f.rule === 'ambiguous-cells' && f.row !== null && name.startsWith(f.row) && f.message.includes(header)),
      );
      expect(
        names.length,
        fresh.map((f) => `${f.rule} ${f.row} / ${f.column}: ${f.message}`).join('\n'),
      ).toBeGreaterThan(0);
    });
  }
});
