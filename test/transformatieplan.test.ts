import { describe, expect, it } from 'vitest';
import { buildContext } from '../src/reconcile/rule.js';
import { evaluate } from '../src/arithmetic/relations.js';
import { processSample, TRANSFORMATIEPLAN } from './helpers.js';

/**
 * The Hengelo transformatieplan (PDF → markdown, tab-separated tables with inline markup and €
 * amounts). Every one of its tables adds up within rounding; verified by hand, e.g.
 *  - 2.3: −11.317 + 8.579 + 309 = −2.429 (2022), −11.113 + 7.157 + 184 = −3.772 (2023);
 *  - 10.3 "Financiële opgave": Totaal potentieel = −(besparingen + investeringen):
 *    −(1.287.750 − 315.000) = −972.750, and restant = 2.084.000 − 972.750 = 1.111.250;
 *  - WMO: Voorveld 1.748 − 1.263 = 485 (verschil = begroting − realisatie), Saldo WMO =
 *    Uitgaven 28.673 + Bijdragen −876 = 27.797;
 *  - Jeugd: ZIN 463 − 418 = 45, printed 46: within the rounding of three figures.
 */
const result = processSample(TRANSFORMATIEPLAN);
const byTitle = (t: string) => result.tables.find((x) => x.title.startsWith(t))!;

describe('Hengelo transformatieplan 2022', () => {
  it('finds no error and no warning: its tables add up', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('checks a footing for every total in its financial tables, and each holds', () => {
    const ctx = buildContext(result.document, result.tables, result.financial, result.indicators);
    const totals = new Map<string, string[]>();
    const distinct = new Set<string>();
    for (const { grid, relations } of ctx.arithmetic) {
      for (const rel of relations.filter((r) => r.kind === 'footing')) {
        expect(evaluate(grid, rel).status, `${grid.table.title} / ${grid.rows[rel.target.row].label}`).toBe('holds');
        const list = totals.get(grid.table.title) ?? [];
        const label = grid.rows[rel.target.row].label;
        if (!list.includes(label)) list.push(label);
        distinct.add(`${grid.table.index}:${label}`);
        totals.set(grid.table.title, list);
      }
    }
    expect(totals.get('WMO (bedragen * € 1.000)')).toEqual(['Uitgaven WMO', 'Bijdragen WMO', 'Saldo WMO']);
    expect(totals.get('Jeugd (bedragen * € 1.000)')).toEqual(['Uitgaven Jeugd', 'Saldo Jeugd']);
    expect(totals.get('Financiële opgave')).toEqual([
      'Totaal potentieel',
      'Opgave -/- besparingpotentieel = restant opgave',
    ]);
    expect(totals.get('10.4 Benodigd Transformatiebudget')).toEqual(['TOTAAL']);
    expect(totals.get('Gemiddelde aantallen')).toEqual(['Totaal']);
    // 2.3 (×2), "Waar moeten we mee aan de slag?" (×2), 10.2: one total each; 10.3: 2; 10.3.1–10.3.3,
    // 10.4, 10.5: one each; WMO 3, Jeugd 2, Gemiddelde aantallen 1.
    expect(distinct.size).toBe(18);
  });

  it('reads euro amounts with their sign, and says where a scale was inferred', () => {
    const opgave = byTitle('Financiële opgave');
    expect(opgave.scale).toBe(1);
    const restant = result.financial.filter(
      (f) => f.tableIndex === opgave.index && f.rowLabel.startsWith('Opgave -/-'),
    );
    expect(restant.map((f) => f.value)).toEqual([1111250, 3832900, 1794300, -10000]);
    const wmo = byTitle('WMO');
    expect(wmo.scale).toBe(1000);
    expect(wmo.columns.map((c) => c.kind)).toEqual([
      'begroting_primitief',
      'begroting_gewijzigd',
      'begroting_gewijzigd',
      'realisatie',
      'verschil',
    ]);
    const inferred = result.findings.filter((f) => f.rule === 'scale-inferred');
    expect(inferred.map((f) => f.line)).toEqual([270, 282, 1041, 1053]);
  });

  it('does not read text tables (contents, risks, abbreviations) as figures', () => {
    const other = result.tables.filter((t) => t.kind === 'other');
    expect(other.map((t) => t.title)).toContain('Inhoud');
    expect(result.financial.some((f) => other.some((t) => t.index === f.tableIndex))).toBe(false);
  });
});
