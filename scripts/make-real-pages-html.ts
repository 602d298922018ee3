/**
 * Rebuilds pages of the real-pages corpus as the HTML tables they show (test/fixtures/real-pages-html):
 * the figures and their columns from the hand-checked golden facts (so a cell the text rendering
 * dropped stands empty in its own column), the layout from the page (header tiers with their spans,
 * code and name cells, section rows, V/N letters, programme numbers) as its text rendering shows it;
 * the page's prose is one short sentence. `npx tsx scripts/make-real-pages-html.ts`
 * Pages with a small table are written by hand (tiel, schouwen-duiveland, berg-en-dal) and not here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, type Golden, type GoldenFact } from '../test/real-pages/golden.js';

const OUT = join(CORPUS_DIR, '..', 'real-pages-html');
type H = string | [string, number?, number?]; // text, colspan, rowspan
interface TableSpec {
  table: number;
  before?: string[]; // <h3>/<p> lines above the table: '#' prefix = heading
  caption?: string;
  head: H[][];
  codeName?: boolean; // label printed as code cell + name cell
  keys?: (row: string) => string; // a programme-number column after the label
  vn?: string[]; // V/N letters in order of rows with a verschil figure
  empty?: string; // what an absent figure prints as
  /** Heading rows without figures, by the golden row (label) they stand above. */
  sections?: (f: GoldenFact, prev: GoldenFact | null) => string[];
  /** Rows without figures after the row labelled so. */
  blankAfter?: Record<string, string[]>;
  /** Rows printed in bold (default: golden totals). */
  bold?: (f: GoldenFact) => boolean;
}
interface PageSpec {
  slug: string;
  title: string;
  sentence: string;
  tables: TableSpec[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function dutch(v: number): string {
  const neg = v < 0;
  const [int, dec] = Math.abs(v).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}
const txtLines = (slug: string) => readFileSync(join(CORPUS_DIR, `${slug}.txt`), 'utf8').split('\n');
/** Lines of a cell-per-line rendering that are exactly V or N (a V/N column), in order. */
const vnLetters = (slug: string, re = /^(V|N)$/) =>
  txtLines(slug)
    .map((l) => l.trim())
    .filter((l) => re.test(l));
/** The name printed beside a code in the rendering: "6.1 Samenkracht en burgerparticipatie". */
function nameOf(slug: string, code: string): string {
  const re = new RegExp(`^${code.replace(/\./g, '\\.')}\\s+([^|]+?)\\s*(\\|.*)?$`);
  for (const l of txtLines(slug)) {
    const m = re.exec(l.trim());
    if (m) return `${code} ${m[1]}`;
  }
  throw new Error(`${slug}: no name for ${code}`);
}

function headHtml(head: H[][]): string {
  return head
    .map(
      (r) =>
        `      <tr>${r
          .map((h) => {
            const [t, cs, rs] = typeof h === 'string' ? [h] : h;
            return `<th${cs && cs > 1 ? ` colspan="${cs}"` : ''}${rs && rs > 1 ? ` rowspan="${rs}"` : ''}>${esc(t)}</th>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
}

function tableHtml(page: PageSpec, g: Golden, t: TableSpec): string {
  const cols = g.tables[t.table].columns.map((c) => c.join('\u0000'));
  const facts = g.facts.filter((f) => f.table === t.table);
  const rows: { first: GoldenFact; cells: (number | null)[] }[] = [];
  for (const f of facts) {
    const col = cols.indexOf(f.column.join('\u0000'));
    if (col < 0) throw new Error(`${page.slug}: column ${f.column.join(',')} not in table ${t.table}`);
    const cur = rows.at(-1);
    const same =
      cur &&
      cur.first.row === f.row &&
      cur.first.taakveld === f.taakveld &&
      cur.first.indicator === f.indicator &&
      cur.cells[col] === null;
    if (same) cur.cells[col] = f.value;
    else {
      const cells: (number | null)[] = cols.map(() => null);
      cells[col] = f.value;
      rows.push({ first: f, cells });
    }
  }
  const verschil = cols.findIndex((c) => /verschil/i.test(c));
  // The golden columns may list the V/N column itself (no figures in it): its letters go there.
  const vnCol = cols.findIndex((c) => /^(V \/ N|N\/V|V\/N)$/.test(c));
  const vn = t.vn ? [...t.vn] : null;
  const body: string[] = [];
  const labelCells = (label: string, f: GoldenFact | null, bold: boolean) => {
    const b = (s: string) => (bold && s ? `<strong>${esc(s)}</strong>` : esc(s));
    if (!t.codeName) return `<td>${b(label)}</td>`;
    const m = f?.taakveld ? /^(\S+)\s+(.*)$/.exec(label) : null;
    return m ? `<td>${b(m[1])}</td><td>${b(m[2])}</td>` : `<td colspan="2">${b(label)}</td>`;
  };
  const width = cols.length + (t.keys && !cols.some((c) => /^progr/i.test(c)) ? 1 : 0) + (vn && vnCol < 0 ? 1 : 0);
  const emptyRow = (label: string, heading: boolean) =>
    heading
      ? `      <tr ` +
        `class="section">${t.codeName ? `<td colspan="2"><strong>${esc(label)}</strong></td>` : `<td><strong>${esc(label)}</strong></td>`}<td ` +
        `colspan="${width}"></td></tr>`
      : `      <tr>${labelCells(label, null, false)}${'<td></td>'.repeat(width)}</tr>`;
  let prev: GoldenFact | null = null;
  // A page the crawler cut off ends in the middle of its last row: that row ends at its last figure.
  const lastTable = t.table === Math.max(...g.facts.map((f) => f.table));
  if (g.truncated && lastTable && rows.length) {
    const last = rows.at(-1)!;
    let end = last.cells.length;
    while (end > 0 && last.cells[end - 1] === null) end--;
    (last as { end?: number }).end = end;
  }
  for (const r of rows) {
    for (const s of t.sections?.(r.first, prev) ?? []) body.push(emptyRow(s, true));
    const bold = t.bold ? t.bold(r.first) : r.first.total === true;
    const cells: string[] = [];
    // The golden columns list the Progr. column (no figures in it): its keys go there.
    const keyCol = cols.findIndex((c) => /^progr/i.test(c));
    if (t.keys && keyCol < 0) cells.push(`<td>${esc(t.keys(r.first.row))}</td>`);
    r.cells.forEach((v, i) => {
      if (i >= ((r as { end?: number }).end ?? Infinity)) return;
      if (i === vnCol) return;
      if (t.keys && i === keyCol) return void cells.push(`<td>${esc(t.keys(r.first.row))}</td>`);
      const text = v === null ? (t.empty ?? '') : dutch(v);
      cells.push(`<td>${bold && v !== null ? `<strong>${text}</strong>` : esc(text)}</td>`);
      if (vn && i === verschil) cells.push(`<td>${v === null ? '' : (vn.shift() ?? '')}</td>`);
    });
    body.push(
      `      <tr${bold ? ' class="totaal"' : ''}>${labelCells(r.first.row, r.first, bold)}${cells.join('')}</tr>`,
    );
    for (const l of t.blankAfter?.[r.first.row] ?? []) body.push(emptyRow(l, false));
    prev = r.first;
  }
  if (vn && vn.length) throw new Error(`${page.slug}: ${vn.length} V/N letters left over`);
  const before = (t.before ?? [])
    .map((b) => (b.startsWith('#') ? `  <h3>${esc(b.slice(1))}</h3>` : `  <p>${esc(b)}</p>`))
    .join('\n');
  return `${before ? `${before}\n` : ''}  <table class="financieel">
${t.caption ? `    <caption>${esc(t.caption)}</caption>\n` : ''}    <thead>
${headHtml(t.head)}
    </thead>
    <tbody>
${body.join('\n')}
    </tbody>
  </table>`;
}

function write(page: PageSpec) {
  const g = JSON.parse(readFileSync(join(CORPUS_DIR, `${page.slug}.json`), 'utf8')) as Golden;
  const html = `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>${esc(page.title)} - ${esc(g.gemeente)}</title>
</head>
<body>
  <main>
  <h1>${esc(page.title)}</h1>
  <p>${esc(page.sentence)}</p>
${page.tables.map((t) => tableHtml(page, g, t)).join('\n')}
  </main>
</body>
</html>
`;
  writeFileSync(join(OUT, `${page.slug}.html`), html);
}

const mainCode = (f: GoldenFact | null) => f?.taakveld?.split('.')[0] ?? null;
const L3 = (periods: string[], items = ['Lasten', 'Baten', 'Saldo']): H[][] => [
  periods.map((p) => [p, items.length] as H),
  periods.flatMap(() => items),
];

const pages: PageSpec[] = [
  {
    slug: 'borger-odoorn-jaarstukken-2023-overzicht-taakvelden',
    title: 'Overzicht taakvelden',
    sentence: 'Deze pagina toont de lasten, baten en saldi per taakveld, per thema gegroepeerd.',
    tables: [
      {
        table: 0,
        codeName: true,
        head: [
          [['Taakvelden', 2, 2], ...L3(['Begroting 2023 prim.', 'Begroting 2023 na wijz', 'Jaarrekening 2023'])[0]],
          L3(['a', 'b', 'c'])[1],
        ],
        sections: (f, prev) =>
          f.taakveld && mainCode(f) !== mainCode(prev)
            ? [nameOf('borger-odoorn-jaarstukken-2023-overzicht-taakvelden', `${mainCode(f)}.0`)]
            : [],
      },
    ],
  },
  {
    slug: 'bronckhorst-jaarstukken-2023-overzicht-baten-en-lasten-per-taakveld',
    title: 'Overzicht baten en lasten per taakveld',
    sentence:
      'Per deelprogramma de lasten, baten en saldi van de taakvelden, met het verschil tussen begroting na ' +
      'wijziging en rekening.',
    tables: [0, 1].map((table) => ({
      table,
      before: table === 0 ? ["#Programma's", 'Bedragen x € 1.000'] : [],
      head: [
        [
          ['1A VITALE INWONERS EN SAMENLEVING', '1B TOEGANG EN INDIVIDUELE VOORZIENINGEN'][table],
          'Rekening 2022',
          'Begroting 2023',
          'Begroot na wijz. 2023',
          'Rekening 2023',
          'Verschil begr.na wijz. / rekening',
          'V / N',
        ],
      ],
      vn: (() => {
        const all = vnLetters('bronckhorst-jaarstukken-2023-overzicht-baten-en-lasten-per-taakveld');
        return table === 0 ? all.slice(0, 7) : all.slice(7, 7 + 21);
      })(),
      sections: (f, prev) =>
        f.taakveld && f.taakveld !== prev?.taakveld
          ? [
              nameOf(
                'bronckhorst-jaarstukken-2023-overzicht-baten-en-lasten-per-taakveld',
                f.taakveld.replace(/a$/, 'A').replace(/b$/, 'B'),
              ),
            ]
          : [],
    })),
  },
  {
    slug: 'lochem-jaarstukken-2021-overzicht-baten-en-lasten',
    title: 'Overzicht baten en lasten',
    sentence: 'Deze pagina toont de baten, lasten en saldi per programma over 2021.',
    tables: [
      {
        table: 0,
        before: ['- = nadeel, bedragen x € 1.000'],
        head: [
          [
            ['Overzicht baten en lasten', 1],
            ...L3(
              ['Begroting 2021 voor wijziging', 'Begroting 2021 na wijziging', 'Rekening 2021'],
              ['Baten', 'Lasten', 'Saldo'],
            )[0],
          ],
          ['Programma', ...L3(['a', 'b', 'c'], ['Baten', 'Lasten', 'Saldo'])[1]],
        ],
        empty: '-',
        bold: (f) => /^(Totaal|Saldo van|Het gerealiseerd)/.test(f.row),
      },
    ],
  },
  {
    slug: 'gouda-begroting-2024-overzicht-taakvelden',
    title: 'Overzicht taakvelden',
    sentence: 'Deze bijlage geeft de lasten per taakveld en het programma waar elk taakveld onder valt.',
    tables: [
      {
        table: 1,
        before: ['#Taakvelden: Lasten', 'bedragen * € 1.000'],
        head: [['Taakveld', 'Progr.', 'Jaarrekening 2022', '2023 t/m 1e Berap', '2024', '2025', '2026', '2027']],
        keys: (row) => {
          const lines = txtLines('gouda-begroting-2024-overzicht-taakvelden')
            .map((l) => l.trim())
            .filter((l) => l);
          const i = lines.indexOf(row);
          if (i < 0) throw new Error(`gouda: ${row}`);
          return lines[i + 1];
        },
      },
    ],
  },
  {
    slug: 'amstelveen-jaarstukken-2024-baten-en-lasten-per-programma',
    title: 'Baten en lasten totaal per programma',
    sentence:
      'De tabel geeft per programma de lasten, baten en saldi van begroting en rekening; de laatste kolom is ' +
      'het verschil tussen de saldi.',
    tables: [
      {
        table: 0,
        head: [
          ['bedrag x € 1.000', 'Rekening', ['Begroting 2024', 4], ['Rekening 2024', 3], 'Saldo'],
          ['Programma', '2023', 'Primitief', 'Lasten', 'Baten', 'Saldo', 'Lasten', 'Baten', 'Saldo', '2024'],
        ],
      },
    ],
  },
  {
    slug: 'maassluis-jaarstukken-2017-overzicht-taakvelden',
    title: 'Overzicht taakvelden',
    sentence: 'Deze pagina toont het saldo van lasten en baten per taakveld over 2017.',
    tables: [
      {
        table: 0,
        codeName: true,
        before: ['(bedragen x € 1.000)'],
        head: [
          [
            ['Overzicht taakvelden', 2, 3],
            ['Saldo lasten/baten 2017', 3],
          ],
          ['Primaire', 'Definitieve', ['Jaarrekening', 1, 2]],
          ['begroting', 'begroting'],
        ],
      },
    ],
  },
  {
    slug: 'utrechtse-heuvelrug-begroting-2024-baten-en-lasten-per-taakveld',
    title: 'Baten en lasten per taakveld',
    sentence: 'Deze pagina toont de begrote baten en lasten per taakveld voor de begroting en de meerjarenraming.',
    tables: [
      {
        table: 0,
        codeName: true,
        before: ['Bedragen x (€ 1.000)'],
        head: [
          [
            ['Nr', 1, 2],
            ['Omschrijving', 1, 2],
            ...['2023', '2024', '2025', '2026', '2027'].map((y) => [`Begroting ${y}`, 2] as H),
          ],
          ['2023', '2024', '2025', '2026', '2027'].flatMap(() => ['Baten', 'Lasten']),
        ],
      },
    ],
  },
  {
    slug: 'geertruidenberg-begroting-2025-overzicht-taakvelden',
    title: 'Overzicht taakvelden',
    sentence: 'Per taakveld de lasten en baten van de jaarrekening, de begroting en de meerjarenraming.',
    tables: [
      {
        table: 0,
        codeName: true,
        before: ['Bedragen x € 1.000'],
        head: [
          [
            'Nr',
            'Omschrijving',
            'Lasten',
            ['Geraamde Lasten', 2],
            ['Meerjaren', 3],
            'Baten',
            ['Geraamde Baten', 2],
            ['Meerjaren', 3],
          ],
          [
            'TV',
            'Taakveld omschrijving',
            'Jr. 2023',
            'Begr. 2024',
            'Begr. 2025',
            'Begr. 2026',
            'Begr. 2027',
            'Begr. 2028',
            'Jr. 2023',
            'Begr. 2024',
            'Begr. 2025',
            'Begr. 2026',
            'Begr. 2027',
            'Begr. 2028',
          ],
        ],
      },
    ],
  },
  {
    slug: 'almelo-jaarstukken-2023-overzicht-baten-en-lasten',
    title: '4.2.1 Overzicht baten en lasten',
    sentence: 'Per taakveld de lasten van de begroting, de wijzigingen, de werkelijke lasten en het verschil.',
    tables: [
      {
        table: 0,
        codeName: true,
        before: ['Bedragen x € 1.000'],
        head: [
          [
            ['Lasten', 2, 2],
            'Begroting',
            'Wijziging',
            'Begroting na wijziging',
            'Werkelijk',
            'Verschil',
            ['N/V', 1, 2],
          ],
          ['2023', '2023', '2023', '2023', '2023'],
        ],
        vn: vnLetters('almelo-jaarstukken-2023-overzicht-baten-en-lasten'),
        sections: (f, prev) =>
          f.taakveld && mainCode(f) !== mainCode(prev) && (prev === null || prev.total)
            ? [almeloMain(mainCode(f)!)]
            : [],
      },
    ],
  },
  // Held out of the PDF rules (2026-12-06): pages the PDF tests had not seen, rebuilt to be printed.
  {
    slug: 'eindhoven-jaarstukken-2021-analyse-begrotingsrechtmatigheid',
    title: 'Analyse begrotingsrechtmatigheid',
    sentence: 'De tabel vergelijkt per programma de begroting na wijziging met de realisatie.',
    tables: [
      {
        table: 0,
        head: [
          [
            'Exploitatie',
            ...L3(
              ['Begroting 2021 na wijziging', 'Realisatie 2021', 'Afwijkingen 2021'],
              ['Lasten', 'Baten', 'Mutatie reserves', 'Saldo'],
            )[0],
          ],
          ['( x € 1.000)', ...L3(['a', 'b', 'c'], ['Lasten', 'Baten', 'Mutatie reserves', 'Saldo'])[1]],
        ],
        bold: (f) => f.row === 'Resultaat',
      },
    ],
  },
  {
    slug: 'eindhoven-jaarstukken-2016-overzicht-baten-en-lasten',
    title: 'Overzicht van baten en lasten',
    sentence: 'De tabel geeft per programma de begroting voor en na wijziging en de realisatie.',
    tables: [
      {
        table: 0,
        head: [
          [
            'Exploitatie',
            ...L3(['Begroting 2016 voor wijziging', 'Begroting 2016 na wijziging', 'Realisatie 2016'])[0],
          ],
          ['( x € 1.000)', ...L3(['a', 'b', 'c'])[1]],
        ],
      },
    ],
  },
  {
    slug: 'deventer-jaarstukken-2022-resultaatbestemming',
    title: 'Resultaatbestemming',
    sentence: 'Deze tabel toont de stortingen in en puttingen uit de reserves.',
    tables: [
      {
        table: 0,
        before: ['(bedragen x €1.000)'],
        head: [
          ['Omschrijving', 'Lasten/Baten', 'Primitieve begroting', 'Begroting na wijziging', 'Rekening', 'Verschil'],
        ],
        keys: (row) => ({ 'Stortingen in reserves': 'Lasten', 'Puttingen uit reserves': 'Baten' })[row] ?? '',
        bold: (f) => f.row === 'Saldo',
      },
    ],
  },
  {
    slug: 'utrecht-jaarstukken-2017-stand-en-verloop-reserves',
    title: 'Stand en verloop reserves',
    sentence: 'Het verloop van de reserves over 2017, per programma.',
    tables: [
      {
        table: 0,
        before: ["Bedragen zijn in duizenden euro's"],
        head: [
          [
            'Omschrijving',
            'Stand 31-12-2016',
            'B&D voorstellen 2016',
            'Stand 1-1-2017',
            'Toevoeging 2017',
            'Onttrekking 2017',
            'Stand 31-12-2017',
          ],
          ['', 'a', 'b', 'c = a + b', 'd', 'e', 'f = c + d - e'],
        ],
        bold: (f) => /^Totaal|^Totale/.test(f.row),
      },
    ],
  },
];

function almeloMain(code: string): string {
  const l = txtLines('almelo-jaarstukken-2023-overzicht-baten-en-lasten')
    .map((x) => x.trim())
    .find((x) => new RegExp(`^${code} [A-Z]`).test(x));
  if (!l) throw new Error(`almelo ${code}`);
  return l;
}

const only = process.argv.slice(2);
const chosen = pages.filter((p) => !only.length || only.some((o) => p.slug.includes(o)));
for (const p of chosen) write(p);
console.log(`${chosen.length} pages written to ${OUT}`);
