/**
 * The real-pages corpus (test/fixtures/real-pages): pages of other gemeenten's P&C sites, each with
 * golden facts checked by hand, and where the gemeente and year are in CBS's IV3 figures, those.
 * Used by test/real-pages.test.ts and by scripts/real-pages-score.ts (a scoreboard while working).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessedDocument } from '../../src/pipeline/index.js';
import type { FinancialFact, IndicatorFact } from '../../schemas/index.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'real-pages');

export interface GoldenFact {
  table: number;
  row: string;
  taakveld: string | null;
  lineItem: string | null;
  column: string[];
  value: number;
  total?: boolean;
  indicator?: string;
  /** The comparison area of an indicator row printed once per area (`regio` column). */
  area?: string;
}

export interface Golden {
  url: string;
  gemeente: string;
  cbsName: string | null;
  documentType: string;
  year: number;
  siteFamily: string;
  rendering: string;
  truncated: boolean;
  truncatedRow: string | null;
  tables: { title: string | null; scale: number; kind: string; columns: string[][] }[];
  facts: GoldenFact[];
  discrepancies: { table: number; row: string; column: string[]; expected: number; found: number; why: string }[];
  iv3: {
    csv: string;
    column: string[];
    compared: {
      taakveld: string;
      baten: number | null;
      lasten: number | null;
      iv3Baten: number | null;
      iv3Lasten: number | null;
      agrees: boolean;
    }[];
  } | null;
}

export interface CorpusPage {
  slug: string;
  file: string;
  golden: Golden;
}

/** The held-out pages klopt does not pass yet (README there), scored by the same script. */
export const PENDING_DIR = join(CORPUS_DIR, '..', 'real-pages-pending');

export function loadCorpus(dir = CORPUS_DIR): CorpusPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      slug: f.replace(/\.json$/, ''),
      file: join(dir, f.replace(/\.json$/, '.txt')),
      golden: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Golden,
    }));
}

export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.:]+(?= |$)/g, '')
    .trim();
const code = (c: string) => c.trim().replace(/([0-9])([a-d])$/, (_, d: string, l: string) => d + l.toUpperCase());

/** A head printed broken inside a word over two lines (`toe-` / `voegingen`) is that word, joined or not. */
const unbroken = (s: string) => norm(s).replace(/(\p{L})- (?=\p{Ll})/gu, '$1');
const columnMatches = (header: string, parts: string[]) => parts.every((p) => unbroken(header).includes(unbroken(p)));
const rowMatches = (label: string, g: GoldenFact) => {
  const a = norm(label);
  const b = norm(g.indicator ? `${g.indicator} ${g.row}` : g.row);
  return a === b || a.includes(b) || (b.includes(a) && a.length > 0);
};

type AnyFact = { kind: 'financial'; f: FinancialFact } | { kind: 'indicator'; f: IndicatorFact };

/** The stored facts a golden fact may be: same row (taakveld code or label), line item and column. */
export function candidates(doc: ProcessedDocument, g: GoldenFact): AnyFact[] {
  const out: AnyFact[] = [];
  for (const f of doc.financial) {
    if (f.status !== 'printed' || !columnMatches(f.columnHeader, g.column)) continue;
    const sameRow =
      g.taakveld && f.taakveld
        ? f.taakveld === code(g.taakveld) &&
          (rowMatches(f.rowLabel, g) || rowMatches(f.group ?? '', g) || g.lineItem === f.lineItem)
        : rowMatches(f.rowLabel, g) || (f.group !== null && rowMatches(f.group, g));
    if (!sameRow) continue;
    // A storting or onttrekking is a mutatie of the reserves: the wider word, the golden's or klopt's, admits it
    // (klopt names a row by its label: `Mutaties reserves programma` is a mutatie, though its column says onttrekking).
    const movement = (item: string | null) => item !== null && /^(storting|onttrekking)_reserves$/.test(item);
    const specific =
      (g.lineItem === 'mutaties_reserves' && movement(f.lineItem)) ||
      (f.lineItem === 'mutaties_reserves' && movement(g.lineItem));
    if (g.lineItem && f.lineItem !== g.lineItem && f.lineItem !== 'other' && !specific) continue;
    out.push({ kind: 'financial', f });
  }
  for (const f of doc.indicators) {
    if (
      f.value === null ||
      !columnMatches(f.columnHeader, g.column) ||
      !rowMatches(f.name, g) ||
      (g.area && f.area !== g.area)
    )
      continue;
    out.push({ kind: 'indicator', f });
  }
  // A row printed under exactly this label is the one meant ("Bestuur", not "Totaal Bestuur en ondersteuning").
  const label = (x: AnyFact) =>
    norm(x.kind === 'financial' ? x.f.rowLabel.replace(/\s*\(\d+(, \d+)*\)$/, '') : x.f.name);
  const wanted = norm(g.indicator ? `${g.indicator} ${g.row}` : g.row);
  const printed = (l: string) => norm(l.replace(/\s*\(\d+(, \d+)*\)$/, '')) === wanted;
  // The row is in the table (under this label) even where this cell of it was not read.
  const rowExists =
    doc.financial.some((f) => printed(f.rowLabel)) ||
    doc.indicators.some((f) => printed(f.name)) ||
    doc.findings.some((f) => f.row !== null && printed(f.row));
  return rowExists ? out.filter((x) => label(x) === wanted) : out;
}

export interface FactScore {
  matched: number;
  missing: GoldenFact[];
  wrong: { golden: GoldenFact; found: number[] }[];
}

/**
 * A label printed on several rows of a table (the same programme under `Totaal lasten` and again under `Totaal
 * baten`): the golden's k-th row of that label and column is the document's k-th, where both print it as often.
 */
function nthRow(doc: ProcessedDocument, golden: Golden, g: GoldenFact): ((f: FinancialFact) => boolean) | null {
  const key = (x: GoldenFact) => `${x.table}|${norm(x.row)}|${x.column.join(' ')}`;
  const same = golden.facts.filter((x) => key(x) === key(g));
  if (same.length < 2) return null;
  const printed = (f: FinancialFact) =>
    norm(f.rowLabel.replace(/\s*\(\d+(, \d+)*\)$/, '')) === norm(g.row) && columnMatches(f.columnHeader, g.column);
  const lines = [...new Set(doc.financial.filter(printed).map((f) => f.provenance.line))].sort(
    (a, b) => (a ?? 0) - (b ?? 0),
  );
  if (lines.length !== same.length) return null;
  const line = lines[same.indexOf(g)];
  return (f) => f.provenance.line === line;
}

export function scoreFacts(doc: ProcessedDocument, golden: Golden): FactScore {
  const score: FactScore = { matched: 0, missing: [], wrong: [] };
  for (const g of golden.facts) {
    const nth = nthRow(doc, golden, g);
    const c = candidates(doc, g).filter((x) => !nth || (x.kind === 'financial' && nth(x.f)));
    if (c.some((x) => x.f.value !== null && Math.abs(x.f.value - g.value) < 1e-9)) score.matched++;
    else if (c.length === 0) score.missing.push(g);
    else score.wrong.push({ golden: g, found: c.map((x) => x.f.value!) });
  }
  return score;
}
