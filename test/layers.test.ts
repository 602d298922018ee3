/**
 * Imports only point down the pipeline, and no module imports itself round a cycle. A stage may
 * use what lies below it (schemas, grammar and catalogue, the shared arithmetic, the extractors
 * for the interpreter …), never what lies above: an extractor that needed the reconciler, or an
 * interpreter that needed the report, would tie the stages into one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Lower first. A file's layer is its longest matching prefix. */
const LAYERS: [prefix: string, rank: number][] = [
  ['schemas/', 0],
  ['src/grammar/', 1],
  ['src/catalogue/', 1],
  ['src/collections.ts', 1],
  // Where package.json and data/ are, from the sources or from dist/.
  ['src/root.ts', 0],
  ['src/arithmetic/', 2],
  ['extractors/', 3],
  ['src/interpret/', 4],
  ['src/iv3/read.ts', 4],
  ['src/reconcile/', 5],
  // Rule severities from klopt.config.json and --rule: read for a run, with the CLI's usage errors.
  ['src/config.ts', 8],
  ['src/store/', 6],
  ['src/iv3/', 6],
  ['src/report/', 7],
  ['src/pipeline/', 8],
  ['src/ingest/', 9],
  ['src/cli/', 10],
];

function layerOf(file: string): number {
  const hit = LAYERS.filter(([p]) => file.startsWith(p)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!hit) throw new Error(`${file}: in no layer of test/layers.test.ts`);
  return hit[1];
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) =>
    normalize(
      join(
        dirname(file),
        (m[1] ?? m[2]).replace(/\.m?js$/, (e) => (e === '.mjs' ? '.mjs' : '.ts')),
      ),
    ),
  );
}

const files = [...sources('schemas'), ...sources('src'), ...sources('extractors')];
const graph = new Map(
  files.map((f) => [f, importsOf(f).filter((t) => files.includes(t) || files.includes(t.replace(/\.mjs$/, '.mts')))]),
);

describe('layers', () => {
  it('every import points down the pipeline (or stays in its layer)', () => {
    const up = files.flatMap((f) =>
      graph
        .get(f)!
        .filter((t) => layerOf(t) > layerOf(f))
        .map((t) => `${f} → ${t}`),
    );
    expect(up).toEqual([]);
  });

  it('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open')
        return void cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative('.', p)).join(' → '));
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
