/**
 * npm run bench: figures, never assertions. Each `bench/*.bench.ts` is one section, run in
 * name order in this process; `npm run bench -- glued html` runs only the sections named.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const only = process.argv.slice(2);
const sections = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
for (const f of sections) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  await import(pathToFileURL(join(import.meta.dirname, f)).href);
}
