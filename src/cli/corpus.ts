/** What check and ingest add for the rules over all documents, IV3 and klopt.config.json. */
import { createHash } from 'node:crypto';
import type { Finding } from '../../schemas/index.js';
import { applyConfig, loadConfig, withRuleOptions, type KloptConfig } from '../config.js';
import { readIv3File, type Iv3Figure } from '../iv3/read.js';
import { listIv3Figures } from '../iv3/store.js';
import type { IngestOptions } from '../ingest/index.js';
import type { CorpusDocument } from '../reconcile/corpus.js';
import { rulesOf, runRules } from '../reconcile/registry.js';
import { corpusInputs } from '../store/corpus-inputs.js';
import type { Store } from '../store/index.js';

export function configFrom(opts: { config?: string; rule?: string[] }): KloptConfig {
  return withRuleOptions(loadConfig(opts.config), opts.rule ?? []);
}

/** Scale of a finding's amounts: its table's, or 1 for findings in euros. */
function scaleLookup(docs: CorpusDocument[]) {
  const scales = new Map<string, number>();
  for (const d of docs) for (const t of d.tables) scales.set(`${d.document.id}|${t.index}`, t.scale);
  return (f: Finding) => (f.tableIndex === null ? 1 : (scales.get(`${f.documentId}|${f.tableIndex}`) ?? 1));
}

export function configure(findings: Finding[], config: KloptConfig, docs: CorpusDocument[]): Finding[] {
  return applyConfig(findings, config, scaleLookup(docs));
}

/** The corpus rules over the documents of one `klopt check` run and the IV3 files given. */
export function corpusFindings(docs: CorpusDocument[], iv3Files: string[]): Finding[] {
  const iv3: Iv3Figure[] = iv3Files.flatMap((f) => readIv3File(f).figures);
  return runRules('corpus', { documents: docs, iv3 }).findings;
}

/**
 * The corpus rules over everything stored: their previous findings are replaced in one
 * transaction, so re-running ingest never duplicates them. Null when nothing they read changed
 * since they last ran (their stored findings stand).
 */
export function recheckStore(store: Store, runId: number, config: KloptConfig, version = ''): Finding[] | null {
  // Their inputs: the documents (facts follow from id, metadata and the version that read
  // them), the IV3 figures and the configuration. Unchanged since the last check: its findings
  // stand, and a no-op nightly run does not reload every fact of the database.
  const hash = createHash('sha256').update(JSON.stringify({ version, config }));
  for (const r of store.db
    .prepare(
      'SELECT id, file, gemeente, document_type, year, programme, source_format, metadata_source FROM ' +
        'documents ORDER BY id',
    )
    .raw()
    .iterate())
    hash.update(JSON.stringify(r));
  hash.update('|iv3|');
  for (const r of store.db.prepare('SELECT * FROM iv3_figures ORDER BY rowid').raw().iterate())
    hash.update(JSON.stringify(r));
  const fingerprint = hash.digest('hex');
  const last = store.db.prepare<[], string>('SELECT fingerprint FROM corpus_check WHERE id = 1').pluck().get();
  if (last === fingerprint) return null;
  // Only the facts they read, for the whole database at once: this runs after every ingest that changed something.
  const docs = corpusInputs(store);
  const findings = configure(
    runRules('corpus', { documents: docs, iv3: listIv3Figures(store) }).findings,
    config,
    docs,
  );
  const ids = rulesOf('corpus').map((r) => r.id);
  store.db.transaction(() => {
    store.db.prepare(`DELETE FROM findings WHERE rule IN (${ids.map(() => '?').join(', ')})`).run(...ids);
    store.addFindings(findings, runId);
    store.db
      .prepare(
        `INSERT INTO corpus_check (id, fingerprint, checked_at) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, checked_at = excluded.checked_at`,
      )
      .run(fingerprint, new Date().toISOString());
  })();
  return findings;
}

/**
 * What `klopt ingest` adds to ingest(): each document's findings configured as it is read, and
 * the corpus rules over the whole database once everything is written. One function, so the
 * bench measures what users run.
 */
export function ingestHooks(
  config: KloptConfig,
  version: string,
): Required<Pick<IngestOptions, 'transform' | 'afterWrite'>> {
  return {
    transform: (doc) => ({ ...doc, findings: configure(doc.findings, config, [doc]) }),
    afterWrite: (store, runId) => void recheckStore(store, runId, config, version),
  };
}
