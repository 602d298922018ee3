/**
 * Issue 15, item 6: the tolerance a finding stores (and the report shows) is the one its message
 * states and the check used. Checked on every finding with a tolerance the samples, their HTML
 * pages and the real pages give, and on the corpus and text findings of edited sample copies.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../schemas/index.js';
import { processFile } from '../src/pipeline/index.js';
import { runRules } from '../src/reconcile/registry.js';
import { readIv3File } from '../src/iv3/read.js';
import { renderReport } from '../src/report/index.js';
import { findingsOf, HENGELO_2023, processSample, sample, SAMPLES } from './helpers.js';
import { hengeloJaarstukken2019Copy, mutatedSample, processCopy } from './mutate.js';

const ROOT = join(import.meta.dirname, '..');
const ENSCHEDE_2023 = 'enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt';
const HENGELO_2019 = 'hengelo-begroting-2019-programma-6-sociaal-domein.txt';

/** A Dutch figure as a message prints it: 1.500 → 1500, 0,515 → 0.515. */
const dutch = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/**
 * The tolerance a message states: the first "±X" after the word tolerance; with "× S = ±Y euro"
 * after it where the table's unit is not one euro (then X is in the table's unit, Y = X · S).
 */
function stated(message: string): { value: number; euros?: number; scale?: number } | null {
  const m = /tolerance[^±]{0,30}±([\d.]+(?:,\d+)?)(?: × ([\d.]+) = ±([\d.]+(?:,\d+)?) euro)?/.exec(message);
  if (!m) return null;
  return m[2] ? { value: dutch(m[1]), scale: dutch(m[2]), euros: dutch(m[3]) } : { value: dutch(m[1]) };
}

function expectStatedAsStored(findings: Finding[]) {
  const withTolerance = findings.filter((f) => f.tolerance !== null);
  for (const f of withTolerance) {
    const s = stated(f.message);
    expect(s, `${f.rule} at ${f.file}:${f.line}: message states no tolerance: ${f.message}`).not.toBeNull();
    expect(s!.value, `${f.rule} at ${f.file}:${f.line}: ${f.message}`).toBe(f.tolerance);
    if (s!.scale !== undefined) expect(s!.euros).toBeCloseTo(f.tolerance! * s!.scale, 6);
  }
  return withTolerance.length;
}

describe('tolerance: stored, stated and shown alike', () => {
  it('Enschede 2023 doelenboom-totals: ±0,515 (× 1.000) stored, stated and shown, not "±0,5"', () => {
    const f = findingsOf(processSample(sample(ENSCHEDE_2023)), 'doelenboom-totals')[0];
    // three doelen figures (± 5 euro each) and the Lasten cell (± 500 euro), in the table's unit of € 1.000
    expect(f.tolerance).toBe(0.515);
    expect(f.message).toMatch(/rounding tolerance ±0,515$/);
    const $ = load(renderReport({ documents: [], findings: [f] }, 'html'));
    expect($('tbody.finding tr.head td').last().text()).toBe('±0,515');
  });

  it('Hengelo 2023 explanation-sum: ±1,5 euro (two items and the claim, ± 0,5 each), not "±2 euro"', () => {
    const f = findingsOf(processSample(HENGELO_2023), 'explanation-sum')[0];
    expect([f.expected, f.found, f.tolerance]).toEqual([-889000, -910000, 1.5]);
    expect(f.message).toContain('tolerance ±1,5 euro');
  });

  it('Hengelo 2019 share-of-total states the tolerance it stores: ±0,1167 for 47,5%, ±0,5667 for 47%', () => {
    const found = findingsOf(processSample(sample(HENGELO_2019)), 'share-of-total');
    expect(found.map((f) => [f.column, f.tolerance])).toEqual([
      ['Begroting 2018', 0.1167],
      ['Begroting 2019', 0.5667],
      ['Begroting 2020', 0.5667],
      ['Begroting 2021', 0.5667],
      ['Begroting 2022', 0.5667],
    ]);
    expect(found[0].message).toContain('(tolerance ±0,1167: the printed share ±0,05, the counts ±0,0667)');
  });

  it(
    'every finding of the samples, their HTML pages and the real pages states the tolerance it stores',
    { timeout: 60_000 },
    () => {
      const files = [
        ...readdirSync(SAMPLES)
          .filter((n) => n !== 'manifest.csv')
          .map((n) => sample(n)),
        ...['test/fixtures/html', 'test/fixtures/real-pages'].flatMap((d) =>
          readdirSync(join(ROOT, d))
            .filter((n) => /\.(txt|html)$/.test(n))
            .map((n) => join(ROOT, d, n)),
        ),
      ];
      const docs = files.map((f) => (f.startsWith(SAMPLES) ? processSample(f) : processFile(f)));
      const iv3 = readdirSync(join(ROOT, 'data/iv3'))
        .filter((n) => n.endsWith('.csv'))
        .flatMap((n) => readIv3File(join(ROOT, 'data/iv3', n)).figures);
      const findings = [...docs.flatMap((d) => d.findings), ...runRules('corpus', { documents: docs, iv3 }).findings];
      const rules = new Set(findings.filter((f) => f.tolerance !== null).map((f) => f.rule));
      expect(expectStatedAsStored(findings)).toBeGreaterThan(50);
      expect([...rules].sort()).toEqual(
        expect.arrayContaining([
          'column-footing',
          'doelenboom-totals',
          'explanation-sum',
          'iv3-taakveld',
          'saldo-verschil',
          'share-of-total',
          'verschil',
        ]),
      );
      // and the report shows each as the message states it
      const $ = load(renderReport({ documents: [], findings }, 'html'));
      const shown = $('tbody.finding')
        .toArray()
        .map((tb) => [$(tb).find('tr.head td').last().text(), $(tb).find('p.message').text()]);
      for (const [cell, message] of shown.filter(([c]) => c !== ''))
        expect(dutch(cell.slice(1))).toBe(stated(message)!.value);
    },
  );

  it('corpus and text findings of edited copies state theirs in the table unit and in euros', () => {
    // begroting-primitief: a jaarstukken "2019" copy of Hengelo 2023 against the begroting 2019 (× 1.000)
    const primitief = runRules('corpus', {
      documents: [processCopy(hengeloJaarstukken2019Copy()), processSample(sample(HENGELO_2019))],
      iv3: [],
    }).findings.filter((f) => f.rule === 'begroting-primitief');
    expect(primitief.length).toBeGreaterThan(0);
    expect(primitief[0].message).toContain('rounding tolerance ±1 × 1.000 = ±1.000 euro');
    // text-vs-table: "1,4 miljoen" (± 50.000) changed to positief against −1.394 (× 1.000, ± 500)
    const text = findingsOf(
      processCopy(
        mutatedSample(ENSCHEDE_2023, [
          [/resultaat van\s1,4\smiljoen\seuro\snegatief/, 'resultaat van 1,4 miljoen euro positief'],
        ]),
      ),
      'text-vs-table',
    );
    expect(text.map((f) => f.tolerance)).toEqual([50.5]);
    expect(text[0].message).toContain('tolerance ±50,5 × 1.000 = ±50.500 euro');
    expect(expectStatedAsStored([...primitief, ...text])).toBe(primitief.length + 1);
  });
});
