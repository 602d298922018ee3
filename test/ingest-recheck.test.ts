/**
 * The rules over the whole database after `klopt ingest`: skipped when nothing they read changed
 * (a no-op nightly run must not reload every fact), run again when the documents or the
 * configuration did. The samples hold no pair these rules compare: the partner of Hengelo's
 * begroting 2019 is a copy of its jaarstukken 2023 made into jaarstukken 2019 (as in
 * cross-document.test.ts), whose 6.3 lasten primitief (51.598) differs from the adopted 51.913.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { mutatedSample } from './mutate.js';

const ROOT = join(import.meta.dirname, '..');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'klopt.js'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('klopt ingest: rules over the whole database', () => {
  it(
    'keeps their findings on a no-op re-run, re-runs them when the config or the documents change',
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'klopt-recheck-'));
      const db = join(dir, 'k.sqlite');
      mutatedSample('hengelo-begroting-2019-programma-6-sociaal-domein.txt', [], { dir });
      const copy = mutatedSample(
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
      const ingest = (...extra: string[]) => {
        const r = klopt('ingest', dir, '--manifest', join(dir, 'manifest.csv'), '--db', db, '--quiet', ...extra);
        expect(r.status, r.stderr).not.toBe(2);
      };
      const stored = () => {
        const sqlite = new Database(db, { readonly: true });
        try {
          return sqlite
            .prepare<[], { run: number; severity: string; row: string; expected: number; found: number }>(
              `SELECT run_id AS run, severity, row_label AS row, expected, found FROM findings WHERE rule = ` +
                `'begroting-primitief' ORDER BY id`,
            )
            .all();
        } finally {
          sqlite.close();
        }
      };
      try {
        ingest();
        const first = stored();
        const lasten63 = first.find((f) => f.row === '6.3 Inkomensregelingen / Lasten');
        expect(lasten63).toMatchObject({ severity: 'error', expected: 51913, found: 51598 });

        expect(new Set(first.map((f) => f.run))).toEqual(new Set([1]));

        // Nothing changed: the rows of run 1 stand (not written again by run 2).
        ingest();
        expect(stored()).toEqual(first);

        // Another severity for the rule: its findings are made again, with it.
        ingest('--rule', 'begroting-primitief=warning');
        const again = stored();
        expect(again.map((f) => [f.row, f.severity])).toEqual(first.map((f) => [f.row, 'warning']));
        expect(new Set(again.map((f) => f.run))).toEqual(new Set([3]));

        // The jaarstukken gone: nothing left to compare.
        rmSync(copy);
        ingest('--prune', '--rule', 'begroting-primitief=warning');
        expect(stored()).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
