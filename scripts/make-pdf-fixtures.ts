/**
 * Makes the PDF fixtures of test/fixtures/pdf from the samples' tables, in two independent ways:
 *  - HTML printed to PDF by headless Chromium (Debian's `chromium`): `<name>.chromium.pdf`;
 *  - drawn directly with pdfkit: right-aligned figures placed by their measured width, running
 *    text in two columns, running page headers and footers, minus signs and thousands groups
 *    drawn as separate pieces, superscript footnote markers, a spanning header, labels wrapped
 *    over two lines, tables over page breaks with and without a repeated header:
 *    `<name>.pdfkit.pdf`, and `hengelo-2023-x7.pdfkit.pdf` (the whole document seven times,
 *    100+ pages);
 *  - bad PDFs: encrypted, truncated, zero pages, image-only.
 *
 * The tables are those the text path reads, including the Enschede 2018 doelenboom, which is
 * printed as the grid of figures the text path takes from it (product, lasten, baten) without
 * its doelstelling and thema columns.
 *
 * Run: `npx tsx scripts/make-pdf-fixtures.ts` (needs `chromium` on PATH for the first kind;
 * without it those are skipped). The tests use the committed files and never run this.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { extractText } from '../extractors/text/index.js';
import type { RawTable } from '../extractors/types.js';
import type { StatutoryIndicator } from '../schemas/index.js';
import { parseCell } from '../src/grammar/number.js';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'data', 'samples');
const OUT = join(ROOT, 'test', 'fixtures', 'pdf');
const manifest = readManifest(join(SAMPLES, 'manifest.csv'));

export const FIXTURE_SAMPLES = [
  {
    name: 'hengelo-2023',
    file: 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
    running: 'Gemeente Hengelo — Jaarstukken 2023',
    repeatHeader: true,
  },
  {
    name: 'enschede-2018',
    file: 'enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt',
    running: 'Gemeente Enschede — Jaarstukken 2018',
    repeatHeader: false,
  },
  {
    name: 'hengelo-2019',
    file: 'hengelo-begroting-2019-programma-6-sociaal-domein.txt',
    running: 'Gemeente Hengelo — Begroting 2019',
    repeatHeader: false,
  },
];

export interface Doc {
  name: string;
  running: string;
  repeatHeader: boolean;
  /** Running text and tables in document order. */
  parts: ({ kind: 'text'; text: string } | { kind: 'table'; table: RawTable; statutory?: StatutoryIndicator[] })[];
}

/** The sample's tables that the pipeline reads (financial and indicator ones) with the text around them. */
export function load(s: (typeof FIXTURE_SAMPLES)[number]): Doc {
  const path = join(SAMPLES, s.file);
  const extraction = extractText(readFileSync(path, 'utf8'));
  const processed = processFile(path, { manifest });
  const kinds = new Map(processed.tables.map((t) => [t.index, t.kind]));
  const tables = extraction.tables.filter((t) => ['financial', 'indicator'].includes(kinds.get(t.index) ?? ''));
  // A footnote marker the text dump glued onto a figure ("3243": 324 with note 3), which the text
  // path splits off by the note under the table, was a superscript in the original: print it so.
  for (const f of processed.findings) {
    const m =
      f.rule === 'footnote-marker' && f.severity === 'info' && f.raw ? /with footnote (\d+)$/.exec(f.message) : null;
    const t = m && tables.find((x) => x.index === f.tableIndex);
    if (!m || !t) continue;
    for (const r of t.rows)
      for (const c of r.cells.slice(1))
        if (c.text.trim() === f.raw)
          c.text = c.text.trim().slice(0, -m[1].length) + [...m[1]].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
  }
  const parts: Doc['parts'] = [];
  const blocks = extraction.textBlocks.filter((b) => b.text.trim().length > 0);
  let b = 0;
  for (const t of tables) {
    // The text before the table, up to its context headings, which go right above it.
    while (b < blocks.length && (blocks[b].line ?? 0) < (t.line ?? 0)) {
      const text = blocks[b++].text.trim();
      if (!t.context.includes(text) && text !== t.scaleText) parts.push({ kind: 'text', text });
    }
    const last = t.context.at(-1);
    if (last) parts.push({ kind: 'text', text: last });
    // A statutory indicator list is printed as the sites print it (number, beleidsveld, name,
    // unit, year, score, source apart), from the records the text path read from it.
    const statutory =
      t.role === 'statutory-indicators'
        ? processed.structures.statutory.filter((r) => t.rows.some((row) => row.line === r.provenance.line))
        : undefined;
    parts.push({ kind: 'table', table: t, ...(statutory ? { statutory } : {}) });
  }
  return { name: s.name, running: s.running, repeatHeader: s.repeatHeader, parts };
}

/** A cell's figure and its footnote marker, printed apart (the marker as a superscript). */
export function marker(text: string): { base: string; sup: string } {
  const raised = /^(.*\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (raised) return { base: raised[1], sup: [...raised[2]].map((c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join('') };
  const p = parseCell(text);
  if (p.kind === 'number' && p.footnote && text.endsWith(p.footnote))
    return { base: text.slice(0, -p.footnote.length), sup: p.footnote };
  const year = /^(.*\b(?:19|20)\d{2})(\d)$/.exec(text);
  if (year) return { base: year[1], sup: year[2] };
  return { base: text, sup: '' };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const supHtml = (text: string) => {
  const m = marker(text);
  return esc(m.base) + (m.sup ? `<sup>${m.sup}</sup>` : '');
};

function html(doc: Doc): string {
  const body = doc.parts
    .map((p) => {
      if (p.kind === 'text')
        return /^\d+(\.\d+)*\s/.test(p.text) && p.text.length < 200
          ? `<h3>${esc(p.text)}</h3>`
          : `<p>${esc(p.text)}</p>`;
      const t = p.table;
      const head = t.header
        ? `<thead><tr>${t.header.cells.map((c, i) => `<th${i ? ' class="n"' : ''}>${supHtml(c.text)}</th>`).join('')}</tr></thead>`
        : '';
      const width = Math.max(...t.rows.map((r) => r.cells.length), t.header?.cells.length ?? 0);
      const rows = t.rows
        .map(
          (r) =>
            `<tr>${Array.from({ length: width }, (_, i) => `<td${i ? ' class="n"' : ''}>${r.cells[i] ? supHtml(r.cells[i].text) : ''}</td>`).join('')}</tr>`,
        )
        .join('\n');
      return `${t.scaleText ? `<p class="scale">${esc(t.scaleText)}</p>` : ''}<table>${head}<tbody>${rows}</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }
@page { size: A4; margin: 15mm; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 14pt; }
th, td { padding: 2pt 6pt; vertical-align: top; }
th { text-align: left; border-bottom: 1px solid #888; }
td.n, th.n { text-align: right; width: 1%; }
td.n { white-space: nowrap; }
th.n { min-width: 5em; }
tr { page-break-inside: avoid; }
</style></head><body>${body}</body></html>`;
}

async function chromiumPdf(doc: Doc) {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-fixture-'));
  const src = join(dir, `${doc.name}.html`);
  writeFileSync(src, html(doc));
  const out = join(OUT, `${doc.name}.chromium.pdf`);
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${src}`],
    { stdio: 'ignore' },
  );
  rmSync(dir, { recursive: true, force: true });
}

const A4 = { w: 595.28, h: 841.89 };
const UNICODE_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const M = 56;

/**
 * Draw the documents with pdfkit. `splitRow` breaks the page inside a row of a table of text (the
 * `row`-th row of such tables, counted from 0 over the documents) after its first `after` lines,
 * as a word processor does where rows may break across pages: the rest of its wrapped cells go on
 * at the top of the next page, under no header.
 */
export function pdfkitPdf(
  docs: Doc[],
  out: string,
  options: { userPassword?: string; splitRow?: { row: number; after: number } } = {},
) {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: M,
    autoFirstPage: false,
    compress: true,
    info: { Title: docs[0].running, Producer: 'klopt fixtures' },
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: 'owner', pdfVersion: '1.7' } : {}),
  });
  const done = new Promise<void>((resolve) => pdf.pipe(createWriteStream(out)).on('finish', () => resolve()));
  let pageNo = 0;
  let running = docs[0].running;
  const newPage = () => {
    pdf.addPage();
    pageNo++;
    pdf.font('Helvetica').fontSize(8).fillColor('#555');
    pdf.text(running, M, 28, { lineBreak: false });
    pdf.text(`Pagina ${pageNo}`, A4.w - M - pdf.widthOfString(`Pagina ${pageNo}`), A4.h - 36, { lineBreak: false });
    pdf.fillColor('black');
    return M;
  };
  const bottom = A4.h - M - 10;
  let textRows = 0;
  let y = 0;
  const size = 9;
  const labelW = 180;
  let colW = 74;
  /** A figure drawn right-aligned at `right`, its minus sign, thousands groups and marker as separate pieces. */
  const figure = (text: string, right: number, yy: number) => {
    const { base, sup } = marker(text);
    pdf.font('Helvetica').fontSize(size);
    let x = right - pdf.widthOfString(base);
    const pieces = /^-\d/.test(base) ? ['-', base.slice(1)] : [base];
    const split = pieces.flatMap((p) =>
      /^\d{1,3}\.\d{3}/.test(p) ? [p.slice(0, p.indexOf('.') + 1), p.slice(p.indexOf('.') + 1)] : [p],
    );
    for (const piece of split) {
      pdf.text(piece, x, yy, { lineBreak: false });
      x += pdf.widthOfString(piece);
    }
    if (sup) {
      pdf.fontSize(size * 0.6).text(sup, right + 0.5, yy - size * 0.3, { lineBreak: false });
      pdf.fontSize(size);
    }
  };
  const drawHeader = (t: RawTable, x0: number, yy: number): number => {
    if (!t.header) return yy;
    pdf.font('Helvetica-Bold').fontSize(size);
    const heads = t.header.cells.slice(1).map((c) => c.text);
    // "Begroting 2023 primitief" + "Begroting 2023 gewijzigd": one spanning "Begroting 2023" above.
    const split = heads.map((h) => /^(Begroting \d{4}) (primitief|gewijzigd)$/.exec(h));
    const spanning = split.filter(Boolean).length >= 2;
    if (spanning) {
      const idx = split.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
      const left = x0 + labelW + idx[0] * colW;
      const right = x0 + labelW + (idx.at(-1)! + 1) * colW;
      const text = split[idx[0]]![1];
      pdf.text(text, (left + right) / 2 - pdf.widthOfString(text) / 2 + 10, yy, { lineBreak: false });
      yy += size * 1.3;
    }
    const topLeft = t.header.cells[0].text;
    pdf.text(topLeft, x0, yy, { width: labelW - 8 });
    let tallest = pdf.heightOfString(topLeft, { width: labelW - 8 });
    heads.forEach((h, i) => {
      const text = spanning && split[i] ? split[i][2] : h;
      const { base, sup } = marker(text);
      const right = x0 + labelW + (i + 1) * colW;
      pdf.font('Helvetica-Bold').fontSize(size - 1);
      if (pdf.widthOfString(base) <= colW - 8)
        pdf.text(base, right - pdf.widthOfString(base), yy, { lineBreak: false });
      else {
        // A header wider than its column wraps, right-aligned, over two lines.
        pdf.text(base, right - (colW - 2), yy, { width: colW - 2, align: 'right' });
        tallest = Math.max(tallest, pdf.heightOfString(base, { width: colW - 2 }));
      }
      if (sup) pdf.fontSize(size * 0.6).text(sup, right + 0.5, yy - size * 0.3, { lineBreak: false });
    });
    pdf.fontSize(size);
    return yy + Math.max(size * 1.3, tallest) + 4;
  };
  /**
   * A table of text columns: each column as wide as its widest cell, the widest text columns
   * narrowed (their cells wrap) until the table fits the page; text left-aligned, figures
   * right-aligned, cells top-aligned. No text is ever drawn over another column's.
   */
  const drawTextTable = (cells: { head: string; numeric: boolean; cells: string[] }[], top: number): number => {
    const gap = 10;
    pdf.font('Helvetica').fontSize(size);
    const natural = cells.map((c) => Math.max(...[c.head, ...c.cells].map((t) => pdf.widthOfString(t))) + 1);
    const room = A4.w - 2 * M - gap * (cells.length - 1);
    const widths = [...natural];
    while (widths.reduce((a, b) => a + b, 0) > room) {
      const widest = widths.indexOf(Math.max(...widths.filter((_, i) => !cells[i].numeric)));
      widths[widest] -= 4;
    }
    const xs = widths.map((_, i) => M + widths.slice(0, i).reduce((a, b) => a + b, 0) + gap * i);
    let yy = top;
    if (yy + 80 > bottom) yy = newPage();
    pdf.font('Helvetica-Bold').fontSize(size);
    cells.forEach(
      (c, i) =>
        c.head &&
        pdf.text(c.head, c.numeric ? xs[i] + widths[i] - pdf.widthOfString(c.head) : xs[i], yy, { lineBreak: false }),
    );
    yy += size * 1.6;
    pdf.font('Helvetica').fontSize(size);
    for (let r = 0; r < cells[0].cells.length; r++) {
      if (options.splitRow?.row === textRows++) {
        yy = drawSplitRow(
          cells.map((c, i) => ({ numeric: c.numeric, x: xs[i], width: widths[i], text: c.cells[r] })),
          yy,
          options.splitRow.after,
        );
        continue;
      }
      const h = Math.max(
        ...cells.map((c, i) => (c.numeric ? size : pdf.heightOfString(c.cells[r], { width: widths[i] }))),
      );
      if (yy + h > bottom) yy = newPage();
      cells.forEach((c, i) => {
        const text = c.cells[r];
        if (c.numeric) pdf.text(text, xs[i] + widths[i] - pdf.widthOfString(text), yy, { lineBreak: false });
        else pdf.text(text, xs[i], yy, { width: widths[i] });
      });
      yy += Math.max(h, size * 1.2) + size * 0.7;
    }
    return yy + 14;
  };
  /** A row of a table of text with the page broken after its first `after` lines (words wrapped here, line by line). */
  const drawSplitRow = (
    cells: { numeric: boolean; x: number; width: number; text: string }[],
    top: number,
    after: number,
  ): number => {
    pdf.font('Helvetica').fontSize(size);
    const wrap = (text: string, width: number) =>
      text.split(' ').reduce<string[]>((ls, w) => {
        const last = ls.at(-1);
        if (last !== undefined && pdf.widthOfString(`${last} ${w}`) <= width) ls[ls.length - 1] = `${last} ${w}`;
        else ls.push(w);
        return ls;
      }, []);
    const lines = cells.map((c) => (c.numeric ? [c.text] : wrap(c.text, c.width)));
    if (!lines.some((ls) => ls.length > after))
      throw new Error(`splitRow: no cell of the row wraps over more than ${after} lines`);
    // Each part in the font the page has (after newPage, the running header's: as the rows after it).
    const draw = (part: string[][], yy: number) => {
      const lh = pdf.currentLineHeight(true);
      part.forEach((ls, i) =>
        ls.forEach((t, k) =>
          pdf.text(t, cells[i].numeric ? cells[i].x + cells[i].width - pdf.widthOfString(t) : cells[i].x, yy + k * lh, {
            lineBreak: false,
          }),
        ),
      );
      return yy + Math.max(...part.map((ls) => ls.length)) * lh;
    };
    draw(
      lines.map((ls) => ls.slice(0, after)),
      top,
    );
    return (
      draw(
        lines.map((ls) => ls.slice(after)),
        newPage(),
      ) +
      size * 0.7
    );
  };
  for (const doc of docs) {
    running = doc.running;
    y = newPage();
    for (const part of doc.parts) {
      if (part.kind === 'text') {
        pdf.font('Helvetica').fontSize(9.5);
        const heading = /^\d+(\.\d+)*\s/.test(part.text) && part.text.length < 200;
        const w = heading ? A4.w - 2 * M : (A4.w - 2 * M - 18) / 2;
        if (heading) pdf.font('Helvetica-Bold');
        const h = pdf.heightOfString(part.text, { width: w });
        if (y + (heading ? h : h / 2) + 20 > bottom) y = newPage();
        if (heading) {
          pdf.text(part.text, M, y, { width: w });
          y += h + 6;
        } else {
          // Running text set in two columns.
          const colHeight = Math.min(bottom - y, Math.ceil(h / 2 / 11.5) * 11.5 + 12);
          pdf.text(part.text, M, y, { width: A4.w - 2 * M, columns: 2, columnGap: 18, height: colHeight });
          y += colHeight + 6;
        }
        continue;
      }
      const t = part.table;
      if (part.statutory) {
        y = drawTextTable(statutoryCells(part.statutory), y);
        continue;
      }
      const width = Math.max(...t.rows.map((r) => r.cells.length)) - 1;
      // Wide enough for the widest figure ("8,6% (2e halfjaar 2017)"): cells never overlap.
      pdf.font('Helvetica').fontSize(size);
      const widest = Math.max(
        ...t.rows.flatMap((r) => r.cells.slice(1).map((c) => pdf.widthOfString(marker(c.text).base))),
      );
      colW = Math.min(Math.max(74, widest + 10), (A4.w - 2 * M - labelW) / width);
      pdf.font('Helvetica').fontSize(size);
      if (y + 80 > bottom) y = newPage();
      if (t.scaleText) {
        pdf.text(t.scaleText, M, y, { lineBreak: false });
        y += size * 1.6;
      }
      y = drawHeader(t, M, y);
      for (const r of t.rows) {
        const label = r.cells[0].text;
        pdf.font('Helvetica').fontSize(size);
        const h = pdf.heightOfString(label, { width: labelW - 8 });
        if (y + h > bottom) {
          y = newPage();
          if (doc.repeatHeader) y = drawHeader(t, M, y);
          // (The running header left the font at its own size.)
          pdf.font('Helvetica').fontSize(size);
        }
        // Helvetica's WinAnsi encoding has no "≥": such a label is drawn in an embedded font.
        if (/[^\u0000-\u00ff€—–’“”]/.test(label) && existsSync(UNICODE_FONT)) pdf.font(UNICODE_FONT);
        pdf.text(label, M, y, { width: labelW - 8 });
        pdf.font('Helvetica');
        r.cells.slice(1).forEach((c, i) => c.text && figure(c.text, M + labelW + (i + 1) * colW, y));
        y += Math.max(h, size * 1.2) + size * 0.7;
      }
      y += 14;
    }
  }
  pdf.end();
  return done;
}

/** The statutory records as the columns the municipalities' sites print (no head over the number). */
function statutoryCells(records: StatutoryIndicator[]) {
  const raw = (r: StatutoryIndicator) => /\s((?:19|20)\d{2})\s+(\S+)/.exec(r.provenance.raw ?? '');
  return [
    { head: '', numeric: false, cells: records.map((r) => `${r.nr}.`) },
    { head: 'Beleidsveld', numeric: false, cells: records.map((r) => r.beleidsveld) },
    { head: 'Naam indicator', numeric: false, cells: records.map((r) => r.name) },
    { head: 'Eenheid', numeric: false, cells: records.map((r) => r.unit ?? '') },
    { head: 'Jaar', numeric: true, cells: records.map((r) => String(r.year)) },
    // The score as printed (its decimals), from the row the text path read.
    { head: 'Score', numeric: true, cells: records.map((r) => raw(r)?.[2] ?? String(r.score ?? '')) },
    { head: 'Bron', numeric: false, cells: records.map((r) => r.source ?? '') },
  ];
}

/** A PNG of noise-free grey stripes: a scanned page stand-in (no text layer). */
function png(width: number, height: number): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((width + 1) * height);
  for (let yy = 0; yy < height; yy++)
    for (let x = 0; x < width; x++) raw[yy * (width + 1) + 1 + x] = yy % 12 < 2 && x > 20 && x < width - 20 ? 40 : 250;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function badPdfs(good: string) {
  const bad = join(OUT, 'bad');
  mkdirSync(bad, { recursive: true });
  const bytes = readFileSync(good);
  writeFileSync(join(bad, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  // A page tree with no pages (hand-written; offsets computed).
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offs: number[] = [];
  objs.forEach((o, i) => {
    offs.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body +=
    `xref\n0 ${objs.length + 1}\n0000000000 65535 f ` +
    `\n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ` +
    `${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(join(bad, 'zero-pages.pdf'), body);
  // Image only: two scanned pages, no text.
  const img = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const imgDone = new Promise<void>((resolve) =>
    img.pipe(createWriteStream(join(bad, 'image-only.pdf'))).on('finish', () => resolve()),
  );
  for (let i = 0; i < 2; i++) img.addPage().image(png(400, 560), 40, 40, { width: 500 });
  img.end();
  await imgDone;
  const enc = load(FIXTURE_SAMPLES[2]);
  await pdfkitPdf([enc], join(bad, 'encrypted.pdf'), { userPassword: 'geheim' });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const docs = FIXTURE_SAMPLES.map(load);
  let chromium = true;
  try {
    execFileSync('chromium', ['--version'], { stdio: 'ignore' });
  } catch {
    chromium = false;
    console.warn('chromium not found: the .chromium.pdf fixtures are left as they are');
  }
  for (const d of docs) {
    if (chromium) await chromiumPdf(d);
    await pdfkitPdf([d], join(OUT, `${d.name}.pdfkit.pdf`));
  }
  const hengelo = docs[0];
  await pdfkitPdf(
    Array.from({ length: 7 }, () => hengelo),
    join(OUT, 'hengelo-2023-x7.pdfkit.pdf'),
  );
  await badPdfs(join(OUT, 'hengelo-2019.pdfkit.pdf'));
  console.log(`fixtures written to ${OUT}`);
}

// Importable (the bench draws its 600-page PDF with pdfkitPdf); run as a script it writes the fixtures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
