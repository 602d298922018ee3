import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'reserve-balance',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Reserve and provision tables: per row, the balance at the end (Saldo 31-12, stand 1-1 of the next ' +
        'year) = the balance at the start + toevoegingen / vermeerderingen − onttrekkingen / verminderingen, ' +
        'where every column between the two balances names a movement. Withdrawals printed negative are ' +
        'added; a movement printed with its own sign either way (Bestemming resultaat vorig boekjaar) is ' +
        'added as printed. The same balance down the rows (Stand per 1 januari | Stortingen | Onttrekkingen ' +
        '| Stand per 31 december, one column per year) is checked per column, and a total over such groups ' +
        'sums their end balances.',
      why:
        'A reserve’s closing balance follows from its opening balance and the movements the council decided; a ' +
        'row that does not carry over misstates the reserve or one of its movements.',
      example:
        'Halderberge begroting 2023, verloop reserves 2024, Algemene reserves: 13.108.000 + 418.000 − 50.000 ' +
        '= 13.476.000 (Saldo 31-12-2024).',
    },
  },
  ['balance'],
);
