/**
 * Issue 15, item 3: triage that lasts, through the CLI on a copy of the real Hengelo 2023 sample
 * (its 6.72D Baten verschil printed 7 where 71 − 78 = −7). A decision survives re-ingesting the
 * unchanged document, is flagged for review when the document changes, and `report` / `check`
 * can leave decided findings out, also of --fail-on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HENGELO_2023_NAME, ingestedHengeloCopy, klopt } from './report-fixtures.js';

const NAME = HENGELO_2023_NAME;
const CLI_TIMEOUT = 60_000;
const ingestedCopy = ingestedHengeloCopy;

interface Listed {
  state: string;
  fingerprint: string;
  severity: string | null;
  rule: string;
  row: string | null;
  found: number | null;
  decision: { status: string; comment: string; by: string | null } | null;
}
const list = (db: string): Listed[] => JSON.parse(klopt('triage', 'list', '--db', db, '--format', 'json').stdout);
const errorsOf = (db: string) => list(db).filter((r) => r.severity === 'error');

describe('klopt triage', () => {
  it(
    'marks a finding by fingerprint prefix; the decision survives re-ingest, and a changed cell flags it for review',
    () => {
      const { file, db } = ingestedCopy();
      const errors = errorsOf(db);
      expect(errors.map((e) => [e.rule, e.row, e.state])).toEqual([
        ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 'new'],
        ['saldo-verschil', '6.73A Pleegzorg / Saldo', 'new'],
        ['saldo-verschil', '6.73B Gezinsgericht / Saldo', 'new'],
        ['missing-cell', '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo', 'new'],
      ]);
      const verschil = errors[0].fingerprint;
      const r = klopt(
        'triage',
        'mark',
        verschil.slice(0, 10),
        '--status',
        'explained',
        '--comment',
        'Sign as printed in the 2e berap',
        '--by',
        'A. Auditor',
        '--db',
        db,
      );
      expect(r.status).toBe(0);
      // files are recorded as given, relative to the working directory
      expect(r.stderr).toContain(
        `${verschil.slice(0, 12)} verschil (${relative(join(import.meta.dirname, '..'), file)}, 6.72D ` +
          `Jeugdhulp zonder verblijf overig / Baten, Verschil) marked explained`,
      );
      // an unchanged document read again (a new klopt run, same content): same fingerprint, same decision
      writeFileSync(file, readFileSync(file));
      expect(klopt('ingest', file, '--db', db).status).toBe(0);
      const again = errorsOf(db);
      expect(again[0]).toMatchObject({
        fingerprint: verschil,
        state: 'explained',
        decision: { status: 'explained', comment: 'Sign as printed in the 2e berap', by: 'A. Auditor' },
      });
      expect(again.slice(1).map((e) => e.state)).toEqual(['new', 'new', 'new']);
      // the document changes (the verschil cell 7 → 8): a new fingerprint, flagged for review with the earlier decision
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n78\n\n71\n\n7\n/, '\n78\n\n71\n\n8\n'));
      expect(klopt('ingest', file, '--db', db).status).toBe(0);
      const changed = errorsOf(db);
      expect(changed[0]).toMatchObject({
        rule: 'verschil',
        found: 8,
        state: 'review',
        decision: { status: 'explained', comment: 'Sign as printed in the 2e berap' },
      });
      expect(changed[0].fingerprint).not.toBe(verschil);
      // the other errors were never triaged: a changed document leaves them new
      expect(changed.slice(1).map((e) => e.state)).toEqual(['new', 'new', 'new']);
      // marking the changed finding settles the locus: no review left, the old decision replaced
      expect(
        klopt(
          'triage',
          'mark',
          changed[0].fingerprint,
          '--status',
          'accepted',
          '--comment',
          'Accepted after the correction',
          '--db',
          db,
        ).status,
      ).toBe(0);
      expect(list(db).filter((e) => e.state === 'review' || e.state === 'gone')).toEqual([]);
      const d = new Database(db, { readonly: true });
      expect(d.prepare('SELECT status, found FROM triage').all()).toEqual([{ status: 'accepted', found: 8 }]);
      d.close();
    },
    CLI_TIMEOUT,
  );

  it(
    'report and check leave triaged findings out with --hide-triaged, also of --fail-on, and count them by status',
    () => {
      const { dir, file, db } = ingestedCopy();
      for (const e of errorsOf(db)) {
        expect(
          klopt(
            'triage',
            'mark',
            e.fingerprint,
            '--status',
            e.rule === 'missing-cell' ? 'false-alarm' : 'explained',
            '--comment',
            `checked ${e.rule}`,
            '--db',
            db,
          ).status,
        ).toBe(0);
      }
      const shown = klopt('report', '--db', db, '--fail-on', 'error', '--format', 'json');
      expect(shown.status).toBe(1);
      expect(JSON.parse(shown.stdout).triage).toEqual({
        new: 11,
        review: 0,
        explained: 3,
        accepted: 0,
        'false-alarm': 1,
        hidden: 0,
      });
      expect(shown.stderr).toMatch(/; triage: 11 new, 3 explained, 1 false alarm\n$/);
      const hidden = klopt('report', '--db', db, '--fail-on', 'error', '--hide-triaged', '--format', 'json');
      expect(hidden.status).toBe(0);
      const out = JSON.parse(hidden.stdout);
      expect(out.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      expect(out.findings).toHaveLength(11);
      expect(hidden.stderr).toMatch(/4 error\(s\).*; triage: 11 new, 3 explained, 1 false alarm \(4 left out\)\n$/);
      const md = klopt('report', '--db', db, '--hide-triaged').stdout;
      expect(md).toContain(
        'Triage: 11 new, 3 explained, 1 false alarm; 4 triaged finding(s) left out (--hide-triaged).',
      );
      // check has no database: it reads the decisions from a triage file, as a baseline
      const triageFile = join(dir, 'triage.json');
      expect(klopt('triage', 'export', '--db', db, '--out', triageFile).status).toBe(0);
      expect(klopt('check', file, '--fail-on', 'error').status).toBe(1);
      const check = klopt(
        'check',
        file,
        '--fail-on',
        'error',
        '--triage',
        triageFile,
        '--hide-triaged',
        '--format',
        'csv',
      );
      expect(check.status).toBe(0);
      expect(check.stdout.split('\r\n')[0]).toBe(
        'rule,severity,file,table,row,column,line,page,expected,found,difference,tolerance,raw,message,fingerprint,triage,triage_comment',
      );
      expect(check.stdout).not.toContain(',error,');
      const csv = klopt('check', file, '--fail-on', 'never', '--triage', triageFile, '--format', 'csv').stdout;
      expect(csv).toMatch(/\nverschil,error,.*,[0-9a-f]{64},explained,checked verschil\r\n/);
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses a bad triage file naming file and entry, and writes nothing',
    () => {
      const { dir, db } = ingestedCopy();
      const [first] = errorsOf(db);
      const good = JSON.parse(klopt('triage', 'export', '--db', db).stdout);
      expect(good).toEqual({ klopt: 'triage', version: 1, entries: [] });
      const entry = (over: Record<string, unknown>) => ({
        fingerprint: first.fingerprint,
        rule: 'verschil',
        file: join(dir, NAME),
        documentId: null,
        table: null,
        tableIndex: null,
        row: first.row,
        column: 'Verschil',
        line: 1000,
        page: null,
        expected: -7,
        found: 7,
        status: 'explained',
        comment: 'ok',
        by: null,
        at: '2026-12-05T08:00:00.000Z',
        ...over,
      });
      const cases: Array<[string, string, RegExp]> = [
        ['not-json.json', '{"klopt": "triage",', /not-json\.json: not JSON/],
        [
          'no-comment.json',
          JSON.stringify({ klopt: 'triage', version: 1, entries: [entry({ comment: ' ' })] }),
          /no-comment\.json: not a klopt triage file: entry 1 \(comment\): a triage needs a comment saying why/,
        ],
        [
          'bad-status.json',
          JSON.stringify({ klopt: 'triage', version: 1, entries: [entry({ status: 'fine' })] }),
          /bad-status\.json: not a klopt triage file: entry 1 \(status\)/,
        ],
        // the finding's fields do not make its fingerprint: edited by hand
        [
          'tampered.json',
          JSON.stringify({ klopt: 'triage', version: 1, entries: [entry({ found: 8 })] }),
          /tampered\.json: entry 1 \(verschil, 6\.72D Jeugdhulp zonder verblijf overig \/ Baten, Verschil\): its fingerprint is not that of its rule, document, place and values/,
        ],
      ];
      for (const [name, text, message] of cases) {
        const path = join(dir, name);
        writeFileSync(path, text);
        const r = klopt('triage', 'import', path, '--db', db);
        expect(r.status, name).toBe(2);
        expect(r.stderr).toMatch(message);
      }
      const d = new Database(db, { readonly: true });
      expect(d.prepare('SELECT count(*) FROM triage').pluck().get()).toBe(0);
      d.close();
      expect(klopt('triage', 'mark', 'abcdef', '--status', 'explained', '--comment', 'x', '--db', db).stderr).toMatch(
        /no finding with fingerprint abcdef/,
      );
    },
    CLI_TIMEOUT,
  );
});
