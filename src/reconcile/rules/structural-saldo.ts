import { relationRule } from '../rule.js';

export default relationRule(
  {
    id: 'structural-saldo',
    scope: 'document',
    severity: 'error',
    docs: {
      description:
        'The structural saldo under a begrotingssaldo and its incidental part (Begrotingssaldo | Waarvan ' +
        'incidenteel | Structureel saldo, the overview of structureel en reëel evenwicht): per column, structural = ' +
        'the saldo above minus the incidental part, or plus it where the table prints the incidental part with the ' +
        'sign it takes out (the way that holds in more columns; none where neither does).',
      why:
        "The structural saldo is what the provincial supervisor judges a begroting's balance by (structureel en " +
        'reëel evenwicht); one that does not ' +
        'follow from the saldo and its incidental part misstates that balance.',
      example:
        'Eersel begroting 2024, financieel perspectief: 2025 begrotingssaldo −391.357, waarvan incidenteel −30.130, ' +
        'so structureel −361.227; the page prints −361.310.',
    },
  },
  ['structural'],
);
