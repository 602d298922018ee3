import type {
  Document,
  FinancialFact,
  Finding,
  IndicatorFact,
  Severity,
  Structures,
  Table,
} from '../../schemas/index.js';
import type { TextBlock } from '../../extractors/types.js';
import type { Iv3Figure } from '../iv3/read.js';
import { formatDutch, formatTolerance } from '../grammar/number.js';
import { gridFromFacts, rowName, type Grid } from '../arithmetic/grid.js';
import { buildRelations, evaluate, type Evaluation, type Relation } from '../arithmetic/relations.js';
import { makeFinding, type FindingInput } from '../arithmetic/finding.js';

/** Everything a rule may look at: one document's records, plus the arithmetic derived from them. */
export interface RuleContext {
  document: Document;
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
  /** Per financial/numeric table: its grid and the relations its layout promises. */
  arithmetic: { grid: Grid; relations: Relation[] }[];
  /** Doelenboom goals and products, statutory indicator rows. */
  structures: Structures;
  /** The document's narrative paragraphs with their lines (empty for documents read back from a store). */
  textBlocks: TextBlock[];
}

/** One document of a run or database, as the rules over more than one document see it. */
export interface CorpusDocument {
  document: Document;
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
}

/** Everything a corpus or iv3 rule may look at: all documents of a run or database, and the IV3 figures beside them. */
export interface CorpusContext {
  documents: CorpusDocument[];
  iv3: Iv3Figure[];
}

export interface RuleDocs {
  /** What the rule checks. */
  description: string;
  /** Why an auditor cares. */
  why: string;
  /** An example from the samples. */
  example: string;
}

/**
 * Where a rule runs. document: one document at a time; corpus: all documents (and IV3 figures) of
 * a run or database; iv3: the imported IV3 figures alone (klopt iv3 check).
 */
export type RuleScope = 'document' | 'corpus' | 'iv3';

/** What a rule of a scope is given. */
export interface ScopeContext {
  document: RuleContext;
  corpus: CorpusContext;
  iv3: CorpusContext;
}

/**
 * Counts what a rule evaluated: each relation, sum, tie or comparison it computed, held or not
 * (`evaluated()` for one, `evaluated(n)` for n). A rule that evaluated nothing proved nothing, so a
 * table it did not read cannot pass as one that adds up (test/rules/rule-tester.ts asserts it).
 */
export type Evaluated = (n?: number) => void;

/**
 * Finding messages as short templates, by message id (as ESLint's meta.messages): `{name}` is filled
 * by `message(template, data)` with the finding's figures, formatted as printed.
 */
export type Messages = Readonly<Record<string, string>>;

/** A check, like an ESLint rule: an id, its scope, docs, a default severity and a pure function. */
export interface Rule<S extends RuleScope = RuleScope> {
  id: string;
  scope: S;
  severity: Severity;
  docs: RuleDocs;
  /** The templates its findings' messages are made from, where it has them. */
  messages?: Messages;
  check(ctx: ScopeContext[S], evaluated: Evaluated): Finding[];
}

/**
 * A message from its template: each `{name}` replaced by `data.name`, in one pass (a value that
 * itself holds braces is not read as a template). A name without a value is an error.
 */
export function message(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message template "${template}": no value for {${name}}`);
    return String(value);
  });
}

/** A relation that does not hold, in the words every arithmetic rule uses; the rules add what was compared. */
export const RELATION_FAILS =
  '{row}, {column}: {why} gives {expected}, the table prints {printed} (difference {difference}, rounding ' +
  'tolerance ±{tolerance}).';

/** Any rule of the list, narrowed by its scope. */
export type AnyRule = Rule<'document'> | Rule<'corpus'> | Rule<'iv3'>;

export interface ContextExtras {
  structures?: Structures;
  textBlocks?: TextBlock[];
}

export function buildContext(
  document: Document,
  tables: Table[],
  financial: FinancialFact[],
  indicators: IndicatorFact[],
  extras: ContextExtras = {},
): RuleContext {
  const arithmetic = tables
    .filter((t) => t.kind === 'financial' || t.kind === 'numeric')
    .map((t) => {
      const grid = gridFromFacts(t, financial, document.file);
      return { grid, relations: buildRelations(grid) };
    });
  const structures = extras.structures ?? { goals: [], products: [], statutory: [] };
  const textBlocks = extras.textBlocks ?? [];
  return { document, tables, financial, indicators, arithmetic, structures, textBlocks };
}

const fmt = (value: number, decimals = 0) => formatDutch(value, decimals);

/** "baten 831 (line 540) − lasten 14.015 (line 550)": which figures were compared, and where. */
export function describeTerms(grid: Grid, rel: Relation): string {
  return rel.terms
    .map((t, i) => {
      const row = grid.rows[t.row];
      const cell = row.cells[t.col];
      const shown =
        cell.status === 'printed'
          ? cell.raw || fmt(cell.value ?? 0)
          : cell.status === 'empty'
            ? `${cell.raw || 'empty'} (0)`
            : 'missing';
      const where = cell.page ? `p. ${cell.page}` : cell.line ? `line ${cell.line}` : '';
      return (
        `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${rowName(row)} ` +
        `${shown}${where ? ` (${where})` : ''}`
      );
    })
    .join('');
}

/** A finding placed at one cell of a table: file, table, row, column, line/page and raw text filled in. */
export function cellFinding(
  ctx: RuleContext,
  grid: Grid,
  ref: { row: number; col: number },
  fields: Omit<FindingInput, 'table' | 'tableIndex' | 'row' | 'column' | 'line' | 'page' | 'raw'>,
): Finding {
  const row = grid.rows[ref.row];
  const cell = row.cells[ref.col];
  return makeFinding(ctx.document, {
    table: grid.table.title,
    tableIndex: grid.table.index,
    row: rowName(row),
    column: grid.columns[ref.col].header,
    line: cell.line,
    page: cell.page,
    raw: cell.raw || null,
    ...fields,
  });
}

const RELATION_MESSAGES = { fails: `${RELATION_FAILS} Compared: {terms}.{extra}` } as const;

/** The finding for a relation that fails: placed at its target cell. */
export function relationFinding(
  ctx: RuleContext,
  rule: Pick<Rule, 'id' | 'severity'>,
  grid: Grid,
  rel: Relation,
  extra = '',
): Finding | null {
  const e = evaluate(grid, rel);
  if (e.status !== 'fails') return null;
  const row = grid.rows[rel.target.row];
  const cell = row.cells[rel.target.col];
  const column = grid.columns[rel.target.col];
  const decimals = Math.max(cell.decimals, ...rel.terms.map((t) => grid.rows[t.row].cells[t.col].decimals));
  return cellFinding(ctx, grid, rel.target, {
    rule: rule.id,
    severity: rule.severity,
    expected: e.expected,
    found: e.found,
    tolerance: e.tolerance,
    message: message(RELATION_MESSAGES.fails, {
      row: rowName(row),
      column: column.header,
      why: rel.why,
      expected: fmt(e.expected, decimals),
      printed: cell.status === 'printed' ? cell.raw : `"${cell.raw || 'nothing'}" (0)`,
      difference: fmt(e.found - e.expected, decimals),
      tolerance: formatTolerance(e.tolerance, decimals + 1),
      terms: describeTerms(grid, rel),
      extra,
    }),
  });
}

/**
 * A failing relation whose failure follows from a term that another relation already proves
 * wrong (correct that term and it holds) is a consequence, not a second error: it is not reported.
 * 6.72D: a sign error in the baten verschil also breaks "verschil saldo = baten + lasten".
 */
export function isConsequence(grid: Grid, relations: Relation[], rel: Relation): boolean {
  const e = evaluate(grid, rel);
  if (e.status !== 'fails') return false;
  let corrected = e.expected;
  let any = false;
  const byTarget = targetIndex(relations);
  for (const t of rel.terms) {
    for (const other of byTarget.get(`${t.row}:${t.col}`) ?? []) {
      if (other === rel) continue;
      const o = evaluate(grid, other);
      if (o.status === 'fails') {
        corrected += t.sign * (o.expected - o.found);
        any = true;
        break;
      }
    }
  }
  return any && Math.abs(e.found - corrected) <= e.tolerance + 1e-9;
}

// Non-footing relations by target cell, in order, built once per relation list: looking them up
// by scanning the list made this quadratic (a 20,000-row table took seconds here).
const targetIndexes = new WeakMap<Relation[], Map<string, Relation[]>>();
function targetIndex(relations: Relation[]): Map<string, Relation[]> {
  let index = targetIndexes.get(relations);
  if (!index) {
    index = new Map();
    for (const r of relations) {
      if (r.kind === 'footing') continue;
      const key = `${r.target.row}:${r.target.col}`;
      const list = index.get(key);
      if (list) list.push(r);
      else index.set(key, [r]);
    }
    targetIndexes.set(relations, index);
  }
  return index;
}

/**
 * A row relation of a total row (its saldo = baten − lasten): the total's figures are sums of
 * rounded rows, so the relation between them may drift by the rounding of every row it sums, and
 * any real error shows in a row's own relation or in a footing. Judged with that wider interval.
 */
export function isWithinSummedRounding(grid: Grid, rel: Relation): boolean {
  if (rel.kind === 'footing' || !grid.rows[rel.target.row].isTotal) return false;
  const e = evaluate(grid, rel);
  if (e.status !== 'fails') return false;
  let start = rel.target.row - 1;
  while (start >= 0 && !grid.rows[start].isTotal && !grid.rows[start].isSection) start--;
  const summed = rel.target.row - start - 1;
  return summed > 1 && Math.abs(e.found - e.expected) <= e.tolerance * summed + 1e-9;
}

/**
 * Counts an evaluation that proved something: a relation held or failed over at least one printed
 * figure (one of only empty cells, or with a cell missing, proves nothing).
 */
export function countEvaluation(e: Evaluation, evaluated: Evaluated): void {
  if (e.status !== 'unknown' && !e.trivial) evaluated();
}

/** The common shape of the arithmetic rules: every failing relation of some kinds is a finding. */
export function relationRule(
  rule: Omit<Rule<'document'>, 'check' | 'messages'>,
  kinds: Relation['kind'][],
): Rule<'document'> {
  return {
    ...rule,
    messages: RELATION_MESSAGES,
    check(ctx, evaluated) {
      const out: Finding[] = [];
      for (const { grid, relations } of ctx.arithmetic) {
        for (const rel of relations) {
          if (!kinds.includes(rel.kind)) continue;
          const e = evaluate(grid, rel);
          countEvaluation(e, evaluated);
          if (e.status !== 'fails' || isConsequence(grid, relations, rel) || isWithinSummedRounding(grid, rel))
            continue;
          const f = relationFinding(ctx, rule, grid, rel);
          if (f) out.push(f);
        }
      }
      return out;
    },
  };
}
