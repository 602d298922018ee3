#!/usr/bin/env node
// The linter and the formatter, from their own install in tools/lint (see tools/lint/package.json and the
// README's Dependencies: typescript-eslint needs TypeScript's JS API, which the project's TypeScript 7 lacks).
//
//   node scripts/lint.mjs            ESLint with typescript-eslint's type-aware rules (npm run lint)
//   node scripts/lint.mjs --check    Prettier --check, and no line over 120 characters but for a string, template or
//                                    regular expression literal or a URL Prettier cannot break (npm run format:check)
//   node scripts/lint.mjs --write    Prettier --write, long comments wrapped and long string literals split,
//                                    ESLint --fix (npm run format)
//
// Further arguments go to ESLint (e.g. `npm run lint -- src/reconcile`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitLongStrings } from './split-long-strings.mjs';
import { wrapLongComments } from './wrap-comments.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(ROOT, 'tools', 'lint');
const BIN = join(TOOLS, 'node_modules', '.bin');
const CONFIG = join(TOOLS, 'eslint.config.mjs');
const MAX_LEN_CONFIG = join(TOOLS, 'max-len.config.mjs');
/** Files the formatter and the line check cover: the sources, as git lists them. */
const SOURCE = /\.(ts|mts|js|mjs)$/;
const NOT_SOURCE = /^(test\/fixtures|data|docs|tools)\//;
export const MAX_LINE = 120;

/** tools/lint's install, made or renewed when its lockfile changed (`npm ci`, about 30 s). */
function ensureTools() {
  const lock = readFileSync(join(TOOLS, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(TOOLS, 'node_modules', '.klopt-lock-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  process.stderr.write('klopt lint: installing tools/lint (npm ci)\n');
  run('npm', ['ci', '--prefix', TOOLS, '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(stamp, hash);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function sourceFiles() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ls-files: ${r.stderr}`);
  return r.stdout.split('\0').filter((f) => SOURCE.test(f) && !NOT_SOURCE.test(f) && existsSync(join(ROOT, f)));
}

const eslint = (extra, config = CONFIG) => run(join(BIN, 'eslint'), ['--config', config, ...extra]);
const prettier = (mode, files) => run(join(BIN, 'prettier'), [mode, '--log-level', 'warn', ...files]);

const args = process.argv.slice(2);
ensureTools();
if (args[0] === '--write') {
  const files = sourceFiles();
  let status = prettier('--write', files);
  const wrapped = wrapLongComments(ROOT, files, MAX_LINE);
  process.stderr.write(`klopt format: ${files.length} files formatted, ${wrapped} long comment lines wrapped\n`);
  // Literals split, laid out, and split again where a piece still stands on a long line (a literal in a literal).
  for (let round = 0; round < 3 && status === 0; round++) {
    const split = splitLongStrings(ROOT, files, MAX_LINE, TOOLS);
    process.stderr.write(`klopt format: long string literals split in ${split} files\n`);
    status ||= prettier('--write', files);
    if (split === 0) break;
  }
  // Comments the new layout moved (a callback's body indented further) wrapped again.
  if (wrapLongComments(ROOT, files, MAX_LINE) > 0) status ||= prettier('--write', files);
  status ||= eslint(['--fix', '.']);
  // What --fix changed (a `!` dropped), laid out again.
  status ||= prettier('--write', files);
  process.exit(status);
} else if (args[0] === '--check') {
  const files = sourceFiles();
  const formatted = prettier('--check', files);
  const short = eslint(['.'], MAX_LEN_CONFIG);
  process.exit(formatted || short);
} else {
  process.exit(eslint(args.length ? args : ['.']));
}
