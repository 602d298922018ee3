/**
 * Exports for analysts: the stored financial facts, indicator facts or findings as flat rows,
 * written as CSV (papaparse) or JSON. `excelNl` makes a CSV Dutch Excel opens as intended:
 * semicolons, decimal commas, a UTF-8 byte order mark, and text that Excel would run as a
 * formula prefixed with an apostrophe (documents are untrusted input).
 */
import Papa from 'papaparse';
import type { Store } from '../store/index.js';

export const EXPORTS = ['financial', 'indicators', 'findings'] as const;
export type ExportWhat = (typeof EXPORTS)[number];
export type ExportFormat = 'csv' | 'json';
export type ExportRow = Record<string, string | number | null>;

const DOCUMENT_COLUMNS = `d.gemeente, d.document_type, d.year AS document_year, d.programme, d.file`;

// One row per cell; columns named as in the database so SQL users and CSV users see the same names.
// table_kind says what a figure measures: amount_eur holds money only (value × scale), quantity
// the counts, ratios and percentages (migration 9).
const QUERIES: Record<ExportWhat, string> = {
  financial: `SELECT ${DOCUMENT_COLUMNS}, f.table_index, t.title AS table_title, f.row_index,
      f.taakveld, f.row_label, f.line_item, f.group_label, f.is_total, f.column_index,
      f.column_header, f.column_kind, f.year AS column_year, f.table_kind, f.value, f.status, f.decimals,
      f.scale, f.amount_eur, f.quantity, f.line, f.page, f.raw, f.document_id
    FROM financial_facts f JOIN documents d ON d.id = f.document_id
    LEFT JOIN tables t ON t.document_id = f.document_id AND t.table_index = f.table_index
    ORDER BY d.file, f.table_index, f.row_index, f.column_index`,
  indicators: `SELECT ${DOCUMENT_COLUMNS}, i.table_index, t.title AS table_title, i.row_index,
      i.doelstelling, i.name, i.unit, i.column_index, i.column_header, i.column_kind,
      i.year AS column_year, i.table_kind, i.value, i.decimals, i.reference_year, i.footnote, i.line, i.page,
      i.raw, i.document_id
    FROM indicator_facts i JOIN documents d ON d.id = i.document_id
    LEFT JOIN tables t ON t.document_id = i.document_id AND t.table_index = i.table_index
    ORDER BY d.file, i.table_index, i.row_index, i.column_index`,
  // Findings of files that never became a document have no gemeente: LEFT JOIN.
  findings: `SELECT d.gemeente, d.document_type, d.year AS document_year, f.rule, f.severity, f.file,
      f.table_title AS "table", f.table_index, f.row_label AS "row", f.column_header AS "column",
      f.line, f.page, f.expected, f.found, f.difference, f.tolerance, f.raw, f.message, f.document_id
    FROM findings f LEFT JOIN documents d ON d.id = f.document_id
    ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.file, f.page, f.line, f.id`,
};

/** The rows of one export, straight from the database. */
export function exportRows(store: Store, what: ExportWhat): ExportRow[] {
  return store.db.prepare(QUERIES[what]).all() as ExportRow[];
}

/** The column names of an export, also when it has no rows (so an empty CSV still has its header). */
export function exportColumns(store: Store, what: ExportWhat): string[] {
  return store.db
    .prepare(QUERIES[what])
    .columns()
    .map((c) => c.name);
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator, never exponent notation. */
export function excelNumber(x: number): string {
  const plain = Number.isInteger(x) || !/e/i.test(String(x)) ? String(x) : x.toFixed(12).replace(/0+$/, '');
  return plain.replace('.', ',');
}

// A cell Excel would evaluate: starts with = + @ tab or CR, or - not followed by a plain number.
const FORMULA = /^(?:[=+@\t\r]|-(?!\d[\d.,]*$))/;

export function renderExport(columns: string[], rows: ExportRow[], format: ExportFormat, excelNl = false): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return '';
      return excelNl && typeof v === 'number' ? excelNumber(v) : v;
    }),
  );
  const csv = Papa.unparse(
    { fields: columns, data },
    excelNl ? { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA } : { newline: '\r\n' },
  );
  return `${excelNl ? '\ufeff' : ''}${csv}\r\n`;
}
