/**
 * A RuleTester in the manner of ESLint's: per rule, a table of valid and invalid cases, each run
 * through the library's entry points (processFile for the rules of each document, runRules for
 * those over a corpus or the IV3 figures).
 *
 * A valid case passes only if the rule has no finding *and* evaluated at least one relation (or
 * exactly as many as the case says): a table that was not read, or that the rule did not
 * recognise, has no findings either, and must not pass as one that adds up.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../schemas/index.js';
import { rules, runRules } from '../../src/reconcile/registry.js';
import type { CorpusContext } from '../../src/reconcile/rule.js';
import { findingsOf } from '../helpers.js';

/** What a case runs to: a processed document, or the run of the corpus or iv3 rules. */
export interface Outcome {
  findings: Finding[];
  /** Per rule that ran: how many relations, sums, ties or comparisons it evaluated. */
  evaluated: Record<string, number>;
}

interface Case<O extends Outcome> {
  /** What the case is, and which real document its figures come from. */
  name: string;
  run: () => O;
}

export interface ValidCase<O extends Outcome = Outcome> extends Case<O> {
  /** Exactly this many evaluations (default: at least one). */
  evaluated?: number;
}

export interface InvalidCase<O extends Outcome = Outcome> extends Case<O> {
  /**
   * The rule's findings, each as the values of `fields` (default row, column, expected, found); without it, at least
   * one.
   */
  findings?: unknown[][];
  fields?: (keyof Finding)[];
  /** More to assert on the findings (a message, a line). */
  then?: (found: Finding[], outcome: O) => void;
}

const DEFAULT_FIELDS: (keyof Finding)[] = ['row', 'column', 'expected', 'found'];

/** The rules over all documents (scope corpus) or the IV3 figures alone (scope iv3), as an outcome. */
export const corpus =
  (scope: 'corpus' | 'iv3', ctx: () => CorpusContext): (() => Outcome) =>
  () =>
    runRules(scope, ctx());

/** Throws unless the rule found nothing in the outcome and evaluated what the case says. */
export function expectValid(id: string, outcome: Outcome, evaluated?: number): void {
  expect(findingsOf(outcome, id)).toEqual([]);
  const n = outcome.evaluated[id];
  if (n === undefined) throw new Error(`rule ${id} did not run on this case`);
  if (evaluated === undefined) {
    expect(n, `${id} evaluated nothing: the case proves nothing (was its table read?)`).toBeGreaterThan(0);
  } else {
    expect(n, `${id}: relations evaluated`).toBe(evaluated);
  }
}

export function expectInvalid<O extends Outcome>(
  id: string,
  outcome: O,
  c: Omit<InvalidCase<O>, 'name' | 'run'>,
): void {
  const found = findingsOf(outcome, id);
  const fields = c.fields ?? DEFAULT_FIELDS;
  if (c.findings) expect(found.map((f) => fields.map((k) => f[k]))).toEqual(c.findings);
  else expect(found.length, `${id} found nothing`).toBeGreaterThan(0);
  c.then?.(found, outcome);
}

/** One describe block per rule: `valid: …` and `invalid: …` tests, one per case. */
export function ruleTester<O extends Outcome>(
  id: string,
  cases: { valid: ValidCase<O>[]; invalid: InvalidCase<O>[] },
): void {
  if (!rules.some((r) => r.id === id)) throw new Error(`no rule ${id} in src/reconcile/registry.ts`);
  describe(id, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => expectValid(id, c.run(), c.evaluated));
    for (const c of cases.invalid) it(`invalid: ${c.name}`, () => expectInvalid(id, c.run(), c));
  });
}
