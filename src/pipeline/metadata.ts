import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
function checkInside(manifest: string, line: number, name: string, target: string, options: ManifestOptions): void {
  if (options.allowOutside) return;
  const dir = dirname(resolve(manifest));
  let escapes = outside(dir, target);
  if (!escapes && existsSync(target)) escapes = outside(realpathSync(dir), realpathSync(target));
  if (escapes) throw new UsageError(`${manifest}:${line}: file "${name}" lies outside the manifest's directory ${dir}; refused (--allow-outside-manifest allows it)`);
}

/** manifest.csv: file,gemeente,document_type,jaar,programma,source_format (paths relative to it). */
export function readManifest(path: string, options: ManifestOptions = {}): Map<string, ManifestEntry> {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  if (!parsed.meta.fields?.includes('file')) throw new Error(`${path}: manifest has no "file" column (columns: ${parsed.meta.fields?.join(', ')})`);
  const out = new Map<string, ManifestEntry>();
  parsed.data.forEach((r, i) => {
    const year = r.jaar ?? r.year;
    if (year && !/^\d{4}$/.test(year.trim())) throw new Error(`${path}:${i + 2}: year "${year}" is not a year`);
    const type = DocumentType.safeParse((r.document_type ?? '').trim().toLowerCase());
    const format = SourceFormat.safeParse((r.source_format ?? '').trim());
    const target = resolve(dirname(path), r.file.trim());
    checkInside(path, i + 2, r.file.trim(), target, options);
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
  const documentType = TYPES.find(([re]) => re.test(name))?.[1] ?? TYPES.find(([re]) => re.test(head))?.[1] ?? 'onbekend';
  const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(name)?.[1] ?? /\b((?:19|20)\d{2})\b/.exec(head)?.[1];
  const gemeente = /^([a-z][a-z'-]+?)-(?:begroting|jaarstukken|jaarrekening|transformatieplan|beleidsrapportage|berap)/i.exec(name)?.[1];
  const programme = /programma[- ](\d+(?:\.\d+)?)[- ]?([a-z- ]*)/i.exec(name);
  return {
    gemeente: gemeente ? gemeente[0].toUpperCase() + gemeente.slice(1) : null,
    documentType,
    year: year ? Number(year) : null,
    programme: programme ? `${programme[1]} ${programme[2].replace(/-/g, ' ').trim()}`.trim() : null,
    sourceFormat: null,
  };
}
