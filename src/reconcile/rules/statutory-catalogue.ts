import type { Finding } from '../../../schemas/index.js';
import { makeFinding } from '../../arithmetic/finding.js';
import { message, type Rule } from '../rule.js';

const messages = {
  otherName:
    'Statutory indicator {nr} is printed as "{name}", but the BBV catalogue names number {nr} "{catalogueName}"',
  unknown: 'Statutory indicator number {nr} is not in the BBV catalogue',
} as const;

const rule: Rule<'document'> = {
  id: 'statutory-catalogue',
  scope: 'document',
  severity: 'warning',
  docs: {
    description:
      'Each row of a "Wettelijk verplichte indicatoren" list names the indicator the BBV catalogue ' +
      '(data/catalogue/bbv_indicatoren.csv) gives for its printed number.',
    why:
      'The statutory numbers are how gemeenten are compared (waarstaatjegemeente.nl); a score under the wrong ' +
      'number compares the wrong thing.',
    example:
      'Enschede jaarstukken 2023, line 698: "22. 6. Sociaal domein Jongeren met een delict voor de rechter" ' +
      '— number 22 is "Jongeren met een delict voor de rechter" in the catalogue, so it passes.',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const s of ctx.structures.statutory) {
      evaluated();
      if (s.matchesCatalogue) continue;
      out.push(
        makeFinding(ctx.document, {
          rule: rule.id,
          severity: rule.severity,
          table: 'Wettelijk verplichte indicatoren',
          row: `${s.nr}. ${s.name}`,
          column: 'Naam indicator',
          line: s.provenance.line,
          raw: s.provenance.raw,
          message: s.catalogueName
            ? message(messages.otherName, { nr: s.nr, name: s.name, catalogueName: s.catalogueName })
            : message(messages.unknown, { nr: s.nr }),
        }),
      );
    }
    return out;
  },
};
export default rule;
