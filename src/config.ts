/**
 * klopt.config.json: per-rule severity ("off" disables a rule) and a materiality threshold.
 * {
 *   "rules": { "iv3-taakveld": "error", "meerjarenraming-drift": "off" },
 *   "materiality": { "absolute": 10000, "relative": 0.001 }
 * }
 * A finding whose difference is below the materiality threshold (in euros, and relative to the
 * expected figure; both where both are set) is kept, as info, saying so: nothing is dropped unseen.
 *
 * The one place where severities are configured: the rules (src/reconcile/registry.ts) report at
 * their default severity, and applyConfig sets what the configuration says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { Severity, type Finding } from '../schemas/index.js';
import { UsageError } from './pipeline/files.js';
import { defaultSeverities, ruleIds } from './reconcile/registry.js';

export const KloptConfig = z
  .object({
    rules: z.record(z.string(), z.union([Severity, z.literal('off')])).default({}),
    materiality: z
      .object({ absolute: z.number().nonnegative().optional(), relative: z.number().nonnegative().optional() })
      .strict()
      .default({}),
  })
  .strict();
export type KloptConfig = z.infer<typeof KloptConfig>;

export class ConfigError extends UsageError {}

export function loadConfig(path: string | undefined, knownRules: string[] = ruleIds()): KloptConfig {
  const file = path ?? (existsSync('klopt.config.json') ? 'klopt.config.json' : null);
  if (!file) return KloptConfig.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
  const parsed = KloptConfig.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const unknown = Object.keys(parsed.data.rules).filter((r) => !knownRules.includes(r));
  if (unknown.length) throw new ConfigError(`${file}: unknown rule(s) ${unknown.join(', ')} (see klopt rules)`);
  return parsed.data;
}

/** "--rule iv3-taakveld=error" options on top of the file's settings. */
export function withRuleOptions(config: KloptConfig, options: string[], knownRules: string[] = ruleIds()): KloptConfig {
  const rules = { ...config.rules };
  for (const o of options) {
    const m = /^([a-z0-9-]+)=(error|warning|info|off)$/.exec(o);
    if (!m) throw new ConfigError(`--rule ${o}: expected <rule-id>=error|warning|info|off`);
    if (!knownRules.includes(m[1])) throw new ConfigError(`--rule ${o}: unknown rule ${m[1]} (see klopt rules)`);
    rules[m[1]] = m[2] as Severity | 'off';
  }
  return { ...config, rules };
}

/**
 * Severity overrides (only findings at the rule's default severity change; a footing finding a
 * rule already judged info stays info), disabled rules, and materiality. `scaleOf` gives the
 * euro scale of a finding's amounts (its table's scale; 1 for findings in euros).
 */
export function applyConfig(
  findings: Finding[],
  config: KloptConfig,
  scaleOf: (f: Finding) => number,
  defaults: Map<string, Severity> = defaultSeverities(),
): Finding[] {
  const { absolute, relative } = config.materiality;
  const out: Finding[] = [];
  for (const f of findings) {
    const override = config.rules[f.rule];
    if (override === 'off') continue;
    let g = override && f.severity === defaults.get(f.rule) ? { ...f, severity: override } : f;
    if ((absolute !== undefined || relative !== undefined) && g.difference !== null && g.severity !== 'info') {
      const euros = Math.abs(g.difference * scaleOf(g));
      const rel = g.expected ? Math.abs(g.difference / g.expected) : Infinity;
      const belowAbs = absolute === undefined || euros < absolute;
      const belowRel = relative === undefined || rel < relative;
      if (belowAbs && belowRel)
        g = {
          ...g,
          severity: 'info',
          message:
            `${g.message} Below the materiality threshold ` +
            `(${[absolute !== undefined ? `€ ${absolute}` : null, relative !== undefined ? `${relative * 100}%` : null].filter(Boolean).join(' and ')}): ` +
            `reported as info.`,
        };
    }
    out.push(g);
  }
  return out;
}
