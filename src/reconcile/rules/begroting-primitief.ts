import type { Finding } from '../../../schemas/index.js';
import { sameGemeente } from '../corpus.js';
import type { Rule } from '../rule.js';
import { pairFinding, taakveldFigures } from '../cross-document.js';

const rule: Rule<'corpus'> = {
  id: 'begroting-primitief',
  scope: 'corpus',
  severity: 'error',
  docs: {
    description:
      'The "Begroting primitief" column of a gemeente\'s jaarstukken Y must be the begroting Y the council ' +
      "adopted: every taakveld's baten and lasten are compared with the begroting Y column of that year's " +
      'begroting document in the same run or database (same gemeente), lasten as positive amounts whatever ' +
      'sign each table prints, with the rounding of both.',
    why:
      'The primitief column is the yardstick of the whole jaarrekening; if it is not the adopted budget, every ' +
      'verschil against it is wrong.',
    example:
      'No pair in the samples (Hengelo begroting 2019 has no jaarstukken 2019 beside it); ' +
      'test/cross-document.test.ts makes a jaarstukken 2019 by editing a copy of the Hengelo jaarstukken ' +
      '2023, with the begroting 2019 figures of 6.1 in its primitief column.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const js of ctx.documents) {
      const d = js.document;
      if ((d.documentType !== 'jaarstukken' && d.documentType !== 'jaarrekening') || d.year === null) continue;
      const begrotingen = ctx.documents.filter(
        (b) =>
          b.document.documentType === 'begroting' &&
          b.document.year === d.year &&
          sameGemeente(b.document.gemeente, d.gemeente),
      );
      if (begrotingen.length === 0) continue;
      const primitief = taakveldFigures(js, (f) => f.columnKind === 'begroting_primitief');
      for (const b of begrotingen) {
        const adopted = taakveldFigures(
          b,
          (f) => f.columnKind === 'begroting' && (f.year ?? b.document.year) === d.year,
        );
        for (const [key, p] of primitief) {
          const a = adopted.get(key);
          if (!a) continue;
          evaluated();
          if (Math.abs(p.value - a.value) <= p.halfWidth + a.halfWidth + 1e-6) continue;
          out.push(
            pairFinding(
              rule,
              p,
              a,
              `Begroting ${d.year} primitief in the jaarstukken differs from the adopted begroting ${d.year}`,
            ),
          );
        }
      }
    }
    return out;
  },
};
export default rule;
