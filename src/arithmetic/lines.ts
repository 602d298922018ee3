import type { LineItem } from '../../schemas/index.js';

/** The line item a row label names; taakveld label rows get theirs from their group. */
export function lineItemOf(label: string): LineItem {
  // The result before the reserves' movements is the saldo of baten and lasten ("resultaat exploitatie (voor mutatie
  // reserves)").
  if (/^(resultaat|saldo)\b.*\bvoor (reserve)?(mutaties?|bestemming|onttrekkingen|toevoegingen)\b/i.test(label.trim()))
    return 'saldo';
  // And after them the resultaat ("Saldo van baten en lasten na reservemutaties").
  if (/^(resultaat|saldo)\b.*\bna (reserve)?(mutaties?|bestemming)\b/i.test(label.trim())) return 'resultaat';
  // A qualifier in brackets says when, not what: "totaal baten (voor mutaties reserves)" is baten.
  const l = label
    .trim()
    .toLowerCase()
    .replace(/\s*\((voor|na|excl\.?|exclusief|incl\.?|inclusief)\b[^)]*\)/g, '');
  if (/^baten\b/.test(l)) return 'baten';
  if (/^lasten\b/.test(l)) return 'lasten';
  if (
    /saldo van (de )?mutaties|mutaties (in de )?reserves|^saldo\b.*\breserves?$|^resultaat (van (de )?)?reserves?$/.test(
      l,
    )
  )
    return 'mutaties_reserves';
  if (/^storting|^dotatie|^toevoeging(en)? (aan )?(de )?reserve/.test(l)) return 'storting_reserves';
  if (/^onttrekking/.test(l)) return 'onttrekking_reserves';
  if (/^resultaat|^gerealiseerd resultaat/.test(l)) return 'resultaat';
  // "Netto kosten" / "Nettolasten": the saldo as the cost side prints it (its sign is detected from the numbers).
  if (/(saldo|totaal|resultaat) van (de )?baten en lasten|^saldo\b|^netto[ -]?(kosten|lasten)\b/.test(l))
    return 'saldo';
  return 'other';
}

/** "Totaal 0.1 Saldo": a line item of the group whose code it names (the group's line, though labelled a total). */
export function codedLine(label: string): { code: string; item: 'baten' | 'lasten' | 'saldo' } | null {
  const m = /^totaal\s+(\d{1,2}(?:\.\d{1,3}[A-Da-d]?)?)\s+(baten|lasten|saldo)$/i.exec(label.trim());
  return m ? { code: m[1], item: m[2].toLowerCase() as 'baten' | 'lasten' | 'saldo' } : null;
}

/** Rows that state a total of the rows above them. */
export function isTotalLabel(label: string): boolean {
  const l = label.trim().toLowerCase();
  // "Gerealiseerd totaal resultaat van baten en lasten" (BBV's words) totals the programmes above it.
  if (/^(gerealiseerd|geraamd) totaal\b/.test(l)) return true;
  if (/saldo van (baten en lasten|mutaties)/.test(l)) return false;
  return /^(totaal|total|subtotaal|saldo)\b/.test(l);
}
