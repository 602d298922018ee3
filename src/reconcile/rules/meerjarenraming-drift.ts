import type { Finding } from '../../../schemas/index.js';
import { sameGemeente, type CorpusRule } from '../corpus.js';
import { pairFinding, taakveldFigures } from '../cross-document.js';

const rule: CorpusRule = {
  id: 'meerjarenraming-drift',
  severity: 'info',
  docs: {
    description:
      'The meerjarenraming for year Y+1 in begroting Y against the begroting Y+1 itself, per taakveld baten and lasten (same gemeente): every change beyond rounding is listed as info. A changed estimate is no error, but it is the drift users want to see.',
    why: 'Structural tekorten show up as estimates that are raised year after year; the drift per taakveld makes that visible.',
    example:
      'No pair in the samples; test/fixtures/cross-document/hengelo-begroting-2020.txt is an edited copy of the Hengelo begroting 2019 table, a year on, with 6.3 lasten raised against the 2020 raming.',
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const older of ctx.documents) {
      const d = older.document;
      if (d.documentType !== 'begroting' || d.year === null) continue;
      for (const newer of ctx.documents.filter((n) => n.document.documentType === 'begroting' && n.document.year !== null && n.document.year > d.year! && sameGemeente(n.document.gemeente, d.gemeente))) {
        const y = newer.document.year!;
        const raming = taakveldFigures(older, (f) => f.columnKind === 'meerjarenraming' && f.year === y);
        const begroting = taakveldFigures(newer, (f) => f.columnKind === 'begroting' && (f.year ?? y) === y);
        for (const [key, now] of begroting) {
          const then = raming.get(key);
          if (!then || Math.abs(now.value - then.value) <= now.halfWidth + then.halfWidth + 1e-6) continue;
          out.push(pairFinding(rule, now, then, `Begroting ${y} against the raming for ${y} in begroting ${d.year}`));
        }
      }
    }
    return out;
  },
};
export default rule;
