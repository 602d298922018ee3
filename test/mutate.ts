import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { SAMPLES } from './helpers.js';

export interface CopyOptions {
  /** File name of the copy (default: the sample's). */
  as?: string;
  /** Its manifest row (default: the sample's, with the copy's name). */
  manifest?: { gemeente: string; documentType: string; year: number };
  /** Directory to write into (default: a fresh temp dir). */
  dir?: string;
}

const MANIFEST_HEADER = 'file,gemeente,document_type,jaar,programma,source_format';

/**
 * A copy of a real sample with some text replaced, beside a manifest that describes it. Every
 * replacement must apply: a mutation that silently changes nothing would let a test pass for
 * the wrong reason.
 */
export function mutatedSample(name: string, replacements: [RegExp, string][], opts: CopyOptions = {}): string {
  let text = readFileSync(join(SAMPLES, name), 'utf8');
  for (const [re, by] of replacements) {
    const next = text.replace(re, by);
    if (next === text) throw new Error(`mutation ${re} does not apply to ${name}`);
    text = next;
  }
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'klopt-mut-'));
  const file = join(dir, opts.as ?? name);
  writeFileSync(file, text);
  const original = readFileSync(join(SAMPLES, 'manifest.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name},`))!;
  const cells = original.split(',');
  cells[0] = opts.as ?? name;
  if (opts.manifest)
    [cells[1], cells[2], cells[3]] = [opts.manifest.gemeente, opts.manifest.documentType, String(opts.manifest.year)];
  const manifestPath = join(dir, 'manifest.csv');
  let existing: string;
  try {
    existing = readFileSync(manifestPath, 'utf8');
  } catch {
    existing = `${MANIFEST_HEADER}\n`;
  }
  writeFileSync(manifestPath, `${existing}${cells.join(',')}\n`);
  return file;
}

/** processFile on a (mutated) copy, with the manifest beside it. */
export function processCopy(file: string) {
  return processFile(file, { manifest: readManifest(join(file, '..', 'manifest.csv')) });
}

/**
 * Jaarstukken "2019": a copy of Hengelo 2023 whose 6.1 primitief column carries the begroting
 * 2019 figures (741, 12.075, −11.334), the partner of the begroting 2019 sample.
 */
export function hengeloJaarstukken2019Copy(dir?: string): string {
  return mutatedSample(
    'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt',
    [
      [
        /6 Sociaal domein\n\nBegroting 2023 primitief\n\nBegroting 2023 gewijzigd\n\nRekening 2023\n\nVerschil\n\nBaten\n\n831\n/,
        '6 Sociaal domein\n\nBegroting 2019 primitief\n\nBegroting 2019 gewijzigd\n\nRekening ' +
          '2019\n\nVerschil\n\nBaten\n\n741\n',
      ],
      [/\nLasten\n\n14\.015\n/, '\nLasten\n\n12.075\n'],
      [/\n-13\.184\n/, '\n-11.334\n'],
    ],
    {
      dir,
      as: 'hengelo-jaarstukken-2019-copy.txt',
      manifest: { gemeente: 'Hengelo', documentType: 'jaarstukken', year: 2019 },
    },
  );
}
