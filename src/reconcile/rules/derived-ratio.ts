import type { Finding } from '../../../schemas/index.js';
import { formatDutch, formatTolerance, halfUnit } from '../../grammar/number.js';
import { contentWords } from '../../catalogue/names.js';
import { cellFinding, type Rule } from '../rule.js';

/** "Gemiddeld aantal indicaties per cliënt": the ratio of the "indicaties" and "cliënten" columns. */
const RATIO = /gemiddeld(?:e)?\s+(?:aantal\s+)?(.+?)\s+per\s+(.+)$/i;

/** The column whose header names the word (indicaties ~ "Totaal aantal unieke indicaties"). */
function columnFor(headers: string[], word: string, except: number): number | null {
  const stem = contentWords(word)[0]?.slice(0, 5);
  if (!stem) return null;
  const hits = headers
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => i !== except && contentWords(h).some((w) => w.startsWith(stem)));
  return hits.length === 1 ? hits[0].i : null;
}

const rule: Rule<'document'> = {
  id: 'derived-ratio',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      'A column headed "Gemiddeld aantal X per Y" must equal column X divided by column Y in every row, ' +
      'judged by interval arithmetic: each figure stands for ± half a unit of its last printed digit, so ' +
      '4.798 / 1.941 = 2,47… may be printed 2,5.',
    why:
      'A derived figure that does not follow from the figures beside it was computed from other data, or not ' +
      'updated when they changed.',
    example:
      'Hengelo transformatieplan 2022, "Ontwikkelingen in aantallen unieke cliënten en indicaties": 2019: ' +
      '4.798 indicaties / 1.941 cliënten = 2,47, printed 2,5; 2020: 5.430 / 2.007 = 2,71, printed 2,7; 2021: ' +
      '5.449 / 2.170 = 2,51, printed 2,5.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const { grid } of ctx.arithmetic) {
      const headers = grid.columns.map((c) => c.header);
      headers.forEach((header, col) => {
        const m = RATIO.exec(header.trim());
        if (!m) return;
        const num = columnFor(headers, m[1], col);
        const den = columnFor(headers, m[2], col);
        if (num === null || den === null || num === den) return;
        for (const row of grid.rows) {
          const [r, n, d] = [row.cells[col], row.cells[num], row.cells[den]];
          if (r.status !== 'printed' || n.status !== 'printed' || d.status !== 'printed' || !d.value) continue;
          const hn = halfUnit(n.decimals);
          const hd = halfUnit(d.decimals);
          if (d.value - hd <= 0) continue;
          evaluated();
          const lo = (n.value! - hn) / (d.value + hd);
          const hi = (n.value! + hn) / (d.value - hd);
          const hr = halfUnit(r.decimals);
          if (r.value! + hr >= lo - 1e-12 && r.value! - hr <= hi + 1e-12) continue;
          const expected = n.value! / d.value;
          const tolerance = Math.round(1e4 * ((hi - lo) / 2 + hr)) / 1e4;
          out.push(
            cellFinding(
              ctx,
              grid,
              { row: row.index, col },
              {
                rule: rule.id,
                severity: rule.severity,
                expected: Math.round(expected * 10 ** (r.decimals + 2)) / 10 ** (r.decimals + 2),
                found: r.value,
                tolerance,
                message:
                  `${row.label}, ${header}: ${headers[num]} ${n.raw} / ${headers[den]} ${d.raw} = ` +
                  `${formatDutch(expected, r.decimals + 2)} (between ${formatDutch(lo, r.decimals + 2)} and ` +
                  `${formatDutch(hi, r.decimals + 2)} given the rounding of both), the table prints ${r.raw} ` +
                  `(tolerance ±${formatTolerance(tolerance)}: half that interval and ±${formatTolerance(hr)} ` +
                  `for the printed figure).`,
              },
            ),
          );
        }
      });
    }
    return out;
  },
};
export default rule;
