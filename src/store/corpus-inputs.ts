/**
 * The stored rows the corpus rules (src/reconcile/registry.ts, scope corpus) read, and no more: a
 * database of thousands of documents holds hundreds of thousands of facts, and loading them all
 * after every ingest cost more than reading the documents. Each rule filters its own input again,
 * so this is a superset of what they use and their findings are the same as over every fact
 * (test/corpus-inputs.test.ts compares both). A corpus rule that reads other facts widens the
 * filters here.
 */
import type { Table } from '../../schemas/index.js';
import type { CorpusDocument } from '../reconcile/corpus.js';
import { FINANCIAL_COLUMNS, INDICATOR_COLUMNS, financialOfRow, indicatorOfRow, type Store } from './index.js';

/**
 * Taakveld baten/lasten (and the saldo and unlabelled raming columns meerjarenraming-drift
 * compares) of the begroting, begroting primitief, meerjarenraming and realisatie columns.
 */
const FINANCIAL = `SELECT ${FINANCIAL_COLUMNS} FROM financial_facts
  WHERE taakveld IS NOT NULL
    AND line_item IN ('baten', 'lasten', 'saldo', 'other')
    AND status IN ('printed', 'empty')
    AND column_kind IN ('begroting', 'begroting_primitief', 'meerjarenraming', 'realisatie')
  ORDER BY document_id, table_index, row_index, column_index`;

/** Realised indicator values (indicator-consistency: targets may change, realisations not). */
const INDICATORS = `SELECT ${INDICATOR_COLUMNS} FROM indicator_facts
  WHERE value IS NOT NULL AND column_kind IN ('werkelijk', 'realisatie')
  ORDER BY document_id, table_index, row_index, column_index`;

/** Every stored document with its tables and the facts the corpus rules read. */
export function corpusInputs(store: Store): CorpusDocument[] {
  const byDocument = <T extends { documentId: string }>(rows: Iterable<unknown>, map: (r: never) => T) => {
    const out = new Map<string, T[]>();
    for (const row of rows) {
      const r = map(row as never);
      const list = out.get(r.documentId);
      if (list) list.push(r);
      else out.set(r.documentId, [r]);
    }
    return out;
  };
  const tables = byDocument(store.listTables(), (t: Table) => t);
  // iterated: the rows are not held twice; as arrays (raw), see FINANCIAL_COLUMNS
  const financial = byDocument(store.db.prepare(FINANCIAL).raw().iterate(), financialOfRow);
  const indicators = byDocument(store.db.prepare(INDICATORS).raw().iterate(), indicatorOfRow);
  return store.listDocuments().map((document) => ({
    document,
    tables: tables.get(document.id) ?? [],
    financial: financial.get(document.id) ?? [],
    indicators: indicators.get(document.id) ?? [],
  }));
}
