import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { fromRoot } from '../root.js';

/** One (code, name) validity span of the IV3 taakveld catalogue (data/catalogue/taakvelden.csv). */
export interface TaakveldEntry {
  code: string;
  name: string;
  validFrom: number;
  validTo: number | null;
  parent: string | null;
}

const CATALOGUE_PATH = fromRoot('data', 'catalogue', 'taakvelden.csv');
let cache: TaakveldEntry[] | null = null;

export function taakveldCatalogue(): TaakveldEntry[] {
  if (cache) return cache;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(CATALOGUE_PATH, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  cache = parsed.data.map((r) => ({
    code: canonicalCode(r.code),
    name: r.name,
    validFrom: Number(r.valid_from_year),
    validTo: r.valid_to_year ? Number(r.valid_to_year) : null,
    parent: r.parent_code ? canonicalCode(r.parent_code) : null,
  }));
  return cache;
}

/** CBS writes `6.71a`, documents `6.71A`: klopt stores the upper-case form. */
export function canonicalCode(code: string): string {
  return code.trim().replace(/([0-9])([a-dA-D])$/, (_, d: string, l: string) => d + l.toUpperCase());
}

const CODE_AT_START = /^(\d{1,2}\.\d{1,3}[A-Da-d]?)\s+(\S.*)$/;

/**
 * The taakveld a row label names, when it starts with a code the catalogue knows (in any year:
 * whether the code is valid for the document's year is a reconciler question, not a reading one).
 */
export function taakveldOfLabel(label: string): { code: string; name: string } | null {
  const m = CODE_AT_START.exec(label.trim());
  if (!m) return null;
  const code = canonicalCode(m[1]);
  if (!taakveldCatalogue().some((e) => e.code === code)) return null;
  return { code, name: m[2].trim() };
}

/** The parent of a sub-taakveld (6.71A → 6.71), from the code's shape. */
export function parentCode(code: string): string | null {
  const m = /^(\d{1,2}\.\d{2})[A-D]$/.exec(code);
  return m ? m[1] : null;
}

/**
 * The taakveld a code belongs to across the 2023 split of the sociaal domein: in 2023 CBS
 * replaced 6.71 by 6.71a–d, 6.72 (Maatwerkdienstverlening 18-) by 6.72a–d, 6.73a–c and
 * 6.74a–c, 6.81 by 6.81a–b and 6.82 by 6.82a–b. A document that still books on the old code
 * and an IV3 delivery on the new ones (or the reverse) can only be compared per family.
 * Other sub-taakvelden belong to the code without their letter.
 */
export function familyOf(code: string): string {
  if (/^6\.7[234][A-D]$/.test(code)) return '6.72';
  return parentCode(code) ?? code;
}
