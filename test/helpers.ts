import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import type { Finding } from '../schemas/index.js';

export const SAMPLES = join(import.meta.dirname, '..', 'data', 'samples');
export const sample = (name: string) => join(SAMPLES, name);
export const HENGELO_2023 = sample('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt');
export const TRANSFORMATIEPLAN = sample('hengelo-transformatieplan-sociaal-domein-2022.md');

const manifest = readManifest(join(SAMPLES, 'manifest.csv'));

/** The pipeline's public entry on a sample, with the samples' manifest. */
export const processSample = (path: string) => processFile(path, { manifest });

/** Write a document to a fresh temp dir and run the pipeline on it. */
export function processText(text: string, name = 'doc.txt') {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-test-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return processFile(file);
}

/** A cell-per-line table as the Hengelo 2023 page dump prints it: every cell on its own line. */
export function cellPerLine(title: string, headers: string[], rows: string[][]): string {
  return [title, ...headers, ...rows.flat()].join('\n\n') + '\n\nFinanciële toelichting\n';
}

/** Independent of the grammar under test: plain Dutch integers and "-" only. */
export function plainDutch(cell: string): number | null {
  const t = cell.trim();
  if (t === '-') return null;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}

const COST_HEADERS = ['Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil'];

/** Rows of the Hengelo 2023 cost table (as printed there), alone in a document of their own. */
export function hengeloRows(rows: string[][]) {
  return processText(cellPerLine('6 Sociaal domein', COST_HEADERS, rows));
}

export const findingsOf = (result: { findings: Finding[] }, rule: string) =>
  result.findings.filter((f) => f.rule === rule);

/** mulberry32: a small seeded generator, so the changed cells are the same on every run. */
export function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
