/**
 * The real-pages corpus: 59 pages of 47 other gemeenten' P&C sites, as a crawler stored their text
 * (test/fixtures/real-pages, golden data checked by hand). Through the library's entry points
 * (processFile, the corpus rules with CBS's IV3 figures):
 * - every page is read (facts stored), and its verdict is never a clean "adds up" over what was not read;
 * - no golden figure is read as another value (a misread is worse than a gap), and the figures read
 *   reach the floor recorded per page (raised as readers improve; the README gives the totals);
 * - no error finding on a page that adds up; the real discrepancies are found at their row and column;
 * - a seeded change of one figure that takes part in a relation is found and placed;
 * - where the page's gemeente and year are in the IV3 figures, its taakveld baten and lasten agree
 *   with what the gemeente delivered to CBS.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDutch } from '../src/grammar/number.js';
import { processFile, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { rowName } from '../src/arithmetic/grid.js';
import { buildContext } from '../src/reconcile/rule.js';
import { summarise } from '../src/report/index.js';
import { corpusFindings } from '../src/cli/corpus.js';
import { CORPUS_DIR, loadCorpus, norm, scoreFacts } from './real-pages/golden.js';
import { seeded } from './helpers.js';

const corpus = loadCorpus();
const manifestPath = join(CORPUS_DIR, 'manifest.csv');
const manifest = readManifest(manifestPath);
const docs = new Map<string, ProcessedDocument>(corpus.map((p) => [p.slug, processFile(p.file, { manifest })]));
const floors = JSON.parse(readFileSync(join(import.meta.dirname, 'real-pages', 'floors.json'), 'utf8')) as Record<
  string,
  number
>;

const facts = (d: ProcessedDocument) =>
  d.financial.filter((f) => f.status === 'printed').length + d.indicators.filter((f) => f.value !== null).length;

describe('real pages of other gemeenten', () => {
  it(
    'the corpus: at least 30 pages of at least 15 gemeenten, from three or more site families, each in the ' +
      'manifest with its address',
    () => {
      expect(corpus.length).toBeGreaterThanOrEqual(30);
      expect(new Set(corpus.map((p) => p.golden.gemeente)).size).toBeGreaterThanOrEqual(15);
      expect(new Set(corpus.map((p) => p.golden.siteFamily)).size).toBeGreaterThanOrEqual(3);
      const listed = readFileSync(manifestPath, 'utf8');
      for (const p of corpus)
        expect(listed).toContain(
          `${basename(p.file)},${p.golden.gemeente.includes(',') ? `"${p.golden.gemeente}"` : p.golden.gemeente},`,
        );
      for (const p of corpus) expect(listed).toContain(p.golden.url);
    },
  );

  it('a page whose layout no reader takes says so: verdict "not read", its table-like lines named unread', () => {
    // Son en Breugel's list without its header line: the rows alone tell no reader their columns.
    const page = corpus.find((p) => p.slug.startsWith('son-en-breugel'))!;
    const text = readFileSync(page.file, 'utf8').replace(/^Indicator eenheid periode regio waarde omschrijving\n/m, '');
    const dir = mkdtempSync(join(tmpdir(), 'klopt-unread-'));
    writeFileSync(join(dir, basename(page.file)), text);
    const doc = processFile(join(dir, basename(page.file)));
    const summary = summarise(
      doc.document,
      { tables: doc.tables.length, financialFacts: doc.financial.length, indicatorFacts: doc.indicators.length },
      doc.findings,
    );
    expect(facts(doc)).toBe(0);
    expect(summary.verdict).toBe('not read');
    expect(doc.findings.filter((f) => f.rule === 'unread-table').map((f) => f.line)).toEqual([11, 15]);
  });

  for (const page of corpus) {
    const doc = docs.get(page.slug)!;
    describe(page.slug, () => {
      it('is read, and its verdict says how far', () => {
        const summary = summarise(
          doc.document,
          { tables: doc.tables.length, financialFacts: doc.financial.length, indicatorFacts: doc.indicators.length },
          doc.findings,
        );
        expect(facts(doc)).toBeGreaterThan(0);
        expect(summary.coverage).not.toBeNull();
        // Amounts seen but not stored always leave a reading finding, so the verdict cannot be "adds up".
        if (summary.coverage!.read < summary.coverage!.seen) expect(summary.verdict).not.toBe('adds up');
      });

      it('reads no golden figure as another value, and reads at least its recorded floor', () => {
        const score = scoreFacts(doc, page.golden);
        expect(
          score.wrong.map(
            (w) => `${w.golden.row} / ${w.golden.column.join(' ')}: ${w.golden.value}, read ${w.found.join(' or ')}`,
          ),
        ).toEqual([]);
        expect(score.matched).toBeGreaterThanOrEqual(floors[page.slug] ?? page.golden.facts.length);
      });

      it('has no error finding where the page adds up, and finds the real discrepancies at their row and column', () => {
        const errors = doc.findings.filter((f) => f.severity === 'error');
        if (page.golden.discrepancies.length === 0)
          expect(errors.map((f) => `${f.rule} ${f.row} / ${f.column}: ${f.message}`)).toEqual([]);
        for (const d of page.golden.discrepancies) {
          const hit = errors.some(
            (f) =>
              f.row !== null &&
              norm(f.row).includes(norm(d.row)) &&
              f.column !== null &&
              d.column.every((c) => norm(f.column!).includes(norm(c))),
          );
          expect(hit, `${d.row} / ${d.column.join(' ')}: ${d.why}`).toBe(true);
        }
      });
    });
  }
});

describe('a changed figure on a real page is found and placed', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-real-mutation-'));
  const results: { page: string; cell: string; found: boolean }[] = [];
  for (const page of corpus) {
    const doc = docs.get(page.slug)!;
    const ctx = buildContext(doc.document, doc.tables, doc.financial, doc.indicators);
    // Cells that some relation (saldo, verschil, footing) of the table evaluates.
    const cells = ctx.arithmetic.flatMap(({ grid, relations }) => {
      const inRelation = new Set(relations.flatMap((r) => [r.target, ...r.terms]).map((r) => `${r.row}:${r.col}`));
      return grid.rows
        .flatMap((row) => row.cells.map((cell, col) => ({ grid, row, col, cell })))
        .filter(
          (c) => c.cell.status === 'printed' && c.cell.line !== null && inRelation.has(`${c.row.index}:${c.col}`),
        );
    });
    const lines = readFileSync(page.file, 'utf8').split('\n');
    // Only cells whose figure stands once on its line can be changed there without doubt.
    const changeable = cells.filter((c) => occurrences(lines[c.cell.line! - 1], c.cell.raw.trim()) === 1);
    const random = seeded(20241204);
    const picked = new Set<number>();
    while (picked.size < Math.min(4, changeable.length)) picked.add(Math.floor(random() * changeable.length));
    // A finding that was there but now says something else (a total already wrong, now by another amount) is news too.
    const before = new Set(doc.findings.map((f) => `${f.rule}|${f.row}|${f.column}|${f.found}|${f.expected}`));
    for (const i of picked) {
      const { grid, row, col, cell } = changeable[i];
      const name = rowName(row);
      const header = grid.columns[col].header;
      const changed = formatDutch(cell.value! + 13, cell.decimals);
      // Cells of one row on one line (pipe and space-separated renderings): a line number alone does not place them.
      const sharedLine = grid.rows.some((r) =>
        r.cells.some((c, k) => c.line === cell.line && (r !== row || k !== col)),
      );
      const copy = [...lines];
      copy[cell.line! - 1] = replaceOnce(copy[cell.line! - 1], cell.raw.trim(), changed);
      const file = join(dir, basename(page.file));
      writeFileSync(file, copy.join('\n'));
      writeFileSync(join(dir, 'manifest.csv'), readFileSync(manifestPath, 'utf8'));
      const fresh = processFile(file, { manifest: readManifest(join(dir, 'manifest.csv')) }).findings.filter(
        (f) => !before.has(`${f.rule}|${f.row}|${f.column}|${f.found}|${f.expected}`),
      );
      const placed = fresh.some(
        (f) =>
          (f.severity !== 'info' && f.row === name && f.column === header) ||
          (f.severity !== 'info' && f.column === header && f.message.includes(`(line ${cell.line})`) && !sharedLine) ||
          // Rows printed on one line: the finding of the row (its saldo) or of the column (its total) names the changed
          // figure with its row.
          (f.severity !== 'info' &&
            (f.row === name || f.column === header) &&
            f.message.includes(`${name} ${changed}`)) ||
          // A short row that no longer places uniquely: the reading finding names the row and lists the column.
          (f.rule === 'ambiguous-cells' && f.row !== null && name.startsWith(f.row) && f.message.includes(header)),
      );
      results.push({
        page: page.slug,
        cell: `${name} / ${header} (line ${cell.line}): ${cell.raw} → ${changed}`,
        found: placed,
      });
    }
  }

  it('in at least 99 % of the seeded changes (four per page whose tables have a relation to check)', () => {
    const missed = results.filter((r) => !r.found);
    expect(results.length).toBeGreaterThanOrEqual(60);
    expect(new Set(results.map((r) => r.page)).size).toBeGreaterThanOrEqual(15);
    expect(
      missed.map((m) => `${m.page}: ${m.cell}`).length / results.length,
      missed.map((m) => `${m.page}: ${m.cell}`).join('\n'),
    ).toBeLessThanOrEqual(0.01);
  });
});

const FIGURE_AT = (raw: string) =>
  new RegExp(`(?<![\\d.,-])${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.,])`, 'g');
const occurrences = (line: string | undefined, raw: string) =>
  line === undefined || raw === '' ? 0 : (line.match(FIGURE_AT(raw)) ?? []).length;
const replaceOnce = (line: string, raw: string, by: string) => line.replace(FIGURE_AT(raw), by);

describe('taakveld figures agree with what the gemeente delivered to CBS (IV3)', () => {
  // The page's text with its taakveld codes as CBS writes them ("0-1.2" is how one site family prints 0.1).
  const codesText = (file: string) =>
    readFileSync(file, 'utf8').replace(/\b(\d{1,2})-(\d{1,3}[A-Da-d]?)\.\d?/g, '$1.$2');
  const printsCode = (text: string, code: string) =>
    new RegExp(`(^|[\\s|])${code.replace('.', '\\.')}([\\s|]|$)`, 'im').test(text);
  // Pages whose taakvelden are printed by code; rows named only in words (a dekkingsmiddelen table) were compared by
  // hand in the golden data.
  const withIv3 = corpus.filter(
    (p) =>
      p.golden.iv3 && p.golden.cbsName && p.golden.iv3.compared.some((c) => printsCode(codesText(p.file), c.taakveld)),
  );
  const iv3Files = ['2023_begroting', '2023_jaarrekening', '2024_begroting', '2025_begroting'].map((n) =>
    join(CORPUS_DIR, 'iv3', `${n}-real-pages.csv`),
  );

  it('covers pages of several gemeenten and years', () => {
    expect(withIv3.length).toBeGreaterThanOrEqual(6);
    expect(new Set(withIv3.map((p) => p.golden.year)).size).toBeGreaterThanOrEqual(3);
  });

  for (const page of withIv3) {
    it(`${page.slug}: every taakveld the golden data found agreeing is read and raises no iv3-taakveld finding`, () => {
      const doc = docs.get(page.slug)!;
      const findings = corpusFindings([{ ...doc, findings: [] } as never], iv3Files).filter(
        (f) => f.rule === 'iv3-taakveld',
      );
      const text = codesText(page.file);
      const agreeing = page.golden.iv3!.compared.filter((c) => c.agrees && printsCode(text, c.taakveld));
      expect(agreeing.length).toBeGreaterThan(0);
      for (const c of agreeing) {
        // Compared, not silent: the page's figure for the taakveld was read.
        const read = doc.financial.some(
          (f) => f.taakveld === c.taakveld.toUpperCase().replace(/([0-9])([A-D])$/, '$1$2') && f.status === 'printed',
        );
        expect(read, `${c.taakveld} read`).toBe(true);
        const against = findings.filter((f) => (f.row ?? '').startsWith(`${c.taakveld} `));
        expect(against.map((f) => f.message)).toEqual([]);
      }
    });
  }
});
