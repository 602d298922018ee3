import type { Finding } from '../../../schemas/index.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import { makeFinding } from '../../arithmetic/finding.js';
import type { Rule } from '../rule.js';
import { groupBy } from '../../collections.js';

const rule: Rule<'iv3'> = {
  id: 'iv3-pf006',
  scope: 'iv3',
  severity: 'error',
  docs: {
    description:
      'CBS delivery check PF006 (fouten.json: "Totaal lasten taakvelden = totaal baten taakvelden") over the ' +
      'imported IV3 figures, per gemeente, year and begroting/realisatie: the lasten over all taakvelden, ' +
      'including 0.10 Mutaties reserves and 0.11 Resultaat, equal the baten. The tolerance is the rounding ' +
      'of the figures (each ± € 500 in a × € 1.000 export) summed; CBS does not publish its own maximum. The ' +
      'other checks of fouten.json concern balans and categorie data klopt does not import.',
    why:
      'Lasten and baten of a complete IV3 delivery balance by construction (the resultaat on 0.11 closes it); ' +
      'a gap means taakvelden are missing or a figure was entered twice.',
    example:
      'Hengelo IV3 realisatie 2023 (data/iv3/2023_jaarrekening-hengelo-enschede.csv): lasten and baten over ' +
      'the 71 taakvelden are compared; see `klopt iv3 check`.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const keys = groupBy(ctx.iv3, (f) => `${f.gemeente}|${f.year}|${f.kind}`);
    for (const figures of keys.values()) {
      const { gemeente, year, kind, file } = figures[0];
      // A partial import (a few taakvelden) cannot balance and says nothing about the delivery.
      if (!figures.some((f) => f.taakveld === '0.10') || !figures.some((f) => f.taakveld === '0.11')) continue;
      const lasten = figures.reduce((s, f) => s + (f.lasten ?? 0), 0);
      const baten = figures.reduce((s, f) => s + (f.baten ?? 0), 0);
      evaluated();
      const tol = figures.reduce(
        (s, f) => s + f.halfWidth * ((f.lasten !== null ? 1 : 0) + (f.baten !== null ? 1 : 0)),
        0,
      );
      if (Math.abs(lasten - baten) <= tol + 1e-6) continue;
      out.push(
        makeFinding(
          { file, id: '' },
          {
            rule: rule.id,
            severity: rule.severity,
            documentId: null,
            row: `${gemeente} ${kind} ${year}`,
            expected: baten / 1000,
            found: lasten / 1000,
            tolerance: tol / 1000,
            message:
              `PF006 ` +
              `${gemeente}${gemeente === 'Nederland' ? ' (the national total of all deliveries in the export)' : ''} ` +
              `IV3 ${kind} ${year}: total lasten over ${figures.length} taakvelden ` +
              `${formatDutch(lasten / 1000)} × € 1.000, total baten ${formatDutch(baten / 1000)} × € 1.000: ` +
              `difference ${formatDutch((lasten - baten) / 1000)} (rounding tolerance ` +
              `±${formatTolerance(tol / 1000, 1)}).`,
          },
        ),
      );
    }
    return out;
  },
};
export default rule;
