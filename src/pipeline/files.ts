import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Extensions klopt reads from a directory. A file named on the command line is always tried. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text', '.markdown']);
/** PDFs, read by the PDF extractor (processFileAsync). */
export const PDF_EXTENSIONS = new Set(['.pdf']);
/** Saved web pages, read by the HTML extractor. */
export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** Whether a directory walk or a glob picks up a file with this extension (lower case, with the dot). */
export const isReadableExtension = (ext: string) => TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || PDF_EXTENSIONS.has(ext);

export class UsageError extends Error {}

/** Files named, and the readable files under directories named, each once, in a stable order. */
export function collectInputs(paths: string[]): string[] {
  const out = new Set<string>();
  const visited = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (visited.has(real)) return; // a symlink loop, or a directory named twice
    visited.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && safeStat(full)?.isDirectory());
      if (isDir) walk(full);
      else if (isReadableExtension(extname(entry.name).toLowerCase())) out.add(resolve(full));
    }
  };
  for (const p of paths) {
    const st = safeStat(p);
    if (!st) throw new UsageError(`${p}: no such file or directory`);
    if (st.isDirectory()) walk(p);
    else out.add(resolve(p));
  }
  return [...out];
}

function safeStat(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
