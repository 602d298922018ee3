/**
 * Pages of the real-pages corpus rebuilt as the HTML tables they show (test/fixtures/real-pages-html),
 * read through the public interface: every page gives facts, every golden fact is found, no error
 * where the golden data sees no discrepancy, each discrepancy found at its row and column; and one
 * seeded single-cell change per page (a figure of a row in a relation) is found at its row and column.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDutch } from '../src/grammar/number.js';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { rowName } from '../src/arithmetic/grid.js';
import { buildContext } from '../src/reconcile/rule.js';
import { CORPUS_DIR, norm, scoreFacts, type Golden } from './real-pages/golden.js';
import { seeded } from './helpers.js';

const DIR = join(CORPUS_DIR, '..', 'real-pages-html');
const manifest = readManifest(join(DIR, 'manifest.csv'));
const pages = readFileSync(join(DIR, 'manifest.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0].replace(/\.html$/, ''));

/**
 * Where the pages are not read in full yet: golden facts whose line item the interpreter names
 * otherwise (a "Saldo van baten en lasten" row in a Baten column, a Reservemutatie's saldo), and
 * the six Tiel totals the blank "Verrekening met voorzieningen" line leaves open. Listed so the
 * gap is visible; each entry is asserted to still be a gap, so fixing one fails here until removed.
 */
const KNOWN_GAPS: Record<string, { facts?: number; discrepancies?: boolean; errors?: boolean }> = {
  // Held-out pages: their last row is cut off (the crawler's rendering ends in it), too short to place.
  'almelo-jaarstukken-2023-overzicht-baten-en-lasten': { facts: 3 },
  'geertruidenberg-begroting-2025-overzicht-taakvelden': { facts: 3 },
  'amstelveen-jaarstukken-2024-baten-en-lasten-per-programma': { facts: 6 },
  'lochem-jaarstukken-2021-overzicht-baten-en-lasten': { facts: 10 },
  'gouda-begroting-2024-overzicht-taakvelden': { facts: 2 },
  'tiel-begroting-2021-overhead': { discrepancies: true },
};

describe('real pages as HTML', { timeout: 120_000 }, () => {
  it('has at least 10 pages, each with its golden data', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });
  for (const slug of pages) {
    describe(slug, () => {
      const file = join(DIR, `${slug}.html`);
      const golden = JSON.parse(readFileSync(join(CORPUS_DIR, `${slug}.json`), 'utf8')) as Golden;
      const doc = processFile(file, { manifest });
      const gap = KNOWN_GAPS[slug] ?? {};

      it('is read: facts from its tables', () => {
        expect(
          doc.financial.filter((f) => f.status === 'printed').length +
            doc.indicators.filter((f) => f.value !== null).length,
        ).toBeGreaterThan(0);
      });

      it(gap.facts ? `finds every golden fact but ${gap.facts} (known gap)` : 'finds every golden fact', () => {
        const s = scoreFacts(doc, golden);
        const lost = [
          ...s.missing.map((m) => `missing ${JSON.stringify(m)}`),
          ...s.wrong.map((w) => `wrong ${JSON.stringify(w)}`),
        ];
        expect(lost.length, lost.join('\n')).toBe(gap.facts ?? 0);
      });

      const errors = doc.findings.filter((f) => f.severity === 'error');
      const isDiscrepancy = (f: (typeof errors)[number]) =>
        golden.discrepancies.some(
          (d) =>
            f.row !== null &&
            norm(f.row) === norm(d.row) &&
            d.column.every((p) => norm(f.column ?? '').includes(norm(p))),
        );
      if (golden.discrepancies.length === 0) {
        it(
          gap.errors
            ? 'has error findings on a table that adds up (known gap)'
            : 'has no error finding: its tables add up',
          () => {
            const msg = errors.map((f) => `${f.rule} ${f.row} / ${f.column}: ${f.message}`).join('\n');
            if (gap.errors) expect(errors.length, msg).toBeGreaterThan(0);
            else expect(errors.length, msg).toBe(0);
          },
        );
      } else {
        it(
          gap.discrepancies
            ? 'does not yet find its discrepancies (known gap)'
            : `finds its ${golden.discrepancies.length} discrepancies at their row and column, and no other error`,
          () => {
            const found = golden.discrepancies.filter((d) =>
              errors.some(
                (f) =>
                  f.row !== null &&
                  norm(f.row) === norm(d.row) &&
                  d.column.every((p) => norm(f.column ?? '').includes(norm(p))),
              ),
            );
            if (gap.discrepancies) return void expect(found.length).toBeLessThan(golden.discrepancies.length);
            expect(found.length).toBe(golden.discrepancies.length);
            expect(errors.filter((f) => !isDiscrepancy(f)).map((f) => `${f.rule} ${f.row} / ${f.column}`)).toEqual([]);
          },
        );
      }

      // A seeded change of one figure that takes part in a relation of its table.
      const ctx = buildContext(doc.document, doc.tables, doc.financial, doc.indicators);
      const html = readFileSync(file, 'utf8').split('\n');
      const candidates = ctx.arithmetic.flatMap(({ grid, relations }) =>
        relations
          .flatMap((r) => [r.target, ...r.terms])
          .map((ref) => ({ grid, row: grid.rows[ref.row], col: ref.col, cell: grid.rows[ref.row].cells[ref.col] }))
          .filter((c) => c.cell.status === 'printed' && c.cell.line !== null && c.cell.value !== null)
          // Only a cell its line prints once can be changed in place.
          .filter((c) => html[c.cell.line! - 1].split(`>${c.cell.raw}<`).length === 2),
      );
      // Pages with no relation to change a figure in (indicator tables) have no such check.
      it.skipIf(candidates.length === 0)('a changed figure is found at its row and column', () => {
        const random = seeded(slug.length * 7919 + 20240615);
        const { grid, row, col, cell } = candidates[Math.floor(random() * candidates.length)];
        const name = rowName(row);
        const header = grid.columns[col].header;
        const changed = formatDutch(cell.value! + 13);
        const dir = mkdtempSync(join(tmpdir(), 'klopt-html-mutation-'));
        const copy = [...html];
        copy[cell.line! - 1] = copy[cell.line! - 1].replace(`>${cell.raw}<`, `>${changed}<`);
        writeFileSync(join(dir, `${slug}.html`), copy.join('\n'));
        copyFileSync(join(DIR, 'manifest.csv'), join(dir, 'manifest.csv'));
        const before = new Set(doc.findings.map((f) => `${f.rule}|${f.row}|${f.column}|${f.message}`));
        const fresh = processFile(join(dir, `${slug}.html`), {
          manifest: readManifest(join(dir, 'manifest.csv')),
        }).findings.filter((f) => !before.has(`${f.rule}|${f.row}|${f.column}|${f.message}`));
        // Placed: its row and column named, or its column and its line, or its row and the changed figure as compared
        // (an HTML row stands on one line, so a saldo relation of the row names the changed cell by its figure).
        const placed = fresh.filter(
          (f) =>
            (f.row === name && f.column === header) ||
            (f.column === header && f.message.includes(`(line ${cell.line})`)) ||
            (f.row === name && f.message.includes(`${changed} (line ${cell.line})`)),
        );
        expect(
          placed.length,
          `${name} / ${header}: ${cell.raw} → ` +
            `${changed}\n${fresh.map((f) => `${f.rule} ${f.row} / ${f.column}: ${f.message}`).join('\n')}`,
        ).toBeGreaterThan(0);
      });
    });
  }
});
