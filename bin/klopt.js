#!/usr/bin/env node
// The CLI runs the JavaScript compiled into dist/ (`npm run build`; `npm ci` builds it), so a
// start loads no TypeScript loader and no transpiler.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('klopt: not built yet (no dist/); run `npm run build` (npm ci does it) and try again\n');
  process.exit(2);
}
await import(main.href);
