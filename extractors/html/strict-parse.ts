import { Parser } from 'htmlparser2';
import { DomHandler, Text, type AnyNode, type Document, type Element } from 'domhandler';

/**
 * A fast path for reading well-formed pages. parse5 (the HTML standard's tree construction) took
 * two thirds of the time the HTML extractor spends on a page; htmlparser2 builds the same tree
 * in a tenth of that time, but only when the markup leaves the standard nothing to repair:
 * implied tbody, foster parenting, a <p> closed by a <div>, misnested formatting, raw-text
 * elements the two tokenise differently. So htmlparser2 reads the page, and the tree is kept only
 * if nothing in it is a case where the standard's tree would differ; otherwise (null) the caller
 * parses with parse5 as before. Conservative by design: a page refused here costs time, never a
 * different reading. test/html-strict-parse.test.ts holds the two trees equal on the fixtures.
 */

/**
 * Elements whose parsing differs between the two (raw text, foreign content, forms, obsolete) or that the standard
 * moves.
 */
const REFUSED = new Set([
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'listing',
  'template',
  'svg',
  'math',
  'frameset',
  'frame',
  'select',
  'option',
  'optgroup',
  'datalist',
  'image',
  'isindex',
  'keygen',
  'command',
  'basefont',
  'bgsound',
  'menuitem',
  'rb',
  'rt',
  'rp',
  'rtc',
  'applet',
  'marquee',
  'object',
  'html',
  'head',
  'body',
]);
/** Start tags that close an open <p> (HTML standard, "in body"). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'search',
  'section',
  'summary',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'form',
  'li',
  'dd',
  'dt',
  'table',
  'hr',
]);
/** Elements that may not stand inside one of their own kind (the standard closes or ignores the outer one). */
const NOT_NESTED = new Set(['a', 'form', 'button', 'nobr']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** The only children a table part may have; anything else the standard fosters out or wraps. */
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(['caption', 'thead', 'tbody', 'tfoot', 'colgroup']),
  thead: new Set(['tr']),
  tbody: new Set(['tr']),
  tfoot: new Set(['tr']),
  tr: new Set(['td', 'th']),
  colgroup: new Set(['col']),
};
/** Where a table part must stand. */
const TABLE_PARENT: Record<string, Set<string>> = {
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tfoot: new Set(['table']),
  colgroup: new Set(['table']),
  caption: new Set(['table']),
  tr: new Set(['thead', 'tbody', 'tfoot']),
  td: new Set(['tr']),
  th: new Set(['tr']),
  col: new Set(['colgroup']),
};
const HEAD_CHILDREN = new Set(['meta', 'title', 'style', 'script', 'link', 'base']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const TAG_NAME = /^[a-z][a-z0-9-]*$/;
/**
 * Attribute names the two may read apart: quotes, `<`, `=`, or beyond ASCII (htmlparser2 lower-cases those, parse5 does
 * not).
 */
const ODD_ATTRIBUTE = /[^\x21-\x7e]|["'<=]/;
/**
 * Markup the two tokenisers read differently: abrupt or "--!>" comment ends, CDATA, end tags not followed by a letter,
 * NUL.
 */
const TOKEN_TRAPS = /<!--->|<!-->|--!>|<!\[|<\/[^a-zA-Z]|\0/;
const HTML_SPACE = /^[ \t\n\f\r]*$/;

/** Notes any element htmlparser2 opened or closed without its tag (a repair), and counts the end tags it closed. */
class Handler extends DomHandler {
  repaired = false;
  closed = 0;
  override onopentag(name: string, attribs: Record<string, string>, implied?: boolean): void {
    if (implied) this.repaired = true;
    super.onopentag(name, attribs);
  }
  override onclosetag(name?: string, implied?: boolean): void {
    if (!VOID.has(name ?? '')) {
      if (implied) this.repaired = true;
      else this.closed++;
    }
    super.onclosetag();
  }
}

/**
 * Counts end tags as read: htmlparser2 drops a stray one silently, where the standard may act on it (`</thead>` ends a
 * row).
 */
class CountingParser extends Parser {
  endTags = 0;
  override onclosetag(start: number, endIndex: number): void {
    this.endTags++;
    super.onclosetag(start, endIndex);
  }
}

const isEl = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const isSpaceText = (n: AnyNode) => n.type === 'text' && HTML_SPACE.test(n.data);

/** The page's tree when it is one the HTML standard builds the same way, else null (parse it with parse5). */
export function parseStrict(source: string): Document | null {
  if (TOKEN_TRAPS.test(source)) return null;
  // parse5 reads CR LF and CR as LF, in text and in line numbers alike.
  const html = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const handler = new Handler(undefined, { withStartIndices: true });
  const parser = new CountingParser(handler, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  parser.end(html);
  if (handler.repaired || parser.endTags !== handler.closed) return null;
  const doc = handler.root;
  const body = documentShape(doc);
  if (!body) return null;
  if (!bodyIsStandard(body)) return null;
  setStartLines(doc, html);
  return doc;
}

/**
 * Document → [doctype] html → head, body; nothing but white space around them. White space the
 * standard drops (before <html> and <head>) is dropped; white space after </body> or </html>
 * goes into body, as the standard puts it. Returns body, or null when the shape is any other.
 */
function documentShape(doc: Document): Element | null {
  const top = doc.children.filter((n) => !isSpaceText(n));
  const htmlEl = top.at(-1);
  if (!htmlEl || !isEl(htmlEl) || htmlEl.name !== 'html') return null;
  if (
    top.length > 2 ||
    (top.length === 2 && !(top[0].type === 'directive' && (top[0] as { name: string }).name === '!doctype'))
  )
    return null;
  const kids = htmlEl.children;
  const headAt = kids.findIndex(isEl);
  const head = kids[headAt];
  if (!head || !isEl(head) || head.name !== 'head' || !kids.slice(0, headAt).every(isSpaceText)) return null;
  const bodyAt = kids.findIndex((n, i) => i > headAt && !isSpaceText(n));
  const body = kids[bodyAt];
  if (!body || !isEl(body) || body.name !== 'body' || !kids.slice(bodyAt + 1).every(isSpaceText)) return null;
  if (
    !head.children.every(
      (n) => isSpaceText(n) || (isEl(n) && HEAD_CHILDREN.has(n.name) && n.children.every((c) => c.type === 'text')),
    )
  )
    return null;
  if (head.children.some((n) => isEl(n) && n.name === 'script' && scriptTrap(n))) return null;
  const trailing = [...kids.slice(bodyAt + 1), ...doc.children.slice(doc.children.indexOf(htmlEl) + 1)] as Text[];
  replaceChildren(doc, [...(top.length === 2 ? [top[0]] : []), htmlEl]);
  replaceChildren(htmlEl, kids.slice(headAt, bodyAt + 1));
  for (const t of trailing) appendText(body, t.data);
  return body;
}

/** Script text that the standard's escaped script states could end elsewhere than htmlparser2 does. */
const scriptTrap = (el: Element) => {
  const text = el.children.map((c) => (c as Text).data ?? '').join('');
  return text.includes('<!--') && /<script/i.test(text);
};

/** Every element under body is one the standard leaves where the markup puts it. */
function bodyIsStandard(body: Element): boolean {
  // Pre-order walk with exit marks; counts of open ancestors by kind.
  const open = new Map<string, number>();
  const count = (name: string) => open.get(name) ?? 0;
  let headings = 0;
  const stack: (AnyNode | { exit: Element })[] = [...body.children].reverse();
  while (stack.length) {
    const item = stack.pop()!;
    if ('exit' in item) {
      const name = item.exit.name;
      open.set(name, count(name) - 1);
      if (HEADING.has(name)) headings--;
      continue;
    }
    const n = item;
    const parent = n.parent as Element;
    if (n.type === 'text') {
      if (TABLE_CHILDREN[parent.name] && !HTML_SPACE.test(n.data)) return false;
      continue;
    }
    if (!isEl(n)) {
      // `<!x>` and `<?x>` are comments to the standard, declarations to htmlparser2.
      if (n.type !== 'comment') return false;
      continue;
    }
    const name = n.name;
    if (!TAG_NAME.test(name) || REFUSED.has(name)) return false;
    const allowed = TABLE_CHILDREN[parent.name];
    if (allowed && !allowed.has(name)) return false;
    const parents = TABLE_PARENT[name];
    if (parents && !parents.has(parent.name)) return false;
    if (CLOSES_P.has(name) && count('p') > 0) return false;
    if (NOT_NESTED.has(name) && count(name) > 0) return false;
    if (HEADING.has(name) && headings > 0) return false;
    if ((name === 'li' || name === 'dd' || name === 'dt') && inOpenItem(n)) return false;
    if (name === 'pre' && n.children[0]?.type === 'text' && n.children[0].data.startsWith('\n')) return false;
    if (name === 'script' && scriptTrap(n)) return false;
    for (const attr of Object.keys(n.attribs)) if (ODD_ATTRIBUTE.test(attr)) return false;
    open.set(name, count(name) + 1);
    if (HEADING.has(name)) headings++;
    stack.push({ exit: n });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return true;
}

/** An li, dd or dt inside another list item with no list between: the standard closes the outer one. */
function inOpenItem(el: Element): boolean {
  for (let p = el.parent; p && isEl(p); p = p.parent) {
    if (p.name === 'ul' || p.name === 'ol' || p.name === 'menu' || p.name === 'dl') return false;
    if (p.name === 'li' || p.name === 'dd' || p.name === 'dt') return true;
  }
  return false;
}

function replaceChildren(parent: Document | Element, children: AnyNode[]) {
  parent.children = children;
  children.forEach((c, i) => {
    c.parent = parent;
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  });
}

/** Text appended as parse5 appends it: to the last text child, or as a new one. */
function appendText(parent: Element, data: string) {
  const last = parent.children.at(-1);
  if (last?.type === 'text') {
    last.data += data;
    return;
  }
  const t = new Text(data);
  t.parent = parent;
  t.prev = last ?? null;
  if (last) last.next = t;
  parent.children.push(t);
}

/** Each element's start line, as parse5's location info gives it (lineOf reads nothing else). */
function setStartLines(doc: Document, html: string) {
  const breaks: number[] = [];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) breaks.push(i);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const stack: AnyNode[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (isEl(n)) (n as { sourceCodeLocation: unknown }).sourceCodeLocation = { startLine: lineAt(n.startIndex ?? 0) };
    if ('children' in n) for (const c of n.children) stack.push(c);
  }
}
