import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { fromRoot } from '../root.js';

/** One statutory indicator of the BBV (data/catalogue/bbv_indicatoren.csv). */
export interface BbvIndicator {
  nr: number;
  beleidsveld: string;
  name: string;
  unit: string;
  source: string;
}

const CATALOGUE_PATH = fromRoot('data', 'catalogue', 'bbv_indicatoren.csv');
let cache: Map<number, BbvIndicator> | null = null;

export function bbvCatalogue(): Map<number, BbvIndicator> {
  if (cache) return cache;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(CATALOGUE_PATH, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  cache = new Map(
    parsed.data.map((r) => [
      Number(r.nr),
      { nr: Number(r.nr), beleidsveld: r.beleidsveld, name: r.naam, unit: r.eenheid, source: r.bron },
    ]),
  );
  return cache;
}

/** Lower case, no diacritics, punctuation as spaces: "Cliënten" and "Clienten" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
