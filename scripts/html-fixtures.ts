/**
 * HTML pages holding the samples' tables the way municipal P&C sites publish them, built from
 * the sample text dumps: the text reader's raw tables (cells as segmented, glued ones included)
 * and text blocks, rendered as headings, paragraphs and tables in document order. Each page uses
 * different markup (thead with colspan/rowspan, `<td><strong>` headers, element grids, definition
 * lists, a flat run of one element per cell) and different ways of printing negatives
 * (`-1.234`, `−1.234`, `(1.234)`, `- 1.234`) and empty cells (`-`, `—`, blank), so that the
 * same document read from the page and from its dump must give the same facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../extractors/text/index.js';
import type { RawCell, RawRow, RawStructures, RawTable, TextBlock } from '../extractors/types.js';
import { parseCell } from '../src/grammar/number.js';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import type { IndicatorFact, StatutoryIndicator } from '../schemas/index.js';

export const SAMPLES = join(import.meta.dirname, '..', 'data', 'samples');
export const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'html');

type Negative = '-' | '−' | '()' | '- ';
type Empty = '-' | '—' | '';
type Markup = 'thead' | 'td-strong' | 'div-grid' | 'dl' | 'flat';

export interface PageSpec {
  /** Output file name. */
  page: string;
  /** The sample text dump it is built from. */
  sample: string;
  /** Markup of financial tables and of indicator tables. */
  financial: Markup;
  indicator: Markup;
  /** Negatives and empty cells cycle through these, cell by cell. */
  negatives: Negative[];
  empties: Empty[];
  /** Where the scale note goes: a caption, the top-left cell, a paragraph above or below. */
  scale: 'caption' | 'top-left' | 'above' | 'below';
}

export const PAGES: PageSpec[] = [
  {
    page: 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.html',
    sample: 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
    financial: 'thead',
    indicator: 'div-grid',
    negatives: ['-', '−', '()', '- '],
    empties: ['-', '—', ''],
    scale: 'above',
  },
  {
    page: 'hengelo-jaarstukken-2023-programma-6-elementen.html',
    sample: 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
    financial: 'flat',
    indicator: 'dl',
    negatives: ['−', '- '],
    empties: ['—', '-'],
    scale: 'above',
  },
  {
    page: 'hengelo-begroting-2019-programma-6-sociaal-domein.html',
    sample: 'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
    financial: 'thead',
    indicator: 'thead',
    negatives: ['−', '()'],
    empties: ['—', ''],
    scale: 'above',
  },
  {
    page: 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.html',
    sample: 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt',
    financial: 'td-strong',
    indicator: 'td-strong',
    negatives: ['()'],
    empties: ['-'],
    scale: 'top-left',
  },
  {
    page: 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.html',
    sample: 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt',
    financial: 'thead',
    indicator: 'thead',
    negatives: ['- ', '-'],
    empties: ['—', '-'],
    scale: 'below',
  },
  {
    page: 'hengelo-transformatieplan-sociaal-domein-2022.html',
    sample: 'hengelo-transformatieplan-sociaal-domein-2022.md',
    financial: 'thead',
    indicator: 'thead',
    negatives: ['-', '()', '−', '- '],
    empties: ['-', '—', ''],
    scale: 'caption',
  },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cycles a page's styles cell by cell, so every style occurs in every table of any size. */
class Styler {
  private n = 0;
  private e = 0;
  constructor(private spec: PageSpec) {}
  /** A value cell's text in this page's style; the figure it stands for is unchanged. */
  value(text: string, allowBlank: boolean): string {
    const t = text.trim();
    const p = parseCell(t);
    if (p.kind === 'empty' && p.reason !== 'not-available') {
      const options = this.spec.empties.filter((x) => allowBlank || x !== '');
      return options[this.e++ % options.length];
    }
    const m = /^[-−–]\s?(\d[\d.,]*%?)$/.exec(t);
    if (p.kind === 'number' && m) {
      const style = this.spec.negatives[this.n++ % this.spec.negatives.length];
      return style === '()' ? `(${m[1]})` : style === '- ' ? `- ${m[1]}` : `${style}${m[1]}`;
    }
    return t;
  }
}

/** The footnote marker a text dump glued to a cell, split off as a `<sup>` the way the page printed it. */
function withSup(text: string, footnote: string | null): string {
  const t = text.trim();
  const p = parseCell(t);
  if (p.kind === 'number' && p.footnote && t.endsWith(p.footnote))
    return `${esc(t.slice(0, -p.footnote.length))}<sup>${esc(p.footnote)}</sup>`;
  if (footnote && t.endsWith(footnote) && t.length > footnote.length) {
    const rest = t.slice(0, -footnote.length);
    if (parseCell(rest).kind === 'number' || /(\)|(19|20)\d{2})$/.test(rest))
      return `${esc(rest)}<sup>${esc(footnote)}</sup>`;
  }
  return esc(t);
}

interface Known {
  /** Footnote markers the interpreter found on cells, by "line:raw". */
  footnotes: Map<string, string>;
}

function cellHtml(cell: RawCell, known: Known, styler: Styler | null, allowBlank: boolean): string {
  const note = known.footnotes.get(`${cell.line}:${cell.text}`) ?? null;
  const year = /^(.*(?:19|20)\d{2})(\d)$/.exec(cell.text);
  if (year && !styler) return `${esc(year[1])}<sup>${year[2]}</sup>`;
  const label = /^(.*\))\s*(\d{1,2})$/.exec(cell.text);
  if (label && !styler) return `${esc(label[1])}<sup>${label[2]}</sup>`;
  if (
    note ||
    (parseCell(cell.text).kind === 'number' && (parseCell(cell.text) as { footnote: string | null }).footnote)
  )
    return withSup(cell.text, note);
  const text = styler ? styler.value(cell.text, allowBlank) : cell.text;
  const html = esc(text).replace(/€ /g, '€&nbsp;');
  return cell.bold && html ? `<strong>${html}</strong>` : html;
}

/**
 * Header levels: "Begroting 2023 primitief" → ["Begroting 2023", "primitief"]; "Lasten Begroting 2019" → ["Lasten",
 * "Begroting 2019"].
 */
function levels(header: string): [string | null, string] {
  const sub = /^(Begroting \d{4}) (primitief|gewijzigd|na wijziging)$/i.exec(header);
  if (sub) return [sub[1], sub[2]];
  const item = /^(Lasten|Baten|Saldo) (.+)$/.exec(header);
  if (item) return [item[1], item[2]];
  return [null, header];
}

function theadHtml(header: RawRow, known: Known, topLeft: string): string {
  const cols = header.cells.slice(1).map((c) => levels(c.text));
  const th = (inner: string, attrs = '') => `<th${attrs}>${inner}</th>`;
  if (cols.every(([top]) => top === null)) {
    return `<thead><tr>${th(topLeft, ' scope="col"')}${header.cells
      .slice(1)
      .map((c) => th(cellHtml(c, known, null, false), ' scope="col"'))
      .join('')}</tr></thead>`;
  }
  // Two header rows: a group spanning its sub-columns; a column without a group spans both rows.
  const first: string[] = [th(topLeft, ' rowspan="2"')];
  const second: string[] = [];
  for (let i = 0; i < cols.length;) {
    const [top, bottom] = cols[i];
    if (top === null) {
      first.push(th(esc(bottom), ' rowspan="2"'));
      i++;
      continue;
    }
    let j = i;
    while (j < cols.length && cols[j][0] === top) second.push(th(esc(cols[j++][1])));
    first.push(th(esc(top), j - i > 1 ? ` colspan="${j - i}"` : ''));
    i = j;
  }
  return `<thead><tr>${first.join('')}</tr><tr>${second.join('')}</tr></thead>`;
}

function tableHtml(t: RawTable, markup: Markup, spec: PageSpec, known: Known, styler: Styler): string {
  const header = t.header;
  const topLeftText = header?.cells[0]?.text ?? '';
  const scaleIsTopLeft = t.scaleText !== null && t.scaleText === topLeftText;
  let topLeft = esc(topLeftText);
  const out: string[] = [];
  let caption = '';
  let below = '';
  if (t.scaleText && !scaleIsTopLeft) {
    if (spec.scale === 'caption') caption = `<caption>${esc(t.scaleText)}</caption>`;
    else if (spec.scale === 'top-left') topLeft = `${topLeft}<br><small>${esc(t.scaleText)}</small>`;
    else if (spec.scale === 'below') below = `<p class="bedragen">${esc(t.scaleText)}</p>`;
    else out.push(`<p class="bedragen">${esc(t.scaleText)}</p>`);
  }
  const bodyRow = (r: RawRow, allowBlank: boolean) => [
    cellHtml(r.cells[0], known, null, false),
    ...r.cells.slice(1).map((c) => cellHtml(c, known, styler, allowBlank)),
  ];
  if (markup === 'thead' || markup === 'td-strong') {
    out.push(`<table class="tabel">${caption}`);
    if (header) {
      if (markup === 'thead') out.push(theadHtml(header, known, topLeft));
      else
        out.push(
          `<tbody><tr>${[topLeft, ...header.cells.slice(1).map((c) => cellHtml(c, known, null, false))].map((h) => `<td><strong>${h}</strong></td>`).join('')}</tr>`,
        );
    }
    if (markup === 'thead' || !header) out.push('<tbody>');
    for (const r of t.rows) {
      const cells = bodyRow(r, true);
      out.push(
        `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td class="bedrag">${c}</td>`)).join('')}</tr>`,
      );
    }
    out.push('</tbody></table>');
  } else if (markup === 'div-grid') {
    out.push('<div class="tabel" >');
    if (header)
      out.push(
        `<div class="rij ` +
          `kop">${[topLeft, ...header.cells.slice(1).map((c) => cellHtml(c, known, null, false))].map((h) => `<div class="cel">${h}</div>`).join('')}</div>`,
      );
    for (const r of t.rows)
      out.push(
        `<div class="rij">${bodyRow(r, true)
          .map((c) => `<div class="cel">${c}</div>`)
          .join('')}</div>`,
      );
    out.push('</div>');
  } else if (markup === 'dl') {
    out.push('<dl class="tabel">');
    if (header)
      out.push(
        `<dt>${topLeft}</dt>${header.cells
          .slice(1)
          .map((c) => `<dd>${cellHtml(c, known, null, false)}</dd>`)
          .join('')}`,
      );
    for (const r of t.rows) {
      const [label, ...values] = bodyRow(r, false);
      out.push(`<dt>${label}</dt><dd>${values.map((v) => `<span>${v}</span>`).join('')}</dd>`);
    }
    out.push('</dl>');
  } else {
    // One element per cell, no row elements: the layout the Hengelo 2023 dump came from.
    const cells = [
      ...(header ? [topLeft, ...header.cells.slice(1).map((c) => cellHtml(c, known, null, false))] : []),
      ...t.rows.flatMap((r) => bodyRow(r, false)),
    ];
    out.push(`<div class="tabel">${cells.map((c) => `\n  <div class="cel">${c}</div>`).join('')}\n</div>`);
  }
  if (below) out.push(below);
  for (const f of t.footnotes) out.push(`<p class="voetnoot"><sup>${esc(f.marker)}</sup> ${esc(f.text)}</p>`);
  return out.join('\n');
}

const HEADING = /^(#{1,6})\s+(.*)$|^(\d+(?:\.\d+)*)\.?\s+\S/;

function blockHtml(b: TextBlock, heading = false): string {
  const text = b.text.trim();
  if (heading) return `<h4>${esc(text)}</h4>`;
  const m = HEADING.exec(text);
  if (m && text.length < 200) {
    const level = m[1] ? m[1].length : Math.min(6, m[3].split('.').length + 1);
    return `<h${level}>${esc(m[1] ? m[2] : text)}</h${level}>`;
  }
  return `<p>${esc(text)}</p>`;
}

function knownFootnotes(indicators: IndicatorFact[]): Known {
  const footnotes = new Map<string, string>();
  for (const f of indicators)
    if (f.footnote && f.provenance.raw) footnotes.set(`${f.provenance.line}:${f.provenance.raw}`, f.footnote);
  return { footnotes };
}

/** One page for a spec, from its sample dump. */
export function renderPage(spec: PageSpec): string {
  const path = join(SAMPLES, spec.sample);
  const text = readFileSync(path, 'utf8');
  const extraction = extractText(text);
  const processed = processFile(path, { manifest: readManifest(join(SAMPLES, 'manifest.csv')) });
  const known = knownFootnotes(processed.indicators);
  const kinds = new Map(processed.tables.map((t) => [t.index, t.kind]));
  const styler = new Styler(spec);
  const parts: { line: number; html: string }[] = [];
  // The title a site sets above an indicator table ("Beleidsindicatoren", "Kengetallen") is a heading, not a paragraph.
  const indicatorLines = extraction.tables.filter((t) => t.role === 'indicator').map((t) => t.line ?? 0);
  const titleOf = (b: TextBlock) =>
    b.text.length < 40 &&
    /^[^\d:]+$/.test(b.text) &&
    indicatorLines.some((l) => l > (b.line ?? 0) && l - (b.line ?? 0) <= 3);
  for (const b of extraction.textBlocks) parts.push({ line: b.line ?? 0, html: blockHtml(b, titleOf(b)) });
  for (const t of extraction.tables) {
    if (t.role === 'doelenboom') continue;
    if (t.role === 'statutory-indicators') {
      parts.push({ line: t.line ?? 0, html: statutoryHtml(t, processed.structures.statutory) });
      continue;
    }
    const markup = kinds.get(t.index) === 'indicator' ? spec.indicator : spec.financial;
    parts.push({ line: t.line ?? 0, html: tableHtml(t, markup, spec, known, styler) });
  }
  parts.push(...doelenboomHtml(extraction.structures));
  parts.sort((a, b) => a.line - b.line);
  const title = extraction.headings[0]?.replace(/^#+\s*/, '') ?? spec.sample;
  return [
    '<!DOCTYPE html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}</style>',
    '<script>window.dataLayer = window.dataLayer || []; document.write("<table><tr><td>1</td></tr></table>");</script>',
    '</head><body>',
    '<a class="sr-only" href="#main">Naar de inhoud</a>',
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/programmas">Programma\'s</a></li></ul></nav>',
    '<main id="main">',
    ...parts.map((p) => p.html),
    '</main>',
    '<footer><p>Deze pagina is gegenereerd uit de tekstdump in data/samples/ ' +
      '(scripts/make-html-fixtures.ts).</p></footer>',
    '</body></html>',
    '',
  ].join('\n');
}

/** The manifest for the pages: each page's metadata is its sample's. */
export function manifestCsv(): string {
  const rows = readFileSync(join(SAMPLES, 'manifest.csv'), 'utf8').trim().split('\n');
  const bySample = new Map(rows.slice(1).map((r) => [r.split(',')[0], r]));
  return (
    [
      rows[0],
      ...PAGES.map((p) => {
        const cols = bySample.get(p.sample)!.split(',');
        cols[0] = p.page;
        cols[cols.length - 1] = 'html';
        return cols.join(',');
      }),
    ].join('\n') + '\n'
  );
}

/**
 * A large page (about `bytes` long): the Hengelo 2023 page's programme repeated under numbered
 * headings, so every copy holds the cost table with its four inconsistencies. Built on demand
 * (test, bench) rather than committed.
 */
export function bigPage(bytes = 2 * 1024 * 1024): { html: string; copies: number } {
  const page = readFileSync(join(FIXTURES, PAGES[0].page), 'utf8');
  const main = page.slice(page.indexOf('<main id="main">') + '<main id="main">'.length, page.indexOf('</main>'));
  const head = page.slice(0, page.indexOf('<main id="main">') + '<main id="main">'.length);
  const tail = page.slice(page.indexOf('</main>'));
  const copies = Math.max(1, Math.round((bytes - head.length - tail.length) / (main.length + 60)));
  const sections = Array.from(
    { length: copies },
    (_, i) => `<section id="deel-${i + 1}"><h1>Deel ${i + 1}</h1>${main}</section>`,
  );
  return { html: head + sections.join('\n') + tail, copies };
}

/**
 * The doelenboom as the sites publish it: nested lists, not a table. Enschede 2023: per doel its
 * name and "totale lasten (x 1.000 euro): N", per subdoel a link with an "Indicatoren: N" badge
 * and an "Aantal acties: N" line. Enschede 2018: a tree under the head "Doelstelling | Thema's |
 * Producten | Wat heeft het gekost?", per product its Lasten and Baten, the scale note under it.
 */
function doelenboomHtml(s: RawStructures | undefined): { line: number; html: string }[] {
  if (!s) return [];
  const parts: { line: number; html: string }[] = [];
  const doelen = s.goals.filter((g) => !g.code.includes('.'));
  if (doelen.length > 0) {
    const out = ['<div class="doelenboom">', '<ul class="doelen">'];
    for (const d of doelen) {
      out.push(
        '<li class="doel">',
        `  <div class="doel__naam"><a href="#doel-${d.code}">${esc(`${d.code}. ${d.name}`)}</a></div>`,
      );
      if (d.totaleLasten)
        out.push(
          `  <div class="doel__lasten">totale lasten ${esc(s.scaleText ?? '')}: <span ` +
            `class="bedrag">${esc(d.totaleLasten.text)}</span></div>`,
        );
      const subs = s.goals.filter((g) => g.code.startsWith(`${d.code}.`));
      if (subs.length > 0) {
        out.push('  <ul class="subdoelen">');
        for (const g of subs) {
          const badge = g.claimedIndicators
            ? ` <span class="badge">Indicatoren: ${g.claimedIndicators.value}</span>`
            : '';
          const acties = g.claimedActions
            ? `<div class="subdoel__acties">Aantal acties: ${g.claimedActions.value}</div>`
            : '';
          out.push(
            `    <li class="subdoel"><div class="subdoel__kop"><a ` +
              `href="#subdoel-${g.code}">${esc(`${g.code} ${g.name}`)}</a>${badge}</div>${acties}</li>`,
          );
        }
        out.push('  </ul>');
      }
      out.push('</li>');
    }
    out.push('</ul>', '</div>');
    parts.push({ line: doelen[0].line, html: out.join('\n') });
  }
  if (s.products.length > 0) {
    // The dump glued doelstelling, themas and product into one line: the themas before a product are in its raw line.
    const out = [
      '<div class="doelenboom doelenboom--producten">',
      '<div class="doelenboom__kop"><div>Doelstelling</div><div>Thema\'s</div><div>Producten</div><div>Wat ' +
        'heeft het gekost?</div></div>',
      '<ul class="doelstellingen">',
    ];
    let doelstelling: string | null | undefined;
    let thema: string | null | undefined;
    let open: 'none' | 'doel' | 'thema' = 'none';
    for (const p of s.products) {
      if (p.doelstelling !== doelstelling) {
        if (open === 'thema') out.push('      </ul></li>');
        if (open !== 'none') out.push('  </ul>', '</li>');
        out.push(
          '<li class="doelstelling">',
          `  <div class="doelstelling__naam">${esc(p.doelstelling ?? '')}</div>`,
          '  <ul class="themas">',
        );
        doelstelling = p.doelstelling;
        thema = undefined;
        open = 'doel';
      }
      if (p.thema !== thema) {
        if (open === 'thema') out.push('      </ul></li>');
        const raw = (p.lasten ?? p.baten)!.raw;
        const before = raw.slice(0, raw.indexOf(p.product));
        const numbered = [...before.matchAll(/\d{1,2}\.\s/g)];
        // Themas listed with no product of their own stand before the one that holds the products.
        const names = numbered.map((m, i) => before.slice(m.index, numbered[i + 1]?.index ?? before.length).trim());
        for (const name of names.slice(0, -1))
          out.push(`    <li class="thema"><div class="thema__naam">${esc(name)}</div></li>`);
        out.push(
          `    <li class="thema"><div class="thema__naam">${esc(p.thema ?? '')}</div>`,
          '      <ul class="producten">',
        );
        thema = p.thema;
        open = 'thema';
      }
      const amount = (item: string, a: { text: string } | null) =>
        a
          ? `<div class="kosten"><span class="kosten__soort">${item}</span> <span ` +
            `class="bedrag">${esc(a.text)}</span></div>`
          : '';
      out.push(
        `        <li class="product"><div ` +
          `class="product__naam">${esc(p.product)}</div>${amount('Lasten', p.lasten)}${amount('Baten', p.baten)}</li>`,
      );
    }
    if (open === 'thema') out.push('      </ul></li>');
    out.push('  </ul>', '</li>', '</ul>', '</div>');
    if (s.scaleText) out.push(`<p class="bedragen">${esc(s.scaleText)}</p>`);
    parts.push({ line: s.line ?? s.products[0].line, html: out.join('\n') });
  }
  return parts;
}

/**
 * The statutory indicators as the table the sites print: number, beleidsveld, name, unit, year, score, source apart.
 */
function statutoryHtml(t: RawTable, records: StatutoryIndicator[]): string {
  const out = [
    '<table class="tabel wettelijke-indicatoren">',
    '<thead><tr><th scope="col"><span class="sr-only">Nummer</span></th><th scope="col">Beleidsveld</th><th ' +
      'scope="col">Naam indicator</th><th scope="col">Eenheid</th><th scope="col">Jaar</th><th ' +
      'scope="col">Score</th><th scope="col">Bron</th></tr></thead>',
    '<tbody>',
  ];
  t.rows.forEach((r, i) => {
    const rec = records.find((x) => x.provenance.line === r.line) ?? records[i];
    const [, nr, , year, score, source] = r.cells.map((c) => c.text);
    const cells = [`${nr}.`, rec.beleidsveld, rec.name, rec.unit ?? '', year, score, source];
    out.push(
      `<tr>${cells.map((c, k) => (k === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    );
  });
  out.push('</tbody></table>');
  return out.join('\n');
}
