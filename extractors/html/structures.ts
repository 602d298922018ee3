import type { Element } from 'domhandler';
import { squishSpaces } from '../../src/grammar/number.js';
import { INDICATOR_TOP_LEFT } from '../text/glued-indicators.js';
import { doelenboomTables, PRODUCT_HEADER, readStructures } from '../text/structures.js';
import type { ExtractionNotice, RawCell, RawProduct, RawRow, RawStructures, RawTable } from '../types.js';
import { cellText, isElement, isHidden, isLeafBlock, lineOf, visibleChildren } from './dom.js';

/**
 * The structures of P&C pages that are no plain grid, read into the forms the text readers
 * give (so one interpreter and one set of rules serve both):
 * - the doelenboom of doelen and subdoelen (Enschede 2023: nested lists whose blocks read as the
 *   dump's lines) and the sections working each subdoel out: the page's text blocks, one line
 *   each, go through the text dump's structure reader;
 * - the doelenboom of products with their Lasten and Baten (Enschede 2018), a tree of elements
 *   under a "Doelstelling | Thema's | Producten | Wat heeft het gekost?" head: read from the
 *   elements, which separate what the dump ran together;
 * - the "Wettelijk verplichte indicatoren" table, whose cells the page prints apart;
 * - indicator tables (a top-left cell naming indicators or kengetallen, year columns).
 */

const clean = squishSpaces;

/** A text block of the page, in document order, and the source line it stands on. */
export interface PageLine {
  text: string;
  line: number | null;
}

/**
 * The doelenboom and sections read from the page's text blocks as a dump's lines. The reader
 * counts on one line per block, so blocks are numbered 1..n and the numbers mapped back to
 * source lines after. Returns the structures, notices, and which blocks it used.
 */
export function readBlockStructures(blocks: PageLine[]): {
  structures: RawStructures;
  tables: RawTable[];
  notices: ExtractionNotice[];
  used: Set<number>;
} {
  const lines = blocks.map((b, i) => ({ text: b.text, line: i + 1 }));
  const used = new Set<number>();
  const read = readStructures(lines, used);
  // A block on no known line takes the line of the block before it (the page is minified).
  const source: number[] = [];
  blocks.forEach((b, i) => source.push(b.line ?? source[i - 1] ?? 1));
  const at = (n: number) => source[n - 1] ?? 1;
  const s = read.structures;
  for (const g of s.goals) {
    g.line = at(g.line);
    if (g.totaleLasten) g.totaleLasten.line = at(g.totaleLasten.line);
    if (g.claimedIndicators) g.claimedIndicators.line = at(g.claimedIndicators.line);
    if (g.claimedActions) g.claimedActions.line = at(g.claimedActions.line);
  }
  for (const sec of s.sections) {
    sec.line = at(sec.line);
    if (sec.statedIndicators) sec.statedIndicators.line = at(sec.statedIndicators.line);
    if (sec.statedActions) sec.statedActions.line = at(sec.statedActions.line);
    sec.indicatorLines = sec.indicatorLines.map(at);
    sec.actionLines = sec.actionLines.map(at);
  }
  for (const p of s.products) {
    p.line = at(p.line);
    if (p.lasten) p.lasten.line = at(p.lasten.line);
    if (p.baten) p.baten.line = at(p.baten.line);
  }
  if (s.line !== null) s.line = at(s.line);
  const notices = read.notices.map((n) => ({
    ...n,
    line: n.line === null ? null : at(n.line),
    message: n.message.replace(/\b(line|to) (\d+)\b/g, (_, w: string, d: string) => `${w} ${at(Number(d))}`),
  }));
  // Money tables are built again by the caller from all structures of the page; the rest keep their cells.
  const tables = read.tables.filter((t) => t.role !== 'doelenboom');
  for (const t of tables) {
    for (const r of [...(t.header ? [t.header] : []), ...t.rows]) {
      r.line = r.line === null ? null : at(r.line);
      for (const c of r.cells) c.line = c.line === null ? null : at(c.line);
    }
    t.line = t.line === null ? null : at(t.line);
    t.layout = 'html';
  }
  return { structures: s, tables, notices, used: new Set([...used].map((n) => n - 1)) };
}

/** The money tables of the page's doelenboom, in the form the text reader gives them. */
export function pageDoelenboomTables(structures: RawStructures): RawTable[] {
  return doelenboomTables(structures).map((t) => ({ ...t, layout: 'html' as const }));
}

/**
 * An element holding a product doelenboom: its first visible child is the "Doelstelling … Wat heeft het gekost?" head.
 */
export function isProductTree(el: Element): boolean {
  const head = visibleChildren(el)[0];
  // The head is a row of four or more leaf cells; checked before its text is read, so deep pages stay linear.
  const cells = head && !isLeafBlock(head) ? visibleChildren(head) : [];
  if (cells.length < 4 || !cells.every(isLeafBlock)) return false;
  return PRODUCT_HEADER.test(clean(cellText(head).text));
}

const AMOUNT = /^(Lasten|Baten)\s*:?\s*(-?\d[\d.,]*)$/;
const THEMA = /^\d{1,2}\.\s+\S/;

/**
 * Products of a doelenboom tree, from its leaf blocks in document order: a numbered block is a
 * thema, a block followed by "Lasten N" / "Baten N" blocks is a product, any other block a
 * doelstelling. The markup separates what the dump glued, so nothing is guessed.
 */
export function readProductTree(el: Element): {
  products: RawProduct[];
  line: number | null;
  notices: ExtractionNotice[];
} {
  const leaves: { text: string; line: number }[] = [];
  const [head, ...body] = visibleChildren(el);
  const stack: Element[] = [...body].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isHidden(n)) continue;
    if (isLeafBlock(n)) {
      const text = clean(cellText(n).text);
      if (text) leaves.push({ text, line: lineOf(n) ?? leaves.at(-1)?.line ?? lineOf(el) ?? 1 });
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (isElement(c)) stack.push(c);
    }
  }
  const products: RawProduct[] = [];
  const notices: ExtractionNotice[] = [];
  let doelstelling: string | null = null;
  let thema: string | null = null;
  let current: RawProduct | null = null;
  leaves.forEach((leaf, k) => {
    const amount = AMOUNT.exec(leaf.text);
    if (amount) {
      const printed = { text: amount[2], line: leaf.line, raw: leaf.text };
      if (!current) {
        notices.push({
          rule: 'unreadable-row',
          severity: 'warning',
          line: leaf.line,
          page: null,
          raw: leaf.text,
          table: 'Doelenboom',
          message: `"${leaf.text}" stands under no product in the doelenboom; nothing stored for it`,
        });
      } else if (amount[1] === 'Baten') current.baten = printed;
      else current.lasten = printed;
      return;
    }
    if (THEMA.test(leaf.text)) {
      thema = leaf.text;
      current = null;
    } else if (AMOUNT.test(leaves[k + 1]?.text ?? '')) {
      current = { doelstelling, thema, product: leaf.text, lasten: null, baten: null, line: leaf.line };
      products.push(current);
    } else {
      doelstelling = leaf.text;
      thema = null;
      current = null;
    }
  });
  return { products, line: lineOf(head) ?? lineOf(el), notices };
}

const STATUTORY_COLUMNS = ['beleidsveld', 'naam indicator', 'eenheid', 'jaar', 'score', 'bron'];

/**
 * A "Wettelijk verplichte indicatoren" table (number, beleidsveld, name, unit, year, score,
 * source) as the statutory raw table the interpreter reads; the page's separate beleidsveld,
 * name and unit cells travel along (cells 6-8), so no catalogue search has to find them.
 */
export function statutoryTable(t: RawTable, notices: ExtractionNotice[]): RawTable | null {
  const head = t.header?.cells.map((c) => clean(c.text).toLowerCase()) ?? [];
  const col = (name: string) => head.indexOf(name);
  if (STATUTORY_COLUMNS.some((c) => col(c) < 0)) return null;
  const nrCol = head.findIndex((h) => h === '' || /^(nr|nummer|no)\.?$/.test(h));
  if (nrCol < 0) return null;
  const rows: RawRow[] = [];
  for (const r of t.rows) {
    const cellAt = (i: number): RawCell => r.cells[i] ?? { text: '', line: r.line, page: r.page, bold: false };
    const nr = /^(\d{1,3})\.?$/.exec(clean(cellAt(nrCol).text));
    const bv = /^(\d{1,2})\.?\s+(.+)$/.exec(clean(cellAt(col('beleidsveld')).text));
    if (!nr || !bv) {
      notices.push({
        rule: 'unreadable-row',
        severity: 'warning',
        line: r.line,
        page: r.page,
        raw: r.raw,
        table: 'Wettelijk verplichte indicatoren',
        message:
          `Statutory indicator row "${r.raw}": no indicator number or no numbered beleidsveld; nothing stored ` +
          `for it`,
      });
      continue;
    }
    const [name, unit] = [cellAt(col('naam indicator')), cellAt(col('eenheid'))].map((c) => clean(c.text));
    const as = (c: RawCell, text: string): RawCell => ({ ...c, text });
    rows.push({
      ...r,
      cells: [
        as(cellAt(col('naam indicator')), [bv[2], name, unit].filter(Boolean).join(' ')),
        as(cellAt(nrCol), nr[1]),
        as(cellAt(col('beleidsveld')), bv[1]),
        as(cellAt(col('jaar')), clean(cellAt(col('jaar')).text)),
        as(cellAt(col('score')), clean(cellAt(col('score')).text)),
        as(cellAt(col('bron')), clean(cellAt(col('bron')).text)),
        as(cellAt(col('beleidsveld')), bv[2]),
        as(cellAt(col('naam indicator')), name),
        as(cellAt(col('eenheid')), unit),
      ],
    });
  }
  return { ...t, role: 'statutory-indicators', title: 'Wettelijk verplichte indicatoren', scaleText: null, rows };
}

/** An indicator table: top-left names indicators or kengetallen, every other column a year. */
export function isIndicatorTable(t: RawTable): boolean {
  const cells = t.header?.cells ?? [];
  return (
    cells.length >= 2 &&
    INDICATOR_TOP_LEFT.test(cells[0].text) &&
    cells.slice(1).every((c) => /(19|20)\d{2}/.test(c.text))
  );
}
