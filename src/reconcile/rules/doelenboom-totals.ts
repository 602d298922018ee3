import type { Finding } from '../../../schemas/index.js';
import { formatDutch, halfUnit, formatTolerance } from '../../grammar/number.js';
import { makeFinding } from '../../arithmetic/finding.js';
import type { Grid } from '../../arithmetic/grid.js';
import type { Evaluated, Rule, RuleContext } from '../rule.js';

/** An amount with its rounding half-width, in euros. */
interface Sum {
  value: number;
  tolerance: number;
  terms: number;
}

/** The programme table: a financial table (not the doelenboom) with a plain Lasten or Baten row. */
function programmeRow(ctx: RuleContext, item: 'lasten' | 'baten'): { grid: Grid; row: number } | null {
  for (const { grid } of ctx.arithmetic) {
    if (grid.table.title === 'Doelenboom' || grid.table.kind !== 'financial') continue;
    const row = grid.rows.find((r) => r.lineItem === item && r.group === null && !r.isTotal && !r.taakveld);
    if (row) return { grid, row: row.index };
  }
  return null;
}

function compare(
  ctx: RuleContext,
  evaluated: Evaluated,
  what: string,
  item: 'lasten' | 'baten',
  sum: Sum,
  at: { line: number; raw: string },
): Finding | null {
  const target = programmeRow(ctx, item);
  if (!target) return null;
  const { grid, row } = target;
  const scale = grid.table.scale;
  const columns = grid.columns
    .filter((c) => c.kind !== 'verschil' && grid.rows[row].cells[c.index].status === 'printed')
    .map((c) => {
      const cell = grid.rows[row].cells[c.index];
      const value = cell.value! * scale;
      const tolerance = sum.tolerance + halfUnit(cell.decimals) * scale;
      return { column: c, cell, value, tolerance, off: Math.abs(sum.value - value) };
    });
  if (columns.length === 0) return null;
  evaluated();
  if (columns.some((c) => c.off <= c.tolerance + 1e-6)) return null;
  const nearest = [...columns].sort((a, b) => a.off - b.off)[0];
  const inUnit = (eur: number) => formatDutch(eur / scale);
  return makeFinding(ctx.document, {
    rule: rule.id,
    severity: rule.severity,
    table: 'Doelenboom',
    row: what,
    column: nearest.column.header,
    line: at.line,
    raw: at.raw,
    expected: nearest.value / scale,
    found: sum.value / scale,
    tolerance: nearest.tolerance / scale,
    message:
      `${what}: the doelenboom's ${sum.terms} figures add up to ${inUnit(sum.value)}, which matches no column ` +
      `of ${grid.rows[row].label} in "${grid.table.title}" (line ${nearest.cell.line}): ` +
      `${columns.map((c) => `${c.column.header} ${c.cell.raw} (difference ${inUnit(sum.value - c.value)})`).join(', ')}; ` +
      `rounding tolerance ±${formatTolerance(nearest.tolerance / scale, 1)}`,
  });
}

const rule: Rule<'document'> = {
  id: 'doelenboom-totals',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      "The doelenboom's money adds up to the programme table: the products' Lasten and Baten (Enschede 2018) " +
      'and the doelen\'s "totale lasten" (Enschede 2023) sum to the Lasten/Baten row of the programme ' +
      'table, in some column (the doelenboom does not say which), within the rounding of every printed ' +
      'figure.',
    why:
      'The doelenboom and the programme table are two views of one budget; when they differ, one of them ' +
      'misstates what the programme cost.',
    example:
      'Enschede jaarstukken 2023: totale lasten 252.647,00 + 32.884,00 + 191.058,00 = 476.589, but the ' +
      'programme table prints Lasten 476.599 (na wijziging) and 476.485 (realisatie).',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const { products, goals } = ctx.structures;
    for (const item of ['lasten', 'baten'] as const) {
      const printed = products.map((p) => p[item]).filter((a) => a !== null);
      if (printed.length === 0) continue;
      const sum: Sum = {
        value: printed.reduce((s, a) => s + a.value * products[0].scale, 0),
        tolerance: printed.reduce((s, a) => s + halfUnit(a.decimals) * products[0].scale, 0),
        terms: printed.length,
      };
      const f = compare(ctx, evaluated, `Σ ${item === 'lasten' ? 'Lasten' : 'Baten'} of the products`, item, sum, {
        line: printed[0].line,
        raw: printed.map((a) => a.raw).join(' + '),
      });
      if (f) out.push(f);
    }
    const doelen = goals.filter((g) => g.level === 'doel' && g.totaleLasten);
    if (doelen.length > 0) {
      const sum: Sum = {
        value: doelen.reduce((s, g) => s + g.totaleLasten!.value * g.scale, 0),
        tolerance: doelen.reduce((s, g) => s + halfUnit(g.totaleLasten!.decimals) * g.scale, 0),
        terms: doelen.length,
      };
      const f = compare(ctx, evaluated, 'Σ totale lasten of the doelen', 'lasten', sum, {
        line: doelen[0].totaleLasten!.line,
        raw: doelen.map((g) => g.totaleLasten!.raw).join(' + '),
      });
      if (f) out.push(f);
    }
    return out;
  },
};
export default rule;
