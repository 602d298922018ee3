import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HENGELO_2023, SAMPLES, TRANSFORMATIEPLAN } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'klopt.js');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });

describe('klopt check', () => {
  it('prints one JSON object with documents and findings, and exits 1 on errors', () => {
    const r = klopt('check', HENGELO_2023, '--format', 'json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0]).toMatchObject({
      gemeente: 'Hengelo',
      documentType: 'jaarstukken',
      year: 2023,
      verdict: 'does not add up',
    });
    const errors = out.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toHaveLength(4);
    for (const f of out.findings) {
      for (const key of [
        'rule',
        'severity',
        'file',
        'table',
        'row',
        'column',
        'line',
        'page',
        'expected',
        'found',
        'message',
      ])
        expect(f).toHaveProperty(key);
    }
    expect(errors[0]).toMatchObject({
      rule: 'verschil',
      row: '6.72D Jeugdhulp zonder verblijf overig / Baten',
      column: 'Verschil',
      line: 1000,
      expected: -7,
      found: 7,
    });
    expect(r.stderr).toMatch(/1 document\(s\), 4 error\(s\)/);
  });

  it('exits 0 on a document that adds up, and with --fail-on never', () => {
    expect(klopt('check', TRANSFORMATIEPLAN, '--format', 'csv').status).toBe(0);
    expect(klopt('check', HENGELO_2023, '--fail-on', 'never').status).toBe(0);
    expect(klopt('check', TRANSFORMATIEPLAN, '--fail-on', 'info').status).toBe(1);
  }, 30_000);

  it('writes CSV with a header and one line per finding', () => {
    const r = klopt('check', HENGELO_2023, '--format', 'csv');
    const lines = r.stdout.trim().split(/\r?\n/);
    // the finding's fingerprint and triage state close each row (new: check read no triage file)
    expect(lines[0]).toBe(
      'rule,severity,file,table,row,column,line,page,expected,found,difference,tolerance,raw,message,fingerprint,triage,triage_comment',
    );
    expect(lines.some((l) => l.startsWith('saldo-verschil,error,') && l.includes('6.73A Pleegzorg / Saldo'))).toBe(
      true,
    );
  });

  it('exits 2 on usage errors, naming what is wrong', () => {
    const bad = klopt('check', HENGELO_2023, '--format', 'xml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/xml/);
    const missing = klopt('check', 'no/such/file.txt');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no/such/file.txt');
  });

  it('reports a file it cannot read, goes on with the others, and exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klopt-cli-'));
    const junk = join(dir, 'junk.txt');
    execFileSync('sh', ['-c', `printf 'a\\0b' > ${junk}`]);
    const r = klopt('check', junk, TRANSFORMATIEPLAN, '--format', 'json');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('junk.txt');
    const out = JSON.parse(r.stdout);
    expect(out.documents).toHaveLength(1);
    expect(out.findings.find((f: { rule: string }) => f.rule === 'unreadable-file')).toMatchObject({
      severity: 'error',
      file: expect.stringContaining('junk.txt'),
    });
  });
});

describe('klopt ingest and report', () => {
  it('stores the samples, changes nothing when run twice, and renders the stored findings', { timeout: 60_000 }, () => {
    const db = join(mkdtempSync(join(tmpdir(), 'klopt-db-')), 'klopt.sqlite');
    const first = klopt('ingest', SAMPLES, '--db', db, '--log-format', 'text');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt: ingested');
    const counts = () => {
      const d = new Database(db, { readonly: true });
      const c = Object.fromEntries(
        ['documents', 'tables', 'financial_facts', 'indicator_facts', 'findings'].map((t) => [
          t,
          (d.prepare(`select count(*) n from ${t}`).get() as { n: number }).n,
        ]),
      );
      d.close();
      return c;
    };
    const before = counts();
    expect(before.documents).toBe(5);
    const second = klopt('ingest', SAMPLES, '--db', db, '--log-format', 'text');
    expect(second.stdout).toContain('hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt: unchanged');
    expect(counts()).toEqual(before);

    const report = klopt('report', '--db', db, '--format', 'md');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('| 6.73A Pleegzorg / Saldo | Verschil | line 1050 | -16 | 16 |');
    expect(report.stdout).toMatch(/hengelo-jaarstukken-2023.*\*\*does not add up\*\*/);
    const json = JSON.parse(klopt('report', '--db', db, '--format', 'json').stdout);
    // Hengelo 2023's four, Enschede 2023's doelenboom total and Hengelo 2019's duplicated indicator row.
    const errors = json.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`).sort()).toEqual([
      'doelenboom-totals:9',
      'indicator-conflict:73',
      'missing-cell:1132',
      'saldo-verschil:1050',
      'saldo-verschil:1080',
      'verschil:1000',
    ]);

    const d = new Database(db, { readonly: true });
    const row = d
      .prepare(
        "select amount_eur from v_taakveld_year where taakveld = '6.73A' and line_item = 'lasten' and " +
          "column_kind = 'realisatie'",
      )
      .get() as { amount_eur: number };
    d.close();
    expect(row.amount_eur).toBe(2_009_000);
  });

  it('npm start writes the database, the report and the findings CSV', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'klopt-start-')), 'out');
    const r = klopt(
      'ingest',
      SAMPLES,
      '--db',
      join(out, 'klopt.sqlite'),
      '--report',
      join(out, 'report.md'),
      '--findings-csv',
      join(out, 'findings.csv'),
    );
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('# klopt — discrepancy report');
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).toContain('missing-cell,error,');
  });
});
