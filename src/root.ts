/**
 * The package's root directory (where package.json and data/ are). Modules run both from their
 * TypeScript sources (tests, bench) and compiled into dist/, one level deeper, so a fixed
 * '../..' from a module would miss; the nearest directory up holding package.json is the root.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under the package root, e.g. `fromRoot('data', 'catalogue', 'taakvelden.csv')`. */
export const fromRoot = (...parts: string[]): string => join(ROOT, ...parts);
