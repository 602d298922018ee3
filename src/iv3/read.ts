/**
 * IV3 figures a gemeente delivered to CBS, read from the two forms klopt knows:
 * - the semicolon CSV export (Gemeenten;Taakveld;…;Baten;Lasten;…;Inwonertal;…), amounts × € 1.000,
 *   one file per year and begroting/jaarrekening, named like `2023_jaarrekening….csv`;
 * - CBS's JSON delivery format (iv3_data_schema v2.1: metadata.overheidsnaam/boekjaar/status,
 *   data.lasten[] and data.baten[] of {taakveld, categorie, bedrag}), amounts × € 1.000 as in
 *   every IV3 delivery; a taakveld's baten and lasten are the sums over its categories.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { canonicalCode } from '../catalogue/taakvelden.js';

export type Iv3Kind = 'begroting' | 'realisatie';

export interface Iv3Figure {
  gemeente: string;
  year: number;
  kind: Iv3Kind;
  taakveld: string;
  /** The label as the source prints it (CBS labels are often truncated: "Overige maatwerkarrangementen .."). */
  label: string;
  /** Euros; null where the source has no figure. */
  baten: number | null;
  lasten: number | null;
  /** Half the rounding interval of a figure, in euros (500 for amounts × € 1.000). */
  halfWidth: number;
  file: string;
  line: number | null;
}

export interface Iv3Population {
  gemeente: string;
  year: number;
  inwonertal: number;
}

export interface Iv3File {
  file: string;
  format: 'csv' | 'json';
  figures: Iv3Figure[];
  population: Iv3Population[];
}

export class Iv3InputError extends Error {}

const SCALE = 1000;
const CODE = /^\s*(\d{1,2}\.\d{1,3}[a-dA-D]?)\s*(.*)$/;

/** "2023_jaarrekening-…" → 2023, realisatie. */
function fromFileName(file: string): { year: number | null; kind: Iv3Kind | null } {
  const name = basename(file).toLowerCase();
  const year = /(?:^|[^0-9])(20\d\d)(?:[^0-9]|$)/.exec(name);
  const kind = /jaarrekening|realisatie/.test(name) ? 'realisatie' : /begroting/.test(name) ? 'begroting' : null;
  return { year: year ? Number(year[1]) : null, kind };
}

function amount(raw: string | undefined, file: string, line: number, column: string): number | null {
  const t = (raw ?? '').trim();
  if (t === '') return null;
  // The export writes plain decimals with a point: "4458.0".
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Iv3InputError(`${file}:${line}: ${column} "${t}" is not a number`);
  return Number(t) * SCALE;
}

export function readIv3Csv(file: string, text: string, opts: { year?: number; kind?: Iv3Kind } = {}): Iv3File {
  const named = fromFileName(file);
  const year = opts.year ?? named.year;
  const kind = opts.kind ?? named.kind;
  if (year === null || kind === null)
    throw new Iv3InputError(
      `${file}: cannot tell the year and begroting/jaarrekening from the file name; give --year and --kind`,
    );
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  for (const need of ['Gemeenten', 'Taakveld', 'Baten', 'Lasten']) {
    if (!fields.includes(need))
      throw new Iv3InputError(`${file}:1: no "${need}" column (columns: ${fields.join(';')}); not an IV3 CSV export`);
  }
  const figures: Iv3Figure[] = [];
  const population = new Map<string, Iv3Population>();
  parsed.data.forEach((r, i) => {
    const line = i + 2;
    const m = CODE.exec(r.Taakveld ?? '');
    if (!m) throw new Iv3InputError(`${file}:${line}: taakveld "${r.Taakveld}" has no code`);
    const gemeente = (r.Gemeenten ?? '').trim();
    if (!gemeente) throw new Iv3InputError(`${file}:${line}: no gemeente`);
    figures.push({
      gemeente,
      year,
      kind,
      taakveld: canonicalCode(m[1]),
      label: (r.Taakveld ?? '').trim(),
      baten: amount(r.Baten, file, line, 'Baten'),
      lasten: amount(r.Lasten, file, line, 'Lasten'),
      halfWidth: SCALE / 2,
      file,
      line,
    });
    const inw = (r.Inwonertal ?? '').trim();
    if (inw) {
      if (!/^\d+$/.test(inw)) throw new Iv3InputError(`${file}:${line}: Inwonertal "${inw}" is not a whole number`);
      population.set(gemeente, { gemeente, year, inwonertal: Number(inw) });
    }
  });
  return { file, format: 'csv', figures, population: [...population.values()] };
}

const Entry = z.object({ taakveld: z.string(), categorie: z.string(), bedrag: z.number() }).passthrough();
const Delivery = z.object({
  metadata: z
    .object({
      overheidslaag: z.string(),
      overheidsnaam: z.string().min(1),
      boekjaar: z.number().int(),
      status: z.enum(['Begroting', 'Realisatie']),
    })
    .passthrough(),
  contact: z.object({}).passthrough(),
  data: z.object({ lasten: z.array(Entry), baten: z.array(Entry) }).passthrough(),
});

export function readIv3Json(file: string, text: string): Iv3File {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Iv3InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = Delivery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Iv3InputError(
      `${file}: not an IV3 delivery (iv3_data_schema v2.1): ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const { metadata, data } = parsed.data;
  const byCode = new Map<string, Iv3Figure>();
  const counts = new Map<string, { baten: number; lasten: number }>();
  const add = (side: 'baten' | 'lasten', e: z.infer<typeof Entry>, i: number) => {
    const m = CODE.exec(e.taakveld);
    if (!m) throw new Iv3InputError(`${file}: data.${side}[${i}].taakveld "${e.taakveld}" has no code`);
    const code = canonicalCode(m[1]);
    const f = byCode.get(code) ?? {
      gemeente: metadata.overheidsnaam,
      year: metadata.boekjaar,
      kind: metadata.status === 'Realisatie' ? 'realisatie' : 'begroting',
      taakveld: code,
      label: e.taakveld,
      baten: null,
      lasten: null,
      halfWidth: 0,
      file,
      line: null,
    };
    f[side] = (f[side] ?? 0) + e.bedrag * SCALE;
    // Every category's figure is rounded to € 1.000: a side's sum widens with each of its categories.
    const n = counts.get(code) ?? { baten: 0, lasten: 0 };
    n[side]++;
    counts.set(code, n);
    f.halfWidth = (SCALE / 2) * Math.max(n.baten, n.lasten);
    byCode.set(code, f);
  };
  data.lasten.forEach((e, i) => add('lasten', e, i));
  data.baten.forEach((e, i) => add('baten', e, i));
  return { file, format: 'json', figures: [...byCode.values()], population: [] };
}

export function readIv3File(file: string, opts: { year?: number; kind?: Iv3Kind } = {}): Iv3File {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Iv3InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return /^\s*\{/.test(text) ? readIv3Json(file, text) : readIv3Csv(file, text, opts);
}
