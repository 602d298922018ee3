/** IV3 figures in the klopt database (tables of migration 2). */
import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';
import type { Iv3Figure, Iv3File, Iv3Population } from './read.js';

/** Stores one IV3 file in one transaction: its rows replace those of the same gemeente, year, kind and taakveld. */
export function importIv3(
  store: Store,
  input: Iv3File,
  content: string,
): { importId: number; figures: number; population: number } {
  const db = store.db;
  return db.transaction(() => {
    const importId = Number(
      db
        .prepare('INSERT INTO iv3_imports (file, sha256, format, rows, imported_at) VALUES (?, ?, ?, ?, ?)')
        .run(
          input.file,
          createHash('sha256').update(content).digest('hex'),
          input.format,
          input.figures.length,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    const fig =
      db.prepare(`INSERT OR REPLACE INTO iv3_figures (gemeente, year, kind, taakveld, label, baten_eur, lasten_eur,
      half_width_eur, import_id, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const f of input.figures)
      fig.run(
        f.gemeente,
        f.year,
        f.kind,
        f.taakveld,
        f.label,
        f.baten,
        f.lasten,
        f.halfWidth,
        importId,
        f.file,
        f.line,
      );
    const pop = db.prepare(
      'INSERT OR REPLACE INTO iv3_inwoners (gemeente, year, inwonertal, import_id) VALUES (?, ?, ?, ?)',
    );
    for (const p of input.population) pop.run(p.gemeente, p.year, p.inwonertal, importId);
    return { importId, figures: input.figures.length, population: input.population.length };
  })();
}

export function listIv3Figures(store: Store): Iv3Figure[] {
  return (
    store.db.prepare('SELECT * FROM iv3_figures ORDER BY gemeente, year, kind, taakveld').all() as Record<string, any>[]
  ).map((r) => ({
    gemeente: r.gemeente,
    year: r.year,
    kind: r.kind,
    taakveld: r.taakveld,
    label: r.label,
    baten: r.baten_eur,
    lasten: r.lasten_eur,
    halfWidth: r.half_width_eur,
    file: r.file,
    line: r.line,
  }));
}

export function listIv3Population(store: Store): Iv3Population[] {
  return store.db
    .prepare('SELECT gemeente, year, inwonertal FROM iv3_inwoners ORDER BY gemeente, year')
    .all() as Iv3Population[];
}
