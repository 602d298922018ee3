import { codedLine } from '../src/arithmetic/lines.js';
import { parseCell, parseScale } from '../src/grammar/number.js';
import { unbreak } from '../src/grammar/words.js';
import type { ExtractionNotice, RawCell, RawRow } from './types.js';
import { remembered } from '../src/collections.js';

/**
 * The shape of a table as gemeenten print it, whatever the rendering (pipe rows, space-separated
 * rows, one cell per line): header tiers over the value columns, then rows of label cells followed
 * by value cells. Shared by the text renderings; the rules are about layouts, not about one site:
 * - a cell is an amount, an empty mark, a V/N sign, a taakveld/programme code, a header word, or text;
 * - header cells before the first row: label headers (Nr, Omschrijving, Taakveld, Programma),
 *   key headers (Progr.: a programme number per row, no amount), period headers (Begroting 2024,
 *   Jr. 2023, Realisatie, Verschil, Raming …) and a line-item tier (Baten | Lasten | Saldo repeated
 *   under each period) that splits each period into its line items;
 * - a code cell followed by a name cell is one label (`0.1` | `Bestuur` → `0.1 Bestuur`);
 * - label cells with no figures after them are section headings: a line item (`LASTEN`) carried to
 *   the rows under it, or a group (`0.0 Bestuur en ondersteuning`, a programme).
 */

export type CellClass =
  | 'amount'
  | 'empty'
  | 'vn'
  | 'vn-header'
  | 'marker-header'
  | 'code'
  | 'header'
  | 'item'
  | 'label-header'
  | 'key-header'
  | 'text';

const PERIOD =
  /^(begroting|begroot|begr\.?|budget|ultimo|geraamde?|gerealiseerd|rekening|realisatie|jaarrekening|jr\.?|werkelijk|raming|primitie[fv]e?|prim\.?|verschil|verschillen|afwijking|afwijkingen|meerjarenraming|mjb|mjr|prognose|actuele|gewijzigde?|na wijziging|voor wijziging|wijziging|mutatie|mut\.|t\/m|stand|saldo\s+\d{4}|(saldo|stand|boekwaarde)\s+(per\s+)?\d{1,2}-\d{1,2}-\d{4}|\d{1,2}-\d{1,2}-(19|20)\d{2}$|(saldo|baten|lasten)\b[a-z\s/]{0,30}\s(19|20)\d{2}$|\d{4}\s*[-–]\s*\d{4}|(19|20)\d{2}\b)(?![a-z])/i;
/** A reserve's movements as columns name them ("Toevoegingen", "Verminde-ringen", "overige toe- voegingen"). */
export const FLOW =
  /^(overige\s+)?(toevoeging|onttrekking|vermeerdering|vermindering|storting|dotatie|aanwending|besteding|vrijval)(en)?\b/i;
const ITEM = /^(baten|lasten|saldo|inkomsten|uitgaven|toevoeging|onttrekking|storting|mutatie|[LBS])$/i;
const LABEL_HEADER =
  /^(nr\.?|nummer|jaar|jaartal|boekjaar|omschrijving|exploitatie|omschrijving taakveld|taakveld(en)?|(deel)?programma('s)?|programmaonderdeel|beleidsveld|thema|product(en)?|reserve(s)?|naam reserve|omschrijving reserve|indicator|onderdeel|code|functie|bedragen .*|bedrag .*|\(?x\s*€?\s*1\.000\)?|.*\bx\s*€?\s*1\.000\)?)$/i;
const KEY_HEADER = /^(progr\.?|programma ?nr\.?|prog\.?|prg\.?|pr\.?|nr\. programma)$/i;
const VN = /^(v|n|voordeel|nadeel)$/i;
/** The header of a column of V / N letters: the sign of the verschil before it, no column of its own. */
const VN_HEADER =
  /^(v\s*\/\s*n|n\s*\/\s*v|voordeel\s*(\(v\))?\s*\/\s*nadeel\s*(\(n\))?|nadeel\s*(\(n\))?\s*\/\s*voordeel\s*(\(v\))?)$/i;
/**
 * The header of a column of I / S letters after the figures (incidenteel / structureel): a mark on the row, no
 * column of figures.
 */
const MARKER_HEADER =
  /^(i\s*\/\s*s|s\s*\/\s*i|incidenteel\s*\/\s*structureel|structureel\s*\/\s*incidenteel|inc\.?\s*\/\s*str\.?)$/i;
/** A row's mark under such a column. */
export const isMarker = (t: string) => /^(i|s|incidenteel|structureel|inc\.?|str\.?)$/i.test(t.trim());
/**
 * `0.1`, `6.71A`, `0.10`, `1.` (a hoofdtaakveld), `0-1.2` (a site's hierarchical rendering of 0.1),
 * `R1000`, `P010` (reserve and product codes). A bare integer (`7`, `01`) is an amount unless a
 * name follows it in label position (see `leadingCode`): `5.353` never is a code.
 */
export const CODE = /^(\d\.\d{1,2}[A-Da-d]?|\d{1,2}\.|\d{1,2}-\d{1,3}[A-Da-d]?\.\d?|[A-Z]{1,2}\d{2,5})$/;

/** A column's key letter or the formula a header row prints under its name (`a`, `c = a + b`, `f = c + d - e`). */
export const FORMULA_KEY = /^[a-z](\s*=\s*[a-z](\s*[-+]\s*[a-z])+)?$/;

/** Words a unit starts with (`Aantal per 1.000 inwoners`, `% 12 t/m 21 jarigen`, `per 10.000 inwoners`). */
export const UNIT_START =
  /^(aantal|%|percentage|procent|per|kg|kilo|fte|€|euro|kosten|index|indexcijfer|verhouding|ratio|score|ha|km|m2|ton|kwh|gj|dagen|uren|minuten)(\b|\/|\s|$)/i;

/** A bare number of one or two digits standing before a name: a programme or taakveld number, not an amount. */
export const isBareNumber = (t: string) => /^\d{1,2}$/.test(t.trim());

/** The header of a column of years that label the rows (`Jaar` | Resultaat | V/N, `Jaartal` | Stand 1-1 | …). */
export const YEAR_LABEL_HEADER = /^(jaar|jaartal|boekjaar)$/i;

/** Asked for the same cells again and again (cells, runs, headers): remembered, up to a bound. */
export const classify: (text: string) => CellClass = remembered((text) => classifyCell(text), 20_000);

/** Two figures in one cell ("1.116 368"): a cell of the value columns, which the interpreter reports as unreadable. */
export const isFigures = (t: string) =>
  /\s/.test(t.trim()) &&
  t
    .trim()
    .split(/\s+/)
    .every((x) => !/^(19|20)\d{2}$/.test(x) && parseCell(x).kind === 'number');

/** `4.977-`: a minus printed after the figure, as some ledgers print it. */
const TRAILING_MINUS = /^(\d{1,3}(?:\.\d{3})*|\d+)(,\d+)?-$/;

/** A figure as the grammar reads it: a trailing minus put in front (`4.977-` → `-4.977`). */
export const asFigure = (text: string) => (TRAILING_MINUS.test(text.trim()) ? `-${text.trim().slice(0, -1)}` : text);

function classifyCell(text: string): CellClass {
  const t = asFigure(text).trim();
  if (VN.test(t) && !/\//.test(t)) return 'vn';
  if (VN_HEADER.test(t)) return 'vn-header';
  if (MARKER_HEADER.test(t)) return 'marker-header';
  const p = parseCell(t);
  if (p.kind === 'empty') return p.reason === 'blank' ? 'text' : 'empty';
  if (CODE.test(t)) return 'code';
  if (p.kind === 'number' && !/^(19|20)\d{2}$/.test(t)) return 'amount';
  if (isFigures(t)) return 'amount';
  // A figure the grammar cannot read (`-3..305`, a separator printed twice): a cell of figures all the same, which the
  // interpreter reports as unreadable rather than a label that ends the row.
  if (/^[-−]?\d+([.,]+\d+)+$/.test(t)) return 'amount';
  if (KEY_HEADER.test(t)) return 'key-header';
  if (ITEM.test(t)) return 'item';
  if (t.length <= 60 && (PERIOD.test(t) || FLOW.test(unbreak(t)))) return 'header';
  if (t.length <= 60 && LABEL_HEADER.test(t)) return 'label-header';
  // A scale statement heading a column ("( x € 1.000)", "x 1.000 euro") stands over the labels: it names no column of
  // figures.
  if (t.length <= 40 && parseScale(t) !== null) return 'label-header';
  return 'text';
}

/** `0-1.2` → `0.1`, `0-61.` → `0.61`: the taakveld code such sites print. Others unchanged. */
export function normaliseCode(code: string): string {
  const m = /^(\d{1,2})-(\d{1,3}[A-Da-d]?)\.\d?$/.exec(code.trim());
  return m ? `${m[1]}.${m[2]}` : code.trim().replace(/\.$/, (d) => (/^\d{1,2}\.$/.test(code.trim()) ? d : ''));
}

export interface ShapeCell {
  text: string;
  line: number;
  /** A year under a `Jaar` / `Jaartal` column: a row's label, not an amount. */
  yearLabel?: boolean;
}

export interface ShapedRow {
  label: string;
  labelCell: ShapeCell;
  values: ShapeCell[];
  /** Section headings above the row in this table (outermost first). */
  sections: string[];
  /** The heading this Lasten / Baten / Saldo line belongs to, where it follows that heading directly. */
  group: string | null;
  raw: string;
  line: number;
  /** Its figures stood where their columns cannot be told (a row printed over several lines). */
  unread?: boolean;
}

export interface HeaderPlan {
  /** Value column names, in order. */
  columns: string[];
  /** Programme numbers and the like printed before the amounts of every row. */
  keys: string[];
  /** Where the header words did not fit the columns: the header as printed. */
  unresolved: string | null;
  /** The upper tier's spans were not printed (a text rendering drops colspans) and were inferred from the words. */
  inferred: string | null;
}

const YEAR_IN = /\b(19|20)\d{2}\b/;
const isYear = (c: string) => /^(19|20)\d{2}$/.test(c.trim());

/**
 * Value column names from header tiers. `tiers` are the header rows' cells (label headers
 * included), top first; `width` the number of amounts rows print (when known). A tier's first cell
 * may stand over the label column; an upper tier spans groups of the tier below: evenly (Baten |
 * Lasten | Saldo under each period), one to one, or, where a rendering dropped the spans, as the
 * words tell (`alignSpans`).
 */
export function planHeader(tiers: string[][], width: number | null): HeaderPlan {
  const clean = tiers.map((t) => t.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== ''));
  const keys = clean.flat().filter((c) => classify(c) === 'key-header');
  let value = clean
    .map((t) => t.filter((c) => !isLabelish(c) && !['key-header', 'vn-header', 'marker-header'].includes(classify(c))))
    .filter((t) => t.length > 0);
  // A row of key letters and formulas under the names (a | b | c = a + b): each name keeps its key, for the arithmetic.
  const keys0 = value.at(-1) ?? [];
  if (value.length >= 2 && keys0.every((k) => FORMULA_KEY.test(k)) && value[value.length - 2].length === keys0.length) {
    value = [...value.slice(0, -2), value[value.length - 2].map((n, i) => `${n} (${keys0[i]})`)];
  }
  const printed = clean.map((t) => t.join(' | ')).join(' / ');
  if (value.length === 0)
    return {
      columns: width ? Array.from({ length: width }, (_, i) => `kolom ${i + 1}`) : [],
      keys,
      unresolved: null,
      inferred: null,
    };
  let columns = value[value.length - 1];
  // Cells over the label columns (`TV` | `Taakveld omschrijving`) lead the lower tier where it names more than the rows
  // print.
  // So do cells naming no year before columns that each name one (`Mutatie in reserves` | `Rekening 2022` | `Begroting
  // 2023` …): a period word opens them, but the rows print no figure under them.
  if (width !== null && columns.length > width) {
    const lead = columns.slice(0, columns.length - width);
    const dated = columns.slice(columns.length - width).every((c) => YEAR_IN.test(c));
    if (lead.every((c) => overLabel(c) || (dated && !YEAR_IN.test(c)))) columns = columns.slice(columns.length - width);
  }
  let inferred: string | null = null;
  for (let u = value.length - 2; u >= 0; u--) {
    const tier = value[u];
    // (A caption stating the scale stands over the labels too, whatever word it opens with: "Prognose balans
    // (bedragen x € 1.000,-)".)
    const options =
      (overLabel(tier[0]) || parseScale(tier[0]) !== null) && tier.length > 1 ? [tier, tier.slice(1)] : [tier];
    let named: string[] | null = null;
    // One word printed over each year of the lower tier (`Saldo` over 2025 … 2029, `Storting` | `Onttrekking` between
    // them): it names those years' columns; the others stand under no upper cell.
    const years = columns.filter((c) => /^(19|20)\d{2}$/.test(c.trim()));
    const same = options.find((g) => g.length > 1 && g.every((c) => c.toLowerCase() === g[0].toLowerCase()));
    if (same && years.length === same.length && years.length < columns.length) {
      columns = columns.map((c) => (years.includes(c) ? `${same[0]} ${c}` : c));
      inferred = printed;
      continue;
    }
    for (const groups of options) {
      if (columns.length % groups.length === 0) {
        const per = columns.length / groups.length;
        named = columns.map((c, i) => `${groups[Math.floor(i / per)]} ${c}`);
        // Even spans are printed fact only where every group has the same cells under it (Baten | Lasten | Saldo
        // under each period); over unlike cells (Jr. 2023 | Begr. 2024 under one, Begr. 2025 | Begr. 2026 under
        // the next) they are a reading, and said to be one.
        const under = (g: number) =>
          columns
            .slice(g * per, (g + 1) * per)
            .map((c) =>
              c
                .replace(/\b(19|20)\d{2}\b/g, '')
                .trim()
                .toLowerCase(),
            )
            .join('|');
        if (groups.length > 1 && per > 1 && groups.some((_, g) => under(g) !== under(0))) {
          inferred = printed;
          // Even spans that cut a run of line items (Lasten | Baten | Saldo) apart are no reading: the spans the
          // words tell, where they can.
          const spans = cutsItemRun(columns, per) ? alignSpans(groups, columns) : null;
          if (spans) named = columns.map((c, i) => `${groups[spans[i]]} ${c}`);
        }
        break;
      }
    }
    if (!named) {
      // Spans told by words: a leading name that is no period stands over the labels first.
      for (const groups of [...options].reverse()) {
        const spans = alignSpans(groups, columns);
        if (spans) {
          named = columns.map((c, i) => `${groups[spans[i]]} ${c}`);
          inferred = printed;
          break;
        }
      }
    }
    // The upper tier's spans cannot be told: keep the lower tier's names and say so.
    if (!named) return { ...fit(columns, width, keys, printed), unresolved: printed, inferred };
    columns = named;
  }
  // Two columns of one name in a one-row header: the header's rows are not understood (a cell spanning two
  // rows of a wrapped header, "Primaire | Definitieve | Jaarrekening" over "begroting | begroting").
  // No name beats a wrong one.
  const names = columns.map((c) => c.toLowerCase());
  if (value.length === 1 && new Set(names).size < names.length) {
    // One run of line items printed again and again (Lasten | Baten | Saldo under periods whose names were
    // not read): each run is a group of its own, numbered, so that its saldo is still checked within it.
    const run = names.indexOf(names[0], 1);
    const repeated =
      run > 1 &&
      names.length % run === 0 &&
      names.every((n, i) => n === names[i % run] && classify(columns[i]) === 'item');
    if (repeated && (width === null || width === columns.length))
      return {
        columns: columns.map((c, i) => `groep ${Math.floor(i / run) + 1} ${c}`),
        keys,
        unresolved: printed,
        inferred,
      };
    return {
      columns: Array.from({ length: width ?? columns.length }, (_, i) => `kolom ${i + 1}`),
      keys,
      unresolved: printed,
      inferred,
    };
  }
  return { ...fit(columns, width, keys, printed), inferred };
}

/** Whether cutting `columns` every `per` cells splits a run of line items (`Lasten | Baten | Saldo`) apart. */
function cutsItemRun(columns: string[], per: number): boolean {
  let first = '';
  for (let i = 0; i < columns.length; i++) {
    const item = classify(columns[i]) === 'item';
    const starts = item && (i === 0 || classify(columns[i - 1]) !== 'item' || columns[i] === first);
    if (starts) first = columns[i];
    if (i > 0 && i % per === 0 && item && !starts) return true;
  }
  return false;
}

/** A header cell that may name the label column: words, not a period, year or line item. */
const overLabel = (c: string) => classify(c) === 'text' || classify(c) === 'label-header';

/**
 * Which upper group each lower column falls under, when the spans are not printed: the lower tier
 * is cut into units (a run of line items Baten | Lasten | Saldo, or one other cell) and each group
 * takes a run of units, fewest extra units first, a bare year under a group without one (Rekening
 * over 2023), at most one run of line items per group. null where no reading fits.
 */
export function alignSpans(groups: string[], columns: string[]): number[] | null {
  const units: { from: number; to: number; items: boolean; year: boolean }[] = [];
  for (let i = 0; i < columns.length;) {
    if (classify(columns[i]) === 'item') {
      const seen = new Set<string>();
      let j = i;
      while (j < columns.length && classify(columns[j]) === 'item' && !seen.has(columns[j].toLowerCase()))
        seen.add(columns[j++].toLowerCase());
      units.push({ from: i, to: j, items: true, year: false });
      i = j;
    } else {
      units.push({ from: i, to: i + 1, items: false, year: isYear(columns[i]) });
      i++;
    }
  }
  const G = groups.length;
  const U = units.length;
  if (U < G) return null;
  const cost = (g: number, a: number, b: number) => {
    // A multi-year group (Meerjarenraming, Meerjaren) spans years by its name; any other spans one unit unless it must.
    let c = /meerjar/i.test(groups[g]) ? 0 : b - a - 1;
    const span = units.slice(a, b);
    c += 2 * Math.max(0, span.filter((x) => x.items).length - 1);
    if (YEAR_IN.test(groups[g])) c += 5 * span.filter((x) => x.year).length;
    else if (span.some((x) => x.items)) c += 1;
    return c;
  };
  // best[g][u]: least cost of the first g groups over the first u units.
  const best: number[][] = Array.from({ length: G + 1 }, () => Array<number>(U + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: G + 1 }, () => Array<number>(U + 1).fill(-1));
  best[0][0] = 0;
  for (let g = 1; g <= G; g++) {
    for (let u = g; u <= U; u++) {
      for (let a = g - 1; a < u; a++) {
        const c = best[g - 1][a] + cost(g - 1, a, u);
        if (c < best[g][u]) {
          best[g][u] = c;
          from[g][u] = a;
        }
      }
    }
  }
  if (!Number.isFinite(best[G][U])) return null;
  // A tie between two readings is no reading.
  const out = Array<number>(columns.length);
  let u = U;
  for (let g = G; g >= 1; g--) {
    const a = from[g][u];
    for (let k = a; k < u; k++) for (let c = units[k].from; c < units[k].to; c++) out[c] = g - 1;
    u = a;
  }
  return out;
}

/** Label headers in the value tiers (a "Programma" over the labels, "bedragen x € 1.000"). */
const isLabelish = (c: string) => classify(c) === 'label-header';

function fit(columns: string[], width: number | null, keys: string[], printed: string): Omit<HeaderPlan, 'inferred'> {
  if (width === null || columns.length === width) return { columns, keys, unresolved: null };
  return {
    // Fewer names than columns: which column each names is not printed, and no name beats a wrong one.
    columns: Array.from({ length: width }, (_, i) => `kolom ${i + 1}`),
    keys,
    unresolved: printed,
  };
}

/**
 * Rows from label-and-value runs: `cells` alternate label cells and value cells. A code cell and
 * the name after it make one label; label cells with no values after them are section headings.
 */
export function shapeRows(
  runs: { labels: ShapeCell[]; values: ShapeCell[]; raw: string; unread?: boolean }[],
): ShapedRow[] {
  const rows: ShapedRow[] = [];
  let sections: string[] = [];
  // The group heading whose Lasten / Baten / Saldo lines follow it directly, until another row comes between.
  let group: string | null = null;
  const enter = (text: string) => {
    sections = [...sections.filter((s) => (classify(s) === 'item') !== (classify(text) === 'item')), text];
    if (classify(text) !== 'item') group = text;
  };
  const heading = (labels: ShapeCell[]) => {
    // An indicator block's heading: its name, then its unit and source (`Banen` | `Aantal per 1.000 inwoners …` |
    // `LISA`).
    if (
      labels.length >= 2 &&
      labels.length <= 3 &&
      UNIT_START.test(labels[1].text.trim()) &&
      classify(labels[0].text) === 'text'
    )
      enter(labels[0].text);
    // A heading: a line item replaces the line item heading before it, a group the group before it.
    else for (const l of labels) enter(l.text);
  };
  const keyed = keyedRows(runs);
  // The name a keyed row stands under: printed on its first row only.
  let carried: ShapeCell | null = null;
  // A name printed on a line of its own right above a keyed row (a heading so far) is that row's.
  let held: ShapeCell | null = null;
  for (const run of runs) {
    let labels = mergeCodes(run.labels);
    // A sentence after the row's name (a column describing each reserve, `Nut, noodzaak en bestaansrecht`, Midden-
    // Groningen 2024) describes the row: the name is its label.
    if (run.values.length > 0 && labels.length >= 2 && isDescription(labels.at(-1)!.text)) labels = labels.slice(0, -1);
    if (run.values.length === 0 && !run.unread) {
      if (held) heading([held]);
      held = keyed && labels.length > 0 ? labels.at(-1)! : null;
      heading(held ? labels.slice(0, -1) : labels);
      carried = null;
      continue;
    }
    let own = labels.at(-1) ?? null;
    if (held && !(labels.length === 1 && own && isKey(own.text))) heading([held]);
    else if (held) carried = held;
    held = null;
    const key = keyed && own && isKey(own.text) ? own : null;
    if (!key) carried = null;
    else if (labels.length >= 2) carried = labels[labels.length - 2];
    if (key && carried) {
      // The name it stands under, with its key (no Lasten / Baten line of a group).
      heading(labels.slice(0, -2));
      own = { text: `${carried.text} (${key.text.trim()})`, line: key.line };
    } else heading(labels.slice(0, -1));
    const line = own !== null && isLineOf(own.text, group);
    rows.push({
      label: own?.text ?? '',
      labelCell: own ?? { text: '', line: run.values[0].line },
      values: run.values,
      sections: [...sections],
      group: line ? group : null,
      raw: run.raw,
      line: own?.line ?? run.values[0].line,
      ...(run.unread ? { unread: true } : {}),
    });
    if (!line) group = null;
  }
  return rows;
}

/** A sentence of eight words or more: a description, no label. */
const isDescription = (t: string) => /[.!?]["”)]?$/.test(t.trim()) && t.trim().split(/\s+/).length >= 8;

/** A row's key in a column of its own after its name (a beleidsdoel `A`, `B2`): a letter or two, a digit or two. */
const isKey = (t: string) => /^[A-Z]{1,2}\d{0,2}$/.test(t.trim());

/**
 * Rows keyed in a column after the name, the name printed on the first row of its keys only (`0.1 Bestuur` | `A` |
 * figures, then `C` | figures): a rendering of a cell spanning rows. Each such row is the name with its key
 * (`0.1 Bestuur (C)`), not a heading with rows under it. Told by the rows: a name followed by a key on one row at
 * least, and a key that is no line-item letter (L, B, S) among them.
 */
function keyedRows(runs: { labels: ShapeCell[]; values: ShapeCell[] }[]): boolean {
  let named = 0;
  let plain = false;
  // A name on a line of its own just above (a heading so far) counts as the row's.
  let above: string | null = null;
  for (const r of runs) {
    const labels = mergeCodes(r.labels);
    const before = above;
    above = r.values.length === 0 ? (labels.at(-1)?.text ?? null) : null;
    if (r.values.length === 0) continue;
    const last = labels.at(-1)?.text ?? '';
    if (!isKey(last)) continue;
    if (!/^[LBS]$/.test(last.trim())) plain = true;
    const name = labels.length >= 2 ? labels[labels.length - 2].text : before;
    if (name !== null && classify(name) === 'text') named++;
  }
  return named >= 1 && plain;
}

/** A line of a group: "Lasten", "Totaal baten (8)", "Saldo". */
const LINE = /^(totaal\s+)?(baten|lasten|saldo)(\s*\(\d{1,2}\))?$/i;

/**
 * Whether a row labelled so is a line of the heading above it (that it follows directly):
 * "Lasten" always; "Totaal lasten" only under a numbered heading ("0.1 Bestuur"), since under a
 * plain one it may total the rows above.
 */
export function isLineOf(label: string, heading: string | null): boolean {
  const t = label.trim();
  if (heading === null) return false;
  // "Totaal 0.1 Saldo" under "0.1 Bestuur": the line names its heading's code.
  const coded = codedLine(t);
  if (coded) return heading.trim().split(/\s+/)[0] === coded.code;
  return LINE.test(t) && (!/^totaal/i.test(t) || /^\d/.test(heading.trim()));
}

function mergeCodes(labels: ShapeCell[]): ShapeCell[] {
  const out: ShapeCell[] = [];
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    const next = labels[i + 1];
    const codeLike = classify(c.text) === 'code' || isBareNumber(c.text);
    // A label and the year under a Jaartal column after it are one label ("jaarrekening 2016").
    if (next?.yearLabel && !c.yearLabel) {
      out.push({ text: `${c.text.trim()} ${next.text.trim()}`, line: c.line });
      i++;
    } else if (codeLike && next && !['code', 'item', 'amount', 'empty', 'vn'].includes(classify(next.text))) {
      out.push({ text: `${normaliseCode(c.text)} ${next.text.trim()}`, line: c.line });
      i++;
    } else out.push({ text: classify(c.text) === 'code' ? normaliseCode(c.text) : c.text.trim(), line: c.line });
  }
  return out;
}

/**
 * V/N letters: the sign of a figure in words (N, nadeel, negative). Tables print them after the
 * figure (a V/N column beside the verschil) or before every figure (`N 31.393 N 31.682`); which
 * side a table uses is read from all its letters: a side where a letter has no figure beside it
 * (first or last among a row's values, or next to another letter) counts against that side, a
 * negative figure beside an N for it, beside a V against it; the side with the better count holds
 * for the whole table. Where the table prints its figures unsigned the letter gives the sign; where
 * it prints signs, the letter only repeats what the sign says and the figure stays as printed. A
 * letter is never a cell of its own.
 */
export function applyVn(rows: ShapeCell[][]): ShapeCell[][] {
  const isVn = (c: ShapeCell | undefined) => c !== undefined && classify(c.text) === 'vn';
  const isAmount = (c: ShapeCell | undefined) => c !== undefined && classify(c.text) === 'amount';
  const evidence = (letter: ShapeCell, figure: ShapeCell | undefined) => {
    if (!isAmount(figure)) return -1;
    if (!/^[-−(]/.test(figure!.text.trim())) return 0;
    return /^n/i.test(letter.text.trim()) ? 1 : -1;
  };
  let prefixScore = 0;
  let suffixScore = 0;
  for (const values of rows)
    values.forEach((v, i) => {
      if (!isVn(v)) return;
      prefixScore += evidence(v, values[i + 1]);
      suffixScore += evidence(v, values[i - 1]);
    });
  const prefix = prefixScore > suffixScore;
  const figureOf = (values: ShapeCell[], i: number) => values[prefix ? i + 1 : i - 1];
  const signed = rows.some((values) =>
    values.some((v, i) => isVn(v) && isAmount(figureOf(values, i)) && /^[-−(]/.test(figureOf(values, i).text.trim())),
  );
  return rows.map((values) => {
    const out: ShapeCell[] = [];
    let pending: ShapeCell | null = null;
    values.forEach((v, i) => {
      if (!isVn(v) || (!prefix && i === 0)) {
        // A suffix letter's figure is the cell before it; a prefix letter's the one after it.
        const letter = prefix ? pending : null;
        pending = null;
        return void out.push(letter ? negated(v, letter, signed) : v);
      }
      if (prefix) pending = v;
      else out[out.length - 1] = negated(out[out.length - 1], v, signed);
    });
    return out;
  });
}

function negated(figure: ShapeCell, letter: ShapeCell, signed: boolean): ShapeCell {
  const p = parseCell(figure.text);
  return !signed && /^n/i.test(letter.text.trim()) && p.kind === 'number' && p.value > 0
    ? { ...figure, text: `-${figure.text.trim()}` }
    : figure;
}

/** RawRow of a shaped row: label first, then values; keys (programme numbers) go into the label. */
export function toRawRow(row: ShapedRow, keys: number, page: number | null = null): RawRow {
  const keyCells = row.values.slice(0, keys);
  const label = keyCells.length ? `${row.label} (${keyCells.map((k) => k.text.trim()).join(', ')})` : row.label;
  const cell = (c: ShapeCell, text = asFigure(c.text).trim()): RawCell => ({ text, line: c.line, page, bold: false });
  return {
    cells: [cell(row.labelCell, label), ...row.values.slice(keys).map((c) => cell(c))],
    line: row.line,
    page,
    raw: row.raw,
    ...(row.sections.length ? { sections: row.sections } : {}),
    ...(row.group ? { group: row.group } : {}),
    ...(row.unread ? { unread: true } : {}),
  };
}

export const noticeOf = (
  rule: string,
  severity: ExtractionNotice['severity'],
  message: string,
  line: number,
  table: string,
  raw: string | null,
  row: string | null = null,
): ExtractionNotice => ({
  rule,
  severity,
  message,
  line,
  page: null,
  raw,
  table,
  row,
});
