import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { isReadableExtension } from '../../extractors/registry.js';

// The extensions a directory walk or glob picks up are the formats' own (extractors/registry.ts).
// A file named on the command line is always tried, and routed by its content.
export { isReadableExtension } from '../../extractors/registry.js';

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
