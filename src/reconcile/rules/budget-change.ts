import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'budget-change',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'Tables that print a budget, its changes and the budget after them side by side (Begroting 2019 | ' +
        'Mutaties Zomernota 2019 | Begroting 2019 na mutatie; Primitieve begroting | Wijzigingen | Begroting ' +
        'na wijziging): per row, the budget after the changes = the budget + every change column between ' +
        'them, each change printed with its own sign (negative = lower).',
      why:
        'A begroting na wijziging that does not follow from the adopted budget and the council’s amendments ' +
        'misstates the authorisation every realisatie is judged against.',
      example:
        'Staphorst zomernota 2019, 4.010.001 Raad en raadscommissies: 239.242 + 77.843 = 317.085 (Begroting ' +
        '2019 na mutatie).',
    },
  },
  ['wijziging'],
);
