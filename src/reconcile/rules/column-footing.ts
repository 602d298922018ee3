import type { Finding } from '../../../schemas/index.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import { rowName, type Grid } from '../../arithmetic/grid.js';
import { evaluate, solveMissing, type Relation } from '../../arithmetic/relations.js';
import {
  cellFinding,
  countEvaluation,
  describeTerms,
  isConsequence,
  message,
  RELATION_FAILS,
  type Rule,
} from '../rule.js';

/**
 * Corrections the row-level arithmetic asks for in the footing's terms: a cell another relation
 * proves wrong, or a missing cell it can solve. If they account for the whole difference, the
 * total is right and the rows are the error.
 */
function explain(grid: Grid, relations: Relation[], footing: Relation) {
  const parts: { text: string; delta: number }[] = [];
  for (const t of footing.terms) {
    const cell = grid.rows[t.row].cells[t.col];
    const row = grid.rows[t.row];
    if (cell.status === 'missing') {
      const solved = solveMissing(grid, relations, t);
      if (solved)
        parts.push({
          text: `${rowName(row)} missing (should be ${formatDutch(solved.value)})`,
          delta: t.sign * solved.value,
        });
      continue;
    }
    for (const rel of relations) {
      if (
        rel.kind === 'footing' ||
        rel.target.row !== t.row ||
        rel.target.col !== t.col ||
        isConsequence(grid, relations, rel)
      )
        continue;
      const e = evaluate(grid, rel);
      if (e.status === 'fails') {
        parts.push({
          text: `${rowName(row)} ${cell.raw} (should be ${formatDutch(e.expected)})`,
          delta: t.sign * (e.expected - e.found),
        });
        break;
      }
    }
  }
  return parts;
}

const messages = {
  fails: RELATION_FAILS,
  compared: ' Compared: {terms}.',
  comparedMany: ' Compared: {count} lines from {first} to {last}.',
  explained:
    ' The row findings in this column explain the whole difference: {parts}. With them corrected the total adds up.',
  partly: ' Row findings explain {explained} of it ({parts}); {rest} remains unexplained.',
} as const;

const rule: Rule<'document'> = {
  id: 'column-footing',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      'Every total row equals the sum of the rows it totals, per column, judged by interval arithmetic. ' +
      'Parent taakvelden count only in columns where their sub-taakvelden are empty. Rows marked "- " under a row ' +
      "of figures are its items (a balance sheet's Liquide middelen over - Kassaldi): that row is their sum, and " +
      'the totals below count it, not its items again. A consistent printed ' +
      'sign pattern (a "(-/-)" line subtracted in every column) is the table\'s convention, not an error. ' +
      'When row-level findings in the same column account for the whole difference, the finding says so and ' +
      'is informational: the total is right, the rows are wrong.',
    why: 'A total that is not the sum of its rows means a row was left out, counted twice or misprinted.',
    example:
      'Hengelo jaarstukken 2023, Saldo 6 Sociaal domein, Verschil: the printed taakveld verschillen sum to ' +
      '3.121 against a total of 3.195; the sign errors at 6.73A and 6.73B and the missing 6.74A cell account ' +
      'for the 74.',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const { grid, relations } of ctx.arithmetic) {
      for (const rel of relations) {
        if (rel.kind !== 'footing') continue;
        const e = evaluate(grid, rel, { missingTermsAsZero: true });
        countEvaluation(e, evaluated);
        if (e.status !== 'fails') continue;
        const parts = explain(grid, relations, rel);
        const corrected = e.expected + parts.reduce((s, p) => s + p.delta, 0);
        const explained = parts.length > 0 && Math.abs(e.found - corrected) <= e.tolerance + 1e-9;
        const row = grid.rows[rel.target.row];
        const cell = row.cells[rel.target.col];
        const column = grid.columns[rel.target.col];
        // The rows summed, with their figures and lines, so the auditor can look for the one that is off (up to 30;
        // else the first and last).
        const compared =
          rel.terms.length <= 30
            ? message(messages.compared, { terms: describeTerms(grid, rel) })
            : message(messages.comparedMany, {
                count: rel.terms.length,
                first: rowName(grid.rows[rel.terms[0].row]),
                last: rowName(grid.rows[rel.terms.at(-1)!.row]),
              });
        const fails = message(messages.fails, {
          row: rowName(row),
          column: column.header,
          why: rel.why,
          expected: formatDutch(e.expected),
          printed: cell.raw || '0',
          difference: formatDutch(e.found - e.expected),
          tolerance: formatTolerance(e.tolerance, 1),
        });
        const what = `${fails}${explained ? '' : compared}`;
        const listed = parts.map((p) => p.text).join('; ');
        out.push(
          cellFinding(ctx, grid, rel.target, {
            rule: rule.id,
            severity: explained ? 'info' : rule.severity,
            expected: e.expected,
            found: e.found,
            tolerance: e.tolerance,
            message: explained
              ? what + message(messages.explained, { parts: listed })
              : what +
                (parts.length
                  ? message(messages.partly, {
                      explained: formatDutch(corrected - e.expected),
                      parts: listed,
                      rest: formatDutch(e.found - corrected),
                    })
                  : ''),
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
