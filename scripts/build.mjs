#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`, and before `npm start`, `npm test` and
// `npm run bench`): compiles src/, extractors/ and schemas/ with tsc into dist/, so bin/klopt.js
// starts without a run-time TypeScript loader. Plain JavaScript, so it runs before anything is built.
//
// A hash of every input is kept in dist/.build-hash: when nothing changed it does nothing (a few
// ms), so callers can run it unconditionally and never run a stale dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = '.build-hash';
const SOURCES = ['src', 'extractors', 'schemas'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'];
/** Boots tsx in a worker when the sources run as TypeScript; dist/ starts worker.js instead. */
const TS_ONLY = new Set(['src/ingest/worker-boot.mjs']);
/** JavaScript loaded at run time as it is (tsc does not copy it): worker scripts, pdf.js glue. */
const isRuntimeJs = (rel) => rel.endsWith('.mjs') && !TS_ONLY.has(rel);

function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function inputHash() {
  const hash = createHash('sha256');
  const tscPackage = JSON.parse(readFileSync(join(tscRoot(), 'package.json'), 'utf8'));
  hash.update(`typescript ${tscPackage.version}\0`);
  for (const f of [...CONFIGS, ...SOURCES.flatMap(filesUnder)]) {
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(ROOT, f)))
      .update('\0');
  }
  return hash.digest('hex');
}

function tscRoot() {
  return dirname(createRequire(join(ROOT, 'package.json')).resolve('typescript/package.json'));
}

/** Builds dist/ unless it is up to date; returns whether it built. Throws when tsc fails. */
export function build({ force = false, quiet = false } = {}) {
  const hash = inputHash();
  const stampPath = join(DIST, STAMP);
  if (!force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) return false;
  const t0 = performance.now();
  // Built beside dist/ and swapped in whole: a klopt started meanwhile never sees half a build.
  const tmp = join(ROOT, `dist.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const args = [join(tscRoot(), 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', tmp];
  const tsc = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${tsc.status ?? tsc.signal}):\n${tsc.stdout}${tsc.stderr}`);
  }
  for (const f of SOURCES.flatMap(filesUnder).filter(isRuntimeJs)) {
    mkdirSync(dirname(join(tmp, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(tmp, f));
  }
  writeFileSync(join(tmp, STAMP), hash);
  const old = join(ROOT, `dist.old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  try {
    renameSync(tmp, DIST);
  } catch (err) {
    // Another build swapped its dist/ in first (same sources: same output); keep that one.
    if (!existsSync(DIST)) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (!quiet) process.stderr.write(`klopt build: dist/ compiled in ${seconds} s\n`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    build({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
