import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import Papa from 'papaparse';
import { DocumentType, SourceFormat } from '../../schemas/index.js';
import { UsageError } from './files.js';

export interface ManifestEntry {
  file: string;
  gemeente: string | null;
  documentType: DocumentType;
  year: number | null;
  programme: string | null;
  sourceFormat: SourceFormat | null;
}

export interface ManifestOptions {
  /** Let entries name files outside the manifest's directory (absolute paths, `..`, symlinks out). */
  allowOutside?: boolean;
}

const outside = (dir: string, target: string) => {
  const rel = relative(dir, target);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
};

/**
 * A manifest is data from elsewhere: its paths may not reach outside its own directory, neither
 * by `..` or an absolute path nor through a symbolic link, unless allowed.
 */
function checkInside(manifest: string, where: string, name: string, target: string, options: ManifestOptions): void {
  if (options.allowOutside) return;
  const dir = dirname(resolve(manifest));
  let escapes = outside(dir, target);
  if (!escapes && existsSync(target)) escapes = outside(realpathSync(dir), realpathSync(target));
  if (escapes)
    throw new UsageError(
      `${where}: file "${name}" lies outside the manifest's directory ${dir}; refused ` +
        `(--allow-outside-manifest allows it)`,
    );
}

/**
 * manifest.csv: file,gemeente,document_type,jaar,programma,source_format (paths relative to it).
 * A `.json` manifest is an array of objects with the same keys.
 */
export function readManifest(path: string, options: ManifestOptions = {}): Map<string, ManifestEntry> {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const json = extname(path).toLowerCase() === '.json';
  const rows = json ? jsonManifestRows(path, text) : csvManifestRows(path, text);
  const out = new Map<string, ManifestEntry>();
  rows.forEach((r, i) => {
    const where = json ? `${path}: entry ${i + 1}` : `${path}:${i + 2}`;
    if (!r.file?.trim()) throw new Error(`${where}: no "file"`);
    const year = r.jaar ?? r.year;
    if (year && !/^\d{4}$/.test(year.trim())) throw new Error(`${where}: year "${year}" is not a year`);
    const type = DocumentType.safeParse((r.document_type ?? '').trim().toLowerCase());
    const format = SourceFormat.safeParse((r.source_format ?? '').trim());
    const target = resolve(dirname(path), r.file.trim());
    checkInside(path, where, r.file.trim(), target, options);
    out.set(target, {
      file: r.file.trim(),
      gemeente: r.gemeente?.trim() || null,
      documentType: type.success ? type.data : 'onbekend',
      year: year ? Number(year) : null,
      programme: (r.programma ?? r.programme)?.trim() || null,
      sourceFormat: format.success ? format.data : null,
    });
  });
  return out;
}

function csvManifestRows(path: string, text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('file'))
    throw new Error(`${path}: manifest has no "file" column (columns: ${parsed.meta.fields?.join(', ')})`);
  return parsed.data;
}

/** JSON values become the strings a CSV cell would hold (a year may be a number there). */
function jsonManifestRows(path: string, text: string): Record<string, string>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (!Array.isArray(data))
    throw new Error(`${path}: a JSON manifest is an array of {file, gemeente, document_type, jaar, ...}`);
  return data.map((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new Error(`${path}: entry ${i + 1} is not an object`);
    return Object.fromEntries(
      Object.entries(entry as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k.trim().toLowerCase(), String(v)]),
    );
  });
}

/** The manifest beside a file, if there is one. */
export function manifestNear(file: string): string | null {
  const candidate = join(dirname(file), 'manifest.csv');
  return existsSync(candidate) ? candidate : null;
}

const TYPES: [RegExp, DocumentType][] = [
  [/jaarstukken/i, 'jaarstukken'],
  [/jaarrekening|jaarverslag/i, 'jaarrekening'],
  [/beleidsrapportage|berap|tussenrapportage/i, 'beleidsrapportage'],
  [/begroting/i, 'begroting'],
  [/plan|nota/i, 'beleidsplan'],
];

/** Without a manifest: what the file name and the first lines say. */
export function guessMetadata(file: string, headings: string[]): Omit<ManifestEntry, 'file'> {
  const name = basename(file).replace(/\.[^.]+$/, '');
  const head = `${name} ${headings.slice(0, 10).join(' ')}`;
  const documentType =
    TYPES.find(([re]) => re.test(name))?.[1] ?? TYPES.find(([re]) => re.test(head))?.[1] ?? 'onbekend';
  const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(name)?.[1] ?? /\b((?:19|20)\d{2})\b/.exec(head)?.[1];
  const gemeente =
    /^([a-z][a-z'-]+?)-(?:begroting|jaarstukken|jaarrekening|transformatieplan|beleidsrapportage|berap)/i.exec(
      name,
    )?.[1];
  const programme = /programma[- ](\d+(?:\.\d+)?)[- ]?([a-z- ]*)/i.exec(name);
  return {
    gemeente: gemeente ? gemeente[0].toUpperCase() + gemeente.slice(1) : null,
    documentType,
    year: year ? Number(year) : null,
    programme: programme ? `${programme[1]} ${programme[2].replace(/-/g, ' ').trim()}`.trim() : null,
    sourceFormat: null,
  };
}
