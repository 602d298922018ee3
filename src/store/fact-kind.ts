/**
 * What a stored figure measures — money, a count, a ratio or a percentage — judged from the
 * words the document prints around it: its own row label and column header first, then the
 * table's title and scale note. A financial table's figures are money unless their own row or
 * column says otherwise ("Gemiddeld aantal indicaties per cliënt"); a table of other figures
 * (`numeric`) holds counts unless its words say money (a reserves table without a scale note)
 * or the figure has decimals (an average or a rate).
 */
import type { FactKind, Table } from '../../schemas/index.js';

const PERCENT = /%|\bpercentage|\bprocent/i;
/**
 * A cell whose figure is printed as a percentage ("12,7%", "14,9% (2021)"); not "410 (52,5%)", a count with its share.
 */
const PERCENT_CELL = /^\s*[-−+]?\s*[\d.,]+\s*%/;
/** Words that make a figure an amount of money, whatever else the label says ("kosten per cliënt"). */
const MONEY =
  /€|\beuro|\bbedrag|kosten|\blasten\b|\bbaten\b|\bsaldo\b|budget|reserve|voorziening|boekwaarde|uitgaven|inkomsten|opbrengst|subsidie|storting|onttrekking|dotatie|vermogen|krediet/i;
/**
 * Money in an indicator's own name or unit; not a word that may only name a subject ("Budget Alert",
 * "Wmo-voorziening").
 */
const INDICATOR_MONEY = /€|\beuro|kosten|\blasten\b|uitgaven/i;
/**
 * A rate or average: "per 1.000 inwoners", "kg/inwoner", "gemiddeld … per", an index; not "per jaar" or "per 1
 * januari".
 */
const RATIO =
  /\bper\s+(?!jaar\b|maand\b|kwartaal\b|ultimo\b|eind|begin|\d{1,2}(?:[\s/-]|e\b))|\w\/\s*inw|\bindex\b|\bverhouding\b/i;
const COUNT =
  /\baantal|\bcliënten\b|\bindicaties\b|\bfte\b|\bpersonen\b|\bleerlingen\b|\bhuishoudens\b|\bwoningen\b|\btrajecten\b|\bvolume\b/i;
/** A row that prints a count beside its share: "aantal en %". */
const COUNT_AND_PERCENT = /\baantal\w*\s+(?:en|\/)\s*(?:%|percentage)/i;
/** A label that opens with what it counts: "Aantal …", "Totaal aantal …", "Gemiddeld aantal … per …". */
const OPENS_AS_COUNT = /^\s*(?:totaal\s+)?(?:gemiddeld\w*\s+)?aantal/i;

/** A figure of a table that names no unit: a whole number counts, one with decimals is a ratio. */
const plain = (decimals: number): FactKind => (decimals > 0 ? 'ratio' : 'count');

/** Row label or column header that opens as a count: a count, or a ratio where it says per what. */
function openingCount(labels: string[]): FactKind | null {
  const label = labels.find((l) => OPENS_AS_COUNT.test(l));
  return label === undefined ? null : RATIO.test(label) ? 'ratio' : 'count';
}

type TableWords = Pick<Table, 'kind' | 'title' | 'scaleText'>;

/**
 * A financial fact's kind: `raw` is the cell as printed. In a financial table only the figure's own
 * row or column opening as a count ("Aantal fte") makes it one: taakveld names such as "0.61 OZB
 * woningen" or "Algemene uitkeringen" are money however they read.
 */
export function financialFactKind(
  table: TableWords | undefined,
  f: { rowLabel: string; columnHeader: string; decimals: number; raw: string },
): FactKind {
  const own = `${f.rowLabel} | ${f.columnHeader}`;
  if (PERCENT_CELL.test(f.raw) || PERCENT.test(own)) return 'percentage';
  const counted = openingCount([f.rowLabel, f.columnHeader]);
  if (counted) return counted;
  if (!table || table.kind === 'financial') return 'money';
  if (MONEY.test(own)) return 'money';
  if (RATIO.test(own)) return 'ratio';
  if (COUNT.test(own)) return 'count';
  const head = `${table.title} | ${table.scaleText ?? ''}`;
  if (PERCENT.test(head)) return 'percentage';
  if (COUNT.test(head)) return plain(f.decimals);
  if (MONEY.test(head)) return 'money';
  return plain(f.decimals);
}

/** An indicator figure's kind, from its unit and name. */
export function indicatorFactKind(f: { name: string; unit: string | null; decimals: number; raw: string }): FactKind {
  const own = `${f.unit ?? ''} | ${f.name}`;
  if (PERCENT_CELL.test(f.raw)) return 'percentage';
  // "Uitstroom overig (aantal en %)": the figures printed without % are the counts
  if (COUNT_AND_PERCENT.test(own)) return 'count';
  if (PERCENT.test(own)) return 'percentage';
  const counted = openingCount([f.unit ?? '', f.name]);
  if (counted) return counted;
  if (INDICATOR_MONEY.test(own)) return 'money';
  if (RATIO.test(own)) return 'ratio';
  if (COUNT.test(own)) return 'count';
  return plain(f.decimals);
}
