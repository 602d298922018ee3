import { halfUnit } from '../grammar/number.js';
import { unbreak } from '../grammar/words.js';
import { parentCode } from '../catalogue/taakvelden.js';
import type { SignConvention } from '../../schemas/index.js';
import type { Grid, GridRow } from './grid.js';
import { codedLine, lineItemOf } from './lines.js';
import { SALDO_DIFFERENCE } from './columns.js';
import { remembered } from '../collections.js';

/**
 * The arithmetic a table promises, as equations target = Σ sign·term. Rules evaluate them;
 * the interpreter uses them to place the cells of a short row. One engine, so that reading
 * and checking judge a figure by the same interval arithmetic.
 */
export type RelationKind =
  | 'saldo'
  | 'verschil'
  | 'saldo-verschil'
  | 'reserves'
  | 'resultaat'
  | 'balance'
  | 'footing'
  | 'wijziging'
  | 'formula'
  | 'structural';

export interface CellRef {
  row: number;
  col: number;
}
export interface Term extends CellRef {
  sign: 1 | -1;
}
export interface Relation {
  kind: RelationKind;
  target: CellRef;
  terms: Term[];
  /** The equation in words, for messages: "saldo = baten − lasten". */
  why: string;
}

export type Evaluation =
  | { status: 'holds' | 'fails'; expected: number; found: number; tolerance: number; trivial: boolean }
  | { status: 'unknown'; missing: CellRef[] };

/**
 * Interval arithmetic (as XBRL Calculations 1.1): a printed figure with d decimals stands for
 * the interval ± half a unit of its last digit; the relation holds when the target's interval
 * meets the interval of the sum. Empty cells ("-") are exact zeros.
 */
export function evaluate(grid: Grid, rel: Relation, opts: { missingTermsAsZero?: boolean } = {}): Evaluation {
  // No closures here: evaluate runs for every candidate reading of every glued row.
  const missing: CellRef[] = [];
  const rows = grid.rows;
  let expected = 0;
  let tolerance = 0;
  let printed = 0;
  for (const t of rel.terms) {
    const c = rows[t.row].cells[t.col];
    if (c.status === 'missing' || c.status === 'unreadable') {
      // A cell printed as nothing may be zero; one that is there but could not be read is unknown.
      if (!opts.missingTermsAsZero || c.status === 'unreadable') missing.push(t);
    } else if (c.status === 'printed' && c.value !== null) {
      expected += t.sign * c.value;
      tolerance += halfUnit(c.decimals);
      printed++;
    }
  }
  const target = rows[rel.target.row].cells[rel.target.col];
  // A target printed as nothing is zero as a term is (a blank the rendering dropped), not a relation left unjudged.
  if (target.status === 'unreadable' || (target.status === 'missing' && !opts.missingTermsAsZero))
    missing.push(rel.target);
  if (missing.length > 0) return { status: 'unknown', missing };
  const found = target.status === 'printed' && target.value !== null ? target.value : 0;
  if (target.status === 'printed') {
    tolerance += halfUnit(target.decimals);
    printed++;
  }
  const holds = Math.abs(found - expected) <= tolerance + 1e-9;
  return {
    status: holds ? 'holds' : 'fails',
    expected: round(expected),
    found,
    tolerance: round(tolerance),
    trivial: printed === 0,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Which columns the verschil compares: the realisatie to its left, and the budget left of that. */
export function verschilColumns(grid: Grid): { v: number; r: number; b: number } | null {
  const v = grid.columns.findIndex((c) => c.kind === 'verschil');
  return v < 0 ? null : comparedBy(grid, v, () => true);
}

/**
 * Every verschil column with the columns it compares. Where verschil columns name line items
 * (Afwijkingen Lasten | Baten | Mutatie reserves | Saldo after Begroting … and Realisatie … of the
 * same items), each compares the realisatie and budget columns of its own item; otherwise the
 * first verschil column compares the realisatie and budget before it.
 */
function verschilColumnSets(grid: Grid): { v: number; r: number; b: number }[] {
  const first = verschilColumns(grid);
  const itemOf = (header: string) => columnLineItem(header)?.item ?? mutatiesColumn(header)?.item ?? null;
  const named = grid.columns.filter((c) => c.kind === 'verschil' && itemOf(c.header) !== null);
  if (named.length < 2) return first ? [first] : [];
  const sets = named.map((c) => comparedBy(grid, c.index, (h) => itemOf(h) === itemOf(c.header)));
  return sets.every((x) => x !== null) ? sets : first ? [first] : [];
}

function comparedBy(
  grid: Grid,
  v: number,
  like: (header: string) => boolean,
): { v: number; r: number; b: number } | null {
  const cols = grid.columns;
  let r = -1;
  for (let i = v - 1; i >= 0; i--)
    if ((cols[i].kind === 'realisatie' || cols[i].kind === 'werkelijk') && like(cols[i].header)) {
      r = i;
      break;
    }
  if (r < 0) return null;
  let b = -1;
  for (let i = r - 1; i >= 0; i--)
    if (cols[i].kind === 'begroting_gewijzigd' && like(cols[i].header)) {
      b = i;
      break;
    }
  if (b < 0)
    for (let i = r - 1; i >= 0; i--)
      if (cols[i].kind.startsWith('begroting') && like(cols[i].header)) {
        b = i;
        break;
      }
  return b < 0 ? null : { v, r, b };
}

interface GroupLines {
  baten?: GridRow;
  lasten?: GridRow;
  saldo?: GridRow;
  storting?: GridRow;
  onttrekking?: GridRow;
  mutaties?: GridRow;
  resultaat?: GridRow;
}

/** The group line each line item fills (built once: groups runs for every candidate reading). */
const GROUP_LINE: Record<string, keyof GroupLines> = {
  baten: 'baten',
  lasten: 'lasten',
  saldo: 'saldo',
  storting_reserves: 'storting',
  onttrekking_reserves: 'onttrekking',
  mutaties_reserves: 'mutaties',
  resultaat: 'resultaat',
};

/** A total row that is its group's saldo line: a bare "saldo", or "Totaal <code> Saldo". */
const isGroupSaldo = (label: string) => /^saldo$/i.test(label.trim()) || codedLine(label)?.item === 'saldo';

function groups(grid: Grid): Map<string | null, GroupLines> {
  const out = new Map<string | null, GroupLines>();
  // Rows of one line item in a group, and the totals of that line item in it.
  const lines = new Map<string | null, Map<keyof GroupLines, { rows: GridRow[]; totals: GridRow[] }>>();
  for (const row of grid.rows) {
    const key = Object.hasOwn(GROUP_LINE, row.lineItem) ? GROUP_LINE[row.lineItem] : undefined;
    if (!key) continue;
    const byKey = lines.get(row.group) ?? new Map<keyof GroupLines, { rows: GridRow[]; totals: GridRow[] }>();
    const at = byKey.get(key) ?? { rows: [], totals: [] };
    // A total is no line of its group, except one that names only its line item (and its group's code) under its
    // group: a bare "saldo" under its programme's baten and lasten (Aalsmeer 2024), "Totaal 0.1 Saldo" under "0.1
    // Bestuur" (Ridderkerk 2019).
    if (row.isTotal && !(row.group !== null && isGroupSaldo(row.label))) at.totals.push(row);
    else at.rows.push(row);
    byKey.set(key, at);
    lines.set(row.group, byKey);
  }
  for (const [group, byKey] of lines) {
    const g: GroupLines = {};
    for (const [key, { rows, totals }] of byKey) {
      // Several lines of one item (the programmes under `Lasten`, closed by `Totaal Lasten`, Coevorden 2020): the
      // group's line is their one total; without one, none of them is.
      // A line printed only as a total (`Gerealiseerd totaal resultaat van baten en lasten` over the programmes,
      // Gennep 2022) is the group's line too.
      const line = rows.length === 1 ? rows[0] : totals.length === 1 ? totals[0] : undefined;
      if (line) g[key] = line;
    }
    out.set(group, g);
  }
  return out;
}

const term = (row: GridRow, col: number, sign: 1 | -1): Term => ({ row: row.index, col, sign });

/** saldo from baten and lasten, in the sign convention the table was found to use. */
function saldoRelation(conv: Grid['convention'], target: CellRef, baten: CellRef, lasten: CellRef): Relation {
  // Terms written out (no spread, no helper closures): this runs for every candidate reading.
  if (conv.lasten === 'negative')
    return {
      kind: 'saldo',
      target,
      terms: [
        { row: baten.row, col: baten.col, sign: 1 },
        { row: lasten.row, col: lasten.col, sign: 1 },
      ],
      why: 'saldo = baten + lasten (lasten printed negative)',
    };
  if (conv.baten === 'negative')
    return {
      kind: 'saldo',
      target,
      terms: [
        { row: lasten.row, col: lasten.col, sign: 1 },
        { row: baten.row, col: baten.col, sign: 1 },
      ],
      why: 'saldo = lasten + baten (baten printed negative)',
    };
  if (conv.saldo === 'lasten_minus_baten')
    return {
      kind: 'saldo',
      target,
      terms: [
        { row: lasten.row, col: lasten.col, sign: 1 },
        { row: baten.row, col: baten.col, sign: -1 },
      ],
      why: 'saldo = lasten − baten',
    };
  return {
    kind: 'saldo',
    target,
    terms: [
      { row: baten.row, col: baten.col, sign: 1 },
      { row: lasten.row, col: lasten.col, sign: -1 },
    ],
    why: 'saldo = baten − lasten',
  };
}

/**
 * `footing: false` leaves out the totals: reading (convention detection, short-row placement)
 * judges rows by their own arithmetic, and the footing's sign search is the costly part.
 */
export function buildRelations(grid: Grid, options: { footing?: boolean } = {}): Relation[] {
  let rels: Relation[] = [];
  const conv = grid.convention;
  const vc = verschilColumns(grid);
  // Percentages (realisatie as a share of the budget) add in no line.
  const valueCols = grid.columns
    .map((c) => c.index)
    .filter((i) => grid.columns[i].kind !== 'verschil' && !percentColumn(grid, i));

  for (const [, g] of groups(grid)) {
    const { baten, lasten, saldo } = g;
    if (baten && lasten && saldo) {
      for (const col of valueCols)
        rels.push(
          saldoRelation(conv, { row: saldo.index, col }, { row: baten.index, col }, { row: lasten.index, col }),
        );
      if (vc)
        rels.push({
          kind: 'saldo-verschil',
          target: { row: saldo.index, col: vc.v },
          terms: [term(baten, vc.v, 1), term(lasten, vc.v, 1)],
          why: 'verschil saldo = verschil baten + verschil lasten',
        });
    }
    const { storting, onttrekking, mutaties, resultaat } = g;
    if (storting && onttrekking && mutaties) {
      const costLike = conv.saldo === 'lasten_minus_baten';
      // Movements printed with the signs they add with, one negative and one positive (toevoegingen negative beside
      // negative lasten, Meierijstad 2023; onttrekkingen negative beside negative baten, Zeewolde 2026), add as
      // printed.
      const printedNegative = (row: GridRow) => {
        const vs = valueCols
          .map((c) => row.cells[c]?.value)
          .filter((v): v is number => typeof v === 'number' && v !== 0);
        return vs.filter((v) => v < 0).length > vs.length / 2;
      };
      const signed = printedNegative(storting) !== printedNegative(onttrekking);
      const st = signed || costLike ? 1 : -1;
      const ot = signed || !costLike ? 1 : -1;
      // Written as the table adds: the movement that counts positive first.
      const order: [GridRow, 1 | -1, string][] = costLike
        ? [
            [storting, st, 'storting'],
            [onttrekking, ot, 'onttrekking'],
          ]
        : [
            [onttrekking, ot, 'onttrekking'],
            [storting, st, 'storting'],
          ];
      const why =
        `mutaties reserves = ${order[0][1] < 0 ? '−' : ''}${order[0][2]} ` +
        `${order[1][1] < 0 ? '−' : '+'} ${order[1][2]}`;
      for (const col of valueCols) {
        rels.push({
          kind: 'reserves',
          target: { row: mutaties.index, col },
          terms: order.map(([row, sign]) => term(row, col, sign)),
          why,
        });
      }
      if (vc)
        rels.push({
          kind: 'reserves',
          target: { row: mutaties.index, col: vc.v },
          terms: [term(storting, vc.v, 1), term(onttrekking, vc.v, 1)],
          why: 'verschil mutaties = verschil storting + verschil onttrekking',
        });
    }
    if (saldo && mutaties && resultaat) {
      for (const col of grid.columns.map((c) => c.index)) {
        rels.push({
          kind: 'resultaat',
          target: { row: resultaat.index, col },
          terms: [term(saldo, col, 1), term(mutaties, col, 1)],
          why: 'resultaat = saldo baten en lasten + saldo mutaties reserves',
        });
      }
    }
  }

  // concat, not push(...): a 100,000-row table has more relations than a call takes arguments
  rels = rels.concat(columnSaldoRelations(grid));
  rels = rels.concat(
    balanceRelations(grid),
    rowBalanceRelations(grid),
    budgetChangeRelations(grid),
    formulaRelations(grid),
    structuralRelations(grid),
  );
  for (const set of verschilColumnSets(grid)) rels = rels.concat(verschilRelations(grid, set));
  if (options.footing !== false) {
    // A footing that says what a line's own relation says (`Saldo reserves` = toevoeging + onttrekking above it) is
    // that relation: one finding per broken sum.
    const key = (r: Relation) =>
      `${r.target.row}:${r.target.col}=` +
      r.terms
        .map((t) => `${t.sign}${t.row}:${t.col}`)
        .sort()
        .join(',');
    const stated = new Set(rels.map(key));
    rels = rels.concat(footingRelations(grid).filter((r) => !stated.has(key(r))));
  }
  return rels;
}

/**
 * The line item a column header names ("Lasten Begroting 2019" → lasten), and the rest of the
 * header that ties lasten, baten and saldo columns of the same budget together.
 */
// Asked for the same few headers at every buildRelations (every candidate reading of a glued row).
export const columnLineItem = remembered(readColumnLineItem, 10_000);

function readColumnLineItem(header: string): { item: 'lasten' | 'baten' | 'saldo'; basis: string } | null {
  const item = lineItemOf(header);
  // "Begroting 2024 Lasten": a spanning period over its line items, flattened.
  const trailing = /^(.*\S)\s+(baten|lasten|saldo)$/i.exec(header.trim()) ?? /^(.*\S)\s+([LBS])$/.exec(header.trim());
  if (item !== 'lasten' && item !== 'baten' && item !== 'saldo') {
    // "Geraamde Lasten Begr. 2025": one line item among the header's words.
    const words = header.trim().split(/\s+/);
    const at = words
      .map((w) => w.toLowerCase())
      .flatMap((w, i) => (w === 'baten' || w === 'lasten' || w === 'saldo' ? [i] : []));
    if (!trailing && at.length === 1)
      return {
        item: words[at[0]].toLowerCase() as 'lasten' | 'baten' | 'saldo',
        basis: words
          .filter((_, i) => i !== at[0])
          .join(' ')
          .toLowerCase(),
      };
    if (!trailing) return null;
    const word = trailing[2].toLowerCase();
    return {
      item:
        word === 'l'
          ? 'lasten'
          : word === 'b'
            ? 'baten'
            : word === 's'
              ? 'saldo'
              : (word as 'lasten' | 'baten' | 'saldo'),
      basis: trailing[1].toLowerCase(),
    };
  }
  // "Saldo (- = nadeel)" is a verschil column, not a saldo of baten and lasten.
  if (/^saldo\s*\(/i.test(header.trim())) return null;
  return {
    item,
    basis: header
      .trim()
      .replace(/^\S+\s*/, '')
      .toLowerCase(),
  };
}

/**
 * A balance at a date or at the start or end of a year ("Saldo 01-01-2024", "stand 31-12-2023", "Boekwaarde begin").
 */
const STAND =
  /^(saldo|stand|boekwaarde)\b.*(\d{1,2}-\d{1,2}-\d{4}|\b(1|31)[-/ ](1|12|jan|dec)\b|januari|december|\bbegin|\beind)/;
const INFLOW = /toevoeg|vermeerder|storting|dotatie|rentetoe|(?<!des)investering/;
/** (Fixed assets: `Bijdrage derden` to an investment lowers its book value, as `Afschrijving` and `Desinvestering`.) */
const OUTFLOW = /onttrek|verminder|aanwend|besteding|vrijval|afschrijving|desinvestering|bijdragen? (van )?derden/;
/** Movements printed with their own sign, either way (`Bestemming resultaat vorig boekjaar`: 15.856, -19.641). */
const SIGNED_FLOW = /resultaat|resultaatbestemming/;
// Asked of the same few headers and labels at every buildRelations (every candidate reading of a glued row).
const words = remembered((header: string) => unbreak(header.toLowerCase()).trim(), 10_000);

/**
 * How a movement adds to a balance: + for additions and for movements printed with their own sign,
 * withdrawals + where most of their figures are printed negative, else −; null for no movement.
 */
function flowSign(label: string, printed: (number | null | undefined)[]): 1 | -1 | null {
  const inflow = INFLOW.test(label);
  const outflow = OUTFLOW.test(label);
  if ((inflow || SIGNED_FLOW.test(label)) && !outflow) return 1;
  if (!outflow || inflow) return null;
  const figures = printed.filter((v): v is number => typeof v === 'number' && v !== 0);
  return figures.filter((v) => v < 0).length > figures.length / 2 ? 1 : -1;
}

/**
 * Reserve and provision tables carry each row's balance across the columns: stand at the end =
 * stand at the start + additions − withdrawals, every column between the two balances naming a
 * movement. Withdrawals printed negative (as most of that column's figures are) are added.
 */
function balanceRelations(grid: Grid): Relation[] {
  const stands = grid.columns.filter((c) => STAND.test(words(c.header))).map((c) => c.index);
  if (stands.length === 2 && stands[1] - stands[0] >= 2) return balanceBetween(grid, stands[0], stands[1]) ?? [];
  // A balance per year with that year's movements between (`Saldo 2025 | Storting | Onttrekking | Saldo 2026 | …`,
  // Emmen 2026): each year's balance carries on from the one before, where every column between is a movement.
  const years = grid.columns.filter((c) => /^(saldo|stand)\s+(19|20)\d{2}$/.test(words(c.header))).map((c) => c.index);
  if (years.length < 2) return [];
  const chain = years.slice(1).map((end, i) => (end - years[i] >= 2 ? balanceBetween(grid, years[i], end) : null));
  return chain.every((c) => c !== null) ? chain.flat() : [];
}

function balanceBetween(grid: Grid, start: number, end: number): Relation[] | null {
  const cols = grid.columns;
  const flows: { col: number; sign: 1 | -1 }[] = [];
  for (let col = start + 1; col < end; col++) {
    const sign = flowSign(
      words(cols[col].header),
      grid.rows.map((r) => r.cells[col]?.value),
    );
    if (sign === null) return null;
    flows.push({ col, sign });
  }
  const minus = flows.some((f) => f.sign === -1) ? ' − onttrekkingen' : ' + onttrekkingen (printed negative)';
  return grid.rows
    .filter((r) => !r.isSection)
    .map((r) => ({
      kind: 'balance' as const,
      target: { row: r.index, col: end },
      terms: [
        { row: r.index, col: start, sign: 1 as const },
        ...flows.map((f) => ({ row: r.index, col: f.col, sign: f.sign })),
      ],
      why:
        `${cols[end].header} = ${cols[start].header} + ` +
        `toevoegingen${flows.some((f) => OUTFLOW.test(words(cols[f.col].header))) ? minus : ''}`,
    }));
}

const BEGIN_ROW = /^(stand|saldo|boekwaarde)\b.*(\b1[-/ ](1|jan)\b|1 januari|\bbegin)/;
const END_ROW = /^(stand|saldo|boekwaarde)\b.*(\b31[-/ ](12|dec)\b|31 december|\beind)/;

/**
 * The same balance down the rows (`Stand per 1 januari | Stortingen | Onttrekkingen | Stand per 31
 * december`, one column per year): in each column the end row = the begin row + the movements
 * between them, withdrawals printed negative detected as in `balanceRelations`.
 */
function rowBalanceRelations(grid: Grid): Relation[] {
  const out: Relation[] = [];
  const rows = grid.rows;
  for (let b = 0; b < rows.length; b++) {
    // A cheap look at the label first: this runs over every row of every table.
    if (!/^\s*(stand|saldo|boekwaarde)/i.test(rows[b].label) || !BEGIN_ROW.test(words(rows[b].label))) continue;
    const flows: { row: number; sign: 1 | -1 }[] = [];
    let e = b + 1;
    for (; e < rows.length && !END_ROW.test(words(rows[e].label)); e++) {
      const sign = flowSign(
        words(rows[e].label),
        rows[e].cells.map((c) => c.value),
      );
      if (sign === null) break;
      flows.push({ row: e, sign });
    }
    if (e >= rows.length || !END_ROW.test(words(rows[e].label)) || flows.length === 0) continue;
    for (const c of grid.columns) {
      out.push({
        kind: 'balance',
        target: { row: e, col: c.index },
        terms: [{ row: b, col: c.index, sign: 1 }, ...flows.map((f) => ({ row: f.row, col: c.index, sign: f.sign }))],
        why: `${rows[e].label} = ${rows[b].label} + the movements between them`,
      });
    }
    b = e;
  }
  return out;
}

/**
 * Tables whose columns, not rows, carry the line items (Hengelo begroting 2019: Lasten | Baten |
 * Saldo per taakveld row): per row, the saldo column follows from the lasten and baten columns.
 */
function columnSaldoRelations(grid: Grid): Relation[] {
  const byBasis = new Map<string, { lasten?: number; baten?: number; saldo?: number; mutaties?: number }>();
  const twice = new Set<string>();
  for (const c of grid.columns) {
    const li = columnLineItem(c.header) ?? mutatiesColumn(c.header);
    if (!li) continue;
    const entry = byBasis.get(li.basis) ?? {};
    if (entry[li.item] === undefined) entry[li.item] = c.index;
    else twice.add(li.basis);
    byBasis.set(li.basis, entry);
  }
  // Two columns of one line item under one name (2017 Saldo | 2017 Saldo): the header does not tell which saldo is this
  // baten − lasten.
  for (const basis of twice) byBasis.delete(basis);
  const conv = grid.convention;
  const out: Relation[] = [];
  let sets: { v: number; r: number; b: number }[] | null = null;
  for (const { lasten, baten, saldo, mutaties } of byBasis.values()) {
    if (lasten === undefined || baten === undefined || saldo === undefined) continue;
    // Rows naming baten, lasten or saldo themselves are judged by the row-wise relations; others (a programme, the
    // reserves' mutations, the result) by their columns.
    const rows = grid.rows.filter((row) => !row.isSection && !['baten', 'lasten', 'saldo'].includes(row.lineItem));
    // Difference columns (Lasten Saldo | Baten Saldo | Saldo Saldo): the saldo's difference follows from the others',
    // each counted in the direction its own numbers run.
    const differences = [saldo, baten, lasten].map((c) => grid.columns[c].kind === 'verschil');
    let ways: (1 | -1 | null)[] = [1, 1, 1];
    if (differences.some(Boolean)) {
      if (!differences.every(Boolean)) continue;
      sets ??= verschilColumnSets(grid);
      ways = [saldo, baten, lasten].map((c) => {
        const set = sets!.find((x) => x.v === c);
        return set ? differenceWay(grid, set) : null;
      });
      if (ways.some((w) => w === null)) continue;
    }
    const base = rows.map((row) => {
      const rel = saldoRelation(
        conv,
        { row: row.index, col: saldo },
        { row: row.index, col: baten },
        { row: row.index, col: lasten },
      );
      const factor = (col: number) => (ways[0]! * (col === baten ? ways[1]! : col === lasten ? ways[2]! : 1)) as 1 | -1;
      return { ...rel, terms: rel.terms.map((t) => ({ ...t, sign: (t.sign * factor(t.col)) as 1 | -1 })) };
    });
    out.push(...(mutaties === undefined ? base : withMutaties(grid, base, mutaties, baten)));
  }
  return out;
}

/** A column of reserve mutations beside baten and lasten ("Begroting 2021 Mutatie reserves"): a term of the saldo. */
function mutatiesColumn(header: string): { item: 'mutaties'; basis: string } | null {
  const m =
    /^(.*?)\s*\b(mutaties?\s+(in\s+(de\s+)?)?reserves?|reservemutaties|saldo\s+(van\s+)?(de\s+)?mutaties(\s+reserves)?)\s*(.*)$/i.exec(
      header.trim(),
    );
  return m ? { item: 'mutaties', basis: `${m[1]} ${m[8]}`.trim().toLowerCase() } : null;
}

/**
 * saldo = baten and lasten + the reserves' mutations. Whether an onttrekking is printed with the
 * sign of a baat or of a last is the document's convention, told by its numbers: the sign under
 * which more rows hold (a tie, as when every mutation is zero, keeps the baten's sign).
 */
function withMutaties(grid: Grid, base: Relation[], col: number, batenCol: number): Relation[] {
  const made = (sign: 1 | -1) =>
    base.map((r) => ({
      ...r,
      terms: [...r.terms, { row: r.target.row, col, sign }],
      why: `${r.why} ${sign === 1 ? '+' : '−'} mutaties reserves`,
    }));
  const holding = (rels: Relation[]) => rels.filter((r) => evaluate(grid, r).status === 'holds').length;
  const batenSign = base[0]?.terms.find((t) => t.col === batenCol)?.sign ?? 1;
  const plus = made(batenSign);
  const minus = made(batenSign === 1 ? -1 : 1);
  return holding(minus) > holding(plus) ? minus : plus;
}

/**
 * Formulas a table prints under its column names (`Stand 1-1-2017 (c = a + b)`, keys a … f): per
 * row, the column = the sum of the columns its formula names, each with its sign.
 */
function formulaRelations(grid: Grid): Relation[] {
  const key = new Map<string, number>();
  const formulas: { col: number; terms: { letter: string; sign: 1 | -1 }[]; text: string }[] = [];
  for (const c of grid.columns) {
    const m = /\(([a-z])(\s*=\s*([a-z](?:\s*[-+]\s*[a-z])+))?\)$/.exec(c.header.trim());
    if (!m) continue;
    key.set(m[1], c.index);
    if (m[3])
      formulas.push({
        col: c.index,
        text: `${m[1]} = ${m[3]}`,
        terms: [...`+${m[3].replace(/\s+/g, '')}`.matchAll(/([-+])([a-z])/g)].map((t) => ({
          letter: t[2],
          sign: t[1] === '-' ? -1 : 1,
        })),
      });
  }
  const out: Relation[] = [];
  for (const f of formulas) {
    if (!f.terms.every((t) => key.has(t.letter))) continue;
    for (const row of grid.rows) {
      if (row.isSection) continue;
      out.push({
        kind: 'formula',
        target: { row: row.index, col: f.col },
        terms: f.terms.map((t) => term(row, key.get(t.letter)!, t.sign)),
        why: `the table's own formula ${f.text}`,
      });
    }
  }
  return out;
}

const STRUCTURAL = /^(totaal\s+)?structure(el|le)\s+(begrotings)?saldo\b/i;
const INCIDENTAL = /^waarvan\b.*\bincidente/i;

/**
 * The structural saldo under the saldo and its incidental part (`Begrotingssaldo` | `Waarvan incidenteel` |
 * `Structureel saldo`): structural = saldo − incidental. Some print the incidental part with the sign it takes out
 * (`Waarvan incidentele baten en lasten (saldo)`, added: Noordenveld 2023); which way a table adds is the way that
 * holds in more columns, and no relation where neither does.
 */
function structuralRelations(grid: Grid): Relation[] {
  const out: Relation[] = [];
  const cols = grid.columns.map((c) => c.index).filter((c) => !percentColumn(grid, c));
  const figures = (row: GridRow) => cols.some((c) => row.cells[c]?.status === 'printed');
  for (const target of grid.rows) {
    if (!STRUCTURAL.test(target.label.trim()) || !figures(target)) continue;
    let k = target.index - 1;
    const parts: GridRow[] = [];
    while (k >= 0 && INCIDENTAL.test(grid.rows[k].label.trim())) parts.unshift(grid.rows[k--]);
    const base = grid.rows[k];
    if (parts.length === 0 || !base || base.isSection || !figures(base)) continue;
    const read = (sign: 1 | -1) =>
      cols.map((col) => ({
        kind: 'structural' as const,
        target: { row: target.index, col },
        terms: [term(base, col, 1), ...parts.map((p) => term(p, col, sign))],
        why: `structureel saldo = ${base.label.trim()} ${sign < 0 ? '−' : '+'} incidenteel`,
      }));
    const holding = (rels: Relation[]) => rels.filter((r) => evaluate(grid, r).status === 'holds').length;
    const [minus, plus] = [read(-1), read(1)];
    const [m, p] = [holding(minus), holding(plus)];
    if (m !== p) out.push(...(m > p ? minus : plus));
  }
  return out;
}

/** A column of budget changes: `Mutaties Zomernota 2019`, `Wijzigingen`, `Begrotingswijziging 2024`, `1e wijziging`. */
const CHANGE = /^(\d+e\s+)?(mutaties?|wijzigingen?|begrotingswijzigingen?|bijstellingen?)\b/i;

/**
 * A budget, its changes, and the budget after them, side by side (Begroting 2019 | Mutaties
 * Zomernota 2019 | Begroting 2019 na mutatie): per row the changed budget = the budget + the
 * changes, each printed with its own sign. Only where every column between the two budgets is a
 * change column.
 */
function budgetChangeRelations(grid: Grid): Relation[] {
  const cols = grid.columns;
  const out: Relation[] = [];
  for (let a = 2; a < cols.length; a++) {
    if (cols[a].kind !== 'begroting_gewijzigd') continue;
    let b = a - 1;
    while (b >= 0 && CHANGE.test(cols[b].header.trim()) && cols[b].kind !== 'begroting_gewijzigd') b--;
    if (b < 0 || b === a - 1 || !['begroting', 'begroting_primitief', 'meerjarenraming'].includes(cols[b].kind))
      continue;
    for (const row of grid.rows) {
      if (row.isSection) continue;
      const terms: Term[] = [term(row, b, 1)];
      for (let m = b + 1; m < a; m++) terms.push(term(row, m, 1));
      out.push({
        kind: 'wijziging',
        target: { row: row.index, col: a },
        terms,
        why: 'begroting na wijziging = begroting + wijzigingen',
      });
    }
  }
  return out;
}

/**
 * Which way a difference column runs by its own numbers: 1 where realisatie − begroting holds on more rows than
 * begroting − realisatie, −1 the other way, null where neither holds anywhere or they tie.
 */
function differenceWay(grid: Grid, vc: { v: number; r: number; b: number }): 1 | -1 | null {
  let up = 0;
  let down = 0;
  for (const row of grid.rows) {
    if (row.isSection) continue;
    const at = { row: row.index, col: vc.v };
    const holds = (terms: Relation['terms']) =>
      evaluate(grid, { kind: 'verschil', target: at, terms, why: '' }).status === 'holds';
    if (holds([term(row, vc.r, 1), term(row, vc.b, -1)])) up++;
    if (holds([term(row, vc.b, 1), term(row, vc.r, -1)])) down++;
  }
  return up === down ? null : up > down ? 1 : -1;
}

/** verschil is positive when favourable: baten realisatie − begroting, lasten begroting − realisatie. */
function verschilRelations(grid: Grid, vc: { v: number; r: number; b: number }): Relation[] {
  const make = (row: GridRow, up: boolean): Relation => ({
    kind: 'verschil',
    target: { row: row.index, col: vc.v },
    terms: up ? [term(row, vc.r, 1), term(row, vc.b, -1)] : [term(row, vc.b, 1), term(row, vc.r, -1)],
    why: up ? 'verschil = realisatie − begroting' : 'verschil = begroting − realisatie',
  });
  const out: Relation[] = [];
  // A difference column named "Saldo" (Lasten | Baten | Saldo over Begroting | Rekening | Saldo) takes no side:
  // its direction is its own numbers'.
  const way = SALDO_DIFFERENCE.test(grid.columns[vc.v].header.trim()) ? differenceWay(grid, vc) : null;
  if (way !== null) {
    for (const row of grid.rows) if (!row.isSection) out.push(make(row, way > 0));
    return out;
  }
  // One direction on every row, whatever its line item: the table's own convention, told by its numbers.
  const uniform = grid.convention.verschil;
  if (uniform === 'budget_minus_actual' || uniform === 'actual_minus_budget') {
    for (const row of grid.rows) if (!row.isSection) out.push(make(row, uniform === 'actual_minus_budget'));
    return out;
  }
  const others: GridRow[] = [];
  const results: GridRow[] = [];
  // A row naming no line item takes its verschil column's ("Lasten Verschil").
  const columnItem = columnLineItem(grid.columns[vc.v].header)?.item;
  for (const row of grid.rows) {
    if (row.isSection) continue;
    const item =
      row.lineItem === 'other' && (columnItem === 'baten' || columnItem === 'lasten') ? columnItem : row.lineItem;
    const up = realMinusBudget(grid.convention, item);
    if (up !== null) out.push(make(row, up));
    else if (item === 'other') others.push(row);
    else if (item === 'resultaat') results.push(row);
  }
  let majority: boolean | null = null;
  if (others.length > 0) {
    // Rows of unnamed kind (e.g. "Uitgaven WMO" lines): the table's own majority tells the direction.
    let up = 0;
    let down = 0;
    for (const row of others) {
      if (evaluate(grid, make(row, true)).status === 'holds') up++;
      if (evaluate(grid, make(row, false)).status === 'holds') down++;
    }
    if (up !== down) for (const row of others) out.push(make(row, up > down));
    if (up !== down) majority = up > down;
  }
  // A resultaat names no direction either (`Resultaat rek. baten en lasten` among the lines, Zwartewaterland 2023): the
  // one it holds in, else the lines' majority.
  for (const row of results) {
    const ways = [true, false].filter((up) => evaluate(grid, make(row, up)).status === 'holds');
    const up = ways.length === 1 ? ways[0] : ways.length === 0 ? majority : null;
    if (up !== null) out.push(make(row, up));
  }
  return out;
}

/**
 * Whether a parent taakveld line is the subtotal of its sub-taakvelden: only if, in every column
 * where both carry figures, the parent equals their sum. Otherwise (Hengelo 2023: 6.71 holds the
 * primitief budget not yet split, 6.71D the part that was) parent and children are separate lines.
 */
function isSubtotal(parent: GridRow, children: GridRow[], cols: number[]): boolean {
  const printed = (r: GridRow) => cols.map((c) => (r.cells[c].status === 'printed' ? (r.cells[c].value ?? 0) : null));
  const { holds, fails } = sumColumns(printed(parent), children.map(printed));
  return holds > 0 && fails === 0;
}

/**
 * In how many columns a row of figures is the sum of the rows given, and in how many it is not: the columns where it
 * and one of them at least print a figure, judged within the rounding of the figures summed (half a unit each).
 */
export function sumColumns(total: (number | null)[], parts: (number | null)[][]): { holds: number; fails: number } {
  let holds = 0;
  let fails = 0;
  for (let col = 0; col < total.length; col++) {
    const printed = parts.map((p) => p[col]).filter((v): v is number => v !== null && v !== undefined);
    const t = total[col];
    if (t === null || t === undefined || printed.length === 0) continue;
    const sum = printed.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - t) > 0.5 * (printed.length + 1)) fails++;
    else holds++;
  }
  return { holds, fails };
}

/** Lines a total counts: sub-taakvelden whose parent line is their subtotal are counted once. */
function footingTerms(rows: GridRow[], cols: number[]): GridRow[] {
  const subtotals = new Set<number>();
  for (const row of rows) {
    if (!row.taakveld) continue;
    const children = rows.filter((r) => r.taakveld && parentCode(r.taakveld) === row.taakveld);
    if (children.length > 0 && isSubtotal(row, children, cols)) subtotals.add(row.index);
  }
  return rows.filter((r) => !subtotals.has(r.index));
}

/** A row none of whose cells could be read (printed over several lines, or its cells not placeable). */
export const isUnread = (row: { cells: { status: string }[] }) =>
  row.cells.length > 0 && row.cells.every((c) => c.status === 'unreadable');

/**
 * The rows (by index) of sums not all read: from a row not read, or the table's start where it continues lines no
 * reader took, up to and including the next total, unless a heading comes first. Such a total is not footed.
 */
export function unreadSpans(grid: Grid): Set<number> {
  const out = new Set<number>();
  let open = grid.table.continuesAbove === true;
  for (const row of grid.rows) {
    if (row.isSection) open = false;
    else if (isUnread(row)) open = true;
    if (!open) continue;
    out.add(row.index);
    if (row.isTotal) open = false;
  }
  return out;
}

/** A column every printed cell of which is a percentage (`92%`). */
function percentColumn(grid: Grid, col: number): boolean {
  // Run for every candidate reading of a glued row: stops at the first printed cell that is no percentage.
  let printed = false;
  for (const row of grid.rows) {
    const c = row.cells[col];
    if (c?.status !== 'printed') continue;
    if (!c.raw.trimEnd().endsWith('%')) return false;
    printed = true;
  }
  return printed;
}

function footingRelations(grid: Grid): Relation[] {
  const out: Relation[] = [];
  const grouped = grid.rows.some((r) => r.group !== null);
  // Percentages (realisatie as a share of the budget) do not add up down a column.
  const cols = grid.columns.map((c) => c.index).filter((c) => !percentColumn(grid, c));
  if (grouped) {
    // Totals of a taakveld table sum the taakveld lines of their own line item.
    let start = 0;
    for (const total of grid.rows.filter((r) => r.isTotal)) {
      // The first total of a table that continues lines no reader took sums parts not in it: not footed.
      if (start === 0 && grid.table.continuesAbove) {
        start = total.index + 1;
        continue;
      }
      const rows = footingTerms(
        grid.rows.filter(
          (r) =>
            r.index >= start &&
            r.index < total.index &&
            !r.isTotal &&
            r.lineItem === total.lineItem &&
            r.group !== null,
        ),
        cols,
      );
      for (const col of cols) {
        const terms = rows.map((r) => term(r, col, 1));
        if (terms.length > 0)
          out.push({
            kind: 'footing',
            target: { row: total.index, col },
            terms,
            why: `total = sum of ${terms.length} taakveld lines`,
          });
      }
      start = total.index + 1;
    }
    return out;
  }
  // Flat tables: a total sums the block above it (since a section heading or the last total), or
  // the totals and lines still open above it. Signs may be printed either way ("(-/-)"): a sign
  // pattern is accepted only when it holds in every column, so it is the table's convention,
  // not a fit to one column.
  let units: GridRow[] = [];
  let block: GridRow[] = [];
  const unread = unreadSpans(grid);
  const items = itemGroups(grid.rows, cols);
  const isItem = new Set([...items.values()].flat());
  for (const [parent, at] of items) {
    const parts = at.map((i) => grid.rows[i]);
    // An item not read (cut off where the text ends): the parent's sum is not all printed.
    if (parts.some(isUnread)) continue;
    out.push(
      ...relationsFor(
        grid,
        grid.rows[parent],
        parts,
        parts.map(() => 1 as const),
        cols,
      ).map((r) => ({ ...r, why: `total = sum of its ${parts.length} items below it (marked "- ")` })),
    );
  }
  for (const row of grid.rows) {
    // Items count in their parent row: the totals below count the parent.
    if (isItem.has(row.index)) continue;
    if (row.isSection) {
      block = [];
      continue;
    }
    if (unread.has(row.index)) {
      // Not footed; what later totals sum is this total, its parts are spent.
      if (row.isTotal) {
        units = [...units.filter((u) => !block.includes(u)), row];
        block = [];
      } else {
        units.push(row);
        block.push(row);
      }
      continue;
    }
    // Where balances run down the rows, a total sums their end rows (`Totaal Reserves` = each group's `Stand per 31
    // december`).
    let candidate: Relation[] | null;
    if (row.isTotal) {
      const ends = units.filter((u) => END_ROW.test(words(u.label)));
      // A total of one line item over a block that holds other lines too (`Totaal Onttrekkingen` under the
      // onttrekkingen, the saldo above them not closed by a heading row, Coevorden 2020) sums its own item's lines
      // first: signed sums over the others can hold by themselves (lasten − baten + saldo is 0).
      const own = row.lineItem === 'other' ? [] : block.filter((u) => u.lineItem === row.lineItem);
      const ownSum =
        own.length >= 2 && own.length < block.length
          ? relationsFor(
              grid,
              row,
              own,
              own.map(() => 1 as const),
              cols,
            )
          : null;
      candidate =
        ownSum && holdsButOne(grid, ownSum)
          ? ownSum
          : bestFooting(
              grid,
              row,
              ends.length > 0 && block.some((u) => BEGIN_ROW.test(words(u.label)))
                ? [ends, block, units]
                : [block, units],
              cols,
            );
    } else candidate = impliedSubtotal(grid, row, block, cols);
    if (candidate) {
      out.push(...candidate);
      const consumed = new Set(candidate[0].terms.map((t) => t.row));
      units = units.filter((u) => !consumed.has(u.index));
      units.push(row);
      block = [];
    } else {
      units.push(row);
      block.push(row);
    }
  }
  return out;
}

/** A row marked as an item of the row above it (`- Kassaldi` under `Liquide middelen`): a bullet before its label. */
const ITEM_MARK = /^[-–•·▪]\s+\S/;

/** What `itemGroups` reads of a row: grid rows, and the interpreter's rows before they are placed. */
export interface ItemRow {
  label: string;
  isTotal: boolean;
  isSection?: boolean;
  cells: { status: string; value: number | null }[] | null;
}

/**
 * Rows marked as items of the unmarked row of figures above them (balance sheets: `Liquide middelen`, then
 * `- Kassaldi`): the parent is the sum of its items. An unmarked row right after the items is one more of them only
 * where the items add up to the parent with it and not without it (a last item printed without its mark, as
 * Vlissingen 2023 prints "Overige nog te ontvangen bedragen" under Overlopende activa). Parent index → item indices.
 */
export function itemGroups(rows: ItemRow[], cols: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const figures = (i: number) =>
    cols.map((c) => (rows[i].cells?.[c]?.status === 'printed' ? (rows[i].cells[c].value ?? 0) : null));
  const adds = (parent: number, parts: number[]) => {
    const { holds, fails } = sumColumns(figures(parent), parts.map(figures));
    return holds > 0 && fails === 0;
  };
  let parent: number | null = null;
  rows.forEach((row, i) => {
    const parts = parent === null ? undefined : out.get(parent);
    if (row.isTotal || row.isSection) parent = null;
    else if (ITEM_MARK.test(row.label)) {
      if (parent !== null) out.set(parent, [...(parts ?? []), i]);
    } else if (parent !== null && parts && !adds(parent, parts) && adds(parent, [...parts, i])) parts.push(i);
    else parent = figures(i).some((v) => v !== null) ? i : null;
  });
  return out;
}

/**
 * Lines above a row tried at most as its subtotal's terms: every row of a long block tried against all the lines above
 * it is quadratic.
 */
const MAX_SUBTOTAL_TERMS = 400;

/**
 * A row not labelled a total that is the sum of the block above it in every column that can be
 * judged, at least two (`Algemene reserves` under its three reserves), is a subtotal: the total
 * below sums it, not its lines again.
 */
function impliedSubtotal(grid: Grid, row: GridRow, block: GridRow[], cols: number[]): Relation[] | null {
  if (block.length < 2 || block.length > MAX_SUBTOTAL_TERMS) return null;
  // Two columns first, by plain sums (most rows are no subtotal): a subtotal holds in all columns but one, so in one
  // of them at least (a discrepancy in the first column does not hide it).
  const first = cols.filter((c) => typeof row.cells[c]?.value === 'number').slice(0, 2);
  if (first.length === 0) return null;
  const near = (col: number) => {
    let sum = 0;
    for (const b of block) sum += b.cells[col]?.value ?? 0;
    return Math.abs(sum - (row.cells[col].value as number)) <= block.length + 1;
  };
  if (!first.some(near)) return null;
  // An end balance equals its begin row plus the movements by `rowBalanceRelations` already: not as a subtotal twice.
  if (END_ROW.test(words(row.label))) return null;
  const rels = relationsFor(
    grid,
    row,
    block,
    block.map(() => 1 as const),
    cols,
  );
  // Every column but at most one (whose failure is then this subtotal's finding), and at least two.
  return holdsButOne(grid, rels)
    ? rels.map((r) => ({
        ...r,
        why: `subtotal = sum of the ${block.length} lines above (a row not labelled a total that holds as one)`,
      }))
    : null;
}

function relationsFor(grid: Grid, total: GridRow, terms: GridRow[], signs: (1 | -1)[], cols: number[]): Relation[] {
  const minus = signs.filter((s) => s < 0).length;
  const why =
    minus === 0
      ? `total = sum of the ${terms.length} lines above`
      : `total = signed sum of the ${terms.length} lines above (sign pattern ` +
        `${signs.map((s) => (s > 0 ? '+' : '−')).join('')}, holding in every column)`;
  // A verschil column sums each line's verschil in its own direction: where a line's runs the other way than the
  // total's (lasten begroting − realisatie under a saldo's realisatie − begroting), its sign turns.
  // A total naming no line item (`Saldo verrekening met reserves`) runs as the lines it adds.
  const footing = (col: number, own: (1 | -1)[]): Relation => ({
    kind: 'footing',
    target: { row: total.index, col },
    terms: terms.map((r, i) => ({ row: r.index, col, sign: own[i] })),
    why,
  });
  // (Tried for every sign pattern of every candidate reading: the usual table, with no verschil column, as before.)
  if (!cols.some((col) => grid.columns[col]?.kind === 'verschil')) return cols.map((col) => footing(col, signs));
  const ways = terms.map((r) => verschilWay(grid, r));
  const totalWay = verschilWay(grid, total) ?? ways.find((w, i) => w !== null && signs[i] > 0) ?? null;
  const turned = signs.map((s, i) => (totalWay !== null && ways[i] != null && ways[i] !== totalWay ? -s : s) as 1 | -1);
  return cols.map((col) => footing(col, grid.columns[col]?.kind === 'verschil' ? turned : signs));
}

/**
 * Which way a row's verschil runs: 1 for realisatie − begroting, −1 for begroting − realisatie, null where its line
 * item does not tell (as `verschilRelations` reads them).
 */
function verschilWay(grid: Grid, row: GridRow): 1 | -1 | null {
  const c = grid.convention;
  if (c.verschil === 'budget_minus_actual' || c.verschil === 'actual_minus_budget' || c.verschil === null) return null;
  const item =
    row.lineItem === 'saldo' ? (c.saldo === 'lasten_minus_baten' ? 'lasten' : c.saldo ? 'baten' : null) : row.lineItem;
  const up = realMinusBudget(c, item);
  return up === null ? null : up ? 1 : -1;
}

/**
 * Whether a line item's verschil is realisatie − begroting under a table's per-item convention (favourable
 * positive or negative); null where the item does not tell.
 */
function realMinusBudget(c: SignConvention, item: string | null): boolean | null {
  const favourableNegative = c.verschil === 'favourable_negative';
  // Baten printed negative: a favourable difference runs the other way, as for lasten printed positive.
  if (item === 'baten' || item === 'onttrekking_reserves') return (c.baten !== 'negative') !== favourableNegative;
  if (item === 'lasten' || item === 'storting_reserves') return (c.lasten === 'negative') !== favourableNegative;
  return null;
}

/**
 * Sign patterns are searched only for short blocks: "(-/-)" lines stand in small summaries, and
 * the search doubles with every line (it ran on every candidate reading of a glued table).
 */
const MAX_SIGNED_TERMS = 8;

function bestFooting(grid: Grid, total: GridRow, candidates: GridRow[][], cols: number[]): Relation[] | null {
  let best: { rels: Relation[]; holds: number; minus: number } | null = null;
  for (const terms of candidates) {
    if (terms.length === 0) continue;
    // All-plus first, then every sign pattern (few terms only): the pattern holding in the most
    // columns is the table's convention; the columns it fails in are the findings.
    const masks = terms.length <= MAX_SIGNED_TERMS ? 1 << terms.length : 1;
    for (let mask = 0; mask < masks; mask++) {
      const signs = terms.map((_, i) => ((mask >> i) & 1 ? -1 : 1));
      const rels = relationsFor(grid, total, terms, signs, cols);
      const ev = rels.map((r) => evaluate(grid, r)).filter((e) => e.status !== 'unknown' && !e.trivial);
      const holds = ev.filter((e) => e.status === 'holds').length;
      const minus = signs.filter((s) => s < 0).length;
      if (ev.length > 0 && holds === ev.length && (mask === 0 || ev.length >= 2)) return rels;
      // A pattern with minus signs must hold in at least two columns to count as a convention. One line is no sum
      // unless it equals the total in every column (`Saldo rekening / begroting` under a reserve is none).
      if (holds === 0 || (minus > 0 && holds < 2) || terms.length === 1) continue;
      if (!best || holds > best.holds || (holds === best.holds && minus < best.minus)) best = { rels, holds, minus };
    }
  }
  if (best) return best.rels;
  // A row that is only bold, or a total of some other lines, and adds up in no column is no total
  // of these lines. But one whose label says it totals them ("Totaal lasten") right under them,
  // with no heading between, is: it fails in every column, and each failure is a finding.
  const terms = candidates[0] ?? [];
  if (
    /^totaal\b/i.test(total.label.trim()) &&
    terms.length >= 2 &&
    terms.every((t) => t.index >= total.index - terms.length) &&
    cols.some(
      (c) =>
        evaluate(
          grid,
          relationsFor(
            grid,
            total,
            terms,
            terms.map(() => 1),
            [c],
          )[0],
        ).status === 'fails',
    ) &&
    !lineOfLaterTotal(grid, total, terms, cols)
  ) {
    return relationsFor(
      grid,
      total,
      terms,
      terms.map(() => 1 as const),
      cols,
    );
  }
  return null;
}

/**
 * A reading of a row as a sum, judged over its columns: it holds in every column that can be judged,
 * at least two, or in all but one of three or more (that one is then a finding, not another reading).
 */
function holdsButOne(grid: Grid, rels: Relation[]): boolean {
  const ev = rels.map((r) => evaluate(grid, r)).filter((e) => e.status !== 'unknown' && !e.trivial);
  const holds = ev.filter((e) => e.status === 'holds').length;
  return holds >= 2 && (holds === ev.length || (ev.length >= 3 && holds === ev.length - 1));
}

/** Later total rows looked at to tell a category line from a total (`Totaal Overhead` among `Totaal …` lines). */
const LOOKAHEAD_TOTALS = 6;

/**
 * A row labelled a total that sums none of the lines above it may be a category of its own (Utrecht
 * 2017: `Totaal Gemeentelijk Vastgoed`, `Totaal Overhead` under thirteen programmes): it is a line
 * where a later total row is, in every column that can be judged but at most one (at least two), the
 * sum of those lines, this row and the rows between.
 */
function lineOfLaterTotal(grid: Grid, row: GridRow, above: GridRow[], cols: number[]): boolean {
  const at = grid.rows.indexOf(row);
  const between: GridRow[] = [];
  let seen = 0;
  for (let k = at + 1; k < grid.rows.length && seen < LOOKAHEAD_TOTALS; k++) {
    const later = grid.rows[k];
    if (later.isSection) return false;
    if (later.isTotal) {
      seen++;
      const terms = [...above, row, ...between];
      // Every column but at most one (a changed figure among the lines is that total's finding, not a new reading).
      if (
        holdsButOne(
          grid,
          relationsFor(
            grid,
            later,
            terms,
            terms.map(() => 1 as const),
            cols,
          ),
        )
      )
        return true;
    }
    between.push(later);
  }
  return false;
}

/**
 * The value a missing cell must have for the table's arithmetic to hold, from the first
 * relation (other than a footing) in which it is the only unknown.
 */
export function solveMissing(grid: Grid, relations: Relation[], ref: CellRef): { value: number; rel: Relation } | null {
  const same = (a: CellRef) => a.row === ref.row && a.col === ref.col;
  const known = (cell: CellRef) => {
    const c = grid.rows[cell.row].cells[cell.col];
    return c.status === 'printed' && c.value !== null ? c.value : 0;
  };
  for (const rel of relations) {
    if (rel.kind === 'footing') continue;
    const e = evaluate(grid, rel);
    if (e.status !== 'unknown' || e.missing.length !== 1 || !same(e.missing[0])) continue;
    const rest = rel.terms.filter((t) => !same(t)).reduce((sum, t) => sum + t.sign * known(t), 0);
    if (same(rel.target)) return { value: round(rest), rel };
    const t = rel.terms.find(same)!;
    return { value: round(t.sign * (known(rel.target) - rest)), rel };
  }
  return null;
}
