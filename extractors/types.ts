/**
 * The raw-table form every extractor produces: cells with their positions, nothing
 * interpreted yet. The interpreter turns it into typed records.
 */
export interface RawCell {
  text: string;
  line: number | null;
  page: number | null;
  bold: boolean;
  /**
   * How a glued cell was cut from its row: by the grammar alone (default), by a documented
   * heuristic that ranked the grammar's readings ('heuristic'), or not at all ('unread': the
   * readings disagree here and none is stored).
   */
  reading?: 'grammar' | 'heuristic' | 'unread';
  /** A footnote marker printed beside the value (an HTML `<sup>`), kept apart from `text`. */
  footnote?: string | null;
  /** Where the cell stands in a structured source (HTML): element path and grid position. */
  source?: CellSource;
  /** Box on the page in PDF points, origin top left: [x0, top, x1, bottom] (PDF sources only). */
  bbox?: [number, number, number, number];
}

/** Provenance inside a structured source: a CSS-like path, and the 0-based grid row/column. */
export interface CellSource {
  path: string;
  row: number;
  column: number;
}

export interface RawRow {
  /** cells[0] is the row label; the rest are value cells in column order. */
  cells: RawCell[];
  line: number | null;
  page: number | null;
  /** The row's source text as it stood (a line, or the lines of a cell-per-line row joined by " | "). */
  raw: string;
  /** CSS-like path of the row element, for structured sources (HTML). */
  path?: string;
  /**
   * Headings printed above the row inside its table, outermost first: a line item (`LASTEN`)
   * that the row's figures are, or a group (`0.0 Bestuur en ondersteuning`, `0.1 Bestuur` above
   * its `Lasten` / `Baten` lines).
   */
  sections?: string[];
  /**
   * The heading (taakveld, programme, category) whose Lasten / Baten / Saldo lines directly follow it, for such a line.
   */
  group?: string;
  /**
   * The row was printed so that its figures cannot be put in their columns (label and figures each on a line of
   * their own): it stands in the table, unread, so totals over it are not judged without it.
   */
  unread?: boolean;
}

export interface Footnote {
  marker: string;
  text: string;
  line: number | null;
}

export type RawLayout = 'cell-per-line' | 'tab-separated' | 'glued' | 'html' | 'pdf' | 'pipe' | 'space-separated';

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
  /** What the extractor recognised the table as, where it knows better than the interpreter can guess. */
  role?: 'indicator' | 'statutory-indicators' | 'doelenboom';
  /** CSS-like path of the table element, for structured sources (HTML). */
  path?: string;
  /**
   * The rendering drops empty cells (text dumps of web tables): a row's unfilled columns are empty,
   * unless the table's arithmetic needs a figure there (then missing), as with blanks in a PDF.
   */
  blanksDropped?: boolean;
  /**
   * The table starts below lines of its own that no reader took (no header of its own, figures alone on the line
   * above): its first total may sum rows that are not in it.
   */
  continuesAbove?: boolean;
  /** The text ends in this table's last row, right after its last figure, which may be cut off there. */
  endsText?: boolean;
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
  /** The row label as printed (or as far as it is certain), and the column header(s) concerned. */
  row?: string | null;
  column?: string | null;
  /** For a table klopt saw but did not read: how many amounts it holds (reading coverage). */
  amounts?: number;
}

export interface Extraction {
  tables: RawTable[];
  textBlocks: TextBlock[];
  notices: ExtractionNotice[];
  /** Hints for document metadata found in the content (title lines, years). */
  headings: string[];
  /** Structures that are no grid: the Enschede doelenboom and its sections' counts. */
  structures?: RawStructures;
}

/** A printed count, where it stands. */
export interface RawCount {
  value: number;
  line: number;
  raw: string;
}

/** One node of a doelenboom (Enschede 2023: "01." doel, "01.01" subdoel) with what it claims. */
export interface RawGoal {
  code: string;
  name: string;
  /** "totale lasten (x 1.000 euro): 252.647,00" */
  totaleLasten: { text: string; line: number } | null;
  claimedIndicators: RawCount | null;
  claimedActions: RawCount | null;
  line: number;
  raw: string;
}

/** The section of the document that works a subdoel out: its own counts and what it lists. */
export interface RawSection {
  code: string;
  line: number;
  statedIndicators: RawCount | null;
  /** Lines of the indicators listed (one "Toelichting" block per indicator; the charts are images). */
  indicatorLines: number[];
  statedActions: RawCount | null;
  /** Lines of the numbered actions listed ("01. We besteden …"). */
  actionLines: number[];
}

/** A product of the doelenboom (Enschede 2018) with its Lasten/Baten as printed. */
export interface RawProduct {
  doelstelling: string | null;
  thema: string | null;
  product: string;
  lasten: { text: string; line: number; raw: string } | null;
  baten: { text: string; line: number; raw: string } | null;
  line: number;
}

export interface RawStructures {
  goals: RawGoal[];
  sections: RawSection[];
  products: RawProduct[];
  /** The scale note the doelenboom states ("Bedragen x 1.000 Euro's"). */
  scaleText: string | null;
  /** Line of the doelenboom heading, when there is one. */
  line: number | null;
}
