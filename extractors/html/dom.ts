import type { AnyNode, Element } from 'domhandler';
import { isWhiteSpaceCode, squishSpaces } from '../../src/grammar/number.js';

/**
 * DOM helpers for the HTML extractor. Every walk is iterative: a hostile page nested a hundred
 * thousand levels deep must not overflow the stack.
 */

export const isElement = (n: AnyNode | null | undefined): n is Element =>
  !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');

/** Content that is never read: code, styling, templates, embedded media, forms. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
  'video',
  'audio',
  'img',
]);
/** Class names sites use for screen-reader-only or hidden text. */
const HIDDEN_CLASS =
  /(^|\s)(sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|element-invisible|offscreen|hidden|d-none|u-hidden|is-hidden|hide)(\s|$)/i;
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;
const BOLD_STYLE = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i;

/** Elements a reader never sees: hidden, screen-reader-only, or not content at all. */
export function isHidden(el: Element): boolean {
  if (SKIPPED.has(el.name)) return true;
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.class && HIDDEN_CLASS.test(a.class)) return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  return false;
}

export const lineOf = (el: Element): number | null => el.sourceCodeLocation?.startLine ?? null;

export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'tr',
  'td',
  'th',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'summary',
  'body',
  'html',
]);

const leafCache = new WeakMap<Element, boolean>();

/**
 * True when an element holds no block-level element (visible or not): a leaf of the layout.
 * Cached, and computed bottom-up without recursion: asked at every level of a page nested
 * 100,000 deep, it must not walk the subtree each time.
 */
export function isLeafBlock(el: Element): boolean {
  const known = leafCache.get(el);
  if (known !== undefined) return known;
  // Post-order over the uncached part of the subtree.
  const stack: [Element, boolean][] = [[el, false]];
  while (stack.length) {
    const [n, expanded] = stack.pop()!;
    if (leafCache.has(n)) continue;
    const kids = n.children.filter(isElement);
    if (!expanded) {
      stack.push([n, true]);
      for (const k of kids) if (!leafCache.has(k)) stack.push([k, false]);
      continue;
    }
    leafCache.set(
      n,
      kids.every((k) => !BLOCK.has(k.name) && leafCache.get(k) === true),
    );
  }
  return leafCache.get(el)!;
}

export interface CellText {
  text: string;
  /** Every visible character sits inside <strong>/<b> or a bold style. */
  bold: boolean;
  /** Footnote markers printed as <sup> after the value, kept apart from it. */
  footnote: string | null;
}

const MARKER = /^\(?([0-9]{1,2}|[a-z]|\*{1,3}|[†‡])\)?$/i;
const SUPERSCRIPT: Record<string, string> = { '2': '²', '3': '³' };

/**
 * The visible text of an element as a reader sees it: `<br>` and block boundaries become
 * spaces, non-breaking spaces plain spaces, hidden and screen-reader-only parts are dropped, and
 * a `<sup>` footnote marker is kept apart from the value (`324<sup>3</sup>` → "324", marker 3).
 * An exponent (`m<sup>2</sup>`) stays part of the text.
 */
export function cellText(root: Element): CellText {
  const parts: string[] = [];
  const markers: string[] = [];
  let boldChars = 0;
  let allChars = 0;
  // Explicit stacks of node and bold, in document order (two arrays: no pair allocated per node).
  const nodes: AnyNode[] = [];
  const bolds: boolean[] = [];
  const rootBold = BOLD_STYLE.test(root.attribs.style ?? '') || root.name === 'b' || root.name === 'strong';
  for (let i = root.children.length - 1; i >= 0; i--) {
    nodes.push(root.children[i]);
    bolds.push(rootBold);
  }
  while (nodes.length) {
    const n = nodes.pop()!;
    const bold = bolds.pop()!;
    if (n === BLOCK_END) {
      parts.push(' ');
      continue;
    }
    if (n.type === 'text') {
      const t = n.data;
      parts.push(t);
      const visible = nonSpaceLength(t);
      allChars += visible;
      if (bold) boldChars += visible;
      continue;
    }
    if (!isElement(n) || isHidden(n)) continue;
    if (n.name === 'br') {
      parts.push(' ');
      continue;
    }
    if (n.name === 'sup') {
      const inner = plainText(n).trim();
      const before = parts.slice(-3).join('').trimEnd();
      if (/^[23]$/.test(inner) && /(^|[^a-z])(k|c|d|m)?m$/i.test(before)) {
        parts.push(SUPERSCRIPT[inner]);
        continue;
      }
      if (MARKER.test(inner)) {
        markers.push(MARKER.exec(inner)![1]);
        parts.push(' ');
        continue;
      }
    }
    const isBold =
      bold ||
      n.name === 'b' ||
      n.name === 'strong' ||
      (n.attribs.style !== undefined && BOLD_STYLE.test(n.attribs.style));
    const block = BLOCK.has(n.name);
    if (block) parts.push(' ');
    // Children pushed in reverse so they pop in document order; a block gets a trailing space.
    if (block) {
      nodes.push(BLOCK_END);
      bolds.push(false);
    }
    for (let i = n.children.length - 1; i >= 0; i--) {
      nodes.push(n.children[i]);
      bolds.push(isBold);
    }
  }
  const text = squishSpaces(parts.join(''));
  return { text, bold: allChars > 0 && boldChars === allChars, footnote: markers.length ? markers.join(',') : null };
}

/** Marks where a block element ends in cellText's stack (a space is printed there). */
const BLOCK_END = { type: 'text', data: ' ' } as AnyNode;

/** `t.replace(/\s+/g, '').length` without building the string: the characters \s does not match. */
function nonSpaceLength(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!isWhiteSpaceCode(t.charCodeAt(i))) n++;
  return n;
}

/** All text under a node, hidden parts dropped; no marker handling. */
export function plainText(root: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (isElement(n) && !isHidden(n)) {
      if (n.name === 'br' || BLOCK.has(n.name)) parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return squishSpaces(parts.join(''));
}

/** The first element named `name` in document order (what `$(name)[0]` selects), without recursion. */
export function firstElement(root: AnyNode, name: string): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.name === name) return n;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return null;
}

/** All text under a node, as cheerio's `.text()` gives it (text and CDATA, nothing hidden dropped). */
export function textContent(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if ((isElement(n) || n.type === 'cdata') && 'children' in n)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
}

export const elementChildren = (el: Element): Element[] => el.children.filter(isElement);
export const visibleChildren = (el: Element): Element[] =>
  el.children.filter((c): c is Element => isElement(c) && !isHidden(c));

/**
 * A CSS-like path to an element: from the nearest ancestor with an id (or the root), each step
 * `tag.class:nth-of-type(n)` — enough to find the element again in the saved page.
 */
export function pathOf(el: Element): string {
  const steps: string[] = [];
  let cur: Element | null = el;
  while (cur && isElement(cur)) {
    if (cur.attribs.id && !/\s/.test(cur.attribs.id)) {
      steps.unshift(`#${cur.attribs.id}`);
      break;
    }
    steps.unshift(stepOf(cur));
    const parent: AnyNode | null = cur.parent;
    cur = isElement(parent) ? parent : null;
  }
  return steps.join(' > ');
}

function stepOf(el: Element): string {
  const parent = el.parent;
  let nth = 0;
  let count = 0;
  if (parent && 'children' in parent) {
    for (const sib of parent.children) {
      if (isElement(sib) && sib.name === el.name) {
        count++;
        if (sib === el) nth = count;
      }
    }
  }
  return stepText(el, nth, count);
}

function stepText(el: Element, nth: number, count: number): string {
  const cls = (el.attribs.class ?? '').trim().split(/\s+/).filter(Boolean)[0];
  const step = cls ? `${el.name}.${cls}` : el.name;
  return count > 1 ? `${step}:nth-of-type(${nth})` : step;
}

/**
 * pathOf of each of `kids`, children of `parent`: the parent's path and the sibling counts are
 * worked out once, not once per child (a flat run of thousands of cells was quadratic).
 */
export function childPaths(parent: Element, kids: Element[]): string[] {
  const siblings = elementChildren(parent);
  const nth = nthOfType(siblings);
  const count = new Map<string, number>();
  for (const s of siblings) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const base = pathOf(parent);
  return kids.map((k) => {
    if (k.attribs.id && !/\s/.test(k.attribs.id)) return `#${k.attribs.id}`;
    return `${base} > ${stepText(k, nth.get(k) ?? 0, count.get(k.name) ?? 0)}`;
  });
}

/** `nth-of-type` of every element child of a parent, computed once (a 50,000-row tbody). */
export function nthOfType(children: Element[]): Map<Element, number> {
  const counts = new Map<string, number>();
  const out = new Map<Element, number>();
  for (const c of children) {
    const n = (counts.get(c.name) ?? 0) + 1;
    counts.set(c.name, n);
    out.set(c, n);
  }
  return out;
}
