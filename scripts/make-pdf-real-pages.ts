/**
 * Makes test/fixtures/pdf/real-pages: the tables of the real pages of other gemeenten
 * (test/fixtures/real-pages-html, made by make-real-pages-html.ts) printed as PDFs, by the same
 * producers and in the same styles as the samples' corpus (make-pdf-corpus.ts, which runs this too):
 *  - headless Chromium printing the page: `<page>.<style>.chromium.pdf`;
 *  - LibreOffice printing the page, or a .docx saved from it: `<page>.<style>.lo-html.pdf`, `.lo-docx.pdf`;
 *  - pdfkit drawing the tables itself (spanning heads, section and total rows): `<page>.<style>.pdfkit.pdf`.
 * Only the headings, the scale notes ("Bedragen x € 1.000") and the tables are printed: the running
 * text of the pages is left out. A manifest.csv beside the prints gives each the page's metadata.
 * Run: `npx tsx scripts/make-pdf-real-pages.ts [name parts]`; the tests use the committed files.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { STYLES, chromium, libreoffice, type Producer, type Style } from './make-pdf-corpus.js';

const ROOT = join(import.meta.dirname, '..');
export const REAL_HTML = join(ROOT, 'test', 'fixtures', 'real-pages-html');
export const REAL_PDF = join(ROOT, 'test', 'fixtures', 'pdf', 'real-pages');

const ALL_PAGES: string[] = readFileSync(join(REAL_HTML, 'manifest.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0].replace(/\.html$/, ''));
/**
 * Pages held out of the PDF rules until printed in the ledger style (below): the corpus pages added
 * last, whose layouts (a scale head over the labels, a Lasten/Baten column of words, a row of
 * formula keys under the heads, programme rows over their sub-programmes) no print had shown.
 */
export const HELD_OUT_PAGES = [
  'eindhoven-jaarstukken-2021-analyse-begrotingsrechtmatigheid',
  'eindhoven-jaarstukken-2016-overzicht-baten-en-lasten',
  'deventer-jaarstukken-2022-resultaatbestemming',
  'utrecht-jaarstukken-2017-stand-en-verloop-reserves',
];
export const REAL_PAGES: string[] = ALL_PAGES.filter((p) => !HELD_OUT_PAGES.includes(p));

/** The corpus styles that fit pages of other gemeenten (no Baten/Lasten sub-rows to indent or move). */
const STYLE_ORDER = ['indent', 'narrow', 'landscape', 'holdout', 'compact'];
const PRODUCERS: Producer[] = ['chromium', 'pdfkit', 'lo-html', 'lo-docx'];

/**
 * The prints: every page by Chromium, pdfkit and LibreOffice (from HTML for even pages, from a .docx
 * for odd ones), each producer turning through the styles so that every one prints in each style.
 */
export const REAL_PRINTS: { page: string; style: string; producer: Producer }[] = REAL_PAGES.flatMap((page, i) =>
  PRODUCERS.filter((p) => !p.startsWith('lo-') || p === (i % 2 === 0 ? 'lo-html' : 'lo-docx')).map((producer, k) => ({
    page,
    producer,
    style: STYLE_ORDER[(i + 2 * k) % STYLE_ORDER.length],
  })),
);

/**
 * Held out: a style made after the rules for the prints above were written, and never used to
 * write one: DejaVu Sans Condensed at 7.5 pt, a narrow label column (22 %: labels wrap, long words
 * break inside), cells top-aligned, bold totals, the header printed once, no running lines.
 * Every page by Chromium and by the LibreOffice route its prints above did not take.
 */
export const CONDENSED: Style = {
  name: 'condensed',
  indent: false,
  totalsFirst: false,
  bold: true,
  shade: false,
  groupHeader: false,
  narrow: false,
  repeatHeader: false,
  landscape: false,
  running: false,
  font: 'DejaVu Sans Condensed',
  size: 7.5,
  valign: 'top',
  labelWidth: '22%',
};
REAL_PRINTS.push(
  ...REAL_PAGES.flatMap((page, i) =>
    (['chromium', i % 2 === 0 ? 'lo-docx' : 'lo-html'] as const).map((producer) => ({
      page,
      producer,
      style: CONDENSED.name,
    })),
  ),
);

/**
 * Held out, second round: a style no print had used, as a gemeente's reporting tool prints its
 * jaarstukken: A4 landscape, total rows shaded and not bold, the header printed once, a running
 * header and a "Pagina n van m" footer, Liberation Sans at 9.5 pt, figures at the middle of their
 * cells, a 26 % label column. The held-out pages by Chromium, LibreOffice from an OpenDocument
 * text (a producer the real pages had not had) and pdfkit.
 */
export const LEDGER: Style = {
  name: 'ledger',
  indent: false,
  totalsFirst: false,
  bold: false,
  shade: true,
  groupHeader: true,
  narrow: false,
  repeatHeader: false,
  landscape: true,
  running: true,
  font: 'Liberation Sans',
  size: 9.5,
  valign: 'middle',
  labelWidth: '26%',
};
REAL_PRINTS.push(
  ...HELD_OUT_PAGES.flatMap((page) =>
    (['chromium', 'lo-odt', 'pdfkit'] as const).map((producer) => ({ page, producer, style: LEDGER.name })),
  ),
);

export const realFileOf = (p: (typeof REAL_PRINTS)[number]) => `${p.page}.${p.style}.${p.producer}.pdf`;

const styleOf = (name: string) => [...STYLES, CONDENSED, LEDGER].find((s) => s.name === name)!;
const FIGURE = /^[-−–(]?\s*(?:€\s*)?-?[\d.,]+\s*%?\)?$|^[-−–]$/;
/** A paragraph kept: a scale note says what the figures count. */
const SCALE_NOTE = /bedrag|€\s*1[.]?000|x\s*€|duizend|mln|miljoen/i;

/**
 * Figure columns: those whose cells (of one column) are all figures, right of the first column of
 * words; codes before the labels ("0.1", "6.71A") stay left as printed beside them.
 */
function figureColumns(body: Row[], width: number): Set<number> {
  const single = (col: number) =>
    body.flatMap((r) => r.cells.filter((c) => c.col === col && c.span === 1 && c.text !== ''));
  const firstLabel = Array.from({ length: width }, (_, i) => i).find((i) => single(i).some((c) => !c.figure)) ?? 0;
  const figures = (i: number) => single(i).length > 0 && single(i).every((c) => c.figure);
  return new Set(Array.from({ length: width }, (_, i) => i).filter((i) => i > firstLabel && figures(i)));
}

const widthOf = (rows: Row[]) =>
  Math.max(0, ...rows.map((r) => r.cells.reduce((a, c) => Math.max(a, c.col + c.span), 0)));

/** The page reduced to headings, scale notes and tables; figure cells and their heads get class "n". */
function reduced($: CheerioAPI): void {
  $('p').each((_, p) => {
    if (!SCALE_NOTE.test($(p).text())) $(p).remove();
  });
  $('table').each((_, t) => {
    const head = rowsOf($, $(t).children('thead').children('tr'), new Map(), 0);
    const body = rowsOf($, $(t).children('tbody').children('tr'), new Map(), 0);
    const figures = figureColumns(body, widthOf([...head, ...body]));
    for (const c of [...head, ...body].flatMap((r) => r.cells)) {
      if (c.span === 1 && figures.has(c.col)) $(c.el).addClass('n');
    }
  });
}

function css(style: Style): string {
  const page = style.landscape ? 'A4 landscape' : 'A4';
  const running = style.running
    ? '@top-left { content: "klopt corpus: pagina van een gemeente"; font-size: 7pt; } ' +
      '@bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-size: 7pt; }'
    : '';
  return `
@page { size: ${page}; margin: 18mm 15mm; ${running} }
body { font-family: '${style.font}', sans-serif; font-size: ${style.size}pt; }
h1 { font-size: ${style.size + 5}pt; } h2 { font-size: ${style.size + 3}pt; } h3 { font-size: ${style.size + 1.5}pt; }
table { border-collapse: collapse; margin: 8pt 0 14pt; ${style.narrow ? '' : 'width: 100%;'} }
th, td { padding: 1.5pt 4pt; vertical-align: ${style.valign}; }
th { border-bottom: 1px solid #888; }
${style.labelWidth ? `table td:first-child { width: ${style.labelWidth}; }` : ''}
.n { text-align: right; ${style.narrow ? 'width: 4.2em;' : ''} }
td.n { white-space: nowrap; }
tr.totaal td { ${style.shade ? 'background: #e4e4e4;' : ''} }
${style.bold ? '' : 'strong { font-weight: normal; }'}
${style.repeatHeader ? '' : 'thead { display: table-row-group; }'}
tr { page-break-inside: avoid; }`;
}

/** The page for Chromium (a style sheet) or LibreOffice (attributes: its HTML import reads few styles). */
export function realHtml(page: string, style: Style, lo = false): string {
  const $ = load(readFileSync(join(REAL_HTML, `${page}.html`), 'utf8'));
  reduced($);
  if (lo) {
    $('.n').attr('align', 'right');
    if (style.shade) $('tr.totaal td').attr('bgcolor', '#e4e4e4');
    if (!style.bold) $('strong').each((_, s) => void $(s).replaceWith($(s).html() ?? ''));
    $('body').attr('style', `font-family: '${style.font}'; font-size: ${style.size}pt`);
  } else $('head').append(`<style>${css(style)}</style>`);
  return $.html();
}

interface Cell {
  el: Element;
  text: string;
  col: number;
  span: number;
  rowspan: number;
  bold: boolean;
  figure: boolean;
}
interface Row {
  cells: Cell[];
  total: boolean;
}
type Part =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'table'; head: Row[]; body: Row[]; width: number };

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Rows with each cell's first column, rowspans of earlier rows taken into account. */
function rowsOf($: CheerioAPI, trs: ReturnType<CheerioAPI>, taken: Map<string, boolean>, offset: number): Row[] {
  return trs.toArray().map((tr, r) => {
    let col = 0;
    const cells = $(tr)
      .children('td, th')
      .toArray()
      .map((c) => {
        while (taken.get(`${offset + r},${col}`)) col++;
        const span = Number($(c).attr('colspan') ?? 1);
        const rowspan = Number($(c).attr('rowspan') ?? 1);
        for (let k = 1; k < rowspan; k++)
          for (let j = 0; j < span; j++) taken.set(`${offset + r + k},${col + j}`, true);
        // <br> in a head: its words on two lines (as printed).
        const copy = $(c).clone();
        copy.find('br').replaceWith('\n');
        const text = copy.text().split('\n').map(clean).filter(Boolean).join('\n');
        const bold = $(c).is('th') || $(c).find('strong, b').length > 0;
        const cell = { el: c, text, col, span, rowspan, bold, figure: FIGURE.test(clean(text)) };
        col += span;
        return cell;
      });
    return { cells, total: $(tr).hasClass('totaal') };
  });
}

function partsOf(page: string): Part[] {
  const $ = load(readFileSync(join(REAL_HTML, `${page}.html`), 'utf8'));
  reduced($);
  const parts: Part[] = [];
  $('main')
    .children()
    .each((_, el) => {
      const tag = el.tagName.toLowerCase();
      if (/^h\d$/.test(tag)) parts.push({ kind: 'heading', level: Number(tag[1]), text: clean($(el).text()) });
      else if (tag === 'p') parts.push({ kind: 'note', text: clean($(el).text()) });
      else if (tag === 'table') {
        // One table may hold several thead/tbody pairs: each thead heads the rows after it.
        $(el)
          .children('thead, tbody')
          .each((_, sec) => {
            const taken = new Map<string, boolean>();
            const rows = rowsOf($, $(sec).children('tr'), taken, 0);
            const last = parts.at(-1);
            const head = $(sec).is('thead');
            if (head || !last || last.kind !== 'table' || last.body.length > 0) {
              parts.push({ kind: 'table', head: head ? rows : [], body: head ? [] : rows, width: 0 });
            } else last.body = rows;
          });
      }
    });
  for (const p of parts) if (p.kind === 'table') p.width = widthOf([...p.head, ...p.body]);
  return parts;
}

const FONTS = { sans: { r: 'Helvetica', b: 'Helvetica-Bold' }, serif: { r: 'Times-Roman', b: 'Times-Bold' } };

/** pdfkit drawing the page's tables in `style`: label columns as wide as their text allows, figures right-aligned. */
export function pdfkitReal(page: string, style: Style, out: string): Promise<void> {
  const size: [number, number] = style.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const M = 45;
  const info = { Title: page, Producer: 'klopt corpus' };
  const pdf = new PDFDocument({ size, margin: M, autoFirstPage: false, compress: true, info });
  const done = new Promise<void>((resolve) => pdf.pipe(createWriteStream(out)).on('finish', () => resolve()));
  const fonts = style.font.includes('Serif') ? FONTS.serif : FONTS.sans;
  const bottom = size[1] - M - 12;
  let pageNo = 0;
  const newPage = () => {
    pdf.addPage();
    pageNo++;
    if (style.running) {
      pdf.font(fonts.r).fontSize(7).fillColor('#444');
      pdf.text(`${page}`, M, 24, { lineBreak: false });
      pdf.text(`${pageNo}`, size[0] / 2, size[1] - 30, { lineBreak: false });
      pdf.fillColor('black');
    }
    return M;
  };
  let y = newPage();
  for (const part of partsOf(page)) {
    if (part.kind !== 'table') {
      const fs = part.kind === 'heading' ? style.size + 6 - part.level : style.size;
      pdf.font(part.kind === 'heading' ? fonts.b : fonts.r).fontSize(fs);
      if (y + 60 > bottom) y = newPage();
      pdf.text(part.text, M, y, { lineBreak: false });
      y += fs * 1.7;
      continue;
    }
    // Font size: the style's, smaller if the figure columns do not fit the page beside a label.
    let fs = style.size;
    const avail = size[0] - 2 * M;
    const all = [...part.head, ...part.body];
    const figureCols = figureColumns(part.body, part.width);
    const widths = (f: number) => {
      pdf.font(fonts.b).fontSize(f);
      const w = Array.from({ length: part.width }, (_, col) => {
        const own = all.flatMap((r) => r.cells.filter((c) => c.col === col && c.span === 1));
        const texts = own.filter((c) => (figureCols.has(col) ? c.figure : true)).map((c) => c.text);
        const widest = Math.max(0, ...texts.map((t) => pdf.widthOfString(t)));
        // A head wraps between its words, never inside one: the column is as wide as its longest word.
        const word = Math.max(0, ...own.flatMap((c) => c.text.split(/\s+/)).map((t) => pdf.widthOfString(t)));
        // Figure columns: as wide as their widest figure, heads wrap; label columns: as their text, to a limit.
        if (figureCols.has(col)) return Math.max(widest + 8, word + 8, (style.narrow ? 3.8 : 4.8) * f);
        return Math.min(widest + 10, (style.narrow ? 17 : 26) * f);
      });
      return w;
    };
    let w = widths(fs);
    while (w.reduce((a, b) => a + b, 0) > avail && fs > 6) w = widths((fs -= 0.5));
    const labelCols = w.map((_, i) => i).filter((i) => !figureCols.has(i));
    const over = w.reduce((a, b) => a + b, 0) - avail;
    if (over > 0) for (const i of labelCols) w[i] = Math.max(40, w[i] - over / labelCols.length);
    const left = w.map((_, i) => M + w.slice(0, i).reduce((a, b) => a + b, 0));
    const right = (c: Cell) => left[c.col + c.span - 1] + w[c.col + c.span - 1];
    const spanW = (c: Cell) => right(c) - left[c.col];

    const drawRows = (rows: Row[], head: boolean, yy: number) => {
      const heights = rows.map((r) =>
        Math.max(
          fs * 1.25,
          ...r.cells
            .filter((c) => c.rowspan === 1)
            .map((c) => {
              pdf.font(c.bold ? fonts.b : fonts.r).fontSize(fs);
              return pdf.heightOfString(c.text || ' ', { width: spanW(c) - 6 });
            }),
        ),
      );
      rows.forEach((r, i) => {
        if (r.total && style.shade) {
          pdf
            .rect(
              M,
              yy - 2,
              w.reduce((a, b) => a + b, 0),
              heights[i] + 3,
            )
            .fill('#e4e4e4');
          pdf.fillColor('black');
        }
        for (const c of r.cells) {
          if (!c.text) continue;
          pdf.font(c.bold && (style.bold || head) ? fonts.b : fonts.r).fontSize(fs);
          const x = left[c.col] + 3;
          const cw = spanW(c) - 6;
          const align =
            c.span > 1 && head
              ? 'center'
              : figureCols.has(c.col) && (c.figure || head) && c.span === 1
                ? 'right'
                : 'left';
          const cy =
            head && c.rowspan > 1
              ? yy + heights.slice(i, i + c.rowspan).reduce((a, b) => a + b, 0) - heights[i + c.rowspan - 1]
              : yy;
          if (c.figure && figureCols.has(c.col))
            pdf.text(c.text, x + cw - pdf.widthOfString(c.text), cy, { lineBreak: false });
          else pdf.text(c.text, x, cy, { width: cw, align });
        }
        yy += heights[i] + fs * 0.35;
      });
      return { yy, heights };
    };
    const drawHead = (yy: number) => {
      if (part.head.length === 0) return yy;
      const { yy: end } = drawRows(part.head, true, yy);
      pdf
        .moveTo(M, end - 1)
        .lineTo(M + w.reduce((a, b) => a + b, 0), end - 1)
        .lineWidth(0.5)
        .stroke();
      return end + 3;
    };
    if (y + 80 > bottom) y = newPage();
    y = drawHead(y);
    for (const row of part.body) {
      pdf.font(fonts.r).fontSize(fs);
      const h = Math.max(
        fs * 1.25,
        ...row.cells.map((c) => pdf.heightOfString(c.text || ' ', { width: spanW(c) - 6 })),
      );
      if (y + h > bottom) {
        y = newPage();
        if (style.repeatHeader) y = drawHead(y);
      }
      y = drawRows([row], false, y).yy;
    }
    y += 14;
  }
  pdf.end();
  return done;
}

/** Writes the prints whose file name contains one of `only` (all if none) and the manifest. */
export async function makeRealPrints(only: string[] = []): Promise<void> {
  mkdirSync(REAL_PDF, { recursive: true });
  for (const p of REAL_PRINTS) {
    const file = realFileOf(p);
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const style = styleOf(p.style);
    const out = join(REAL_PDF, file);
    if (p.producer === 'chromium') chromium(realHtml(p.page, style), out);
    else if (p.producer === 'pdfkit') await pdfkitReal(p.page, style, out);
    else {
      const via = p.producer === 'lo-html' ? 'html' : p.producer === 'lo-odt' ? 'odt' : 'docx';
      libreoffice(realHtml(p.page, style, true), out, via, style);
    }
    console.log(`${file}: ${existsSync(out) ? 'written' : 'MISSING'}`);
  }
  // Each print with its page's metadata (gemeente, document type, year), as a PDF.
  const lines = readFileSync(join(REAL_HTML, 'manifest.csv'), 'utf8').trim().split('\n');
  const meta = new Map(lines.slice(1).map((l) => [l.split(',')[0].replace(/\.html$/, ''), l.split(',').slice(1)]));
  const rows = readdirSync(REAL_PDF)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const m = [...meta.get(f.split('.')[0])!];
      m[4] = 'pdf';
      return [f, ...m].join(',');
    });
  writeFileSync(join(REAL_PDF, 'manifest.csv'), [lines[0], ...rows].join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await makeRealPrints(process.argv.slice(2));
}
