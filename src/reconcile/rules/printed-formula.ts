import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'printed-formula',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Tables that print their own arithmetic under the column names, a key letter per column and formulas ' +
        'for the derived ones (a | b | c = a + b | d | e | f = c + d - e): per row, every formula column = ' +
        'the columns its formula names, with their signs.',
      why:
        'The table states how its columns follow from each other; a row that breaks its own formula misstates ' +
        'one of its figures.',
      example:
        'Utrecht jaarverslag 2017, stand en verloop reserves, Algemene Dekkingsreserves: 40.824 + 51.011 = ' +
        '91.835 (c = a + b) and 91.835 + 40.106 − 85.988 = 45.953 (f = c + d − e).',
    },
  },
  ['formula'],
);
