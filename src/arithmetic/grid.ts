import type { Column, FinancialFact, LineItem, SignConvention, Table } from '../../schemas/index.js';

/** A table's facts laid out as rows × columns again, for arithmetic. */
export interface GridCell {
  value: number | null;
  decimals: number;
  status: 'printed' | 'empty' | 'missing' | 'unreadable';
  line: number | null;
  page: number | null;
  raw: string;
}

export interface GridRow {
  index: number;
  label: string;
  lineItem: LineItem;
  group: string | null;
  taakveld: string | null;
  isTotal: boolean;
  /** A label row with nothing in it: starts a new block for footing. */
  isSection: boolean;
  cells: GridCell[];
}

export interface Grid {
  file: string;
  documentId: string;
  table: Table;
  columns: Column[];
  rows: GridRow[];
  convention: SignConvention;
}

export function gridFromFacts(table: Table, facts: FinancialFact[], file: string): Grid {
  const byRow = new Map<number, FinancialFact[]>();
  for (const f of facts) {
    if (f.tableIndex !== table.index) continue;
    const list = byRow.get(f.rowIndex) ?? [];
    list.push(f);
    byRow.set(f.rowIndex, list);
  }
  const rows: GridRow[] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, cells]) => {
      const first = cells[0];
      // Where columns carry the line items (Lasten | Baten | Saldo), the row itself names none.
      const lineItem = cells.every((c) => c.lineItem === first.lineItem) ? first.lineItem : 'other';
      const row: GridRow = {
        index,
        label: first.rowLabel,
        lineItem,
        group: first.group,
        taakveld: first.taakveld,
        isTotal: first.isTotal,
        // A row of cells that could not be read is a row, not a heading: totals over it cannot be judged.
        isSection: cells.every((c) => c.status !== 'printed' && c.status !== 'unreadable'),
        cells: table.columns.map(() => ({
          value: null,
          decimals: 0,
          status: 'missing',
          line: null,
          page: null,
          raw: '',
        })),
      };
      for (const c of cells) {
        row.cells[c.columnIndex] = {
          value: c.value,
          decimals: c.decimals,
          status: c.status,
          line: c.provenance.line,
          page: c.provenance.page,
          raw: c.provenance.raw,
        };
      }
      return row;
    });
  return { file, documentId: table.documentId, table, columns: table.columns, rows, convention: table.signConvention };
}

const LINE_ITEM_NAMES: Partial<Record<LineItem, string>> = { baten: 'Baten', lasten: 'Lasten', saldo: 'Saldo' };

/** How a finding names a row: the label as printed, with the line item where a taakveld has Baten/Lasten lines. */
export function rowName(row: GridRow): string {
  const item = LINE_ITEM_NAMES[row.lineItem];
  if (row.group && item) {
    if (row.label === row.group) return `${row.label} / ${item}`;
    // A bare "saldo" line (Aalsmeer 2024) is named by its group as its Baten and Lasten lines are.
    if (row.lineItem === 'baten' || row.lineItem === 'lasten' || row.label.trim().toLowerCase() === item.toLowerCase())
      return `${row.group} / ${item}`;
  }
  return row.label;
}
