import type { Finding, Severity } from '../../schemas/index.js';
import type { Rule, RuleContext } from './rule.js';
import saldoArithmetic from './rules/saldo-arithmetic.js';
import verschil from './rules/verschil.js';
import saldoVerschil from './rules/saldo-verschil.js';
import reserveMutations from './rules/reserve-mutations.js';
import reserveBalance from './rules/reserve-balance.js';
import budgetChange from './rules/budget-change.js';
import printedFormula from './rules/printed-formula.js';
import columnFooting from './rules/column-footing.js';
import missingCell from './rules/missing-cell.js';
import doelenboomTotals from './rules/doelenboom-totals.js';
import doelenboomCounts from './rules/doelenboom-counts.js';
import indicatorConflict from './rules/indicator-conflict.js';
import statutoryCatalogue from './rules/statutory-catalogue.js';
import textVsTable from './rules/text-vs-table.js';
import explanationSum from './rules/explanation-sum.js';
import taakveldCatalogue from './rules/taakveld-catalogue.js';
import taakveldHierarchy from './rules/taakveld-hierarchy.js';
import derivedRatio from './rules/derived-ratio.js';
import shareOfTotal from './rules/share-of-total.js';
import crossedRelations from './rules/crossed-relations.js';

/** Every check klopt runs, in the order their findings are reported. */
export const rules: Rule[] = [
  saldoArithmetic, verschil, saldoVerschil, reserveMutations, reserveBalance, budgetChange, printedFormula, columnFooting, missingCell,
  doelenboomTotals, doelenboomCounts, indicatorConflict, statutoryCatalogue, shareOfTotal,
  textVsTable, explanationSum, taakveldCatalogue, taakveldHierarchy, derivedRatio, crossedRelations,
];

export interface ReconcileOptions {
  /** Per-rule severity override; 'off' disables a rule. */
  severity?: Record<string, Severity | 'off'>;
}

export function reconcile(ctx: RuleContext, options: ReconcileOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const override = options.severity?.[rule.id];
    if (override === 'off') continue;
    for (const f of rule.check(ctx)) out.push(override && f.severity === rule.severity ? { ...f, severity: override } : f);
  }
  return out;
}
