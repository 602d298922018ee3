import type { Finding, IndicatorFact } from '../../../schemas/index.js';
import { formatDutch, formatTolerance, halfUnit, parseCell } from '../../grammar/number.js';
import { makeFinding } from '../../arithmetic/finding.js';
import type { Rule } from '../rule.js';
import { groupBy } from '../../collections.js';

/** A cell printing a count and its share: "339 (45,2%)", "340( 47,5%)". */
interface CountShare {
  fact: IndicatorFact;
  count: number;
  countHalf: number;
  share: number;
  shareHalf: number;
  shareDecimals: number;
}

function countShare(fact: IndicatorFact): CountShare | null {
  // a cell cut by a heuristic is no ground for a finding
  if (fact.value === null || fact.reading === 'heuristic') return null;
  const inner = /\(([^()]*)\)\s*$/.exec(fact.provenance.raw)?.[1];
  const share = inner === undefined ? null : parseCell(inner);
  if (!share || share.kind !== 'number' || !share.percent) return null;
  return {
    fact,
    count: fact.value,
    countHalf: halfUnit(fact.decimals),
    share: share.value,
    shareHalf: halfUnit(share.decimals),
    shareDecimals: share.decimals,
  };
}

/**
 * Rows that print "count (share %)" in every column, next to each other, whose shares add up to
 * 100% in a column, divide one total between them: each share is its count over the rows' summed
 * counts. Only then is the base known; a column whose shares do not add up to 100% is not judged.
 * Every figure stands for its rounding interval (a count ± 0,5, a share ± half its last digit),
 * and the share fails only when no counts in their intervals give a share in its interval.
 */
const rule: Rule<'document'> = {
  id: 'share-of-total',
  scope: 'document',
  severity: 'warning',
  docs: {
    description:
      'Adjacent indicator rows printing "count (share %)" whose shares add up to 100% in a column: each ' +
      'share must be its count over the sum of their counts, within rounding.',
    why:
      'A share that does not follow from the counts printed beside it means one of the two figures is wrong, ' +
      'or the target was set for one and not updated for the other.',
    example:
      'Hengelo begroting 2019, Beleidsindicatoren lines 67–68: "Uitstroom naar werk" 340 (47,5%) and ' +
      '"Uitstroom overig" 410 (52,5%) in Begroting 2018; 340 / (340 + 410) = 45,3%, not 47,5% (in Werkelijk ' +
      '2017, 339 / 750 = 45,2% as printed).',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const rows = groupBy(ctx.indicators, (f) => `${f.tableIndex}:${f.rowIndex}`);
    // runs of adjacent rows whose every cell is a count with its share
    const runs: CountShare[][][] = [];
    let last: { table: number; row: number } | null = null;
    for (const cells of [...rows.values()].sort(
      (a, b) => a[0].tableIndex - b[0].tableIndex || a[0].rowIndex - b[0].rowIndex,
    )) {
      const parsed = cells.sort((a, b) => a.columnIndex - b.columnIndex).map(countShare);
      const { tableIndex: table, rowIndex: row } = cells[0];
      if (parsed.some((p) => p === null)) {
        last = null;
        continue;
      }
      if (last && last.table === table && last.row === row - 1 && runs.at(-1)![0].length === parsed.length)
        runs.at(-1)!.push(parsed as CountShare[]);
      else runs.push([parsed as CountShare[]]);
      last = { table, row };
    }
    for (const run of runs.filter((r) => r.length >= 2)) {
      for (let col = 0; col < run[0].length; col++) {
        const cells = run.map((r) => r[col]);
        // the base is known only when the shares divide a whole
        const shares = cells.reduce((s, c) => s + c.share, 0);
        const sharesHalf = cells.reduce((s, c) => s + c.shareHalf, 0);
        if (Math.abs(shares - 100) > sharesHalf + 1e-9) continue;
        evaluated();
        const total = cells.reduce((s, c) => s + c.count, 0);
        // the shares the counts allow within their rounding: it rises with its own count and falls with the others'
        const range = (c: CountShare) => {
          const others = cells.filter((o) => o !== c).reduce((s, o) => s + o.countHalf, 0);
          const low = (100 * (c.count - c.countHalf)) / (total - c.countHalf + others);
          const high = (100 * (c.count + c.countHalf)) / (total + c.countHalf - others);
          return { low, high };
        };
        const bad = cells.find((c) => {
          const { low, high } = range(c);
          return high < c.share - c.shareHalf - 1e-9 || low > c.share + c.shareHalf + 1e-9;
        });
        if (!bad) continue;
        const { low, high } = range(bad);
        // one finding per column: with the shares adding up to 100%, the other rows fail with it
        const expected = Math.round((10000 * bad.count) / total) / 100;
        const f = bad.fact;
        const tolerance = Math.round(1e4 * (bad.shareHalf + (high - low) / 2)) / 1e4;
        out.push(
          makeFinding(ctx.document, {
            rule: rule.id,
            severity: rule.severity,
            table: ctx.tables.find((t) => t.index === f.tableIndex)?.title ?? null,
            tableIndex: f.tableIndex,
            row: f.name,
            column: f.columnHeader,
            line: f.provenance.line,
            page: f.provenance.page,
            raw: f.provenance.raw,
            expected,
            found: bad.share,
            // the rounding of the share and of the counts, as the interval comparison allowed it
            tolerance,
            message:
              `${f.name}, ${f.columnHeader}: ${formatDutch(bad.count)} of ` +
              `${cells.map((c) => formatDutch(c.count)).join(' + ')} = ${formatDutch(total)} is ` +
              `${formatDutch(expected, 1)}% (between ${formatDutch(low, 2)}% and ${formatDutch(high, 2)}% ` +
              `given the rounding of the counts), but ${formatDutch(bad.share, bad.shareDecimals)}% is ` +
              `printed. The rows' shares ` +
              `(${cells.map((c) => `${formatDutch(c.share, c.shareDecimals)}%`).join(' + ')}) add up to 100%, ` +
              `so they divide one total: the counts printed beside them. Within the rounding of every figure ` +
              `(tolerance ±${formatTolerance(tolerance)}: the printed share ` +
              `±${formatTolerance(bad.shareHalf)}, the counts ` +
              `±${formatTolerance(Math.round(1e4 * ((high - low) / 2)) / 1e4)}) no share of ` +
              `${formatDutch(bad.share, bad.shareDecimals)}% follows from them.`,
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
