import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { SAMPLES } from './helpers.js';

/**
 * A copy of a real sample with some text replaced, in a temp dir beside a copy of the samples'
 * manifest (same file name, so the same metadata). Every replacement must apply: a mutation
 * that silently changes nothing would make the test pass for the wrong reason.
 */
export function mutatedSample(name: string, replacements: [RegExp, string][]): string {
  let text = readFileSync(join(SAMPLES, name), 'utf8');
  for (const [re, by] of replacements) {
    const next = text.replace(re, by);
    if (next === text) throw new Error(`mutation ${re} does not apply to ${name}`);
    text = next;
  }
  const dir = mkdtempSync(join(tmpdir(), 'klopt-mut-'));
  copyFileSync(join(SAMPLES, 'manifest.csv'), join(dir, 'manifest.csv'));
  const file = join(dir, basename(name));
  writeFileSync(file, text);
  return file;
}

/** processFile on a (mutated) copy, with the manifest beside it. */
export function processCopy(file: string) {
  const dir = join(file, '..');
  return processFile(file, { manifest: readManifest(join(dir, 'manifest.csv')) });
}
