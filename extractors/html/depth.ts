/**
 * How deep a page nests its elements, from a quick scan of the tags before parsing. The HTML
 * parser spends time quadratic in nesting depth (a page of 100,000 nested <div>s takes minutes),
 * so a page nested deeper than any real page is refused up front. The scan mimics the parser
 * closely enough: void elements and elements whose end tag may be left out are not counted, an
 * end tag closes up to its open element, and script, style and comments are skipped.
 */
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
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
]);
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/gi;

export function nestingDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = [];
  let max = 0;
  for (const m of html.matchAll(TOKEN)) {
    if (!m[3]) continue;
    const name = m[3].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (m[2]) {
      // An end tag closes its element and whatever is left open inside it; a stray one is ignored.
      const at = stack.lastIndexOf(name, stack.length - 1);
      if (at >= 0 && stack.length - at <= 256) stack.length = at;
    } else if (!m[4]) {
      stack.push(name);
      if (stack.length > max) max = stack.length;
      if (max > stopAt) return max;
    }
  }
  return max;
}
