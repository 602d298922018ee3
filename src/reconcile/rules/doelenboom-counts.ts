import type { DoelenboomGoal, Finding, PrintedCount } from '../../../schemas/index.js';
import { makeFinding } from '../../arithmetic/finding.js';
import type { Evaluated, Rule, RuleContext } from '../rule.js';

type Kind = 'indicators' | 'actions';

function compare(ctx: RuleContext, goal: DoelenboomGoal, kind: Kind, out: Finding[], evaluated: Evaluated) {
  const section = goal.section!;
  const claimed: PrintedCount | null = kind === 'indicators' ? goal.claimedIndicators : goal.claimedActions;
  const stated = kind === 'indicators' ? section.statedIndicators : section.statedActions;
  const listed = kind === 'indicators' ? section.indicatorLines : section.actionLines;
  const noun = kind === 'indicators' ? 'indicators' : 'actions';
  const where = listed.length > 0 ? ` (lines ${listed[0]}–${listed[listed.length - 1]})` : '';
  const base = { rule: rule.id, severity: rule.severity, table: 'Doelenboom', row: `${goal.code} ${goal.name}`, column: kind === 'indicators' ? 'Indicatoren' : 'Aantal acties' };
  if (claimed) evaluated();
  if (stated) evaluated();
  if (claimed && claimed.value !== listed.length) {
    out.push(makeFinding(ctx.document, {
      ...base,
      line: claimed.line,
      raw: claimed.raw,
      expected: listed.length,
      found: claimed.value,
      message: `${goal.code}: the doelenboom claims ${claimed.value} ${noun} ("${claimed.raw}", line ${claimed.line}), but the section for ${goal.code} (line ${section.line}) lists ${listed.length}${where}${stated ? ` and itself states "${stated.raw}" (line ${stated.line})` : ''}`,
    }));
  }
  if (stated && stated.value !== listed.length) {
    out.push(makeFinding(ctx.document, {
      ...base,
      table: `Section ${goal.code}`,
      line: stated.line,
      raw: stated.raw,
      expected: listed.length,
      found: stated.value,
      message: `${goal.code}: the section states "${stated.raw}" but lists ${listed.length} ${noun}${where}`,
    }));
  }
}

const rule: Rule<'document'> = {
  id: 'doelenboom-counts',
  scope: 'document',
  severity: 'warning',
  docs: {
    description: 'The counts the doelenboom claims per subdoel ("Indicatoren: N", "Aantal acties: N") equal what the subdoel\'s section lists (one "Toelichting" per indicator, numbered actions), and the section\'s own "Aantal indicatoren"/"Aantal acties" equal what it lists.',
    why: 'The doelenboom is the reader\'s map of the programme; a count that disagrees with the section hides or invents work the council is told about.',
    example: 'Enschede jaarstukken 2023, 01.01: the doelenboom says "Aantal acties: 0" (line 11), the section states "Aantal acties: 2" (line 254) and lists actions 01 and 02.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const goal of ctx.structures.goals) {
      if (goal.level !== 'subdoel' || (!goal.claimedIndicators && !goal.claimedActions)) continue;
      if (!goal.section) {
        out.push(makeFinding(ctx.document, { rule: rule.id, severity: 'info', table: 'Doelenboom', row: `${goal.code} ${goal.name}`, line: goal.provenance.line, raw: goal.provenance.raw, message: `${goal.code}: no section for this subdoel was found, so its claimed counts cannot be checked` }));
        continue;
      }
      compare(ctx, goal, 'indicators', out, evaluated);
      compare(ctx, goal, 'actions', out, evaluated);
    }
    return out;
  },
};
export default rule;
