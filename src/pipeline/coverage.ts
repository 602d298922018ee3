import { parseCell } from '../grammar/number.js';
import type { Extraction, ExtractionNotice } from '../../extractors/types.js';
import type { Interpretation } from '../interpret/index.js';

/**
 * Reading coverage: how many amounts the document shows in its tables and table-like blocks, and
 * how many of them klopt stored as facts. A document is only proven as far as it was read; a table
 * (of any format) that holds figures but gave no fact gets an `unread-table` notice here, so that
 * no reader's silence can pass for "adds up".
 */
export interface Coverage {
  amountsSeen: number;
  amountsRead: number;
  /** Notices for tables an extractor returned whose figures gave no fact. */
  notices: ExtractionNotice[];
}

const KEY_HEADER = /^(nr|nummer|no|code|jaar|peiljaar|progr|programma|taakveld|beleidsveld|hoofdstuk|pagina|blz)\.?$/i;
const YEAR = /^(19|20)\d{2}$/;

export function readingCoverage(extraction: Extraction, interpretation: Interpretation): Coverage {
  const factsByTable = new Map<number, number>();
  const count = (t: number) => factsByTable.set(t, (factsByTable.get(t) ?? 0) + 1);
  for (const f of interpretation.financial) if (f.status === 'printed') count(f.tableIndex);
  for (const f of interpretation.indicators) if (f.value !== null) count(f.tableIndex);
  const noticed = new Set(extraction.notices.filter((n) => n.rule === 'unread-table').map((n) => n.table));
  const notices: ExtractionNotice[] = [];
  let seen = 0;
  for (const t of extraction.tables) {
    // Key columns (a number, a year, a programme code) hold figures that are no amounts.
    const keys = new Set(
      (t.header?.cells ?? []).flatMap((c, i) => (i > 0 && KEY_HEADER.test(c.text.trim()) ? [i] : [])),
    );
    let numbers = 0;
    let texts = 0;
    for (const row of t.rows) {
      row.cells.forEach((c, i) => {
        if (i === 0 || keys.has(i) || YEAR.test(c.text.trim())) return;
        // A cell without a digit is no figure: only those with one go through the grammar.
        const kind = /\d/.test(c.text)
          ? parseCell(c.text).kind
          : /^[\s\-−–—]*$|^(n\.?\s?b\.?|n\.?v\.?t\.?|nvt|n\/a|\*)$/i.test(c.text.trim())
            ? 'empty'
            : 'invalid';
        if (kind === 'number') numbers++;
        else if (kind === 'invalid') texts++;
      });
    }
    // A table of words with a figure here and there (a table of contents) is text, not a table of figures.
    if (numbers <= texts) continue;
    seen += numbers;
    if (numbers >= 2 && !factsByTable.get(t.index) && !noticed.has(t.title)) {
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message:
          `Table "${t.title}" holds ${numbers} amounts but none was stored as a fact (its rows or columns ` +
          `could not be placed): nothing in it is checked`,
        line: t.line,
        page: t.page,
        raw: t.header?.raw ?? t.rows[0]?.raw ?? null,
        table: t.title,
        amounts: numbers,
      });
    }
  }
  for (const n of extraction.notices) seen += n.amounts ?? 0;
  const read = [...factsByTable.values()].reduce((a, b) => a + b, 0);
  // Structures (doelenboom products, statutory lists) give facts from lines no table lists.
  return { amountsSeen: Math.max(seen, read), amountsRead: read, notices };
}
