import type { Column, ColumnKind } from '../../schemas/index.js';

/** "Werkelijk 20231": year 2023 with footnote marker 1 glued on. */
const YEAR = /\b((?:19|20)\d{2})(\d{1,2})?\b/;

export function readColumn(
  index: number,
  header: string,
  documentYear: number | null,
): Column & { footnote: string | null } {
  const m = YEAR.exec(header);
  const year = m ? Number(m[1]) : null;
  const footnote = m?.[2] ?? null;
  return { index, header, kind: columnKind(header, year, documentYear), year, footnote };
}

/**
 * A line item's difference column named "Saldo" ("Lasten Saldo", "Saldo Saldo"): its budget and actuals' difference.
 */
export const SALDO_DIFFERENCE = /^(lasten|baten|saldo)\s+saldo$/i;

function columnKind(h: string, year: number | null, documentYear: number | null): ColumnKind {
  if (/verschil|afwijking|saldo\s*\(|\bv\/n\b|voordeel\s*\/\s*nadeel/i.test(h)) return 'verschil';
  // "Mut. begr. /real. 2024": the change from budget to actuals.
  if (/^mut(\.|atie)\s.*\bbegr.*\breal/i.test(h.trim())) return 'verschil';
  // A "Saldo" column after a line item's budget and actuals (Lasten | Baten | Saldo over Begroting | Rekening | Saldo,
  // Venray 2020): their difference.
  if (SALDO_DIFFERENCE.test(h.trim())) return 'verschil';
  if (/primitie|primair|\bprim\b|voor wijziging|oorspronkelijk/i.test(h)) return 'begroting_primitief';
  if (/gewijzigd|na (wijz|mutatie|bijstelling)|incl\.? wijz|actuele|berap|bijgesteld/i.test(h))
    return 'begroting_gewijzigd';
  // A capital alone before the year abbreviates the period (`R 2020`, `B 2021`).
  if (/rekening|realisatie|\bjr\b|\bjrk\b/i.test(h) || /^R\s+(19|20)\d{2}$/.test(h)) return 'realisatie';
  if (/werkelijk/i.test(h)) return 'werkelijk';
  if (/raming|\bmj[br]\b/i.test(h)) return 'meerjarenraming';
  if (/begroting|\bbegr(oot)?\b|\bbudget\b/i.test(h) || /^B\s+(19|20)\d{2}$/.test(h))
    return documentYear !== null && year !== null && year > documentYear ? 'meerjarenraming' : 'begroting';
  return 'other';
}

/**
 * Columns of an indicator list that describe its figures rather than give them (`eenheid`,
 * `periode`, `regio`, `bron`, `omschrijving`): what each one tells about the row.
 */
export type Describing = 'unit' | 'period' | 'area' | 'source' | 'note';
export function describingColumn(header: string): Describing | null {
  const h = header.trim().replace(/\*$/, '').toLowerCase();
  if (h === 'eenheid') return 'unit';
  if (h === 'periode' || h === 'peildatum' || h === 'jaar') return 'period';
  if (h === 'regio' || h === 'gebied') return 'area';
  if (h === 'bron') return 'source';
  if (h === 'omschrijving' || h === 'toelichting' || h === 'beschrijving') return 'note';
  return null;
}
