/**
 * The one list of rules. Each rule declares its scope (document, corpus, iv3); `runRules` runs the
 * rules of one scope over that scope's context, in the list's order. Severities are configured in
 * one place, src/config.ts (klopt.config.json and --rule), against the defaults declared here.
 */
import type { Finding, Severity } from '../../schemas/index.js';
import type { AnyRule, Rule, RuleDocs, RuleScope, ScopeContext } from './rule.js';
import saldoArithmetic from './rules/saldo-arithmetic.js';
import verschil from './rules/verschil.js';
import saldoVerschil from './rules/saldo-verschil.js';
import reserveMutations from './rules/reserve-mutations.js';
import reserveBalance from './rules/reserve-balance.js';
import budgetChange from './rules/budget-change.js';
import printedFormula from './rules/printed-formula.js';
import structuralSaldo from './rules/structural-saldo.js';
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
import begrotingPrimitief from './rules/begroting-primitief.js';
import indicatorConsistency from './rules/indicator-consistency.js';
import meerjarenramingDrift from './rules/meerjarenraming-drift.js';
import iv3Taakveld from './rules/iv3-taakveld.js';
import iv3Pf006 from './rules/iv3-pf006.js';

/** Every check klopt runs, in the order their findings are reported (and `klopt rules` lists them). */
export const rules: readonly AnyRule[] = [
  // each document
  saldoArithmetic,
  verschil,
  saldoVerschil,
  reserveMutations,
  reserveBalance,
  budgetChange,
  printedFormula,
  structuralSaldo,
  columnFooting,
  missingCell,
  doelenboomTotals,
  doelenboomCounts,
  indicatorConflict,
  statutoryCatalogue,
  shareOfTotal,
  textVsTable,
  explanationSum,
  taakveldCatalogue,
  taakveldHierarchy,
  derivedRatio,
  crossedRelations,
  // all documents of a run or database, and the IV3 figures imported beside them
  begrotingPrimitief,
  indicatorConsistency,
  meerjarenramingDrift,
  iv3Taakveld,
  // the IV3 figures alone (klopt iv3 check)
  iv3Pf006,
];

/** The rules of one scope, in the list's order. */
export function rulesOf<S extends RuleScope>(scope: S): Rule<S>[] {
  return rules.filter((r): r is Extract<AnyRule, Rule<S>> => r.scope === scope);
}

export const ruleIds = () => rules.map((r) => r.id);
export const defaultSeverities = () => new Map<string, Severity>(rules.map((r) => [r.id, r.severity]));

export interface RuleRun {
  /** The findings at each rule's default severity (src/config.ts applies klopt.config.json and --rule). */
  findings: Finding[];
  /** Per rule of the scope: how many relations, sums, ties or comparisons it evaluated. */
  evaluated: Record<string, number>;
}

/** The one runner: every rule of the scope over the scope's context. */
export function runRules<S extends RuleScope>(scope: S, ctx: ScopeContext[S]): RuleRun {
  const findings: Finding[] = [];
  const evaluated: Record<string, number> = {};
  for (const rule of rulesOf(scope)) {
    let count = 0;
    const found = rule.check(ctx, (n = 1) => {
      count += n;
    });
    for (const f of found) findings.push(f);
    evaluated[rule.id] = count;
  }
  return { findings, evaluated };
}

const SCOPE_TEXT: Record<RuleScope, string> = {
  document: 'each document',
  corpus: 'all documents of a run or database, and imported IV3 figures',
  iv3: 'imported IV3 figures (klopt iv3 check)',
};

/** docs/rules/<id>.md */
export function ruleMarkdown(r: Pick<AnyRule, 'id' | 'severity' | 'scope'> & { docs: RuleDocs }): string {
  const configuration =
    `In \`klopt.config.json\`: \`{ "rules": { "${r.id}": "error" | "warning" | "info" | "off" } }\`, ` +
    `or on the command line \`--rule ${r.id}=warning\`.`;
  return [
    `# \`${r.id}\``,
    `Default severity: **${r.severity}** · scope: ${SCOPE_TEXT[r.scope]}`,
    `## What it checks`,
    r.docs.description,
    `## Why`,
    r.docs.why,
    `## Example from the samples`,
    r.docs.example,
    `## Configuration`,
    `${configuration}\n`,
  ].join('\n\n');
}
