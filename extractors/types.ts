/**
 * The raw-table form every extractor produces: cells with their positions, nothing
 * interpreted yet. The interpreter turns it into typed records.
 */
export interface RawCell {
  text: string;
  line: number | null;
  page: number | null;
  bold: boolean;
  /** Box on the page in PDF points, origin top left: [x0, top, x1, bottom] (PDF sources only). */
  bbox?: [number, number, number, number];
}

export interface RawRow {
  /** cells[0] is the row label; the rest are value cells in column order. */
  cells: RawCell[];
  line: number | null;
  page: number | null;
  /** The row's source text as it stood (a line, or the lines of a cell-per-line row joined by " | "). */
  raw: string;
}

export interface Footnote {
  marker: string;
  text: string;
  line: number | null;
}

export type RawLayout = 'cell-per-line' | 'tab-separated' | 'glued' | 'html' | 'pdf';

export interface RawTable {
  index: number;
  layout: RawLayout;
  /** Caption or nearest heading before the table. */
  title: string;
  /** Headings the table stands under, outermost first (programme, doelstelling …). */
  context: string[];
  /** The scale note as printed ("bedragen x 1.000"), wherever it stood near the table. */
  scaleText: string | null;
  /** Header row: cells[0] is the top-left cell (often the programme name or blank). */
  header: RawRow | null;
  rows: RawRow[];
  footnotes: Footnote[];
  line: number | null;
  page: number | null;
}

export interface TextBlock {
  text: string;
  line: number | null;
  page: number | null;
}

/** Something the extractor wants the reader to know: a table it could not read, an odd line. */
export interface ExtractionNotice {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  page: number | null;
  raw: string | null;
  table: string | null;
}

export interface Extraction {
  tables: RawTable[];
  textBlocks: TextBlock[];
  notices: ExtractionNotice[];
  /** Hints for document metadata found in the content (title lines, years). */
  headings: string[];
}
