import { createRequire } from 'node:module';
import type { AnyNode, Element } from 'domhandler';
import { parseScale } from '../../src/grammar/number.js';
import type { Extraction, ExtractionNotice, Footnote, RawTable, TextBlock } from '../types.js';
import { ariaGridRows, definitionListRows, divGridRows, flatRunTables } from './blocks.js';
import {
  BLOCK,
  cellText,
  firstElement,
  textContent,
  isElement,
  isHidden,
  isLeafBlock,
  lineOf,
  pathOf,
  plainText,
  visibleChildren,
} from './dom.js';
import { nestingDepth } from './depth.js';
import { assemble, headerCount, MAX_ROWS, tableRows, TooLarge, type SlotRow } from './grid.js';
import { startLineAdapter } from './tree-adapter.js';
import { shapeHtmlTable } from './shape.js';
import { parseStrict } from './strict-parse.js';
import {
  isIndicatorTable,
  isProductTree,
  pageDoelenboomTables,
  readBlockStructures,
  readProductTree,
  statutoryTable,
} from './structures.js';

/**
 * Saved pages of municipal P&C websites. Every <table> (and every table-like block of
 * elements) becomes a raw table in the shared form, with the headings it stands under, its
 * caption or nearest heading, its scale note and footnotes; narrative paragraphs become text
 * blocks. One pass over the DOM in document order; no recursion (hostile nesting depth).
 */

type Item =
  | { kind: 'heading'; level: number; text: string; line: number | null }
  | { kind: 'block'; text: string; el: Element; line: number | null }
  | { kind: 'grid'; el: Element; rows: SlotRow[]; caption: string | null; marked: boolean }
  | { kind: 'flat'; el: Element; tables: RawTable[] }
  | { kind: 'tree'; el: Element }
  | { kind: 'refused'; el: Element; reason: string };

// cheerio (with its HTTP client) takes a noticeable time to load: only runs that read HTML pay it.
const require = createRequire(import.meta.url);
let cheerio: typeof import('cheerio') | null = null;

const HEADING_TAG = /^h([1-6])$/;
const FOOTNOTE = /^\(?(\d{1,2}|\*{1,3})[.)]?\s+(\S.*)$/;
const GRID_CONTAINER = new Set(['div', 'section', 'article', 'ul', 'ol', 'main', 'aside', 'figure', 'dl']);

/** A caption or top-left cell without its scale note: "Programma 6 (bedragen x 1.000)" → "Programma 6". */
const stripScale = (text: string) =>
  text
    .replace(
      /\(?\s*(bedragen\s*)?(in\s*)?(x|\*|×)\s*(€\s*)?(1\.000\.000|1\.000|1000000|1000|1 000)\s*(euro'?s?)?\s*\)?/i,
      '',
    )
    .replace(/[\s,:;–-]+$/, '')
    .trim();

/** Deeper than any real page nests (they stay under a few hundred); parsing time grows with its square. */
export const MAX_DEPTH = 3_000;

export function extractHtml(html: string): Extraction {
  const depth = nestingDepth(html, MAX_DEPTH);
  if (depth > MAX_DEPTH) {
    const message =
      `Page not read: its elements nest more than ${MAX_DEPTH.toLocaleString('en')} deep, which no real page ` +
      `does (a broken or hostile page; parsing it would take minutes)`;
    return {
      tables: [],
      textBlocks: [],
      headings: [],
      notices: [
        { rule: 'unreadable-page', severity: 'error', message, line: null, page: null, raw: null, table: null },
      ],
    };
  }
  // Well-formed pages through the fast parser; anything the standard would repair through parse5.
  const doc = parseStrict(html) ?? parseWithParse5(html);
  // Found by a walk, not a selector: compiling and running CSS selectors cost more than the walk.
  const root = (firstElement(doc, 'body') ?? doc) as Element;
  const titleEl = firstElement(doc, 'title');
  const pageTitle = titleEl ? textContent(titleEl).trim() : '';
  const items = walk(root);

  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];
  const textBlocks: TextBlock[] = [];
  const used = new Set<number>();
  const stack: { level: number; text: string }[] = [];

  // Doelenboom and sections: the page's text blocks read as the dump's lines are.
  const textItems = items.flatMap((it, i) => (it.kind === 'heading' || it.kind === 'block' ? [i] : []));
  const blockRead = readBlockStructures(
    textItems.map((i) => ({
      text: (items[i] as { text: string }).text,
      line: (items[i] as { line: number | null }).line,
    })),
  );
  for (const k of blockRead.used) used.add(textItems[k]);
  const structures = blockRead.structures;
  tables.push(...blockRead.tables);
  notices.push(...blockRead.notices);

  items.forEach((item, i) => {
    if (item.kind === 'heading') {
      while (stack.length && stack.at(-1)!.level >= item.level) stack.pop();
      stack.push({ level: item.level, text: item.text });
      return;
    }
    if (item.kind === 'block') return;
    const context = stack.map((h) => h.text);
    const nearby = scaleNear(items, i);
    if (item.kind === 'tree') {
      const tree = readProductTree(item.el);
      structures.products.push(...tree.products);
      notices.push(...tree.notices);
      structures.line ??= tree.line;
      // The doelenboom's scale note stands under it.
      const next = items[i + 1];
      if (nearby && next?.kind === 'block' && next.text === nearby) used.add(i + 1);
      structures.scaleText ??= nearby;
      return;
    }
    if (item.kind === 'refused') {
      notices.push({
        rule: 'unread-table',
        severity: 'warning',
        message: `Table at line ${lineOf(item.el) ?? '?'} (${pathOf(item.el)}) not read: ${item.reason}`,
        line: lineOf(item.el),
        page: null,
        raw: null,
        table: stack.at(-1)?.text ?? null,
      });
      return;
    }
    const footnotes = footnotesAfter(items, i, used);
    if (item.kind === 'flat') {
      for (const t of item.tables) {
        t.context = context;
        t.scaleText ??= nearby;
        t.footnotes = footnotes;
        t.title ||= stack.at(-1)?.text ?? `Tabel op regel ${t.line}`;
        tables.push(t);
      }
      return;
    }
    const nHeader = headerCount(item.rows, !item.marked);
    const assembled = assemble(item.rows, nHeader);
    const header = assembled.header;
    if (assembled.rows.length === 0 || header?.cells.length === 0) return;
    const rows = assembled.rows;
    const topLeft = header?.cells[0]?.text ?? '';
    const headerScale = header?.cells.find((c) => parseScale(c.text) !== null)?.text ?? null;
    const captionScale = item.caption && parseScale(item.caption) !== null ? item.caption : null;
    const line = header?.line ?? rows[0].line ?? lineOf(item.el);
    const table: RawTable = {
      index: 0,
      layout: 'html',
      title:
        (item.caption && stripScale(item.caption)) ||
        stripScale(topLeft) ||
        stack.at(-1)?.text ||
        `Tabel op regel ${line}`,
      context,
      scaleText: captionScale ?? headerScale ?? nearby,
      header,
      rows,
      footnotes,
      line,
      page: null,
      path: pathOf(item.el),
    };
    if (isIndicatorTable(table)) table.role = 'indicator';
    // The statutory indicator table keeps its own reading (its headings are its fields).
    const probe: ExtractionNotice[] = [];
    const statutory = statutoryTable({ ...table, rows: [...rows] }, probe);
    if (statutory) {
      notices.push(...probe);
      tables.push(statutory);
      return;
    }
    table.rows = shapeHtmlTable(header, rows, table.role === 'indicator');
    if (table.rows.length === 0) return;
    tables.push(table);
  });
  tables.push(...pageDoelenboomTables(structures));
  // Document order, as the dump's tables are numbered (a stable sort keeps same-line tables in order).
  tables.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  tables.forEach((t, i) => (t.index = i));

  items.forEach((item, i) => {
    if ((item.kind === 'block' || item.kind === 'heading') && !used.has(i) && item.text)
      textBlocks.push({ text: item.text, line: item.line, page: null });
  });
  if (tables.length === 0 && notices.length === 0) {
    notices.push({
      rule: 'no-tables',
      severity: 'info',
      message: `No tables in the page: nothing to check (${textBlocks.length} text blocks read)`,
      line: null,
      page: null,
      raw: null,
      table: null,
    });
  }
  const headings = [pageTitle, ...items.slice(0, 60).map((it) => ('text' in it ? it.text : ''))]
    .filter((t) => t.length > 0 && t.length < 120)
    .slice(0, 40);
  return { tables, textBlocks, notices, headings, structures };
}

function parseWithParse5(html: string): AnyNode {
  cheerio ??= require('cheerio') as typeof import('cheerio');
  return cheerio.load(html, { sourceCodeLocationInfo: true, treeAdapter: startLineAdapter }).root()[0];
}

/** The scale note standing right above the table (not across prose or another table), else right below. */
function scaleNear(items: Item[], i: number): string | null {
  for (let k = i - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
    const it = items[k];
    if (it.kind !== 'block' && it.kind !== 'heading') break;
    if (it.text.length >= 200) break;
    if (parseScale(it.text) !== null) return it.text;
  }
  const next = items[i + 1];
  if (next?.kind === 'block' && next.text.length < 200 && parseScale(next.text) !== null) return next.text;
  return null;
}

/** Footnotes printed right under a table: "1 Bron: …", "<sup>2</sup> …", "* voorlopig cijfer". */
function footnotesAfter(items: Item[], i: number, used: Set<number>): Footnote[] {
  const out: Footnote[] = [];
  for (let k = i + 1; k < items.length; k++) {
    const it = items[k];
    if (it.kind !== 'block') break;
    const plain = plainText(it.el);
    if (plain.length > 600) break;
    const m = FOOTNOTE.exec(plain);
    if (!m) {
      if (parseScale(it.text) !== null && out.length === 0) continue;
      break;
    }
    out.push({ marker: m[1], text: m[2], line: it.line });
    used.add(k);
  }
  return out;
}

function walk(root: Element): Item[] {
  const items: Item[] = [];
  const work: (AnyNode | { run: AnyNode[] })[] = [root];
  const pushChildren = (el: Element) => {
    // Loose text between blocks (`<div>text <p>…</p></div>`) is a block of its own.
    const out: (AnyNode | { run: AnyNode[] })[] = [];
    let run: AnyNode[] = [];
    for (const c of el.children) {
      if (isElement(c) && BLOCK.has(c.name)) {
        if (run.length) out.push({ run });
        run = [];
        out.push(c);
      } else if (c.type === 'text' || isElement(c)) run.push(c);
    }
    if (run.length) out.push({ run });
    for (let k = out.length - 1; k >= 0; k--) work.push(out[k]);
  };
  const addBlock = (el: Element) => {
    const t = cellText(el);
    if (!t.text) return;
    const line = lineOf(el) ?? null;
    // A short paragraph in bold only is a heading in all but markup ("Wat heeft het gekost?").
    if (t.bold && t.text.length < 120 && !/\d[.,]\d{3}/.test(t.text))
      items.push({ kind: 'heading', level: 7, text: t.text, line });
    // Its plain text is wanted only for the few blocks under a table (footnotes): read there.
    else items.push({ kind: 'block', text: t.text, el, line });
  };
  while (work.length) {
    const w = work.pop()!;
    if ('run' in w) {
      const first = w.run.find(isElement);
      const fake = {
        type: 'tag',
        name: 'span',
        attribs: {},
        children: w.run,
        parent: null,
        sourceCodeLocation: first?.sourceCodeLocation,
      } as unknown as Element;
      addBlock(fake);
      continue;
    }
    if (!isElement(w) || isHidden(w)) continue;
    if (w.name === 'table') {
      if (containsTable(w)) pushChildren(w);
      else items.push(tableItem(w));
      continue;
    }
    const h = HEADING_TAG.exec(w.name);
    // An unclosed <h2> swallows what follows it, tables included: read it as a container then.
    if ((h || w.attribs.role === 'heading') && !containsTable(w)) {
      const text = cellText(w).text;
      if (text)
        items.push({
          kind: 'heading',
          level: h ? Number(h[1]) : Number(w.attribs['aria-level'] ?? 2) || 2,
          text,
          line: lineOf(w),
        });
      continue;
    }
    if (GRID_CONTAINER.has(w.name) && isProductTree(w)) {
      items.push({ kind: 'tree', el: w });
      continue;
    }
    const grid = ariaGridRows(w) ?? definitionListRows(w) ?? (GRID_CONTAINER.has(w.name) ? divGridRows(w) : null);
    if (grid && grid.length > MAX_ROWS) {
      items.push({
        kind: 'refused',
        el: w,
        reason:
          `element grid has ${grid.length.toLocaleString('en')} rows, over the limit of ` +
          `${MAX_ROWS.toLocaleString('en')}`,
      });
      continue;
    }
    if (grid) {
      items.push({ kind: 'grid', el: w, rows: grid, caption: null, marked: grid.some((r) => r.head) });
      continue;
    }
    const flat = GRID_CONTAINER.has(w.name) ? flatRunTables(w) : null;
    if (flat) {
      items.push({ kind: 'flat', el: w, tables: flat });
      continue;
    }
    if (isLeafBlock(w)) addBlock(w);
    else pushChildren(w);
  }
  return items;
}

function containsTable(table: Element): boolean {
  const stack: AnyNode[] = [...table.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'table') return true;
    stack.push(...n.children);
  }
  return false;
}

function tableItem(table: Element): Item {
  const captionEl = visibleChildren(table).find((c) => c.name === 'caption');
  const parent = table.parent;
  const figcaption =
    isElement(parent) && parent.name === 'figure'
      ? visibleChildren(parent).find((c) => c.name === 'figcaption')
      : undefined;
  const caption = [captionEl, figcaption].map((c) => (c ? cellText(c).text : '')).find((t) => t) ?? null;
  try {
    return { kind: 'grid', el: table, rows: tableRows(table), caption, marked: true };
  } catch (e) {
    if (e instanceof TooLarge) return { kind: 'refused', el: table, reason: e.message };
    throw e;
  }
}
