/**
 * What the ingest writer and reader pool rely on (issue 8, main-thread side): the writer stores
 * what klopt's own readers built without parsing it through zod again, so every record the
 * pipeline returns must already satisfy its schema, and Store's public write API still validates
 * by default. A reader worker that dies fails only the file it was reading; files already sent
 * to it are read by another.
 */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DoelenboomGoal,
  DoelenboomProduct,
  Document,
  FinancialFact,
  Finding,
  IndicatorFact,
  StatutoryIndicator,
  Table,
} from '../schemas/index.js';
import { createReader } from '../src/ingest/pool.js';
import type { ReadResult } from '../src/ingest/read.js';
import { processFile, type ProcessedDocument } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { openStore } from '../src/store/index.js';
import { HENGELO_2023, SAMPLES, processSample } from './helpers.js';

const HTML = join(import.meta.dirname, 'fixtures', 'html');
const manifest = new Map([...readManifest(join(SAMPLES, 'manifest.csv')), ...readManifest(join(HTML, 'manifest.csv'))]);
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-writer-'));

/** The Hengelo 2023 Pleegzorg lasten, Rekening 2023 (table 8, row 49, line 1038): printed 2.009. */
const pleegzorg = (facts: FinancialFact[]) =>
  facts.find((f) => f.tableIndex === 8 && f.rowIndex === 49 && f.columnKind === 'realisatie');

describe('records the pipeline builds satisfy their schemas (the writer does not parse them again)', () => {
  it('on every sample and HTML page', () => {
    const files = [...manifest.keys()].sort();
    expect(files.length).toBe(11);
    for (const path of files) {
      const doc = processFile(path, { manifest });
      const all: [string, { parse: (v: unknown) => unknown }, unknown[]][] = [
        ['document', Document, [doc.document]],
        ['table', Table, doc.tables],
        ['financial fact', FinancialFact, doc.financial],
        ['indicator fact', IndicatorFact, doc.indicators],
        ['finding', Finding, doc.findings],
        ['doelenboom goal', DoelenboomGoal, doc.structures?.goals ?? []],
        ['doelenboom product', DoelenboomProduct, doc.structures?.products ?? []],
        ['statutory indicator', StatutoryIndicator, doc.structures?.statutory ?? []],
      ];
      for (const [what, schema, records] of all) {
        // parse returns the schema's fields only: equal means valid and nothing extra
        for (const r of records) expect(schema.parse(r), `${path}: ${what}`).toEqual(r);
      }
    }
    const hengelo = processSample(HENGELO_2023);
    expect(hengelo.financial).toHaveLength(340);
    expect(pleegzorg(hengelo.financial)).toMatchObject({
      taakveld: '6.73A',
      lineItem: 'lasten',
      value: 2009,
      provenance: { line: 1038, raw: '2.009' },
    });
  });
});

describe('Store.replaceDocument', () => {
  const doc = processSample(HENGELO_2023);

  it('stores the same rows prevalidated as validated', () => {
    const dir = tmp();
    const a = openStore(join(dir, 'a.sqlite'));
    const b = openStore(join(dir, 'b.sqlite'));
    a.replaceDocument(doc);
    b.replaceDocument(doc, undefined, { prevalidated: true });
    expect(b.listFinancialFacts()).toEqual(a.listFinancialFacts());
    expect(pleegzorg(b.listFinancialFacts())?.value).toBe(2009);
    expect(b.listIndicatorFacts()).toEqual(a.listIndicatorFacts());
    expect(b.listTables()).toEqual(a.listTables());
    expect(b.listFindings()).toEqual(a.listFindings());
    expect(b.counts()).toEqual(a.counts());
    a.close();
    b.close();
  });

  it(
    'rejects an invalid fact by default; prevalidated, it still refuses a record of another document and an ' +
      'invalid finding',
    () => {
      const store = openStore(join(tmp(), 'c.sqlite'));
      const invalid: ProcessedDocument = {
        ...doc,
        financial: doc.financial.map((f, i) => (i === 5 ? { ...f, decimals: -1 } : f)),
      };
      expect(() => store.replaceDocument(invalid)).toThrow(/decimals/);
      expect(store.counts().documents).toBe(0);
      const foreign = { ...doc, financial: [{ ...doc.financial[0], documentId: 'a'.repeat(64) }] };
      expect(() => store.replaceDocument(foreign, undefined, { prevalidated: true })).toThrow(/belongs to document/);
      const badFinding = { ...doc, findings: [{ ...doc.findings[0], severity: 'fatal' as never }] };
      expect(() => store.replaceDocument(badFinding, undefined, { prevalidated: true })).toThrow(/severity/);
      expect(store.counts().documents).toBe(0);
      store.close();
    },
  );
});

describe('reader pool', () => {
  it(
    'a worker that dies fails only the file it was reading; the file queued behind it is read by another',
    { timeout: 120_000 },
    async () => {
      const dir = tmp();
      const samples = readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(SAMPLES, f));
      const crash = join(dir, 'hengelo-crash.txt');
      copyFileSync(HENGELO_2023, crash);
      // Two workers, two files each: seq 0 and 2 to the first, 1 (the crash) and 3 to the second.
      const paths = [samples[0], crash, samples[1], samples[2], samples[3]];
      const reader = createReader(2, new URL('./fixtures/ingest/crashing-worker.mjs', import.meta.url));
      let results: ReadResult[];
      try {
        results = await Promise.all(paths.map((path, seq) => reader.read({ seq, path, cwd: dir, entry: null })));
      } finally {
        await reader.close();
      }
      expect(results.map((r) => [r.seq, r.ok])).toEqual([
        [0, true],
        [1, false],
        [2, true],
        [3, true],
        [4, true],
      ]);
      expect(results[1]).toMatchObject({ ok: false, error: `${crash}: the reader crashed (exit code 7)` });
      for (const seq of [0, 2, 3, 4]) {
        const r = results[seq];
        const expected = processFile(paths[seq], { cwd: dir });
        expect(r.ok && r.doc.document.id).toBe(expected.document.id);
        expect(r.ok && r.doc.financial).toEqual(expected.financial);
      }
    },
  );
});
