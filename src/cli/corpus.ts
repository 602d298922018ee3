/** What check and ingest add for the rules over all documents, IV3 and klopt.config.json. */
import { Option, type Command } from 'commander';
import type { Finding } from '../../schemas/index.js';
import { applyConfig, loadConfig, withRuleOptions, type KloptConfig } from '../config.js';
import { readIv3File, type Iv3Figure } from '../iv3/read.js';
import { listIv3Figures } from '../iv3/store.js';
import { defaultSeverities, ruleIds } from '../reconcile/all-rules.js';
import type { CorpusDocument } from '../reconcile/corpus.js';
import { corpusRules, reconcileCorpus } from '../reconcile/corpus-registry.js';
import type { Store } from '../store/index.js';

export function addConfigOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'klopt.config.json with rule severities and materiality (default: ./klopt.config.json if present)')
    .addOption(new Option('--rule <id=severity...>', 'override a rule: <id>=error|warning|info|off (repeatable)').default([]));
}

export function configFrom(opts: { config?: string; rule?: string[] }): KloptConfig {
  return withRuleOptions(loadConfig(opts.config, ruleIds()), opts.rule ?? [], ruleIds());
}

/** Scale of a finding's amounts: its table's, or 1 for findings in euros. */
function scaleLookup(docs: CorpusDocument[]) {
  const scales = new Map<string, number>();
  for (const d of docs) for (const t of d.tables) scales.set(`${d.document.id}|${t.index}`, t.scale);
  return (f: Finding) => (f.tableIndex === null ? 1 : (scales.get(`${f.documentId}|${f.tableIndex}`) ?? 1));
}

export function configure(findings: Finding[], config: KloptConfig, docs: CorpusDocument[]): Finding[] {
  return applyConfig(findings, config, defaultSeverities(), scaleLookup(docs));
}

/** The corpus rules over the documents of one `klopt check` run and the IV3 files given. */
export function corpusFindings(docs: CorpusDocument[], iv3Files: string[]): Finding[] {
  const iv3: Iv3Figure[] = iv3Files.flatMap((f) => readIv3File(f).figures);
  return reconcileCorpus({ documents: docs, iv3 });
}

/**
 * The corpus rules over everything stored: their previous findings are replaced in one
 * transaction, so re-running ingest never duplicates them.
 */
export function recheckStore(store: Store, runId: number, config: KloptConfig): Finding[] {
  const docs: CorpusDocument[] = store.listDocuments().map((document) => ({
    document,
    tables: store.listTables(document.id),
    financial: store.listFinancialFacts(document.id),
    indicators: store.listIndicatorFacts(document.id),
  }));
  const findings = configure(reconcileCorpus({ documents: docs, iv3: listIv3Figures(store) }), config, docs);
  const ids = corpusRules.map((r) => r.id);
  store.db.transaction(() => {
    store.db.prepare(`DELETE FROM findings WHERE rule IN (${ids.map(() => '?').join(', ')})`).run(...ids);
    store.addFindings(findings, runId);
  })();
  return findings;
}
