/**
 * Ties between narrative text and table cells: which cell a sentence describes, and whether
 * the two figures can be the same amount given both printed precisions.
 */
import type { Finding } from '../../../schemas/index.js';
import type { TextBlock } from '../../../extractors/types.js';
import { formatDutch, formatTolerance, halfUnit, toleranceInUnit } from '../../grammar/number.js';
import { rowName, type Grid, type GridCell } from '../../arithmetic/grid.js';
import { cellFinding, type RuleContext } from '../rule.js';
import { intervalsMeet, type TextAmount } from './amounts.js';

export interface CellHit {
  grid: Grid;
  row: number;
  col: number;
  cell: GridCell;
}

/** A printed cell's value in euros and the half-width of its rounding interval in euros. */
export function cellEuros(hit: CellHit): { value: number; halfWidth: number } {
  const scale = hit.grid.table.scale;
  return { value: (hit.cell.value ?? 0) * scale, halfWidth: halfUnit(hit.cell.decimals) * scale };
}

export function cellMeets(hit: CellHit, euros: number, halfWidth: number): boolean {
  const c = cellEuros(hit);
  return intervalsMeet(c.value, c.halfWidth, euros, halfWidth);
}

/** The verschil column of a grid, if it has exactly one. */
export function verschilColumn(grid: Grid): number | null {
  const cols = grid.columns.filter((c) => c.kind === 'verschil');
  return cols.length === 1 ? cols[0].index : null;
}

/** +1 when the table prints a favourable verschil positive (the default, "Saldo (- = nadeel)"). */
export function favourableSign(grid: Grid): 1 | -1 {
  return grid.convention.verschil === 'favourable_negative' ? -1 : 1;
}

const where = (hit: CellHit) =>
  hit.cell.page ? `p. ${hit.cell.page}` : hit.cell.line ? `line ${hit.cell.line}` : 'no line';

/**
 * The finding for a text amount that disagrees with its cell: placed at the cell (row and
 * column), with the text's line and raw sentence; amounts in the table's printed unit.
 */
export function textCellFinding(
  ctx: RuleContext,
  rule: { id: string; severity: Finding['severity'] },
  block: TextBlock,
  sentence: string,
  amount: TextAmount,
  textEuros: number,
  hit: CellHit,
  why: string,
  severity = rule.severity,
): Finding {
  const scale = hit.grid.table.scale;
  const c = cellEuros(hit);
  const found = textEuros / scale;
  const tolerance = (c.halfWidth + amount.halfWidth) / scale;
  const row = hit.grid.rows[hit.row];
  const f = cellFinding(
    ctx,
    hit.grid,
    { row: hit.row, col: hit.col },
    {
      rule: rule.id,
      severity,
      expected: hit.cell.value,
      found,
      tolerance,
      message:
        `Text at line ${block.line} says ${formatDutch(textEuros)} ` +
        `("${amount.raw}"${amount.direction ? `, ${amount.direction > 0 ? 'voordeel' : 'nadeel'}` : ''}) for ` +
        `${why}; the table prints ${rowName(row)}, ${hit.grid.columns[hit.col].header} = ` +
        `${hit.cell.raw || formatDutch(hit.cell.value ?? 0)}${scale !== 1 ? ` × ${formatDutch(scale)}` : ''} = ` +
        `${formatDutch(c.value)} (${where(hit)}). Difference ${formatDutch(textEuros - c.value)} euro; ` +
        `tolerance ${toleranceInUnit(tolerance, scale)} from the printed precision of both (text ` +
        `±${formatTolerance(amount.halfWidth)}, cell ±${formatTolerance(c.halfWidth)} euro).`,
    },
  );
  // The finding stands at the text: that is what the reader reads and what must be corrected or explained.
  return {
    ...f,
    line: block.line,
    page: block.page,
    raw: sentence.length > 300 ? `${sentence.slice(0, 297)}…` : sentence,
  };
}
