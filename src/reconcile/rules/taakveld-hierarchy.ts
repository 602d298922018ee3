import type { Finding } from '../../../schemas/index.js';
import { formatDutch, halfUnit, formatTolerance } from '../../grammar/number.js';
import { parentCode } from '../../catalogue/taakvelden.js';
import { rowName } from '../../arithmetic/grid.js';
import { cellFinding, message, type Rule } from '../rule.js';

const messages = {
  notSubtotal:
    '{row}, {column}: the sub-taakvelden sum to {sum} ({terms}), the parent prints {printed} ' +
    '(difference {difference}, tolerance ±{tolerance}); in {agree} the parent is their subtotal.',
} as const;

const rule: Rule<'document'> = {
  id: 'taakveld-hierarchy',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      'A parent taakveld line (6.71) against its sub-taakvelden (6.71A–D), per line item and column. Where ' +
      'both carry figures in a column, the parent is their subtotal if it equals their sum; a parent that is ' +
      'the subtotal in some columns and not in others is an error in those others. A parent that equals the ' +
      'sum in no column is a separate line (the primitief budget not yet split, as in Hengelo 2023), which ' +
      'the column-footing rule then counts beside its children; this rule stays silent on it.',
    why:
      'A subtotal that does not add up in one column means a sub-taakveld was changed without its parent (or ' +
      'the reverse), and any comparison by parent taakveld (IV3, other gemeenten) uses the wrong figure.',
    example:
      'Hengelo jaarstukken 2023: 6.71 / Lasten prints 27.628 in Begroting 2023 primitief, where its only ' +
      'printed sub-taakveld is 6.71D (125); in no column do both sum, so 6.71 is a separate line and no ' +
      'finding is made.',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const { grid } of ctx.arithmetic) {
      const parents = grid.rows.filter(
        (r) => r.taakveld && !r.isTotal && grid.rows.some((c) => c.taakveld && parentCode(c.taakveld) === r.taakveld),
      );
      for (const parent of parents) {
        const children = grid.rows.filter(
          (c) => c.taakveld && parentCode(c.taakveld) === parent.taakveld && c.lineItem === parent.lineItem,
        );
        if (children.length === 0) continue;
        const verdicts: { col: number; ok: boolean; sum: number; tol: number }[] = [];
        grid.columns.forEach((_, col) => {
          const p = parent.cells[col];
          const printed = children.filter((c) => c.cells[col].status === 'printed');
          if (
            p.status !== 'printed' ||
            printed.length === 0 ||
            children.some((c) => c.cells[col].status === 'missing' || c.cells[col].status === 'unreadable')
          )
            return;
          const sum = printed.reduce((s, c) => s + (c.cells[col].value ?? 0), 0);
          const tol = halfUnit(p.decimals) + printed.reduce((s, c) => s + halfUnit(c.cells[col].decimals), 0);
          verdicts.push({ col, ok: Math.abs((p.value ?? 0) - sum) <= tol + 1e-9, sum, tol });
        });
        evaluated(verdicts.length);
        if (!verdicts.some((v) => v.ok)) continue;
        for (const v of verdicts.filter((x) => !x.ok)) {
          const p = parent.cells[v.col];
          const agree = verdicts.filter((x) => x.ok).map((x) => grid.columns[x.col].header);
          out.push(
            cellFinding(
              ctx,
              grid,
              { row: parent.index, col: v.col },
              {
                rule: rule.id,
                severity: rule.severity,
                expected: v.sum,
                found: p.value,
                tolerance: v.tol,
                message: message(messages.notSubtotal, {
                  row: rowName(parent),
                  column: grid.columns[v.col].header,
                  sum: formatDutch(v.sum),
                  terms: children.map((c) => `${c.taakveld} ${c.cells[v.col].raw || '-'}`).join(' + '),
                  printed: p.raw,
                  difference: formatDutch((p.value ?? 0) - v.sum),
                  tolerance: formatTolerance(v.tol, 1),
                  agree: agree.join(', '),
                }),
              },
            ),
          );
        }
      }
    }
    return out;
  },
};
export default rule;
