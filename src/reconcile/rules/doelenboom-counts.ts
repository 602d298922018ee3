import type { DoelenboomGoal, Finding, PrintedCount } from '../../../schemas/index.js';
import { makeFinding } from '../../arithmetic/finding.js';
import { message, type Evaluated, type Rule, type RuleContext } from '../rule.js';

type Kind = 'indicators' | 'actions';

const messages = {
  claimed:
    '{code}: the doelenboom claims {claimed} {noun} ("{raw}", line {line}), but the section for {code} (line ' +
    '{sectionLine}) lists {listed}{where}{stated}',
  stated: ' and itself states "{raw}" (line {line})',
  sectionStates: '{code}: the section states "{raw}" but lists {listed} {noun}{where}',
  noSection: '{code}: no section for this subdoel was found, so its claimed counts cannot be checked',
} as const;

function compare(ctx: RuleContext, goal: DoelenboomGoal, kind: Kind, out: Finding[], evaluated: Evaluated) {
  const section = goal.section!;
  const claimed: PrintedCount | null = kind === 'indicators' ? goal.claimedIndicators : goal.claimedActions;
  const stated = kind === 'indicators' ? section.statedIndicators : section.statedActions;
  const listed = kind === 'indicators' ? section.indicatorLines : section.actionLines;
  const noun = kind === 'indicators' ? 'indicators' : 'actions';
  const where = listed.length > 0 ? ` (lines ${listed[0]}–${listed[listed.length - 1]})` : '';
  const base = {
    rule: rule.id,
    severity: rule.severity,
    table: 'Doelenboom',
    row: `${goal.code} ${goal.name}`,
    column: kind === 'indicators' ? 'Indicatoren' : 'Aantal acties',
  };
  if (claimed) evaluated();
  if (stated) evaluated();
  if (claimed && claimed.value !== listed.length) {
    out.push(
      makeFinding(ctx.document, {
        ...base,
        line: claimed.line,
        raw: claimed.raw,
        expected: listed.length,
        found: claimed.value,
        message: message(messages.claimed, {
          code: goal.code,
          claimed: claimed.value,
          noun,
          raw: claimed.raw,
          line: String(claimed.line),
          sectionLine: String(section.line),
          listed: listed.length,
          where,
          stated: stated ? message(messages.stated, { raw: stated.raw, line: String(stated.line) }) : '',
        }),
      }),
    );
  }
  if (stated && stated.value !== listed.length) {
    out.push(
      makeFinding(ctx.document, {
        ...base,
        table: `Section ${goal.code}`,
        line: stated.line,
        raw: stated.raw,
        expected: listed.length,
        found: stated.value,
        message: message(messages.sectionStates, {
          code: goal.code,
          raw: stated.raw,
          listed: listed.length,
          noun,
          where,
        }),
      }),
    );
  }
}

const rule: Rule<'document'> = {
  id: 'doelenboom-counts',
  scope: 'document',
  severity: 'warning',
  docs: {
    description:
      'The counts the doelenboom claims per subdoel ("Indicatoren: N", "Aantal acties: N") equal what the ' +
      'subdoel\'s section lists (one "Toelichting" per indicator, numbered actions), and the section\'s own ' +
      '"Aantal indicatoren"/"Aantal acties" equal what it lists.',
    why:
      "The doelenboom is the reader's map of the programme; a count that disagrees with the section hides or " +
      'invents work the council is told about.',
    example:
      'Enschede jaarstukken 2023, 01.01: the doelenboom says "Aantal acties: 0" (line 11), the section ' +
      'states "Aantal acties: 2" (line 254) and lists actions 01 and 02.',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const goal of ctx.structures.goals) {
      if (goal.level !== 'subdoel' || (!goal.claimedIndicators && !goal.claimedActions)) continue;
      if (!goal.section) {
        out.push(
          makeFinding(ctx.document, {
            rule: rule.id,
            severity: 'info',
            table: 'Doelenboom',
            row: `${goal.code} ${goal.name}`,
            line: goal.provenance.line,
            raw: goal.provenance.raw,
            message: message(messages.noSection, { code: goal.code }),
          }),
        );
        continue;
      }
      compare(ctx, goal, 'indicators', out, evaluated);
      compare(ctx, goal, 'actions', out, evaluated);
    }
    return out;
  },
};
export default rule;
