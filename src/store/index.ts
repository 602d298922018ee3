/**
 * The SQLite store: documents, their tables, facts and findings, and the runs that produced
 * them. A document is always written whole, in one transaction, replacing what was there.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  DoelenboomGoal,
  DoelenboomProduct,
  Document,
  FinancialFact,
  StatutoryIndicator,
  type Structures,
  Finding,
  IndicatorFact,
  Table,
  TriageEntry,
  severityRank,
  type Severity,
} from '../../schemas/index.js';
import type { z } from 'zod';
import { financialFactKind, indicatorFactKind } from './fact-kind.js';
import { migrate } from './migrations.js';
import { fingerprintOf, locusOf } from './triage.js';

export { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';

export interface DocumentInput {
  document: Document;
  tables: Table[];
  financial: FinancialFact[];
  indicators: IndicatorFact[];
  findings: Finding[];
  /** Doelenboom goals and products, statutory indicator rows (stored in their own tables). */
  structures?: Structures;
}

export interface ReplaceOptions {
  /**
   * The document, its tables, facts and structures were built through their zod schemas already,
   * as klopt's own pipeline builds them (processFile, interpret), so they are not parsed again:
   * the ingest writer sets this for what its readers produced. Findings are validated all the
   * same (the severity configuration rewrites them after reading), and so is, always, that every
   * record belongs to the document. Default: everything is validated.
   */
  prevalidated?: boolean;
}

export interface RunCounts {
  filesSeen: number;
  filesSkipped: number;
  filesIngested: number;
  filesFailed: number;
  findingsError: number;
  findingsWarning: number;
  findingsInfo: number;
  /** Defaults to 'finished'. */
  status?: string;
}

export interface Run extends Required<RunCounts> {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  kloptVersion: string;
}

export interface FindingFilter {
  documentId?: string;
  runId?: number;
  minSeverity?: Severity;
}

type Row = Record<string, any>;
const bool = (b: boolean) => (b ? 1 : 0);
const now = () => new Date().toISOString();
// The severity rank as SQL, from the schema's own ranking so the two cannot drift apart.
const SEVERITY_RANK_SQL = `CASE severity ${Object.entries(severityRank)
  .map(([s, r]) => `WHEN '${s}' THEN ${r}`)
  .join(' ')} END`;

/** Opens (creating if needed) the database at `path` and brings its schema up to date. */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    migrate(db, path); // refuses a newer schema before we change anything in the file
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  return new Store(db);
}

export class Store {
  // Prepared once: replaceDocument runs them thousands of times per document.
  private readonly stmts;
  private readonly replaceTx: (input: DocumentInput, runId: number | null, prevalidated: boolean) => void;

  constructor(readonly db: Database.Database) {
    // Positional or named parameters; rows typed loosely and mapped to the schema shapes below.
    const p = (sql: string) => db.prepare<unknown[], Row>(sql);
    this.stmts = {
      hasDocument: p('SELECT 1 FROM documents WHERE id = ?').pluck(),
      // Cascades to the document's tables, facts and findings.
      deleteDocument: p('DELETE FROM documents WHERE id = ? OR file = ?'),
      insertDocument: p(`INSERT INTO documents (id, file, gemeente, document_type, year, programme,
        source_format, bytes, metadata_source, ingested_at, amounts_seen, amounts_read)
        VALUES (@id, @file, @gemeente, @documentType, @year, @programme, @sourceFormat, @bytes,
        @metadataSource, @ingestedAt, @amountsSeen, @amountsRead)`),
      insertTable: p(`INSERT INTO tables (document_id, table_index, kind, title, scale, scale_text,
        columns_json, sign_convention_json, line, page, continues_above)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertFinancial: p(`INSERT INTO financial_facts (document_id, table_index, row_index, taakveld,
        row_label, line_item, group_label, is_total, column_index, column_header, column_kind, year,
        value, status, decimals, scale, file, line, page, raw, table_kind)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertIndicator: p(`INSERT INTO indicator_facts (document_id, table_index, row_index,
        doelstelling, name, unit, column_index, column_header, column_kind, year, value, decimals,
        reference_year, footnote, file, line, page, raw, reading, source, area, table_kind)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertFinding: p(`INSERT INTO findings (document_id, run_id, rule, severity, file, table_title,
        table_index, row_label, column_header, line, page, expected, found, difference, tolerance,
        raw, message, evidence_json, fingerprint)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      listTriage: p('SELECT * FROM triage ORDER BY at, fingerprint'),
      deleteTriageAt: p('DELETE FROM triage WHERE locus = ? AND fingerprint <> ?'),
      putTriage:
        p(`INSERT OR REPLACE INTO triage (fingerprint, locus, rule, file, document_id, table_title, table_index,
        row_label, column_header, line, page, expected, found, status, comment, by, at)
        VALUES (@fingerprint, @locus, @rule, @file, @documentId, @table, @tableIndex, @row, @column, @line, @page,
        @expected, @found, @status, @comment, @by, @at)`),
      deleteTriage: p('DELETE FROM triage WHERE fingerprint = ?'),
      insertGoal: p(`INSERT INTO doelenboom_goals (document_id, goal_index, code, name, level, scale,
        totale_lasten_json, claimed_indicators_json, claimed_actions_json, section_json, file, line,
        page, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertProduct: p(`INSERT INTO doelenboom_products (document_id, product_index, doelstelling,
        thema, product, scale, lasten_json, baten_json, file, line, page, raw)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertStatutory: p(`INSERT INTO statutory_indicators (document_id, row_index, nr, beleidsveld,
        name, unit, year, score, decimals, percent, source, catalogue_name, matches_catalogue, file,
        line, page, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // In the order the document prints them.
      listGoals: p(`SELECT * FROM doelenboom_goals WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, goal_index`),
      listProducts: p(`SELECT * FROM doelenboom_products WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, product_index`),
      listStatutory: p(`SELECT * FROM statutory_indicators WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, row_index`),
      startRun: p('INSERT INTO runs (started_at, klopt_version) VALUES (?, ?)'),
      finishRun: p(`UPDATE runs SET finished_at = @finishedAt, files_seen = @filesSeen,
        files_skipped = @filesSkipped, files_ingested = @filesIngested, files_failed = @filesFailed,
        findings_error = @findingsError, findings_warning = @findingsWarning,
        findings_info = @findingsInfo, status = @status WHERE id = @id`),
      listDocuments: p('SELECT * FROM documents ORDER BY file'),
      // One document's rows through the index: "@documentId IS NULL OR …" scans the whole table.
      listTablesOf: p('SELECT * FROM tables WHERE document_id = @documentId ORDER BY table_index'),
      listFinancialOf: p(
        `SELECT ${FINANCIAL_COLUMNS} FROM financial_facts WHERE document_id = @documentId ORDER BY ` +
          `table_index, row_index, column_index`,
      ).raw(),
      listIndicatorsOf: p(
        `SELECT ${INDICATOR_COLUMNS} FROM indicator_facts WHERE document_id = @documentId ORDER BY ` +
          `table_index, row_index, column_index`,
      ).raw(),
      listFinancialOfTable: p(
        `SELECT ${FINANCIAL_COLUMNS} FROM financial_facts WHERE document_id = ? AND table_index = ? ORDER BY ` +
          `row_index, column_index`,
      ).raw(),
      listTables: p(`SELECT * FROM tables WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, table_index`),
      listFinancial: p(`SELECT ${FINANCIAL_COLUMNS} FROM financial_facts
        WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, table_index, row_index, column_index`).raw(),
      listIndicators: p(`SELECT ${INDICATOR_COLUMNS} FROM indicator_facts
        WHERE @documentId IS NULL OR document_id = @documentId
        ORDER BY document_id, table_index, row_index, column_index`).raw(),
      listFindings: p(`SELECT * FROM findings
        WHERE (@documentId IS NULL OR document_id = @documentId)
          AND (@runId IS NULL OR run_id = @runId)
          AND ${SEVERITY_RANK_SQL} >= @minRank
        ORDER BY id`),
      listRuns: p('SELECT * FROM runs ORDER BY id'),
    };
    this.replaceTx = db.transaction((input: DocumentInput, runId: number | null, prevalidated: boolean) => {
      // zod's parse returns the value's schema fields; the inserts below read only those
      const valid = <T>(schema: z.ZodType<T>, v: T): T => (prevalidated ? v : schema.parse(v));
      const doc = valid(Document, input.document);
      this.stmts.deleteDocument.run(doc.id, doc.file);
      this.stmts.insertDocument.run({
        ...doc,
        amountsSeen: doc.amountsSeen ?? null,
        amountsRead: doc.amountsRead ?? null,
        ingestedAt: now(),
      });
      // Each record is validated as it is written (unless prevalidated): an invalid one throws, rolling back the lot.
      const tableOf = new Map<number, Table>();
      for (const t of input.tables) {
        const r = valid(Table, t);
        tableOf.set(r.index, r);
        sameDocument(doc, r.documentId, 'table');
        this.stmts.insertTable.run(
          doc.id,
          r.index,
          r.kind,
          r.title,
          r.scale,
          r.scaleText,
          JSON.stringify(r.columns),
          JSON.stringify(r.signConvention),
          r.line,
          r.page,
          r.continuesAbove ? 1 : 0,
        );
      }
      for (const f of input.financial) {
        const r = valid(FinancialFact, f);
        sameDocument(doc, r.documentId, 'financial fact');
        const pv = r.provenance;
        this.stmts.insertFinancial.run(
          doc.id,
          r.tableIndex,
          r.rowIndex,
          r.taakveld,
          r.rowLabel,
          r.lineItem,
          r.group,
          bool(r.isTotal),
          r.columnIndex,
          r.columnHeader,
          r.columnKind,
          r.year,
          r.value,
          r.status,
          r.decimals,
          r.scale,
          pv.file,
          pv.line,
          pv.page,
          pv.raw,
          financialFactKind(tableOf.get(r.tableIndex), {
            rowLabel: r.rowLabel,
            columnHeader: r.columnHeader,
            decimals: r.decimals,
            raw: pv.raw,
          }),
        );
      }
      for (const f of input.indicators) {
        const r = valid(IndicatorFact, f);
        sameDocument(doc, r.documentId, 'indicator fact');
        const pv = r.provenance;
        this.stmts.insertIndicator.run(
          doc.id,
          r.tableIndex,
          r.rowIndex,
          r.doelstelling,
          r.name,
          r.unit,
          r.columnIndex,
          r.columnHeader,
          r.columnKind,
          r.year,
          r.value,
          r.decimals,
          r.referenceYear,
          r.footnote,
          pv.file,
          pv.line,
          pv.page,
          pv.raw,
          r.reading === 'heuristic' ? 'heuristic' : null,
          r.source ?? null,
          r.area ?? null,
          indicatorFactKind({ name: r.name, unit: r.unit, decimals: r.decimals, raw: pv.raw }),
        );
      }
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
      (input.structures?.goals ?? []).forEach((g, i) => {
        const r = valid(DoelenboomGoal, g);
        sameDocument(doc, r.documentId, 'doelenboom goal');
        const pv = r.provenance;
        this.stmts.insertGoal.run(
          doc.id,
          i,
          r.code,
          r.name,
          r.level,
          r.scale,
          json(r.totaleLasten),
          json(r.claimedIndicators),
          json(r.claimedActions),
          json(r.section),
          pv.file,
          pv.line,
          pv.page,
          pv.raw,
        );
      });
      (input.structures?.products ?? []).forEach((p, i) => {
        const r = valid(DoelenboomProduct, p);
        sameDocument(doc, r.documentId, 'doelenboom product');
        const pv = r.provenance;
        this.stmts.insertProduct.run(
          doc.id,
          i,
          r.doelstelling,
          r.thema,
          r.product,
          r.scale,
          json(r.lasten),
          json(r.baten),
          pv.file,
          pv.line,
          pv.page,
          pv.raw,
        );
      });
      (input.structures?.statutory ?? []).forEach((st, i) => {
        const r = valid(StatutoryIndicator, st);
        sameDocument(doc, r.documentId, 'statutory indicator');
        const pv = r.provenance;
        this.stmts.insertStatutory.run(
          doc.id,
          i,
          r.nr,
          r.beleidsveld,
          r.name,
          r.unit,
          r.year,
          r.score,
          r.decimals,
          bool(r.percent),
          r.source,
          r.catalogueName,
          bool(r.matchesCatalogue),
          pv.file,
          pv.line,
          pv.page,
          pv.raw,
        );
      });
      // A finding without documentId is stored as the document's: it was found while reading
      // it, and must go when the document is replaced (else re-ingesting would duplicate it).
      for (const f of input.findings) {
        const r = Finding.parse(f);
        if (r.documentId !== null) sameDocument(doc, r.documentId, 'finding');
        this.insertFinding({ ...r, documentId: doc.id }, runId);
      }
    });
  }

  hasDocument(id: string): boolean {
    return this.stmts.hasDocument.get(id) !== undefined;
  }

  /**
   * Writes a document with everything read from it, in one transaction: first deletes the rows
   * of the same document and of any other document at the same file path (an older version),
   * then inserts. If anything fails, nothing changes.
   */
  replaceDocument(input: DocumentInput, runId?: number, options: ReplaceOptions = {}): void {
    this.replaceTx(input, runId ?? null, options.prevalidated ?? false);
  }

  /** Stores findings that belong to no document being replaced (e.g. a file that failed to read). */
  addFindings(findings: Finding[], runId?: number): void {
    this.db.transaction(() => {
      for (const f of findings) this.insertFinding(Finding.parse(f), runId ?? null);
    })();
  }

  startRun(version: string): number {
    return Number(this.stmts.startRun.run(now(), version).lastInsertRowid);
  }

  finishRun(id: number, counts: RunCounts): void {
    const res = this.stmts.finishRun.run({ status: 'finished', ...counts, id, finishedAt: now() });
    if (res.changes !== 1) throw new Error(`finishRun: no run with id ${id}`);
  }

  listRuns(): Run[] {
    return this.stmts.listRuns.all().map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      kloptVersion: r.klopt_version,
      filesSeen: r.files_seen,
      filesSkipped: r.files_skipped,
      filesIngested: r.files_ingested,
      filesFailed: r.files_failed,
      findingsError: r.findings_error,
      findingsWarning: r.findings_warning,
      findingsInfo: r.findings_info,
      status: r.status,
    }));
  }

  // Reads map columns back to the schema shapes; rows were validated on the way in.
  listDocuments(): Document[] {
    return this.stmts.listDocuments.all().map((r) => ({
      id: r.id,
      file: r.file,
      gemeente: r.gemeente,
      documentType: r.document_type,
      year: r.year,
      programme: r.programme,
      sourceFormat: r.source_format,
      bytes: r.bytes,
      metadataSource: r.metadata_source,
      // Older databases did not measure coverage: the fields stay absent, as in a document without them.
      ...(r.amounts_seen === null ? {} : { amountsSeen: r.amounts_seen, amountsRead: r.amounts_read }),
    }));
  }

  listTables(documentId?: string): Table[] {
    // iterated, not .all(): a whole database's rows are not held twice
    return Array.from(
      documentId === undefined
        ? this.stmts.listTables.iterate({ documentId: null })
        : this.stmts.listTablesOf.iterate({ documentId }),
      (r) => ({
        documentId: r.document_id,
        index: r.table_index,
        kind: r.kind,
        title: r.title,
        scale: r.scale,
        scaleText: r.scale_text,
        columns: JSON.parse(r.columns_json),
        signConvention: JSON.parse(r.sign_convention_json),
        line: r.line,
        page: r.page,
        ...(r.continues_above ? { continuesAbove: true } : {}),
      }),
    );
  }

  listFinancialFacts(documentId?: string): FinancialFact[] {
    // iterated, not .all(): a whole database's rows are not held twice
    const rows =
      documentId === undefined
        ? this.stmts.listFinancial.iterate({ documentId: null })
        : this.stmts.listFinancialOf.iterate({ documentId });
    return Array.from(rows as Iterable<unknown[]>, financialOfRow);
  }

  /** The financial facts of one table, by row and column (the report's evidence grids). */
  listTableFacts(documentId: string, tableIndex: number): FinancialFact[] {
    return (this.stmts.listFinancialOfTable.all(documentId, tableIndex) as unknown[][]).map(financialOfRow);
  }

  listIndicatorFacts(documentId?: string): IndicatorFact[] {
    // iterated, not .all(): a whole database's rows are not held twice
    const rows =
      documentId === undefined
        ? this.stmts.listIndicators.iterate({ documentId: null })
        : this.stmts.listIndicatorsOf.iterate({ documentId });
    return Array.from(rows as Iterable<unknown[]>, indicatorOfRow);
  }

  listDoelenboomGoals(documentId?: string): DoelenboomGoal[] {
    const parse = (v: string | null) => (v === null ? null : JSON.parse(v));
    return this.stmts.listGoals.all({ documentId: documentId ?? null }).map((r) => ({
      documentId: r.document_id,
      code: r.code,
      name: r.name,
      level: r.level,
      totaleLasten: parse(r.totale_lasten_json),
      scale: r.scale,
      claimedIndicators: parse(r.claimed_indicators_json),
      claimedActions: parse(r.claimed_actions_json),
      section: parse(r.section_json),
      provenance: { file: r.file, line: r.line, page: r.page, raw: r.raw },
    }));
  }

  listDoelenboomProducts(documentId?: string): DoelenboomProduct[] {
    const parse = (v: string | null) => (v === null ? null : JSON.parse(v));
    return this.stmts.listProducts.all({ documentId: documentId ?? null }).map((r) => ({
      documentId: r.document_id,
      doelstelling: r.doelstelling,
      thema: r.thema,
      product: r.product,
      lasten: parse(r.lasten_json),
      baten: parse(r.baten_json),
      scale: r.scale,
      provenance: { file: r.file, line: r.line, page: r.page, raw: r.raw },
    }));
  }

  listStatutoryIndicators(documentId?: string): StatutoryIndicator[] {
    return this.stmts.listStatutory.all({ documentId: documentId ?? null }).map((r) => ({
      documentId: r.document_id,
      nr: r.nr,
      beleidsveld: r.beleidsveld,
      name: r.name,
      unit: r.unit,
      year: r.year,
      score: r.score,
      decimals: r.decimals,
      percent: r.percent === 1,
      source: r.source,
      catalogueName: r.catalogue_name,
      matchesCatalogue: r.matches_catalogue === 1,
      provenance: { file: r.file, line: r.line, page: r.page, raw: r.raw },
    }));
  }

  listFindings(filter: FindingFilter = {}): Finding[] {
    const params = {
      documentId: filter.documentId ?? null,
      runId: filter.runId ?? null,
      minRank: severityRank[filter.minSeverity ?? 'info'],
    };
    return this.stmts.listFindings.all(params).map((r) => ({
      rule: r.rule,
      severity: r.severity,
      file: r.file,
      documentId: r.document_id,
      table: r.table_title,
      tableIndex: r.table_index,
      row: r.row_label,
      column: r.column_header,
      line: r.line,
      page: r.page,
      expected: r.expected,
      found: r.found,
      difference: r.difference,
      tolerance: r.tolerance,
      raw: r.raw,
      message: r.message,
      ...(r.evidence_json === null ? {} : { evidence: JSON.parse(r.evidence_json) }),
    }));
  }

  /** Every triage decision, oldest first. */
  listTriage(): TriageEntry[] {
    return this.stmts.listTriage.all().map((r) => ({
      fingerprint: r.fingerprint,
      rule: r.rule,
      file: r.file,
      documentId: r.document_id,
      table: r.table_title,
      tableIndex: r.table_index,
      row: r.row_label,
      column: r.column_header,
      line: r.line,
      page: r.page,
      expected: r.expected,
      found: r.found,
      status: r.status,
      comment: r.comment,
      by: r.by,
      at: r.at,
    }));
  }

  /**
   * Stores triage decisions in one transaction (all or none): each replaces the decision on the
   * same finding and any older one at its locus (the finding as it was before it changed).
   * An entry whose fingerprint is not that of its own fields is refused, naming it.
   */
  putTriage(entries: TriageEntry[], source = 'triage'): void {
    this.db.transaction(() => {
      entries.forEach((e, i) => {
        const r = TriageEntry.parse(e);
        if (fingerprintOf(r) !== r.fingerprint) {
          throw new Error(
            `${source}: entry ${i + 1} (${r.rule} at ` +
              `${r.file}${r.row ? `, ${r.row}` : ''}${r.column ? `, ${r.column}` : ''}): its fingerprint is ` +
              `not that of its rule, document, place and values`,
          );
        }
        const locus = locusOf(r);
        this.stmts.deleteTriageAt.run(locus, r.fingerprint);
        this.stmts.putTriage.run({ ...r, locus });
      });
    })();
  }

  /** Removes the decision on a finding; false when there was none. */
  clearTriage(fingerprint: string): boolean {
    return this.stmts.deleteTriage.run(fingerprint).changes > 0;
  }

  /** Row count per table. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'tables', 'financial_facts', 'indicator_facts', 'findings', 'runs']) {
      out[t] = this.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    }
    return out;
  }

  /** Per document: how many tables and facts are stored, counted in SQL rather than loaded. */
  documentCounts(documentId: string): { tables: number; financialFacts: number; indicatorFacts: number } {
    const count = (table: string) =>
      this.db.prepare(`SELECT count(*) FROM ${table} WHERE document_id = ?`).pluck().get(documentId) as number;
    return {
      tables: count('tables'),
      financialFacts: count('financial_facts'),
      indicatorFacts: count('indicator_facts'),
    };
  }

  close(): void {
    this.db.close();
  }

  private insertFinding(r: Finding, runId: number | null): void {
    this.stmts.insertFinding.run(
      r.documentId,
      runId,
      r.rule,
      r.severity,
      r.file,
      r.table,
      r.tableIndex,
      r.row,
      r.column,
      r.line,
      r.page,
      r.expected,
      r.found,
      r.difference,
      r.tolerance,
      r.raw,
      r.message,
      r.evidence ? JSON.stringify(r.evidence) : null,
      fingerprintOf(r),
    );
  }
}

function sameDocument(doc: Document, documentId: string, what: string): void {
  if (documentId !== doc.id) {
    throw new Error(`${doc.file}: ${what} belongs to document ${documentId}, not ${doc.id}`);
  }
}

/*
 * Fact rows are read as arrays (better-sqlite3's raw mode) of these columns, in this order: a
 * database holds hundreds of thousands of facts, and building a keyed object per row before the
 * record cost about as much again as the query (the rules over the whole database read them all).
 */
export const FINANCIAL_COLUMNS = `document_id, table_index, row_index, taakveld, row_label, line_item, group_label,
  is_total, column_index, column_header, column_kind, year, value, status, decimals, scale, file, line, page, raw`;

/** A financial_facts row (FINANCIAL_COLUMNS) as the record it stores. */
export function financialOfRow(row: unknown[]): FinancialFact {
  const [
    documentId,
    tableIndex,
    rowIndex,
    taakveld,
    rowLabel,
    lineItem,
    group,
    isTotal,
    columnIndex,
    columnHeader,
    columnKind,
    year,
    value,
    status,
    decimals,
    scale,
    file,
    line,
    page,
    raw,
  ] = row as any[];
  return {
    documentId,
    tableIndex,
    rowIndex,
    taakveld,
    rowLabel,
    lineItem,
    group,
    isTotal: isTotal === 1,
    columnIndex,
    columnHeader,
    columnKind,
    year,
    value,
    status,
    decimals,
    scale,
    provenance: { file, line, page, raw },
  };
}

export const INDICATOR_COLUMNS = `document_id, table_index, row_index, doelstelling, name, unit, column_index,
  column_header, column_kind, year, value, decimals, reference_year, footnote, reading, source, area, file, line, page, raw`;

/** An indicator_facts row (INDICATOR_COLUMNS) as the record it stores. */
export function indicatorOfRow(row: unknown[]): IndicatorFact {
  const [
    documentId,
    tableIndex,
    rowIndex,
    doelstelling,
    name,
    unit,
    columnIndex,
    columnHeader,
    columnKind,
    year,
    value,
    decimals,
    referenceYear,
    footnote,
    reading,
    source,
    area,
    file,
    line,
    page,
    raw,
  ] = row as any[];
  return {
    documentId,
    tableIndex,
    rowIndex,
    doelstelling,
    name,
    unit,
    columnIndex,
    columnHeader,
    columnKind,
    year,
    value,
    decimals,
    referenceYear,
    footnote,
    // absent unless set, as the schema has them
    ...(reading ? { reading } : {}),
    ...(source !== null ? { source } : {}),
    ...(area !== null ? { area } : {}),
    provenance: { file, line, page, raw },
  };
}
