/**
 * Databases for the report and export tests, built through the CLI: the five samples, and a
 * hostile document whose labels, file name and manifest metadata carry HTML and formulas.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellPerLine, SAMPLES } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'klopt.js');
export const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

/** Git-ignored folder for what tests leave to look at (screenshots, rendered reports). */
export const TEST_OUTPUT = join(ROOT, 'test-output');

export const HOSTILE_TITLE = '6 Sociaal domein <script>window.__xss = 1</script>';
export const HOSTILE_LABEL = `6.72D Jeugdhulp <img src=x onerror="window.__xss=2"> overig`;
export const HOSTILE_GEMEENTE = '<script>window.__xss=3</script>Hengelo';
export const HOSTILE_FILE = 'evil <img src=x onerror=window.__xss=4>.txt';
export const FORMULA_PROGRAMME = '=HYPERLINK("http://example.invalid","klik")';

/**
 * The 6.72D rows of Hengelo 2023 (with its real sign error in the Baten verschil: 71 − 78 = −7,
 * printed 7), under a hostile title and label, in a file with a hostile name and manifest.
 */
export function writeHostileDocument(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-hostile-'));
  const text = cellPerLine(
    HOSTILE_TITLE,
    ['Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil'],
    [
      ['Baten', '-', '78', '71', '7'],
      ['Lasten', '487', '1.456', '1.543', '-87'],
      [HOSTILE_LABEL, '-487', '-1.378', '-1.472', '-94'],
    ],
  );
  writeFileSync(join(dir, HOSTILE_FILE), text);
  const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(
    join(dir, 'manifest.csv'),
    `file,gemeente,document_type,jaar,programma,source_format\n${csv(HOSTILE_FILE)},${csv(HOSTILE_GEMEENTE)},jaarstukken,2023,${csv(FORMULA_PROGRAMME)},html-text\n`,
  );
  return { dir, file: join(dir, HOSTILE_FILE) };
}

/** A fresh database with the samples (and, if asked, the hostile document) ingested through the CLI. */
export function ingestedDatabase(options: { hostile?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-report-'));
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'klopt.sqlite');
  const paths = [SAMPLES, ...(options.hostile ? [writeHostileDocument().dir] : [])];
  const r = klopt('ingest', ...paths, '--db', db);
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
  return db;
}

const CHROMIUM_CANDIDATES = [
  process.env.KLOPT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
/** The chromium the browser tests drive (Debian's package; KLOPT_CHROMIUM overrides), or undefined. */
export const chromiumExecutable = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
export const CHROMIUM_SKIP_REASON =
  `no chromium executable found (tried ${CHROMIUM_CANDIDATES.filter(Boolean).join(', ')}); install the Debian ` +
  `package "chromium" or set KLOPT_CHROMIUM — the HTML report was NOT tested in a browser`;

export const HENGELO_2023_NAME = 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';

/**
 * A fresh directory with a copy of the Hengelo 2023 sample and its manifest row, ingested into a fresh database there.
 */
export function ingestedHengeloCopy(): { dir: string; file: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-triage-'));
  const file = join(dir, HENGELO_2023_NAME);
  copyFileSync(join(SAMPLES, HENGELO_2023_NAME), file);
  const row = readFileSync(join(SAMPLES, 'manifest.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${HENGELO_2023_NAME},`))!;
  writeFileSync(join(dir, 'manifest.csv'), `file,gemeente,document_type,jaar,programma,source_format\n${row}\n`);
  const db = join(dir, 'klopt.sqlite');
  const r = klopt('ingest', file, '--db', db);
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
  return { dir, file, db };
}
