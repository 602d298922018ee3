import type { Finding } from '../../../schemas/index.js';
import { formatDutch } from '../../grammar/number.js';
import { rowName } from '../../arithmetic/grid.js';
import { solveMissing } from '../../arithmetic/relations.js';
import { cellFinding, describeTerms, message, type Rule } from '../rule.js';

const messages = {
  solved: '{row}: the {column} cell is missing; {why} makes it {value} (from {terms})',
  unsolved: '{row}: the {column} cell is missing and no relation of the table fixes its value',
} as const;

const rule: Rule<'document'> = {
  id: 'missing-cell',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      "A row printed with fewer cells than the table has columns. Where the table's arithmetic fixes the " +
      'missing figure, the finding says what it must be.',
    why:
      'A blank where a figure belongs hides an amount from the reader, and every total that includes the row ' +
      'silently counts it as zero.',
    example:
      'Hengelo jaarstukken 2023, 6.74A Jeugdhulp behandeling GGZ zonder verblijf: the saldo row has three ' +
      'cells for four columns; the Verschil is missing and must be 44 (verschil baten 0 + verschil lasten ' +
      '44).',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const { grid, relations } of ctx.arithmetic) {
      grid.rows.forEach((row) => {
        if (row.isSection) return;
        evaluated();
        row.cells.forEach((cell, col) => {
          if (cell.status !== 'missing') return;
          const solved = solveMissing(grid, relations, { row: row.index, col });
          const column = grid.columns[col];
          out.push(
            cellFinding(
              ctx,
              grid,
              { row: row.index, col },
              {
                rule: rule.id,
                severity: rule.severity,
                expected: solved?.value ?? null,
                found: null,
                message: solved
                  ? message(messages.solved, {
                      row: rowName(row),
                      column: column.header,
                      why: solved.rel.why,
                      value: formatDutch(solved.value),
                      terms: describeTerms(grid, solved.rel),
                    })
                  : message(messages.unsolved, { row: rowName(row), column: column.header }),
              },
            ),
          );
        });
      });
    }
    return out;
  },
};
export default rule;
