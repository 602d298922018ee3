import type { Severity } from '../../schemas/index.js';
import { corpusRules, iv3Rules } from './corpus-registry.js';
import { rules } from './registry.js';
import type { RuleDocs } from './rule.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  docs: RuleDocs;
  /** document: one document at a time; corpus: all documents (and IV3) of a run or database; iv3: the IV3 data alone. */
  scope: 'document' | 'corpus' | 'iv3';
}

/** Every rule klopt has, for listing, docs and configuration. */
export const allRules: RuleInfo[] = [
  ...rules.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs, scope: 'document' as const })),
  ...corpusRules.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs, scope: 'corpus' as const })),
  ...iv3Rules.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs, scope: 'iv3' as const })),
];

export const ruleIds = () => allRules.map((r) => r.id);
export const defaultSeverities = () => new Map(allRules.map((r) => [r.id, r.severity]));

/** docs/rules/<id>.md */
export function ruleMarkdown(r: RuleInfo): string {
  return `# \`${r.id}\`\n\nDefault severity: **${r.severity}** · scope: ${r.scope === 'document' ? 'each document' : r.scope === 'corpus' ? 'all documents of a run or database, and imported IV3 figures' : 'imported IV3 figures (klopt iv3 check)'}\n\n## What it checks\n\n${r.docs.description}\n\n## Why\n\n${r.docs.why}\n\n## Example from the samples\n\n${r.docs.example}\n\n## Configuration\n\nIn \`klopt.config.json\`: \`{ "rules": { "${r.id}": "error" | "warning" | "info" | "off" } }\`, or on the command line \`--rule ${r.id}=warning\`.\n`;
}
