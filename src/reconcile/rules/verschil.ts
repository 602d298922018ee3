import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'verschil',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Per line: the verschil column equals realisatie − begroting (baten, onttrekkingen) or begroting − ' +
        'realisatie (lasten, stortingen), so that a favourable difference is positive; the begroting ' +
        'compared is the budget column nearest left of the realisatie (na wijziging where present). Rows of ' +
        'no named kind follow the direction most rows of the table follow.',
      why: 'The verschil column is what the council reads first; a sign error turns a voordeel into a nadeel.',
      example: 'Hengelo jaarstukken 2023, 6.73A Pleegzorg / Lasten: 1.993 − 2.009 = −16, as printed.',
    },
  },
  ['verschil'],
);
