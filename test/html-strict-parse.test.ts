import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../extractors/html/index.js';
import { parseStrict } from '../extractors/html/strict-parse.js';
import { startLineAdapter } from '../extractors/html/tree-adapter.js';

/**
 * The HTML extractor reads well-formed pages with htmlparser2 and everything else with parse5
 * (extractors/html/strict-parse.ts). The fast path may only be taken where both build the same
 * tree: same elements, attributes, text and start lines.
 */

const HTML = join(import.meta.dirname, 'fixtures', 'html');
const pages = readdirSync(HTML)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, html: readFileSync(join(HTML, f), 'utf8') }));

const parse5Tree = (html: string) =>
  load(html, { sourceCodeLocationInfo: true, treeAdapter: startLineAdapter }).root()[0];

/** Every node as a line: kind, name, attributes in order, text, element start line, depth. */
function shape(root: AnyNode): string[] {
  const out: string[] = [];
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    const pad = ' '.repeat(depth);
    if (n.type === 'text') out.push(`${pad}"${n.data}"`);
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style')
      out.push(
        `${pad}<${n.name} ${JSON.stringify(Object.entries(n.attribs))} line ${n.sourceCodeLocation?.startLine ?? null}`,
      );
    else out.push(`${pad}${n.type}`);
    const kids = 'children' in n ? n.children : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  return out;
}

const page = (body: string) =>
  `<!DOCTYPE html>\n<html lang="nl"><head><meta ` +
  `charset="utf-8">\n<title>t</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('strict HTML parsing (fast path)', () => {
  it.each(pages.map((p) => [p.name, p.html]))(
    'reads %s with htmlparser2 into the tree parse5 builds',
    (_name, html) => {
      const fast = parseStrict(html);
      expect(fast).not.toBeNull();
      expect(shape(fast!)).toEqual(shape(parse5Tree(html)));
    },
  );

  it('gives the same extraction as parse5 on every fixture: tables, text blocks, lines', () => {
    for (const { html } of pages) {
      // A stray end tag makes the page one the fast path refuses: read by parse5, and the same.
      const refused = html.replace('</body>', '</thead></body>');
      expect(parseStrict(refused)).toBeNull();
      expect(extractHtml(html)).toEqual(extractHtml(refused));
    }
  });

  it('reads CR LF line ends as parse5 does: same text, same line numbers', () => {
    const html = page(
      '<h2>Baten</h2>\n<table><tbody><tr><td>Baten</td><td>1.234</td></tr>\n<tr><td>Lasten</td><td>5</td></tr></tbody></table>',
    ).replace(/\n/g, '\r\n');
    const fast = parseStrict(html);
    expect(fast).not.toBeNull();
    expect(shape(fast!)).toEqual(shape(parse5Tree(html)));
    expect(shape(fast!).some((l) => l.includes('<tr [] line 7'))).toBe(true);
  });

  it.each([
    ['a row straight in a table (implied tbody)', page('<table><tr><td>1</td></tr></table>')],
    ['a div inside a p (the p is closed)', page('<p>a<div>b</div>c</p>')],
    [
      'a stray end tag the standard acts on',
      page('<table><tbody><tr><th>Baten</th></thead><td>1</td></tr></tbody></table>'),
    ],
    ['text straight in a table (foster parenting)', page('<table>x<tbody><tr><td>1</td></tr></tbody></table>')],
    ['misnested formatting', page('<p><b>a<i>b</b>c</i></p>')],
    ['a list item inside a list item', page('<ul><li>a<div><li>b</li></div></li></ul>')],
    ['a link inside a link', page('<a>a<a>b</a></a>')],
    ['an unclosed paragraph', page('<p>a<p>b')],
    ['no head element', '<html><body><p>a</p></body></html>'],
    ['noscript (raw text to parse5)', page('<noscript><p>a</p></noscript>')],
    ['an abrupt comment', page('<!--><p>a</p>')],
    ['a newline after pre', page('<pre>\na</pre>')],
    ['an svg icon (foreign content)', page('<svg><p>a</p></svg>')],
    ['text after the body', '<!DOCTYPE html><html><head></head><body><p>a</p></body>b</html>'],
  ])('refuses %s (parse5 reads it)', (_what, html) => {
    expect(parseStrict(html)).toBeNull();
  });

  it('reads tokeniser corner cases as parse5 does, or refuses them', () => {
    const cases = [
      '<p<div>x</p<div>',
      '<div =a>x</div>',
      '<div a=b=c>x</div>',
      '<div a="b"c="d">x</div>',
      '<div/ a>x</div>',
      '< div>x',
      "<div a='c>x</div>",
      '<div a b c>x</div>',
      '<div a="1" a="2">x</div>',
      '<div A="1" a="2">x</div>',
      '<div DATA-Ä="1">x</div>',
      '<DIV>x</DIV>',
      '<div>&amp;&AMP;&lt&gt;&#x41;&#65;&#0;&#xD800;&#x110000;&bogus;&amp&noti;&notin;</div>',
      '<div title="&amp&lt;&notit=">x</div>',
      '<div>\f</div>',
      '<div a=`b`>x</div>',
      '<img src="x"/><br/><hr/>',
      '<span/>x</span>',
      '<a href=x/>y</a>',
      '<div><!-- a -- b --></div>',
      '<div><!----></div>',
      '<div>a</div ><div>b</div x=1>',
      '</div x>',
      '<div>x</div/>',
      '<p>a</P>',
      '<script>a</SCRIPT >',
      '<style>x</style x>',
      '<title>a<b>c</title>',
      '<div>a<![endif]-->b</div>',
    ];
    let read = 0;
    for (const c of cases) {
      const html = page(c);
      const fast = parseStrict(html);
      if (fast === null) continue;
      read++;
      expect(shape(fast), c).toEqual(shape(parse5Tree(html)));
    }
    expect(read).toBeGreaterThan(15);
  });

  it('takes the fast path only where the trees agree, on mutated fixture pages', () => {
    const base = pages.reduce((a, b) => (a.html.length < b.html.length ? a : b)).html;
    const bodyAt = base.indexOf('<body');
    const SNIPPETS = [
      '<p>',
      '</p>',
      '<tr>',
      '</tr>',
      '<td>',
      '</td>',
      '<div>',
      '</div>',
      '<b>',
      '</b>',
      '<li>',
      '<table>',
      '</table>',
      '<h2>',
      'x',
      '<br>',
      '</br>',
      '<a>',
      '</a>',
      '<pre>\n',
      ' ',
      '\r\n',
      '<!-- c -->',
      '&amp',
      '&#128;',
      '&nbsp;',
      '<!foo>',
      '<?x?>',
      '<tbody>',
      '</tbody>',
      '<caption>',
      '<span>',
      '</span>',
      '<hr>',
      '</thead>',
      '<div>x</div>',
      '<p>a</p>',
      '<table><tbody><tr><td>1</td></tr></tbody></table>',
      '<p><div></div></p>',
      '<li>a</li>',
      '<h2><h3>x</h3></h2>',
      '<pre>\nx</pre>',
      '<i><b>x</b></i>',
      '<script>var a="<div>";</script>',
      '<p>&amp; &euro; &#8364; &copy &notit;</p>',
      '<div title="&amp;x&copy=1">t</div>',
      '<custom-el>x</custom-el>',
      '</body>',
      '<body>',
    ];
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(SNIPPETS.length - 1), fc.boolean()), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let html = base;
          for (const [at, snippet, remove] of edits) {
            const pos = html.indexOf('<', bodyAt + 6 + (at % (html.length - bodyAt - 30)));
            if (pos < 0) continue;
            html = remove
              ? html.slice(0, pos) + html.slice(html.indexOf('>', pos) + 1)
              : html.slice(0, pos) + SNIPPETS[snippet] + html.slice(pos);
          }
          const fast = parseStrict(html);
          if (fast === null) return;
          accepted++;
          expect(shape(fast)).toEqual(shape(parse5Tree(html)));
        },
      ),
      { numRuns: 150, seed: 8 },
    );
    // The property says something only if mutated pages do take the fast path.
    expect(accepted).toBeGreaterThan(10);
  });
});
