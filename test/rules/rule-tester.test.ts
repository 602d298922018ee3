import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/reconcile/registry.js';
import { message } from '../../src/reconcile/rule.js';
import { hengeloRows, processText } from '../helpers.js';
import { expectValid } from './rule-tester.js';

const TEST = join(import.meta.dirname, '..');

describe('the rule tester', () => {
  it('has a table of valid and invalid cases for every rule of the list', () => {
    const files = [
      ...readdirSync(join(TEST, 'rules')).map((f) => join(TEST, 'rules', f)),
      join(TEST, 'cross-document.test.ts'),
    ];
    const tables = new Set(
      files
        .filter((f) => f.endsWith('.test.ts'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/ruleTester\('([a-z0-9-]+)'/g)].map((m) => m[1])),
    );
    expect(rules.map((r) => r.id).filter((id) => !tables.has(id))).toEqual([]);
  });

  it('does not pass a valid case whose table was not read: no finding is not enough', () => {
    // Prose only: no table, so no relation for the arithmetic rules to evaluate.
    const prose = processText('De gemeente heeft in 2023 veel bereikt.\n');
    expect(prose.findings.filter((f) => f.rule === 'saldo-arithmetic')).toEqual([]);
    expect(() => expectValid('saldo-arithmetic', prose)).toThrow(/evaluated nothing/);
    // A saldo row of one cell the arithmetic cannot place (Hengelo 2023 layout): its cells are unreadable, its saldo
    // unknown.
    const short = hengeloRows([
      ['Baten', '-', '-', '-', '-'],
      ['Lasten', '5', '5', '-', '-'],
      ['6.74A Jeugdhulp behandeling GGZ zonder verblijf', '-5'],
    ]);
    expect(short.findings.filter((f) => f.rule === 'saldo-arithmetic')).toEqual([]);
    expect(() => expectValid('saldo-arithmetic', short)).toThrow(/evaluated nothing/);
  });

  it('holds a valid case to the number of relations it says were evaluated', () => {
    const r = hengeloRows([
      ['Baten', '831', '21.118', '21.246', '128'],
      ['Lasten', '14.015', '24.335', '22.699', '1.636'],
      ['6.1 Samenkracht en burgerparticipatie', '-13.184', '-3.217', '-1.453', '1.764'],
    ]);
    expect(() => expectValid('saldo-arithmetic', r, 3)).not.toThrow();
    expect(() => expectValid('saldo-arithmetic', r, 4)).toThrow(/relations evaluated/);
    expect(() => expectValid('no-such-rule', r)).toThrow(/did not run/);
  });
});

describe('message templates', () => {
  it('fill each {name} once, leave braces in values alone, and refuse a name without a value', () => {
    expect(
      message('{row}, {column}: {why}', { row: '6.1 {x}', column: 'Verschil', why: 'saldo = baten − lasten' }),
    ).toBe('6.1 {x}, Verschil: saldo = baten − lasten');
    expect(() => message('{row}: {missing}', { row: 'r' })).toThrow(/no value for \{missing\}/);
  });
});
