import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'saldo-verschil',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        "Per taakveld or programme: the saldo's verschil equals the verschil of baten plus the verschil of " +
        'lasten (both are favourable-positive, so they add).',
      why:
        'The saldo verschil is the figure the financial explanation (toelichting) explains; if it disagrees ' +
        'with its parts, the explanation is of the wrong amount.',
      example:
        'Hengelo jaarstukken 2023, 6.73A Pleegzorg: verschil baten 0 + verschil lasten −16 = −16, but the ' +
        'saldo row prints 16 (a sign error).',
    },
  },
  ['saldo-verschil'],
);
