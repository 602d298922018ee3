/**
 * Evidence excerpts: the few source lines around a finding, cut out of the document when it is
 * read and stored with the finding, so a report opened months later still shows what the
 * document printed — even when the file has moved, changed or is gone.
 */
import type { FinancialFact, Finding, SourceLine } from '../../schemas/index.js';

/** Lines of context either side of each line a finding points at. */
const CONTEXT = 2;
/** At most this many lines per finding: an excerpt, not a copy of the document. */
const MAX_LINES = 40;
/** Longer lines (glued rows, minified HTML) are cut to this many characters around the value. */
const MAX_LINE_CHARS = 300;
/** Lines the finding's message refers to as the cells it compared: "(line 998)". */
const LINE_REF = /\(line (\d+)\)/g;

/** Where each row of each table starts, and which row a cell's line belongs to. */
export interface RowIndex {
  rowAt: Map<string, string>;
  rowStart: Map<string, number>;
}

/** Indexes the facts once, so evidence for many findings stays linear in their number. */
export function indexRows(facts: FinancialFact[]): RowIndex {
  const rowAt = new Map<string, string>();
  const rowStart = new Map<string, number>();
  for (const f of facts) {
    const line = f.provenance.line;
    if (line === null) continue;
    const row = `${f.tableIndex}:${f.rowIndex}`;
    rowAt.set(`${f.tableIndex}:${line}`, row);
    rowStart.set(row, Math.min(line, rowStart.get(row) ?? line));
  }
  return { rowAt, rowStart };
}

/** The lines a finding refers to: its own, the cells it compared, and the start of its row. */
export function focusLines(finding: Finding, rows: RowIndex = indexRows([])): number[] {
  if (finding.line === null) return [];
  const focus = new Set<number>([finding.line]);
  for (const m of finding.message.matchAll(LINE_REF)) {
    const n = Number(m[1]);
    if (Math.abs(n - finding.line) <= 4 * MAX_LINES) focus.add(n);
  }
  // The row's first cell, so a cell-per-line row shows its label (printed just before it).
  const row = rows.rowAt.get(`${finding.tableIndex}:${finding.line}`);
  const start = row === undefined ? undefined : rows.rowStart.get(row);
  if (start !== undefined) focus.add(start);
  return [...focus].sort((a, b) => a - b);
}

/** Line numbers (1-based) to show: windows around the focus lines, the finding's own first. */
function excerptLines(focus: number[], own: number, lineCount: number): number[] {
  const chosen = new Set<number>();
  // Nearest focus lines first, so a cap keeps the finding's own line and its neighbours.
  for (const l of [...focus].sort((a, b) => Math.abs(a - own) - Math.abs(b - own))) {
    for (let n = l - CONTEXT; n <= l + CONTEXT; n++) {
      if (n >= 1 && n <= lineCount && chosen.size < MAX_LINES) chosen.add(n);
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Cuts a long line to a window around `raw` (or its start), marking the cuts with "…". */
export function clipLine(text: string, raw: string | null): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  const at = raw ? Math.max(0, text.indexOf(raw)) : 0;
  const start = Math.max(0, Math.min(at - MAX_LINE_CHARS / 3, text.length - MAX_LINE_CHARS));
  const end = start + MAX_LINE_CHARS;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Returns the findings with `evidence` set to the source lines around each finding that has a
 * line number. Findings placed by page only keep their `raw` text as their evidence.
 */
export function attachEvidence(findings: Finding[], sourceText: string, facts: FinancialFact[] = []): Finding[] {
  const lines = sourceText.split(/\r\n|\r|\n/);
  const rows = indexRows(facts);
  return findings.map((f) => {
    if (f.line === null || f.line < 1 || f.line > lines.length) return f;
    const focus = focusLines(f, rows);
    const evidence: SourceLine[] = excerptLines(focus, f.line, lines.length).map((n) => ({
      line: n,
      text: clipLine(lines[n - 1], n === f.line ? f.raw : null),
    }));
    return { ...f, evidence };
  });
}
