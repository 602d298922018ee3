/**
 * Issue 15, item 2: grouped findings. Golden test on the samples, through `klopt report`: the
 * Hengelo 2023 sign errors are each one entry with their consequences (the Saldo 6 Sociaal domein
 * footing of the Verschil column, which the rule found explained by them); findings about one
 * printed line are one entry; reading notices are apart from the checks.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestedDatabase, klopt } from './report-fixtures.js';

const HENGELO_2023 = 'data/samples/hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt';
const HENGELO_2019 = 'data/samples/hengelo-begroting-2019-programma-6-sociaal-domein.txt';

interface JsonFinding {
  rule: string;
  row: string | null;
  column: string | null;
  severity: string;
  fingerprint: string;
}
interface JsonEntry {
  kind: string;
  rule: string;
  file: string;
  row: string | null;
  line: number | null;
  findings: string[];
  consequences: string[];
}

describe('grouped findings on the samples', () => {
  let out: { findings: JsonFinding[]; entries: JsonEntry[] };
  let html: string;
  beforeAll(() => {
    const db = ingestedDatabase();
    out = JSON.parse(klopt('report', '--db', db, '--format', 'json').stdout);
    const file = join(mkdtempSync(join(tmpdir(), 'klopt-groups-')), 'report.html');
    expect(klopt('report', '--db', db, '--format', 'html', '--out', file).status).toBe(0);
    html = readFileSync(file, 'utf8');
  });
  const byFingerprint = () => new Map(out.findings.map((f) => [f.fingerprint, f]));
  const describeFinding = (fp: string) => {
    const f = byFingerprint().get(fp)!;
    return `${f.rule} ${f.severity}: ${f.row} / ${f.column}`;
  };

  it(
    'Hengelo 2023: each sign error (and the missing cell) one entry, the footing they break listed under each ' +
      'as its consequence',
    () => {
      const checks = out.entries.filter((e) => e.file === HENGELO_2023 && e.kind === 'check');
      expect(checks.map((e) => [e.rule, e.row, e.findings.length, e.consequences.map(describeFinding)])).toEqual([
        // 71 − 78 = −7 printed 7: the saldo's verschil agrees with −7, so nothing else fails
        ['verschil', '6.72D Jeugdhulp zonder verblijf overig / Baten', 1, []],
        ['saldo-verschil', '6.73A Pleegzorg / Saldo', 1, ['column-footing info: Saldo 6 Sociaal domein / Verschil']],
        [
          'saldo-verschil',
          '6.73B Gezinsgericht / Saldo',
          1,
          ['column-footing info: Saldo 6 Sociaal domein / Verschil'],
        ],
        [
          'missing-cell',
          '6.74A Jeugdhulp behandeling GGZ zonder verblijf / Saldo',
          1,
          ['column-footing info: Saldo 6 Sociaal domein / Verschil'],
        ],
        ['explanation-sum', null, 1, []],
        ['taakveld-catalogue', '6.71 Maatwerkdienstverlening 18+', 1, []],
        ['taakveld-catalogue', '6.72 Maatwerkdienstverlening 18-', 1, []],
        ['taakveld-catalogue', '6.81 Geëscaleerde zorg 18+', 1, []],
        ['taakveld-catalogue', '6.82 Geëscaleerde zorg 18-', 1, []],
      ]);
      // the footing is no entry of its own
      expect(out.entries.some((e) => e.rule === 'column-footing')).toBe(false);
      const notices = out.entries.filter((e) => e.file === HENGELO_2023 && e.kind === 'reading').map((e) => e.rule);
      expect(notices).toEqual(['number-format', 'number-format', 'footnote-marker', 'scale-inferred', 'short-row']);
    },
  );

  it(
    'Hengelo 2019: the five share-of-total columns of one row are one entry; a heuristic-split and its ' +
      'label-boundary on one line are one',
    () => {
      const entries = out.entries.filter((e) => e.file === HENGELO_2019);
      const share = entries.filter((e) => e.rule === 'share-of-total');
      expect(share).toHaveLength(1);
      expect(share[0].findings.map((fp) => byFingerprint().get(fp)!.column)).toEqual([
        'Begroting 2018',
        'Begroting 2019',
        'Begroting 2020',
        'Begroting 2021',
        'Begroting 2022',
      ]);
      const split = entries.filter((e) => e.rule === 'heuristic-split');
      expect(split.map((e) => [e.line, e.kind, e.findings.map((fp) => byFingerprint().get(fp)!.rule)])).toEqual([
        [66, 'reading', ['heuristic-split']],
        [71, 'reading', ['heuristic-split', 'label-boundary']],
        [72, 'reading', ['heuristic-split', 'label-boundary']],
        [73, 'reading', ['heuristic-split', 'label-boundary']],
        [74, 'reading', ['heuristic-split', 'label-boundary']],
        [84, 'reading', ['heuristic-split']],
      ]);
      // every finding is in exactly one entry, or a consequence
      const placed = out.entries.flatMap((e) => e.findings);
      expect(new Set(placed).size).toBe(placed.length);
      const consequences = new Set(out.entries.flatMap((e) => e.consequences));
      expect(out.findings.filter((f) => !placed.includes(f.fingerprint) && !consequences.has(f.fingerprint))).toEqual(
        [],
      );
      expect(placed.length + consequences.size).toBe(out.findings.length);
    },
  );

  it('the HTML report lists checks and reading notices in their own sections, consequences under their entries', () => {
    const $ = load(html);
    expect(
      $('tbody.section')
        .toArray()
        .map((t) => $(t).attr('data-kind')),
    ).toEqual(['check', 'reading']);
    const kinds = $('tbody.finding')
      .toArray()
      .map((t) => $(t).attr('data-kind'));
    expect(kinds.indexOf('reading')).toBe(kinds.lastIndexOf('check') + 1);
    const pleegzorg = $('tbody.finding[data-rule="saldo-verschil"]').first();
    expect(pleegzorg.find('.consequences .group-title').text()).toBe('Consequences (1): what this breaks elsewhere');
    expect(pleegzorg.find('.consequences li').text()).toContain(
      'column-footing 6 Sociaal domein · Saldo 6 Sociaal domein · Verschil line 1388',
    );
    const share = $('tbody.finding[data-rule="share-of-total"]');
    expect(share.length).toBe(1);
    expect(share.attr('data-findings')).toBe('5');
    expect(share.find('.same li').length).toBe(4);
    expect($('#shown-count').text()).toBe('45 of 45 entries shown (53 findings)');
  });

  it(
    "shows a check's evidence as the grid of its stored cells, the offending cell marked, the compared ones " +
      'shaded, the source lines a click away',
    () => {
      const $ = load(html);
      const pleegzorg = $('tbody.finding[data-rule="saldo-verschil"]').first();
      const grid = pleegzorg.find('table.grid');
      expect(grid.find('caption').text()).toBe(
        '6 Sociaal domein: expected -16, printed 16 (line 1050); marked: this cell, shaded: the cells compared',
      );
      expect(
        grid
          .find('thead th')
          .toArray()
          .map((th) => $(th).text()),
      ).toEqual(['', 'Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil']);
      expect(
        grid
          .find('tbody tr')
          .toArray()
          .map((tr) =>
            $(tr)
              .find('th, td')
              .toArray()
              .map((c) => $(c).text()),
          ),
      ).toEqual([
        ['6.73A Pleegzorg / Baten', '-', '-', '-', '-'],
        ['6.73A Pleegzorg / Lasten', '-', '1.993', '2.009', '-16'],
        ['6.73A Pleegzorg', '-', '-1.993', '-2.009', '16'],
      ]);
      expect(grid.find('td.offending').text()).toBe('16');
      expect(
        grid
          .find('td.compared')
          .toArray()
          .map((td) => $(td).text()),
      ).toEqual(['-', '-16']);
      expect(pleegzorg.find('details.source-lines .src.focus .tx').text()).toBe('16');
      // the missing cell: its row, nothing printed where 44 belongs
      const missing = $('tbody.finding[data-rule="missing-cell"] table.grid');
      expect(missing.find('td.offending').text()).toBe('(not printed)');
      expect(missing.find('caption').text()).toContain('expected 44, printed nothing (line 1132)');
      // reading notices keep their source lines
      expect($('tbody.finding[data-kind="reading"] table.grid').length).toBe(0);
    },
  );
});
