import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/index.js';
import { processSample, sample } from './helpers.js';

const ENSCHEDE_2018 = processSample(
  sample('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt'),
);
const ENSCHEDE_2023 = processSample(sample('enschede-jaarstukken-2023-programma-2.1-vitaal-en-sociaal.txt'));

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klopt-structures-'));
  store = openStore(join(dir, 'klopt.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store: doelenboom and statutory indicators', () => {
  it('stores what processFile read, and gives it back unchanged', () => {
    store.replaceDocument(ENSCHEDE_2018);
    store.replaceDocument(ENSCHEDE_2023);
    expect(store.listDoelenboomGoals(ENSCHEDE_2023.document.id)).toEqual(ENSCHEDE_2023.structures.goals);
    expect(store.listDoelenboomProducts(ENSCHEDE_2018.document.id)).toEqual(ENSCHEDE_2018.structures.products);
    expect(store.listStatutoryIndicators(ENSCHEDE_2018.document.id)).toEqual(ENSCHEDE_2018.structures.statutory);
    expect(store.listStatutoryIndicators(ENSCHEDE_2023.document.id)).toEqual(ENSCHEDE_2023.structures.statutory);
    expect(store.listStatutoryIndicators()).toHaveLength(7 + 10);
    expect(store.listDoelenboomGoals(ENSCHEDE_2018.document.id)).toEqual([]);
  });

  it('answers the doelenboom-counts question in SQL: claimed "Aantal acties" vs the actions each section lists', () => {
    store.replaceDocument(ENSCHEDE_2023);
    const rows = store.db
      .prepare(
        `SELECT code, claimed_indicators, listed_indicators, claimed_actions, listed_actions,
          json_extract(claimed_actions_json, '$.line') FROM doelenboom_goals WHERE level = 'subdoel' AND claimed_actions <> listed_actions ORDER BY goal_index`,
      )
      .raw()
      .all();
    // the seven subdoelen the doelenboom-counts rule reports, at their "Aantal acties: 0" (lines 11 … 29)
    expect(rows).toEqual([
      ['01.01', 6, 6, 0, 2, 11],
      ['01.02', 3, 3, 0, 6, 13],
      ['02.01', 2, 2, 0, 14, 18],
      ['02.02', 3, 3, 0, 3, 20],
      ['03.01', 5, 5, 0, 5, 25],
      ['03.02', 6, 6, 0, 6, 27],
      ['03.03', 1, 1, 0, 8, 29],
    ]);
    const doelen = store.db
      .prepare(`SELECT code, totale_lasten, scale FROM doelenboom_goals WHERE level = 'doel' ORDER BY goal_index`)
      .raw()
      .all();
    expect(doelen).toEqual([
      ['01', 252647, 1000],
      ['02', 32884, 1000],
      ['03', 191058, 1000],
    ]);
    const byNr = store.db
      .prepare('SELECT nr, year, score, percent FROM statutory_indicators WHERE nr = 32')
      .raw()
      .all();
    expect(byNr).toEqual([[32, 2022, 1060, 0]]);
  });

  it("replaces a document's structures when it is stored again, and deletes them with it", () => {
    store.replaceDocument(ENSCHEDE_2018);
    store.replaceDocument(ENSCHEDE_2018);
    expect(store.listDoelenboomProducts()).toHaveLength(9);
    expect(store.listStatutoryIndicators()).toHaveLength(7);
    store.db.prepare('DELETE FROM documents WHERE id = ?').run(ENSCHEDE_2018.document.id);
    expect(store.listDoelenboomProducts()).toEqual([]);
    expect(store.listStatutoryIndicators()).toEqual([]);
  });

  it('writes nothing when a structure record is invalid or belongs to another document', () => {
    store.replaceDocument(ENSCHEDE_2018);
    const foreign = {
      ...ENSCHEDE_2023,
      structures: { ...ENSCHEDE_2023.structures, statutory: [ENSCHEDE_2018.structures.statutory[0]] },
    };
    expect(() => store.replaceDocument(foreign)).toThrow(/statutory indicator belongs to document/);
    const bad = {
      ...ENSCHEDE_2023,
      structures: {
        ...ENSCHEDE_2023.structures,
        goals: [{ ...ENSCHEDE_2023.structures.goals[0], level: 'programma' as 'doel' }],
      },
    };
    expect(() => store.replaceDocument(bad)).toThrow();
    expect(store.listDocuments().map((d) => d.id)).toEqual([ENSCHEDE_2018.document.id]);
    expect(store.listDoelenboomGoals()).toEqual([]);
    expect(store.listStatutoryIndicators()).toEqual(ENSCHEDE_2018.structures.statutory);
  });
});
