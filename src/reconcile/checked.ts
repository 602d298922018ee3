import type { Table } from '../../schemas/index.js';
import { evaluate } from '../arithmetic/relations.js';
import type { RuleContext } from './rule.js';

/**
 * What the arithmetic actually proved: per table of figures, how many printed amounts were read
 * and how many took part in a relation (a saldo, verschil, total or balance) that could be
 * evaluated. A table read in full whose layout promises no relation klopt can evaluate is read,
 * not checked: "adds up" would claim a check that never ran.
 */
export interface TableChecks {
  table: Table;
  amounts: number;
  checked: number;
  /** Relations evaluated (held or failed) over the table. */
  relations: number;
}

export function checkCoverage(ctx: RuleContext): TableChecks[] {
  return ctx.arithmetic.map(({ grid, relations }) => {
    const printed = (row: number, col: number) => grid.rows[row].cells[col].status === 'printed';
    const checked = new Set<string>();
    let evaluated = 0;
    for (const rel of relations) {
      const e = evaluate(grid, rel);
      if (e.status === 'unknown' || e.trivial) continue;
      evaluated++;
      for (const ref of [rel.target, ...rel.terms]) if (printed(ref.row, ref.col)) checked.add(`${ref.row}:${ref.col}`);
    }
    let amounts = 0;
    for (const row of grid.rows) for (const cell of row.cells) if (cell.status === 'printed') amounts++;
    return { table: grid.table, amounts, checked: checked.size, relations: evaluated };
  });
}
