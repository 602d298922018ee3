import { parseScale, squishSpaces } from '../../src/grammar/number.js';
import type { ExtractionNotice, RawCount, RawProduct, RawRow, RawSection, RawStructures, RawTable } from '../types.js';
import type { Line } from './glued.js';

/**
 * Structures of the Enschede jaarstukken that are no grid of figures:
 * - the doelenboom of 2018: per product its Lasten and Baten, glued to the doelstelling and
 *   thema text (`…3. Jongerenwerk en opvoedondersteuningAlgemene maatschappelijke voorzieningLasten27.467`);
 * - the doelenboom of 2023: per doel "totale lasten (x 1.000 euro): 252.647,00", per subdoel
 *   "Indicatoren: 6" and "Aantal acties: 0", and the sections that work each subdoel out with
 *   their own "Aantal indicatoren", "Aantal acties" and the actions they list;
 * - the "Wettelijk verplichte indicatoren" lists (number, beleidsveld, name, unit, year, score, source).
 * Money becomes a table (so it is stored as facts); counts become structure records.
 */

/** Every pass below cleans the same lines again: remembered while readStructures runs. */
let cleaned: Map<string, string> | null = null;
function clean(s: string): string {
  const hit = cleaned?.get(s);
  if (hit !== undefined) return hit;
  const out = squishSpaces(s);
  cleaned?.set(s, out);
  return out;
}
const cell = (text: string, line: number) => ({ text, line, page: null, bold: false });
const row = (cells: string[], line: number, raw: string): RawRow => ({
  cells: cells.map((c) => cell(c, line)),
  line,
  page: null,
  raw,
});

const STATUTORY_HEADER = /^Beleidsveld\s+Naam indicator\s+Eenheid\s+Jaar\s+Score\s+Bron$/i;
const STATUTORY_ROW = /^(\d{1,2})\.\s+(\d{1,2})\.\s+(.+)$/;
/** The year and the score after name and unit: the first year followed by a figure. */
const YEAR_SCORE = /\s((?:19|20)\d{2})\s+(-?\d[\d.,]*%?)(?:\s+(.*))?$/;

function readStatutory(all: Line[], used: Set<number>, tables: RawTable[], notices: ExtractionNotice[]) {
  for (let h = 0; h < all.length; h++) {
    if (used.has(all[h].line) || !STATUTORY_HEADER.test(clean(all[h].text))) continue;
    const rows: RawRow[] = [];
    const lines = [all[h].line];
    let k = h + 1;
    for (; k < all.length; k++) {
      const text = clean(all[k].text);
      const m = STATUTORY_ROW.exec(text);
      if (!m) break;
      lines.push(all[k].line);
      // the year is the first 4-digit year with a figure after it; "12 t/m 21 jarigen" stays in the unit
      const ys = YEAR_SCORE.exec(` ${m[3]}`);
      const middle = ys ? ` ${m[3]}`.slice(0, ` ${m[3]}`.length - ys[0].length).trim() : null;
      if (!ys || !middle) {
        notices.push({
          rule: 'unreadable-row',
          severity: 'warning',
          line: all[k].line,
          page: null,
          raw: text,
          table: 'Wettelijk verplichte indicatoren',
          row: `${m[1]}. ${m[3]}`,
          column: 'Jaar, Score',
          message:
            `Statutory indicator row ${m[1]}: no year followed by a score found after name and unit; nothing ` +
            `stored for it`,
        });
        continue;
      }
      rows.push(row([middle, m[1], m[2], ys[1], ys[2], (ys[3] ?? '').trim()], all[k].line, text));
    }
    for (const l of lines) used.add(l);
    if (rows.length === 0) continue;
    tables.push({
      index: 0,
      layout: 'glued',
      role: 'statutory-indicators',
      title: 'Wettelijk verplichte indicatoren',
      context: [],
      scaleText: null,
      header: row(['Naam indicator', 'Nr', 'Beleidsveld', 'Jaar', 'Score', 'Bron'], all[h].line, clean(all[h].text)),
      rows,
      footnotes: [],
      line: all[h].line,
      page: null,
    });
    h = k - 1;
  }
}

export const PRODUCT_HEADER = /^Doelstelling\s+Thema's\s+Producten\s+Wat heeft het gekost\??$/i;
const PRODUCT_LINE = /^(.*?)(Lasten|Baten)\s?(-?\d[\d.,]*)$/;
/** Where a product name was glued to the thema before it: "opvoedondersteuningAlgemene", "gezin)Jeugdhulp". */
const GLUE = /[a-zà-ÿƫ)](?=[A-Z])/g;

function readProducts(all: Line[], used: Set<number>, out: RawStructures) {
  const h = all.findIndex((l) => !used.has(l.line) && PRODUCT_HEADER.test(clean(l.text)));
  if (h < 0) return;
  used.add(all[h].line);
  out.line ??= all[h].line;
  let doelstelling: string | null = null;
  let thema: string | null = null;
  let current: RawProduct | null = null;
  let k = h + 1;
  for (; k < all.length; k++) {
    const text = clean(all[k].text);
    const m = PRODUCT_LINE.exec(text);
    if (!m) break;
    used.add(all[k].line);
    const [, prefix, item, figure] = m;
    const amount = { text: figure, line: all[k].line, raw: text };
    if (prefix.trim() === '' && current) {
      if (item === 'Baten') current.baten = amount;
      else current.lasten = amount;
      continue;
    }
    let start = 0;
    for (const g of prefix.matchAll(GLUE)) start = g.index + 1;
    const before = prefix.slice(0, start);
    const numbered = [...before.matchAll(/(\d{1,2})\.\s/g)];
    if (numbered.length > 0) {
      const first = numbered[0].index;
      const last = numbered[numbered.length - 1].index;
      if (before.slice(0, first).trim()) doelstelling = before.slice(0, first).trim();
      thema = before.slice(last).trim();
    }
    current = {
      doelstelling,
      thema,
      product: prefix.slice(start).trim(),
      lasten: null,
      baten: null,
      line: all[k].line,
    };
    if (item === 'Baten') current.baten = amount;
    else current.lasten = amount;
    out.products.push(current);
  }
  // the scale note stands under the doelenboom
  for (let s = k; s < Math.min(all.length, k + 3); s++) {
    if (parseScale(all[s].text) !== null) {
      out.scaleText = clean(all[s].text);
      used.add(all[s].line);
      break;
    }
  }
}

const GOAL = /^(\d{2})\.\s+(\S.*)$/;
const TOTALE_LASTEN = /^totale lasten\s*(\(x[^)]*\))?\s*:\s*(-?\d[\d.,]*)$/i;
const SUBGOAL = /^(\d{2}\.\d{2})\s+(.+?)\s*Indicatoren:\s*(\d+)$/;
const ACTIONS = /^Aantal acties:\s*(\d+)$/i;

function count(text: string, re: RegExp, line: number): RawCount | null {
  const m = re.exec(text);
  return m ? { value: Number(m[1]), line, raw: text } : null;
}

function readGoals(all: Line[], used: Set<number>, out: RawStructures) {
  for (let i = 0; i < all.length; i++) {
    if (used.has(all[i].line)) continue;
    const text = clean(all[i].text);
    const goal = GOAL.exec(text);
    if (goal) {
      // a doel of the doelenboom: its "totale lasten" follows within a few lines
      let j = i + 1;
      while (j < all.length && j <= i + 3 && clean(all[j].text) === '') j++;
      const tl = j < all.length ? TOTALE_LASTEN.exec(clean(all[j].text)) : null;
      if (!tl) continue;
      out.goals.push({
        code: goal[1],
        name: goal[2],
        totaleLasten: { text: tl[2], line: all[j].line },
        claimedIndicators: null,
        claimedActions: null,
        line: all[i].line,
        raw: text,
      });
      if (tl[1]) out.scaleText ??= clean(tl[1]);
      out.line ??= all[i].line;
      used.add(all[i].line);
      used.add(all[j].line);
      i = j;
      continue;
    }
    const sub = SUBGOAL.exec(text);
    if (sub) {
      const next = i + 1 < all.length ? clean(all[i + 1].text) : '';
      const actions = count(next, ACTIONS, all[i + 1]?.line ?? 0);
      out.goals.push({
        code: sub[1],
        name: sub[2],
        totaleLasten: null,
        claimedIndicators: { value: Number(sub[3]), line: all[i].line, raw: text },
        claimedActions: actions,
        line: all[i].line,
        raw: text,
      });
      used.add(all[i].line);
      if (actions) used.add(all[i + 1].line);
    }
  }
}

/** The section of each subdoel: from its heading to the next heading of the doelenboom. */
function readSections(all: Line[], out: RawStructures) {
  const subgoals = out.goals.filter((g) => g.code.includes('.'));
  if (subgoals.length === 0) return;
  const isHeading = (text: string) =>
    out.goals.some(
      (g) =>
        text.startsWith(`${g.code} `) &&
        (g.code.includes('.') || text.slice(g.code.length + 2).startsWith(g.name.slice(0, 20))),
    ) ||
    /^Wettelijk verplichte indicatoren$/i.test(text) ||
    /^\.\.\s/.test(text);
  for (const g of subgoals) {
    const start = all.findIndex(
      (l) => l.line !== g.line && clean(l.text).startsWith(`${g.code} `) && !SUBGOAL.test(clean(l.text)),
    );
    if (start < 0) continue;
    const section: RawSection = {
      code: g.code,
      line: all[start].line,
      statedIndicators: null,
      indicatorLines: [],
      statedActions: null,
      actionLines: [],
    };
    let part: 'intro' | 'indicators' | 'actions' | 'done' = 'intro';
    for (let k = start + 1; k < all.length; k++) {
      const text = clean(all[k].text);
      if (isHeading(text)) break;
      const stated = count(text, /^Aantal indicatoren:\s*(\d+)$/i, all[k].line);
      if (/^Indicatoren$/i.test(text) || stated) {
        part = 'indicators';
        section.statedIndicators ??= stated;
      } else if (/^Acties \d{4}$/i.test(text)) part = 'actions';
      else if (ACTIONS.test(text) && part === 'actions') section.statedActions = count(text, ACTIONS, all[k].line);
      else if (/^Legenda:/i.test(text) && part === 'actions') part = 'done';
      else if (part === 'indicators' && text === 'Toelichting') section.indicatorLines.push(all[k].line);
      else if (part === 'actions' && /^\d{2}\.\s+\S/.test(text)) section.actionLines.push(all[k].line);
    }
    out.sections.push(section);
  }
}

/** Tables of actions with status columns: the status symbols are images the text dump lost. */
function noteUnreadActionTables(all: Line[], used: Set<number>, notices: ExtractionNotice[]) {
  for (const l of all) {
    const text = clean(l.text);
    if (used.has(l.line) || !/^Actiepunten \d{4}\s+Status\b/i.test(text)) continue;
    notices.push({
      rule: 'unread-table',
      severity: 'info',
      line: l.line,
      page: null,
      raw: text,
      table: text,
      message:
        `Table of actions with status columns ("${text}") not read: its status symbols are images the text ` +
        `dump does not contain`,
    });
  }
}

export function readStructures(
  all: Line[],
  used: Set<number>,
): { tables: RawTable[]; notices: ExtractionNotice[]; structures: RawStructures } {
  cleaned = new Map();
  try {
    return readAllStructures(all, used);
  } finally {
    cleaned = null;
  }
}

function readAllStructures(
  all: Line[],
  used: Set<number>,
): { tables: RawTable[]; notices: ExtractionNotice[]; structures: RawStructures } {
  const tables: RawTable[] = [];
  const notices: ExtractionNotice[] = [];
  const structures: RawStructures = { goals: [], sections: [], products: [], scaleText: null, line: null };
  readStatutory(all, used, tables, notices);
  readProducts(all, used, structures);
  readGoals(all, used, structures);
  readSections(all, structures);
  noteUnreadActionTables(all, used, notices);
  // Enschede 2018: "Indicatoren", "Doelstelling A: …", then numbered indicators whose charts are images.
  for (let i = 0; i < all.length; i++) {
    if (clean(all[i].text) !== 'Indicatoren') continue;
    const next = all.slice(i + 1, i + 4).find((l) => clean(l.text) !== '');
    if (!next || !/^Doelstelling [A-Z]:/.test(clean(next.text))) continue;
    const numbered: number[] = [];
    for (let k = i + 1; k < all.length && !/^Wettelijk verplichte indicatoren$/i.test(clean(all[k].text)); k++)
      if (/^\d{1,2}\.\s+\S/.test(clean(all[k].text))) numbered.push(all[k].line);
    if (numbered.length > 0)
      notices.push({
        rule: 'unread-table',
        severity: 'info',
        line: all[i].line,
        page: null,
        raw: null,
        table: 'Indicatoren',
        message:
          `The ${numbered.length} indicators listed from line ${numbered[0]} to ` +
          `${numbered[numbered.length - 1]} are charts: their figures are images the text dump does not ` +
          `contain, so they are not read`,
      });
  }
  const charts = structures.sections.filter((s) => s.indicatorLines.length > 0);
  if (charts.length > 0) {
    notices.push({
      rule: 'unread-table',
      severity: 'info',
      line: charts[0].indicatorLines[0],
      page: null,
      raw: null,
      table: 'Indicatoren',
      message:
        `The indicator charts of sections ` +
        `${charts.map((s) => `${s.code} (${s.indicatorLines.length})`).join(', ')} are not read: their figures ` +
        `are images the text dump does not contain; only their number is checked`,
    });
  }
  tables.push(...doelenboomTables(structures));
  return { tables, notices, structures };
}

/**
 * The doelenboom's money as tables (products' Lasten/Baten; doelen's totale lasten), so it is stored and reconciled
 * like any other figure.
 */
export function doelenboomTables(structures: RawStructures): RawTable[] {
  const tables: RawTable[] = [];
  const scaleText = structures.scaleText;
  const doelenboom = (header: RawRow, rows: RawRow[], line: number): RawTable => ({
    index: 0,
    layout: 'glued',
    role: 'doelenboom',
    title: 'Doelenboom',
    context: [],
    scaleText,
    header,
    rows,
    footnotes: [],
    line,
    page: null,
  });
  if (structures.products.length > 0) {
    const first = structures.products[0].line;
    tables.push(
      doelenboom(
        row(
          ['Producten', 'Lasten', 'Baten'],
          structures.line ?? first,
          "Doelstelling | Thema's | Producten | Wat heeft het gekost?",
        ),
        structures.products.map((p) => ({
          cells: [
            cell(p.product, p.line),
            cell(p.lasten?.text ?? '', p.lasten?.line ?? p.line),
            cell(p.baten?.text ?? '', p.baten?.line ?? p.line),
          ],
          line: p.line,
          page: null,
          raw: [p.lasten?.raw, p.baten?.raw].filter(Boolean).join(' / '),
        })),
        structures.line ?? first,
      ),
    );
  }
  const doelen = structures.goals.filter((g) => g.totaleLasten);
  if (doelen.length > 0) {
    const rows = doelen.map((g) => ({
      cells: [cell(`${g.code}. ${g.name}`, g.line), cell(g.totaleLasten!.text, g.totaleLasten!.line)],
      line: g.line,
      page: null,
      raw: g.raw,
    }));
    tables.push(
      doelenboom(row(['Doel', 'Totale lasten'], doelen[0].line, 'Doel | totale lasten'), rows, doelen[0].line),
    );
  }
  return tables;
}
