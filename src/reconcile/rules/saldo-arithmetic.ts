import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'saldo-arithmetic',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Per taakveld or programme and per column (not verschil): saldo = baten − lasten, in the sign ' +
        'convention the table itself uses (detected from its numbers: lasten − baten, or lasten printed ' +
        'negative).',
      why:
        'A saldo that does not follow from its own baten and lasten means one of the three figures is wrong, ' +
        'and the council decided on the wrong one.',
      example:
        'Hengelo jaarstukken 2023, 6.1 Samenkracht en burgerparticipatie, Begroting 2023 primitief: baten ' +
        '831 − lasten 14.015 = −13.184, as printed.',
    },
  },
  ['saldo'],
);
