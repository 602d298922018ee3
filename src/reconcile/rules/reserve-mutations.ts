import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'reserve-mutations',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Programme tables with reserves: saldo van mutaties reserves = onttrekkingen − stortingen (sign as ' +
        'the table writes its saldo), and resultaat = saldo van baten en lasten + saldo van mutaties ' +
        'reserves, in every column.',
      why:
        'The resultaat is what the programme adds to or takes from the general reserve; it must follow from ' +
        'the lines above it.',
      example:
        'Enschede jaarstukken 2023, Vitaal en sociaal, Begroting (primair): onttrekking 2.128 − storting ' +
        '2.641 = −512 (printed −512 after rounding), resultaat −299.384 + −512 = −299.896.',
    },
  },
  ['reserves', 'resultaat'],
);
