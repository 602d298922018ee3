import { parseCell } from '../src/grammar/number.js';
import type { ExtractionNotice, RawCell, RawRow } from './types.js';

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

export type CellClass = 'amount' | 'empty' | 'vn' | 'code' | 'header' | 'item' | 'label-header' | 'key-header' | 'text';

const PERIOD =
  /^(begroting|begr\.?|rekening|realisatie|jaarrekening|jr\.?|werkelijk|raming|primitie[fv]e?|prim\.?|verschil|verschillen|afwijking|meerjarenraming|prognose|actuele|gewijzigde?|na wijziging|voor wijziging|wijziging|mutatie|t\/m|stand|saldo\s+\d{4}|\d{4}\s*[-–]\s*\d{4}|(19|20)\d{2}\b)/i;
const ITEM = /^(baten|lasten|saldo|inkomsten|uitgaven|toevoeging|onttrekking|storting|mutatie)$/i;
const LABEL_HEADER = /^(nr\.?|nummer|omschrijving|omschrijving taakveld|taakveld(en)?|programma('s)?|programmaonderdeel|thema|product(en)?|reserve(s)?|naam reserve|omschrijving reserve|indicator|onderdeel|code|functie|bedragen .*|bedrag .*|\(?x\s*€?\s*1\.000\)?|.*\bx\s*€?\s*1\.000\)?)$/i;
const KEY_HEADER = /^(progr\.?|programma ?nr\.?|prog\.?|pr\.?|nr\. programma)$/i;
const VN = /^(v|n|voordeel|nadeel|v\/n)$/i;
/** `0.1`, `6.71A`, `0.10`, `01`, `1.`, `0-1.2` (a site's hierarchical rendering of 0.1). */
export const CODE = /^(\d{1,2}(?:\.\d{1,3}[A-Da-d]?)?\.?|\d{1,2}-\d{1,3}[A-Da-d]?\.\d?)$/;

export function classify(text: string): CellClass {
  const t = text.trim();
  if (VN.test(t)) return 'vn';
  const p = parseCell(t);
  if (p.kind === 'empty') return p.reason === 'blank' ? 'text' : 'empty';
  if (CODE.test(t) && !/^\d{4}$/.test(t)) return 'code';
  if (p.kind === 'number' && !/^(19|20)\d{2}$/.test(t)) return 'amount';
  if (KEY_HEADER.test(t)) return 'key-header';
  if (ITEM.test(t)) return 'item';
  if (t.length <= 60 && PERIOD.test(t)) return 'header';
  if (t.length <= 60 && LABEL_HEADER.test(t)) return 'label-header';
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
}

export interface ShapedRow {
  label: string;
  labelCell: ShapeCell;
  values: ShapeCell[];
  /** Section headings above the row in this table (outermost first). */
  sections: string[];
  raw: string;
  line: number;
}

export interface HeaderPlan {
  /** Value column names, in order. */
  columns: string[];
  /** Programme numbers and the like printed before the amounts of every row. */
  keys: string[];
  /** Where the header words did not fit the columns: the header as printed. */
  unresolved: string | null;
}

/**
 * Value columns from header tiers. `tiers` are the header rows' cells (label headers included),
 * top first; `width` the number of amounts rows print (when known).
 */
export function planHeader(tiers: string[][], width: number | null): HeaderPlan {
  const clean = tiers.map((t) => t.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== ''));
  const keys = clean.flat().filter((c) => classify(c) === 'key-header');
  const valueCells = clean.map((t) => t.filter((c) => ['header', 'item', 'amount', 'code', 'text'].includes(classify(c)) && !isLabelish(c)));
  const nonEmpty = valueCells.filter((t) => t.length > 0);
  if (nonEmpty.length === 0) return { columns: width ? Array.from({ length: width }, (_, i) => `kolom ${i + 1}`) : [], keys, unresolved: null };
  const bottom = nonEmpty[nonEmpty.length - 1];
  const upper = nonEmpty.slice(0, -1);
  // One tier: each cell a column.
  if (upper.length === 0) return fit(bottom, width, keys, clean);
  // Two or more tiers: the bottom tier repeats per group of the tier above (Baten | Lasten | Saldo per period).
  let columns = bottom;
  for (let u = upper.length - 1; u >= 0; u--) {
    const groups = upper[u];
    if (groups.length > 0 && columns.length % groups.length === 0 && columns.length > groups.length) {
      const per = columns.length / groups.length;
      columns = columns.map((c, i) => `${groups[Math.floor(i / per)]} ${c}`);
    } else if (groups.length === columns.length) {
      columns = columns.map((c, i) => `${groups[i]} ${c}`);
    } else {
      // The upper tier's spans cannot be told from the text: keep the bottom tier's names and say so.
      return { ...fit(columns, width, keys, clean), unresolved: clean.map((t) => t.join(' | ')).join(' / ') };
    }
  }
  return fit(columns, width, keys, clean);
}

/** Label headers in the value tiers (a "Programma" over the labels, "bedragen x € 1.000"). */
const isLabelish = (c: string) => classify(c) === 'label-header';

function fit(columns: string[], width: number | null, keys: string[], tiers: string[][]): HeaderPlan {
  if (width === null || columns.length === width) return { columns, keys, unresolved: null };
  return { columns: Array.from({ length: width }, (_, i) => columns[i] ?? `kolom ${i + 1}`), keys, unresolved: tiers.map((t) => t.join(' | ')).join(' / ') };
}

/**
 * Rows from label-and-value runs: `cells` alternate label cells and value cells. A code cell and
 * the name after it make one label; label cells with no values after them are section headings.
 */
export function shapeRows(runs: { labels: ShapeCell[]; values: ShapeCell[]; raw: string }[]): ShapedRow[] {
  const rows: ShapedRow[] = [];
  let sections: string[] = [];
  for (const run of runs) {
    const labels = mergeCodes(run.labels);
    if (run.values.length === 0) {
      // A heading: a line item replaces the line item heading before it, a group the group before it.
      for (const l of labels) sections = [...sections.filter((s) => (classify(s) === 'item') !== (classify(l.text) === 'item')), l.text];
      continue;
    }
    const own = labels.at(-1) ?? null;
    for (const l of labels.slice(0, -1)) sections = [...sections.filter((s) => (classify(s) === 'item') !== (classify(l.text) === 'item')), l.text];
    rows.push({
      label: own?.text ?? '',
      labelCell: own ?? { text: '', line: run.values[0].line },
      values: run.values,
      sections: [...sections],
      raw: run.raw,
      line: own?.line ?? run.values[0].line,
    });
  }
  return rows;
}

function mergeCodes(labels: ShapeCell[]): ShapeCell[] {
  const out: ShapeCell[] = [];
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    const next = labels[i + 1];
    if (classify(c.text) === 'code' && next && classify(next.text) !== 'code' && classify(next.text) !== 'item') {
      out.push({ text: `${normaliseCode(c.text)} ${next.text.trim()}`, line: c.line });
      i++;
    } else out.push({ text: classify(c.text) === 'code' ? normaliseCode(c.text) : c.text.trim(), line: c.line });
  }
  return out;
}

/** A V/N column's letter gives the sign of the figure before it: N (nadeel) makes it unfavourable. */
export function applyVn(values: ShapeCell[]): { values: ShapeCell[]; signed: boolean } {
  const out: ShapeCell[] = [];
  let signed = false;
  for (const v of values) {
    if (classify(v.text) === 'vn' && out.length > 0) {
      const prev = out[out.length - 1];
      const p = parseCell(prev.text);
      if (p.kind === 'number' && /^n/i.test(v.text.trim()) && p.value > 0) out[out.length - 1] = { ...prev, text: `-${prev.text.trim()}` };
      signed = true;
      continue;
    }
    out.push(v);
  }
  return { values: out, signed };
}

/** RawRow of a shaped row: label first, then values; keys (programme numbers) go into the label. */
export function toRawRow(row: ShapedRow, keys: number, page: number | null = null): RawRow {
  const keyCells = row.values.slice(0, keys);
  const label = keyCells.length ? `${row.label} (${keyCells.map((k) => k.text.trim()).join(', ')})` : row.label;
  const cell = (c: ShapeCell, text = c.text.trim()): RawCell => ({ text, line: c.line, page, bold: false });
  return {
    cells: [cell(row.labelCell, label), ...row.values.slice(keys).map((c) => cell(c))],
    line: row.line,
    page,
    raw: row.raw,
    ...(row.sections.length ? { sections: row.sections } : {}),
  };
}

export const noticeOf = (rule: string, severity: ExtractionNotice['severity'], message: string, line: number, table: string, raw: string | null, row: string | null = null): ExtractionNotice => ({
  rule,
  severity,
  message,
  line,
  page: null,
  raw,
  table,
  row,
});
