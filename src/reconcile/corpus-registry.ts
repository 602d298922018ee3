import type { Finding, Severity } from '../../schemas/index.js';
import type { CorpusContext, CorpusRule } from './corpus.js';
import begrotingPrimitief from './rules/begroting-primitief.js';
import meerjarenramingDrift from './rules/meerjarenraming-drift.js';
import indicatorConsistency from './rules/indicator-consistency.js';
import iv3Taakveld from './rules/iv3-taakveld.js';
import iv3Pf006 from './rules/iv3-pf006.js';

/** Rules over all documents of a run or database and the imported IV3 figures. */
export const corpusRules: CorpusRule[] = [begrotingPrimitief, indicatorConsistency, meerjarenramingDrift, iv3Taakveld];
/** Checks of the IV3 data alone (klopt iv3 check). */
export const iv3Rules: CorpusRule[] = [iv3Pf006];

export function reconcileCorpus(ctx: CorpusContext, severity: Record<string, Severity | 'off'> = {}, which: CorpusRule[] = corpusRules): Finding[] {
  const out: Finding[] = [];
  for (const rule of which) {
    const override = severity[rule.id];
    if (override === 'off') continue;
    for (const f of rule.check(ctx)) out.push(override && f.severity === rule.severity ? { ...f, severity: override } : f);
  }
  return out;
}
