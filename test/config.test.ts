import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as allRules, ruleMarkdown } from '../src/reconcile/registry.js';
import { HENGELO_2023 } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'klopt.js'), ...args], { encoding: 'utf8', cwd: ROOT });
const findings = (r: { stdout: string }) =>
  JSON.parse(r.stdout).findings as { rule: string; severity: string; message: string }[];

describe('rule catalogue', () => {
  it('klopt rules lists every rule with id, severity and scope; docs/rules/<id>.md is current for each', () => {
    const out = klopt('rules').stdout.trim().split('\n');
    expect(out).toHaveLength(allRules.length);
    for (const r of allRules) {
      expect(out.some((l) => l.startsWith(r.id) && l.includes(r.severity) && l.includes(r.scope))).toBe(true);
      // regenerate with: klopt rules --write-docs docs/rules
      expect(readFileSync(join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8')).toBe(ruleMarkdown(r));
    }
  });
});

describe('klopt.config.json and --rule', { timeout: 60_000 }, () => {
  it('overrides severities, disables rules and marks immaterial differences as info', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-config-'));
    const config = join(dir, 'klopt.config.json');
    writeFileSync(
      config,
      JSON.stringify({ rules: { 'taakveld-catalogue': 'off', verschil: 'info' }, materiality: { absolute: 20000 } }),
    );
    const base = findings(klopt('check', HENGELO_2023, '--format', 'json', '--fail-on', 'never'));
    expect(base.filter((f) => f.rule === 'taakveld-catalogue')).toHaveLength(4);
    const r = findings(klopt('check', HENGELO_2023, '--format', 'json', '--fail-on', 'never', '--config', config));
    expect(r.filter((f) => f.rule === 'taakveld-catalogue')).toEqual([]);
    expect(r.find((f) => f.rule === 'verschil')?.severity).toBe('info');
    // the sign errors of 6.73A/6.73B differ by 32 and 62 (× 1.000): above € 20.000 they stay errors
    expect(r.filter((f) => f.rule === 'saldo-verschil').map((f) => f.severity)).toEqual(['error', 'error']);
    // the explanation of 6.73c differs by € 21.000: not below the threshold, stays a warning; at € 25.000 it is info
    expect(r.find((f) => f.rule === 'explanation-sum')?.severity).toBe('warning');
    const cli = findings(
      klopt(
        'check',
        HENGELO_2023,
        '--format',
        'json',
        '--fail-on',
        'never',
        '--config',
        config,
        '--rule',
        'explanation-sum=error',
      ),
    );
    expect(cli.find((f) => f.rule === 'explanation-sum')?.severity).toBe('error');
    writeFileSync(config, JSON.stringify({ materiality: { absolute: 25000 } }));
    const m = findings(klopt('check', HENGELO_2023, '--format', 'json', '--fail-on', 'never', '--config', config)).find(
      (f) => f.rule === 'explanation-sum',
    )!;
    expect(m.severity).toBe('info');
    expect(m.message).toContain('Below the materiality threshold');
  });

  it('refuses an unknown rule or a bad setting with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-config-'));
    const config = join(dir, 'klopt.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const r = klopt('check', HENGELO_2023, '--config', config);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown rule(s) no-such-rule');
    expect(klopt('check', HENGELO_2023, '--rule', 'verschil=loud').status).toBe(2);
  });
});
