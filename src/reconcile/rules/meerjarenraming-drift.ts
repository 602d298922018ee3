import type { Finding } from '../../../schemas/index.js';
import { sameGemeente } from '../corpus.js';
import type { Rule } from '../rule.js';
import { pairFinding, taakveldFigures } from '../cross-document.js';

const rule: Rule<'corpus'> = {
  id: 'meerjarenraming-drift',
  scope: 'corpus',
  severity: 'info',
  docs: {
    description:
      'The meerjarenraming for year Y+1 in begroting Y against the begroting Y+1 itself, per taakveld baten, ' +
      'lasten and saldo (same gemeente; a meerjarenraming is often printed as saldo only): every change ' +
      'beyond rounding is listed as info. A changed estimate is no error, but it is the drift users want to ' +
      'see.',
    why:
      'Structural tekorten show up as estimates that are raised year after year; the drift per taakveld makes ' +
      'that visible.',
    example:
      'No pair in the samples; test/cross-document.test.ts makes a begroting 2020 by editing a copy of the ' +
      'Hengelo begroting 2019 (its years moved on by one), so every taakveld whose begroting 2019 differs ' +
      'from its 2020 raming shows as drift.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const older of ctx.documents) {
      const d = older.document;
      if (d.documentType !== 'begroting' || d.year === null) continue;
      for (const newer of ctx.documents.filter(
        (n) =>
          n.document.documentType === 'begroting' &&
          n.document.year !== null &&
          n.document.year > d.year! &&
          sameGemeente(n.document.gemeente, d.gemeente),
      )) {
        const y = newer.document.year!;
        // Meerjarenramingen are often printed as saldo only (Hengelo): saldo is compared too.
        const items = ['baten', 'lasten', 'saldo'] as const;
        const raming = taakveldFigures(older, (f) => f.columnKind === 'meerjarenraming' && f.year === y, [
          ...items,
          'other',
        ]);
        // A raming column without a line item of its own (Hengelo: "Begroting 2020" beside "Saldo Begroting 2019") is
        // the row's saldo.
        for (const [key, v] of [...raming]) {
          const [code, item] = key.split('|');
          if (item === 'other' && !raming.has(`${code}|saldo`)) raming.set(`${code}|saldo`, v);
        }
        const begroting = taakveldFigures(newer, (f) => f.columnKind === 'begroting' && (f.year ?? y) === y, [
          ...items,
        ]);
        for (const [key, now] of begroting) {
          const then = raming.get(key);
          if (!then) continue;
          evaluated();
          if (Math.abs(now.value - then.value) <= now.halfWidth + then.halfWidth + 1e-6) continue;
          out.push(pairFinding(rule, now, then, `Begroting ${y} against the raming for ${y} in begroting ${d.year}`));
        }
      }
    }
    return out;
  },
};
export default rule;
