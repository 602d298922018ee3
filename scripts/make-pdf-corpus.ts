/**
 * Makes test/fixtures/pdf/corpus: the samples' financial and indicator tables printed by several
 * producers in several styles, as municipal PDFs come (Word and LibreOffice jaarstukken, browser
 * prints of the P&C sites, reporting platforms drawing their own PDFs):
 *  - headless Chromium (Debian's `chromium`) printing an HTML page: `<doc>.<style>.chromium.pdf`;
 *  - LibreOffice (`soffice --headless`) printing the same page, and printing a .docx made from it
 *    (a Word document's table): `<doc>.<style>.lo-html.pdf`, `<doc>.<style>.lo-docx.pdf`;
 *  - pdfkit drawing the tables itself: `<doc>.<style>.pdfkit.pdf`.
 * Styles (STYLES): indented Baten/Lasten sub-rows under or above their bold taakveld row, shaded
 * total rows, a two-level header spanning groups, narrow columns whose heads wrap over two or
 * three lines, the header repeated on every page or printed once, landscape pages, running
 * headers and footers with page numbers.
 *
 * Only the tables and the headings right above them are printed (no running text): the files stay
 * small. Run: `npx tsx scripts/make-pdf-corpus.ts` (needs `chromium` and `soffice` on PATH: apt-get
 * install chromium libreoffice-writer-nogui). The tests use the committed files and never run this.
 * It then prints the real pages of other gemeenten too (make-pdf-real-pages.ts).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import type { RawTable } from '../extractors/types.js';
import type { StatutoryIndicator } from '../schemas/index.js';
import { FIXTURE_SAMPLES, load, marker, type Doc } from './make-pdf-fixtures.js';

const ROOT = join(import.meta.dirname, '..');
export const CORPUS = join(ROOT, 'test', 'fixtures', 'pdf', 'corpus');

export interface Style {
  name: string;
  /** Baten/Lasten rows indented under (or above) their taakveld row. */
  indent: boolean;
  /** The taakveld (total) row first, its Baten/Lasten under it; else (as the samples) after them. */
  totalsFirst: boolean;
  bold: boolean;
  shade: boolean;
  /** Column heads in two levels ("Begroting 2023" spanning primitief and gewijzigd). */
  groupHeader: boolean;
  /** Narrow figure columns: their heads wrap over two or three lines. */
  narrow: boolean;
  repeatHeader: boolean;
  landscape: boolean;
  /** A running header and footer with the page number. */
  running: boolean;
  font: string;
  size: number;
  /**
   * How cells sit in their row (a browser's default is middle: a figure beside a wrapped label stands between its
   * lines).
   */
  valign: 'top' | 'middle' | 'bottom';
  /** The label column's share of the width (narrower: labels wrap). */
  labelWidth: string;
}

const base: Style = {
  name: '',
  indent: false,
  totalsFirst: false,
  bold: false,
  shade: false,
  groupHeader: false,
  narrow: false,
  repeatHeader: true,
  landscape: false,
  running: false,
  font: 'DejaVu Sans',
  size: 9,
  valign: 'middle',
  labelWidth: '',
};
export const STYLES: Style[] = [
  // The print of issue 16: indented sub-rows, bold taakveld rows, thead (repeated), A4, DejaVu Sans.
  { ...base, name: 'indent', indent: true, bold: true, groupHeader: true, labelWidth: '40%' },
  // Total rows first and shaded, sub-rows under them; narrow columns with wrapped heads; the
  // header printed once; running header and footer.
  {
    ...base,
    name: 'narrow',
    indent: true,
    totalsFirst: true,
    bold: true,
    shade: true,
    narrow: true,
    repeatHeader: false,
    running: true,
    font: 'DejaVu Serif',
    size: 8.5,
    valign: 'top',
  },
  // Landscape, a spanning two-level header, bold totals, the header repeated, page numbers.
  {
    ...base,
    name: 'landscape',
    bold: true,
    groupHeader: true,
    landscape: true,
    running: true,
    size: 10,
    valign: 'bottom',
    labelWidth: '30%',
  },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SUB = /^(Baten|Lasten)$/;

/** Rows in print order: with totalsFirst each taakveld row moves above the Baten/Lasten rows before it. */
export function ordered(t: RawTable, style: Style): RawTable['rows'] {
  if (!style.totalsFirst) return t.rows;
  const out: RawTable['rows'] = [];
  let pending: RawTable['rows'] = [];
  for (const r of t.rows) {
    if (SUB.test(r.cells[0].text.trim())) pending.push(r);
    else {
      out.push(r, ...pending);
      pending = [];
    }
  }
  return [...out, ...pending];
}

const supHtml = (text: string) => {
  const m = marker(text);
  return esc(m.base) + (m.sup ? `<sup>${m.sup}</sup>` : '');
};

/** "Begroting 2023 primitief" → ["Begroting 2023", "primitief"]. */
const levels = (h: string): [string | null, string] => {
  const m = /^(Begroting \d{4}) (primitief|gewijzigd|na wijziging)$/i.exec(h);
  return m ? [m[1], m[2]] : [null, h];
};

function theadHtml(t: RawTable, style: Style, width: number): string {
  const heads = Array.from({ length: width - 1 }, (_, i) => t.header!.cells[i + 1]?.text ?? '');
  const topLeft = supHtml(t.header!.cells[0]?.text ?? '');
  const cols = heads.map(levels);
  if (!style.groupHeader || cols.every(([top]) => top === null))
    return `<thead><tr><th>${topLeft}</th>${heads.map((h) => `<th class="n">${supHtml(h)}</th>`).join('')}</tr></thead>`;
  const first = [`<th rowspan="2">${topLeft}</th>`];
  const second: string[] = [];
  for (let i = 0; i < cols.length;) {
    const [top, bottom] = cols[i];
    if (top === null) {
      first.push(`<th class="n" rowspan="2">${supHtml(bottom)}</th>`);
      i++;
      continue;
    }
    let j = i;
    while (j < cols.length && cols[j][0] === top) second.push(`<th class="n">${esc(cols[j++][1])}</th>`);
    first.push(`<th class="g" colspan="${j - i}">${esc(top)}</th>`);
    i = j;
  }
  return `<thead><tr>${first.join('')}</tr><tr>${second.join('')}</tr></thead>`;
}

function statutoryHtml(records: StatutoryIndicator[]): string {
  const raw = (r: StatutoryIndicator) => /\s((?:19|20)\d{2})\s+(\S+)/.exec(r.provenance.raw ?? '');
  const head = ['', 'Beleidsveld', 'Naam indicator', 'Eenheid', 'Jaar', 'Score', 'Bron'];
  const rows = records.map((r) => [
    `${r.nr}.`,
    r.beleidsveld,
    r.name,
    r.unit ?? '',
    String(r.year),
    raw(r)?.[2] ?? String(r.score ?? ''),
    r.source ?? '',
  ]);
  return (
    `<table ` +
    `class="text"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`
  );
}

/** The page: headings and tables of `doc` in `style`. `lo`: for LibreOffice (inline styles, no @page margin boxes). */
export function corpusHtml(doc: Doc, style: Style, lo = false): string {
  const body: string[] = [];
  for (const p of doc.parts) {
    if (p.kind === 'text') {
      // Headings only: the text right above a table names it.
      if (p.text.length < 120) body.push(`<h3>${esc(p.text)}</h3>`);
      continue;
    }
    if (p.statutory) {
      body.push(statutoryHtml(p.statutory));
      continue;
    }
    const t = p.table;
    const width = Math.max(...t.rows.map((r) => r.cells.length), t.header?.cells.length ?? 0);
    const rows = ordered(t, style).map((r) => {
      const label = r.cells[0].text;
      const sub = SUB.test(label.trim());
      const total = !sub && t.rows.some((x) => SUB.test(x.cells[0].text.trim()));
      const cls = [
        sub && style.indent ? 'sub' : '',
        total && style.bold ? 'tot' : '',
        total && style.shade ? 'shade' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const bold = (s: string) => (total && style.bold && lo ? `<b>${s}</b>` : s);
      const shade = total && style.shade && lo ? ' bgcolor="#e4e4e4"' : '';
      const indent = sub && style.indent && lo ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '';
      const cells = Array.from({ length: width }, (_, i) => {
        const text = r.cells[i]?.text ?? '';
        return i === 0
          ? `<td${shade}>${indent}${bold(supHtml(text))}</td>`
          : `<td class="n"${shade}${lo ? ' align="right"' : ''}>${bold(supHtml(text))}</td>`;
      });
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells.join('')}</tr>`;
    });
    body.push(
      `${t.scaleText ? `<p class="scale">${esc(t.scaleText)}</p>` : ''}<table>${t.header ? theadHtml(t, style, width) : ''}<tbody>${rows.join('\n')}</tbody></table>`,
    );
  }
  const page = style.landscape ? 'A4 landscape' : 'A4';
  const running =
    style.running && !lo
      ? `@top-left { content: "${esc(doc.running)}"; font-size: 7pt; } @bottom-right { content: "Pagina " ` +
        `counter(page) " van " counter(pages); font-size: 7pt; }`
      : '';
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(doc.running)}</title><style>
@page { size: ${page}; margin: 18mm 15mm; ${running} }
body { font-family: '${style.font}', sans-serif; font-size: ${style.size}pt; }
h3 { font-size: ${style.size + 1.5}pt; }
table { border-collapse: collapse; margin: 8pt 0 14pt; ${style.narrow ? '' : 'width: 100%;'} }
th, td { padding: 1.5pt 5pt; vertical-align: ${style.valign}; }
${style.labelWidth ? `table td:first-child { width: ${style.labelWidth}; }` : ''}
th { border-bottom: 1px solid #888; }
td.n, th.n { text-align: right; ${style.narrow ? 'width: 4.2em;' : 'width: 1%;'} }
td.n { white-space: nowrap; }
th.n { ${style.narrow ? 'width: 4.2em;' : 'min-width: 5em;'} }
${style.narrow ? 'table td:first-child { width: 22em; }' : ''}
tr.sub td:first-child { padding-left: 16pt; }
tr.tot td { font-weight: bold; }
tr.shade td { background: #e4e4e4; }
table.text td { white-space: normal; }
${style.repeatHeader ? '' : 'thead { display: table-row-group; }'}
tr { page-break-inside: avoid; }
</style></head><body>
${body.join('\n')}
</body></html>`;
}

export function chromium(html: string, out: string) {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-corpus-'));
  const src = join(dir, 'page.html');
  writeFileSync(src, html);
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      '--disable-pdf-tagging',
      `--print-to-pdf=${out}`,
      `file://${src}`,
    ],
    { stdio: 'ignore' },
  );
  rmSync(dir, { recursive: true, force: true });
}

/** LibreOffice: the HTML page printed by Writer, or first saved as .docx (or .odt) and that printed. */
export function libreoffice(html: string, out: string, via: 'html' | 'docx' | 'odt', style: Style) {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-corpus-lo-'));
  const src = join(dir, 'page.html');
  writeFileSync(src, html);
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  const run = (args: string[]) =>
    execFileSync('soffice', [profile, '--headless', ...args, '--outdir', dir], { stdio: 'ignore', timeout: 120_000 });
  let input = src;
  if (via === 'docx') {
    run(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', src]);
    input = join(dir, 'page.docx');
    if (style.landscape) landscapeDocx(input, dir);
  }
  if (via === 'odt') {
    run(['--infilter=HTML (StarWriter)', '--convert-to', 'odt:writer8', src]);
    input = join(dir, 'page.odt');
  }
  run([
    ...(via === 'odt' ? [] : ['--infilter=' + (via === 'docx' ? 'MS Word 2007 XML' : 'HTML (StarWriter)')]),
    '--convert-to',
    'pdf:writer_pdf_Export',
    input,
  ]);
  renameSync(join(dir, 'page.pdf'), out);
  rmSync(dir, { recursive: true, force: true });
}

/** Turn a .docx's page to landscape (its sectPr), as Word does with Layout → Orientation. */
function landscapeDocx(file: string, dir: string) {
  const x = join(dir, 'x');
  execFileSync('unzip', ['-q', '-o', file, 'word/document.xml', '-d', x]);
  const docXml = join(x, 'word', 'document.xml');
  const xml = execFileSync('cat', [docXml], { encoding: 'utf8' }).replace(
    /<w:pgSz [^>]*\/>/g,
    '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
  );
  writeFileSync(docXml, xml);
  execFileSync('zip', ['-q', file, 'word/document.xml'], { cwd: x });
}

/** pdfkit drawing the tables in `style`: figures right-aligned by their measured width. */
export function pdfkitCorpus(doc: Doc, style: Style, out: string): Promise<void> {
  const size: [number, number] = style.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const M = 50;
  const pdf = new PDFDocument({
    size,
    margin: M,
    autoFirstPage: false,
    compress: true,
    info: { Title: doc.running, Producer: 'klopt corpus' },
  });
  const done = new Promise<void>((resolve) => pdf.pipe(createWriteStream(out)).on('finish', () => resolve()));
  const fonts = style.font.includes('Serif')
    ? { r: 'Times-Roman', b: 'Times-Bold' }
    : { r: 'Helvetica', b: 'Helvetica-Bold' };
  const fs = style.size;
  let pageNo = 0;
  const bottom = size[1] - M - 12;
  const newPage = () => {
    pdf.addPage();
    pageNo++;
    if (style.running) {
      pdf.font(fonts.r).fontSize(7).fillColor('#444');
      pdf.text(doc.running, M, 24, { lineBreak: false });
      const n = `${pageNo}`;
      pdf.text(n, size[0] / 2 - pdf.widthOfString(n) / 2, size[1] - 30, { lineBreak: false });
      pdf.fillColor('black');
    }
    return M;
  };
  let y = newPage();
  for (const p of doc.parts) {
    if (p.kind === 'text') {
      if (p.text.length >= 120) continue;
      pdf.font(fonts.b).fontSize(fs + 1.5);
      if (y + 60 > bottom) y = newPage();
      pdf.text(p.text, M, y, { lineBreak: false });
      y += (fs + 1.5) * 1.8;
      continue;
    }
    if (p.statutory) {
      // A table of text: as make-pdf-fixtures draws it (pdfkitPdf); left out of this corpus.
      continue;
    }
    const t = p.table;
    const width = Math.max(...t.rows.map((r) => r.cells.length), t.header?.cells.length ?? 0) - 1;
    pdf.font(fonts.r).fontSize(fs);
    const widest = Math.max(
      ...t.rows.flatMap((r) => r.cells.slice(1).map((c) => pdf.widthOfString(marker(c.text).base))),
    );
    const colW = style.narrow ? Math.max(44, widest + 8) : Math.max(62, widest + 12);
    const labelW = Math.min(style.landscape ? 330 : 200, size[0] - 2 * M - width * colW);
    const x0 = M;
    const heads = Array.from({ length: width }, (_, i) => t.header?.cells[i + 1]?.text ?? '');
    const cols = heads.map(levels);
    const grouped = style.groupHeader && cols.some(([top]) => top !== null);
    const drawHeader = (yy: number) => {
      if (!t.header) return yy;
      pdf.font(fonts.b).fontSize(fs);
      if (grouped) {
        for (let i = 0; i < cols.length;) {
          let j = i;
          while (j < cols.length && cols[j][0] !== null && cols[j][0] === cols[i][0]) j++;
          if (j > i) {
            const text = cols[i][0]!;
            const l = x0 + labelW + i * colW;
            const r = x0 + labelW + j * colW;
            pdf.text(text, (l + r) / 2 - pdf.widthOfString(text) / 2, yy, { lineBreak: false });
            i = j;
          } else i++;
        }
        yy += fs * 1.3;
      }
      pdf.text(t.header.cells[0]?.text ?? '', x0, yy, { width: labelW - 8 });
      let tallest = pdf.heightOfString(t.header.cells[0]?.text ?? ' ', { width: labelW - 8 });
      heads.forEach((h, i) => {
        const text = grouped && cols[i][0] ? cols[i][1] : h;
        const { base: b } = marker(text);
        const right = x0 + labelW + (i + 1) * colW;
        pdf.text(b, right - (colW - 4), yy, { width: colW - 4, align: 'right' });
        tallest = Math.max(tallest, pdf.heightOfString(b, { width: colW - 4 }));
      });
      pdf
        .moveTo(x0, yy + tallest + 1)
        .lineTo(x0 + labelW + width * colW, yy + tallest + 1)
        .lineWidth(0.5)
        .stroke();
      return yy + tallest + 4;
    };
    if (y + 80 > bottom) y = newPage();
    if (t.scaleText) {
      pdf.font(fonts.r).fontSize(fs).text(t.scaleText, x0, y, { lineBreak: false });
      y += fs * 1.6;
    }
    y = drawHeader(y);
    const hasSub = t.rows.some((x) => SUB.test(x.cells[0].text.trim()));
    for (const r of ordered(t, style)) {
      const label = r.cells[0].text;
      const sub = SUB.test(label.trim());
      const total = hasSub && !sub;
      const f = total && style.bold ? fonts.b : fonts.r;
      const ind = sub && style.indent ? 14 : 0;
      // The standard fonts' WinAnsi encoding has no "≥": such a label in an embedded font.
      const labelFont = /[^\u0000-\u00ff€—–’‘“”]/.test(label)
        ? style.font.includes('Serif')
          ? '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'
          : '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
        : f;
      pdf.font(labelFont).fontSize(fs);
      const h = Math.max(pdf.heightOfString(label, { width: labelW - 8 - ind }), fs * 1.2);
      pdf.font(f);
      if (y + h > bottom) {
        y = newPage();
        if (style.repeatHeader) y = drawHeader(y);
        pdf.font(f).fontSize(fs);
      }
      if (total && style.shade) {
        pdf.rect(x0, y - 2, labelW + width * colW, h + 3).fill('#e4e4e4');
        pdf.fillColor('black');
      }
      pdf.font(labelFont).text(label, x0 + ind, y, { width: labelW - 8 - ind });
      r.cells.slice(1).forEach((c, i) => {
        if (!c.text) return;
        const { base: b, sup } = marker(c.text);
        const right = x0 + labelW + (i + 1) * colW;
        pdf
          .font(f)
          .fontSize(fs)
          .text(b, right - pdf.widthOfString(b), y, { lineBreak: false });
        if (sup) pdf.fontSize(fs * 0.6).text(sup, right + 0.5, y - fs * 0.3, { lineBreak: false });
      });
      y += h + fs * 0.45;
    }
    y += 14;
  }
  pdf.end();
  return done;
}

/**
 * The prints: document × style × producer. Every style of the Hengelo 2023 document by Chromium
 * and pdfkit, LibreOffice from a .docx (indent, landscape) and from the HTML page (narrow); the
 * Hengelo 2019 tables by Chromium (narrow) and pdfkit (landscape). HOLDOUT is a style and
 * producer the extractor was not developed on, checked at the end only.
 */
export const DOCS = ['hengelo-2023', 'hengelo-2019'] as const;
export type Producer = 'chromium' | 'lo-html' | 'lo-docx' | 'lo-odt' | 'pdfkit';
export const PRINTS: { doc: (typeof DOCS)[number]; style: string; producer: Producer }[] = [
  ...STYLES.flatMap((s) => [
    { doc: 'hengelo-2023' as const, style: s.name, producer: 'chromium' as const },
    { doc: 'hengelo-2023' as const, style: s.name, producer: 'pdfkit' as const },
  ]),
  { doc: 'hengelo-2023', style: 'indent', producer: 'lo-docx' },
  { doc: 'hengelo-2023', style: 'landscape', producer: 'lo-docx' },
  { doc: 'hengelo-2023', style: 'narrow', producer: 'lo-html' },
  { doc: 'hengelo-2019', style: 'narrow', producer: 'chromium' },
  { doc: 'hengelo-2019', style: 'landscape', producer: 'pdfkit' },
];
/**
 * Held out: taakveld rows shaded, not bold, above their sub-rows (not indented), figures at the cells' foot, a serif
 * face, by LibreOffice from HTML.
 */
export const HOLDOUT: Style = {
  ...base,
  name: 'holdout',
  totalsFirst: true,
  shade: true,
  valign: 'bottom',
  font: 'Liberation Serif',
  size: 9.5,
  labelWidth: '35%',
  repeatHeader: false,
};
STYLES.push(HOLDOUT);
PRINTS.push({ doc: 'hengelo-2023', style: 'holdout', producer: 'lo-html' });
/**
 * Made after the held-out print was read, in a style no print before it used: an OpenDocument
 * text (the HTML page saved as .odt by Writer, as a gemeente's Writer template), Liberation Sans
 * Narrow at 8 pt, a wide label column (55 %), Baten/Lasten indented by spaces under plain (not
 * bold, not shaded) taakveld rows, figures at the top of their cells, spanning heads, the header
 * repeated on every page.
 */
export const COMPACT: Style = {
  ...base,
  name: 'compact',
  indent: true,
  groupHeader: true,
  font: 'Liberation Sans Narrow',
  size: 8,
  valign: 'top',
  labelWidth: '55%',
};
STYLES.push(COMPACT);
PRINTS.push({ doc: 'hengelo-2023', style: 'compact', producer: 'lo-odt' });
export const fileOf = (p: (typeof PRINTS)[number]) => `${p.doc}.${p.style}.${p.producer}.pdf`;

async function main() {
  mkdirSync(CORPUS, { recursive: true });
  const only = process.argv.slice(2);
  const docs = new Map(FIXTURE_SAMPLES.map((s) => [s.name, load(s)]));
  for (const p of PRINTS) {
    const file = fileOf(p);
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const doc = docs.get(p.doc)!;
    const style = STYLES.find((s) => s.name === p.style)!;
    const out = join(CORPUS, file);
    if (p.producer === 'chromium') chromium(corpusHtml(doc, style), out);
    else if (p.producer === 'pdfkit') await pdfkitCorpus(doc, style, out);
    else
      libreoffice(
        corpusHtml(doc, style, true),
        out,
        p.producer === 'lo-html' ? 'html' : p.producer === 'lo-odt' ? 'odt' : 'docx',
        style,
      );
    console.log(`${file}: ${existsSync(out) ? 'written' : 'MISSING'}`);
  }
  // The real pages of other gemeenten (test/fixtures/pdf/real-pages), by the same producers and styles.
  const { makeRealPrints } = await import('./make-pdf-real-pages.js');
  await makeRealPrints(only);
}

// Not awaited at the top level: make-pdf-real-pages imports this module, which must have finished loading.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
