import type { Finding } from '../../../schemas/index.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import { rowName, type Grid } from '../../arithmetic/grid.js';
import { evaluate, type Relation } from '../../arithmetic/relations.js';
import { cellFinding, countEvaluation, type Rule } from '../rule.js';

interface Failure {
  rel: Relation;
  expected: number;
  found: number;
  tolerance: number;
}

/** The value a term cell must have for its relation to hold, the others as printed. */
function needed(grid: Grid, f: Failure, ref: { row: number; col: number }, sign: 1 | -1): number {
  const value = grid.rows[ref.row].cells[ref.col].value ?? 0;
  return value + sign * (f.found - f.expected);
}

const rule: Rule<'document'> = {
  id: 'crossed-relations',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      "Where two failing relations of a table (a row's saldo or verschil, a column's total) share exactly " +
      'one figure that neither has as its result, and one corrected value of that figure makes both hold ' +
      'within rounding, that figure is the one that is wrong: the finding is placed at its row and column. ' +
      'The failing relations keep their own findings, placed at their results.',
    why:
      'A saldo that does not follow from its baten and lasten says that one of three figures is wrong, not ' +
      'which; a column total that fails says the same of a column. Where a row and a column fail by the same ' +
      'amount through one shared figure, the auditor can go straight to it.',
    example:
      'A copy of the Lochem jaarstukken 2021 programme table with "0 - Bestuur en ondersteuning", Baten ' +
      '(Begroting 2021 voor wijziging) printed 476 instead of 463: its saldo fails by 13 and the Totaal ' +
      'programmas baten fails by 13; the finding names 0 - Bestuur en ondersteuning / Begroting 2021 voor ' +
      'wijziging Baten and says it should be 463.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const { grid, relations } of ctx.arithmetic) {
      const failures: Failure[] = [];
      for (const rel of relations) {
        const e = evaluate(grid, rel, { missingTermsAsZero: rel.kind === 'footing' });
        countEvaluation(e, evaluated);
        if (e.status === 'fails') failures.push({ rel, expected: e.expected, found: e.found, tolerance: e.tolerance });
      }
      if (failures.length < 2) continue;
      // A figure that is the result of a failing relation is named by that relation's own finding.
      const targets = new Set(failures.map((f) => `${f.rel.target.row}:${f.rel.target.col}`));
      const byTerm = new Map<string, { f: Failure; sign: 1 | -1 }[]>();
      for (const f of failures) {
        for (const t of f.rel.terms) {
          const key = `${t.row}:${t.col}`;
          if (targets.has(key) || grid.rows[t.row].cells[t.col].status !== 'printed') continue;
          const list = byTerm.get(key) ?? [];
          list.push({ f, sign: t.sign });
          byTerm.set(key, list);
        }
      }
      for (const [key, list] of byTerm) {
        if (list.length < 2) continue;
        const [row, col] = key.split(':').map(Number);
        const ref = { row, col };
        const values = list.map(({ f, sign }) => ({ v: needed(grid, f, ref, sign), tol: f.tolerance, f }));
        const a = values[0];
        if (values.some((b) => Math.abs(a.v - b.v) > a.tol + b.tol + 1e-9)) continue;
        const cell = grid.rows[row].cells[col];
        const show = (f: Failure) =>
          `${rowName(grid.rows[f.rel.target.row])}, ${grid.columns[f.rel.target.col].header} (${f.rel.why})`;
        out.push(
          cellFinding(ctx, grid, ref, {
            rule: rule.id,
            severity: rule.severity,
            expected: a.v,
            found: cell.value,
            tolerance: a.tol,
            message:
              `${rowName(grid.rows[row])}, ${grid.columns[col].header}: ${list.length} failing relations share ` +
              `this figure and no other, and all hold with ${formatDutch(a.v, cell.decimals)} here instead of ` +
              `the printed ${cell.raw} (rounding tolerance ±${formatTolerance(a.tol)}, the first relation's): ` +
              `${list.map(({ f }) => show(f)).join('; ')}.`,
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
