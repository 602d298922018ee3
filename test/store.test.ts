import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Document, FinancialFact, Finding, IndicatorFact, Table } from '../schemas/index.js';
import { SCHEMA_VERSION, openStore, type DocumentInput, type Store } from '../src/store/index.js';

/*
 * Real figures from the sample: Hengelo, jaarstukken 2023, programma 6 Sociaal domein.
 * Table 8 ("Wat heeft het gekost", line 532), taakveld 6.73A Pleegzorg, body rows 48–50:
 *   Baten            -   -       -       -
 *   Lasten           -   1.993   2.009   -16
 *   6.73A Pleegzorg  -   -1.993  -2.009  16    <- saldo; the verschil should be -16
 * The table prints no scale, but its figures are thousands: the toelichting's
 * "6.5 Arbeidsparticipatie (€ 201.000 voordeel)" is the table's printed verschil 201.
 * Table 0 (line 76) is the first Beleidsindicatoren table.
 */
const FILE = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const bytes = readFileSync(new URL(`../${FILE}`, import.meta.url));
const ID = createHash('sha256').update(bytes).digest('hex');

const document: Document = {
  id: ID,
  file: FILE,
  gemeente: 'Hengelo',
  documentType: 'jaarstukken',
  year: 2023,
  programme: '6 Sociaal domein',
  sourceFormat: 'html-text',
  bytes: bytes.length,
  metadataSource: 'manifest',
};

const COLUMNS = [
  { index: 0, header: 'Begroting 2023 primitief', kind: 'begroting_primitief', year: 2023 },
  { index: 1, header: 'Begroting 2023 gewijzigd', kind: 'begroting_gewijzigd', year: 2023 },
  { index: 2, header: 'Rekening 2023', kind: 'realisatie', year: 2023 },
  { index: 3, header: 'Verschil', kind: 'verschil', year: null },
] as const;

const tables: Table[] = [
  {
    documentId: ID,
    index: 0,
    kind: 'indicator',
    title: 'Beleidsindicatoren',
    scale: 1,
    scaleText: null,
    columns: [
      { index: 0, header: 'Werkelijk 2022', kind: 'werkelijk', year: 2022 },
      { index: 1, header: 'Begroting 2023', kind: 'begroting', year: 2023 },
      { index: 2, header: 'Werkelijk 2023', kind: 'werkelijk', year: 2023 },
    ],
    signConvention: { lasten: null, saldo: null, verschil: null, grouping: null },
    line: 76,
    page: null,
  },
  {
    documentId: ID,
    index: 8,
    kind: 'financial',
    title: '6 Sociaal domein',
    scale: 1000,
    scaleText: null,
    columns: COLUMNS.map((c) => ({ ...c })),
    signConvention: {
      lasten: 'positive',
      saldo: 'baten_minus_lasten',
      verschil: 'favourable_positive',
      grouping: 'label_last',
    },
    line: 532,
    page: null,
  },
];

/** One printed row of table 8: its cells as printed, and the line of its first value cell. */
function row(
  rowIndex: number,
  rowLabel: string,
  lineItem: FinancialFact['lineItem'],
  cells: string[],
  line: number,
): FinancialFact[] {
  return cells.map((raw, c) => {
    const value = raw === '-' ? null : Number(raw.replace('.', ''));
    return {
      documentId: ID,
      tableIndex: 8,
      rowIndex,
      taakveld: '6.73A',
      rowLabel,
      lineItem,
      group: '6.73A Pleegzorg',
      isTotal: false,
      columnIndex: c,
      columnHeader: COLUMNS[c].header,
      columnKind: COLUMNS[c].kind,
      year: COLUMNS[c].year,
      value,
      status: value === null ? 'empty' : 'printed',
      decimals: 0,
      scale: 1000,
      provenance: { file: FILE, line: line + 2 * c, page: null, raw },
    };
  });
}

const financial: FinancialFact[] = [
  ...row(48, 'Baten', 'baten', ['-', '-', '-', '-'], 1024),
  ...row(49, 'Lasten', 'lasten', ['-', '1.993', '2.009', '-16'], 1034),
  ...row(50, '6.73A Pleegzorg', 'saldo', ['-', '-1.993', '-2.009', '16'], 1044),
];

const indicators: IndicatorFact[] = [
  ['Werkelijk 2022', 'werkelijk', 2022, 47.3, null, '47,3%', 86],
  ['Begroting 2023', 'begroting', 2023, 47.3, null, '47,3%', 88],
  ['Werkelijk 2023', 'werkelijk', 2023, 60.7, '1', '60,7%1', 90],
].map(([columnHeader, columnKind, year, value, footnote, raw, line], columnIndex) => ({
  documentId: ID,
  tableIndex: 0,
  rowIndex: 0,
  doelstelling: '6.1.1',
  name: 'Percentage Hengelose volwassenen (18+) dat aangeeft mantelzorg te verlenen (%)',
  unit: '%',
  columnIndex,
  columnHeader: columnHeader as string,
  columnKind: columnKind as IndicatorFact['columnKind'],
  year: year as number,
  value: value as number,
  decimals: 1,
  referenceYear: null,
  footnote: footnote as string | null,
  provenance: { file: FILE, line: line as number, page: null, raw: raw as string },
}));

const findings: Finding[] = [
  {
    rule: 'verschil',
    severity: 'error',
    file: FILE,
    documentId: ID,
    table: '6 Sociaal domein',
    tableIndex: 8,
    row: '6.73A Pleegzorg / Saldo',
    column: 'Verschil',
    line: 1050,
    page: null,
    expected: -16,
    found: 16,
    difference: 32,
    tolerance: 1.5,
    raw: '16',
    message: 'Verschil printed 16, Rekening 2023 − Begroting 2023 gewijzigd gives −16: sign error',
  },
  {
    rule: 'scale-inferred',
    severity: 'info',
    file: FILE,
    documentId: ID,
    table: '6 Sociaal domein',
    tableIndex: 8,
    row: null,
    column: null,
    line: 532,
    page: null,
    expected: null,
    found: null,
    difference: null,
    tolerance: null,
    raw: null,
    message: 'No scale printed; figures read as x 1.000 (toelichting 6.5: € 201.000 = printed 201)',
  },
];

const input: DocumentInput = { document, tables, financial, indicators, findings };

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klopt-store-'));
  dbPath = join(dir, 'nested', 'klopt.sqlite'); // parent directory does not exist yet
  store = openStore(dbPath);
});

afterEach(() => {
  try {
    store.close();
  } catch {
    /* already closed */
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the store holds, as the schema shapes. */
function snapshot(s: Store) {
  return {
    documents: s.listDocuments(),
    tables: s.listTables(),
    financial: s.listFinancialFacts(),
    indicators: s.listIndicatorFacts(),
    findings: s.listFindings(),
    counts: s.counts(),
  };
}

describe('store', () => {
  it('opens with WAL, foreign keys, busy timeout and the current schema version', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // reopening an up-to-date database runs no migration and keeps the version
    store.close();
    store = openStore(dbPath);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('round-trips a document with its tables, facts and findings', () => {
    expect(store.hasDocument(ID)).toBe(false);
    store.replaceDocument(input);
    expect(store.hasDocument(ID)).toBe(true);
    expect(store.listDocuments()).toEqual([document]);
    expect(store.listTables()).toEqual(tables);
    expect(store.listFinancialFacts()).toEqual(financial);
    expect(store.listFinancialFacts(ID)).toEqual(financial);
    expect(store.listFinancialFacts('0'.repeat(64))).toEqual([]);
    expect(store.listIndicatorFacts(ID)).toEqual(indicators);
    expect(store.listFindings()).toEqual(findings);
    expect(store.counts()).toEqual({
      documents: 1,
      tables: 2,
      financial_facts: 12,
      indicator_facts: 3,
      findings: 2,
      runs: 0,
    });
  });

  it('filters findings by document and minimum severity', () => {
    store.replaceDocument(input);
    expect(store.listFindings({ minSeverity: 'warning' })).toEqual([findings[0]]);
    expect(store.listFindings({ minSeverity: 'error', documentId: ID })).toEqual([findings[0]]);
    expect(store.listFindings({ minSeverity: 'info' })).toHaveLength(2);
    expect(store.listFindings({ documentId: 'f'.repeat(64) })).toEqual([]);
  });

  it('is idempotent: ingesting the same input twice leaves the same contents', () => {
    store.replaceDocument(input);
    const first = snapshot(store);
    store.replaceDocument(input);
    expect(snapshot(store)).toEqual(first);
  });

  it('replaces the older version of a changed file', () => {
    store.replaceDocument(input);
    const newId = createHash('sha256').update('changed').digest('hex');
    const changed: DocumentInput = {
      document: { ...document, id: newId, bytes: 7 },
      tables: [{ ...tables[1], documentId: newId }],
      financial: financial.slice(4, 8).map((f) => ({ ...f, documentId: newId })),
      indicators: [],
      findings: [],
    };
    store.replaceDocument(changed);
    expect(store.hasDocument(ID)).toBe(false);
    expect(store.listDocuments()).toEqual([changed.document]);
    expect(store.listFinancialFacts()).toEqual(changed.financial);
    // the old document's tables, indicators and findings went with it
    expect(store.counts()).toMatchObject({ tables: 1, financial_facts: 4, indicator_facts: 0, findings: 0 });
  });

  it('rolls back a failing ingest: a zod-invalid fact leaves the old rows intact', () => {
    store.replaceDocument(input);
    const before = snapshot(store);
    const bad = { ...financial[11], rowIndex: 51, decimals: -1 }; // invalid, and last: earlier rows were written
    expect(() => store.replaceDocument({ ...input, financial: [...financial.slice(0, 4), bad] })).toThrow();
    expect(snapshot(store)).toEqual(before);
  });

  it('rolls back a failing ingest: a constraint error leaves the old rows intact', () => {
    store.replaceDocument(input);
    const before = snapshot(store);
    // the same cell twice violates the one-fact-per-cell index
    expect(() => store.replaceDocument({ ...input, financial: [...financial, financial[5]] })).toThrow(/UNIQUE/);
    // a table index used twice violates the tables primary key
    expect(() => store.replaceDocument({ ...input, tables: [...tables, tables[1]] })).toThrow(/UNIQUE|PRIMARY/);
    // a fact of another document
    expect(() =>
      store.replaceDocument({ ...input, financial: [{ ...financial[0], documentId: 'a'.repeat(64) }] }),
    ).toThrow(/belongs to document/);
    expect(snapshot(store)).toEqual(before);
  });

  it('refuses a database with a newer schema version', () => {
    store.close();
    const raw = new Database(dbPath);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openStore(dbPath)).toThrow(dbPath);
    expect(() => openStore(dbPath)).toThrow(new RegExp(`version ${SCHEMA_VERSION + 5}.*\\(${SCHEMA_VERSION}\\)`));
  });

  it('v_taakveld_year gives amounts in euros: value × scale', () => {
    store.replaceDocument(input);
    const rows = store.db
      .prepare(`SELECT * FROM v_taakveld_year WHERE line_item = 'saldo' AND column_kind = 'realisatie'`)
      .all();
    expect(rows).toEqual([
      {
        gemeente: 'Hengelo',
        year: 2023,
        document_type: 'jaarstukken',
        taakveld: '6.73A',
        line_item: 'saldo',
        column_kind: 'realisatie',
        column_year: 2023,
        amount_eur: -2_009_000,
      },
    ]);
    const all = store.db.prepare('SELECT amount_eur FROM v_taakveld_year').pluck().all();
    const expected = financial.map((f) => (f.value === null ? null : f.value * f.scale));
    expect([...all].sort()).toEqual(expected.sort()); // a view has no order: compare as multisets
  });

  it('records runs and links findings to them', () => {
    const runId = store.startRun('0.1.0');
    store.replaceDocument(input, runId);
    store.addFindings(
      [
        {
          ...findings[1],
          documentId: null,
          rule: 'unreadable',
          severity: 'warning',
          file: 'x.pdf',
          message: 'no text',
        },
      ],
      runId,
    );
    const counts = {
      filesSeen: 2,
      filesSkipped: 0,
      filesIngested: 1,
      filesFailed: 1,
      findingsError: 1,
      findingsWarning: 1,
      findingsInfo: 1,
    };
    store.finishRun(runId, counts);
    const [run] = store.listRuns();
    expect(run).toMatchObject({ id: runId, kloptVersion: '0.1.0', status: 'finished', ...counts });
    expect(run.finishedAt).not.toBeNull();
    expect(store.listFindings({ runId })).toHaveLength(3);
    expect(() => store.finishRun(runId + 1, counts)).toThrow(/no run/);
  });

  it('writes twenty thousand facts of one document in one call (speed: npm run bench)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...financial[5], rowIndex: i }));
    store.replaceDocument({ ...input, financial: many });
    expect(store.counts().financial_facts).toBe(20_000);
    expect(store.listFinancialFacts(input.document.id).at(-1)).toMatchObject({
      rowIndex: 19_999,
      value: financial[5].value,
    });
  });
});
