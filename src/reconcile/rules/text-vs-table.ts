import type { Finding } from '../../../schemas/index.js';
import type { TextBlock } from '../../../extractors/types.js';
import { canonicalCode } from '../../catalogue/taakvelden.js';
import { sentences, textAmounts, type TextAmount } from '../text/amounts.js';
import { cellMeets, favourableSign, textCellFinding, verschilColumn, type CellHit } from '../text/ties.js';
import type { Evaluated, Rule, RuleContext } from '../rule.js';

/** "6.71b Begeleiding (Wmo) (€ 470.000 voordeel)": a toelichting heading naming a taakveld's verschil. */
const TAAKVELD_HEADING =
  /^(\d{1,2}\.\d{1,3}[a-dA-D]?)\s+(.+)\((€?\s*[-\d.,]+(?:\s*(?:miljoen|mln\.?))?(?:\s*euro)?)\s*(voordeel|nadeel|voordelig|nadelig)\)\s*$/i;
/** "resultaat … van/bedraagt/is … AMOUNT": the amount is the resultaat's value, not a cause of it. */
const RESULTAAT =
  /\bresultaat\b(?:[^.]{0,80}?\b(?:van|bedraagt|is|op)\s+(?:een\s+)?(?:(?:positief|negatief|positieve|negatieve|totaal)\s+)?(?:resultaat\s+van\s+)?)?$/i;
const YEAR_AFTER = /^\s*in\s+((?:19|20)\d\d)\b/;

const rule: Rule<'document'> = {
  id: 'text-vs-table',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      'Amounts in the narrative text that describe a table cell must agree with it, within the precision ' +
      'both print ("1,4 miljoen" stands for 1.350.000 … 1.450.000; a cell of 1.764 × 1.000 for 1.763.500 … ' +
      '1.764.500). Three ties are made: a toelichting heading "6.1 Samenkracht en burgerparticipatie (€ ' +
      '1.764.000 voordeel)" is the verschil of that taakveld\'s saldo row; a sentence whose only amount is ' +
      'the value of "het resultaat" ("een resultaat van 1,4 miljoen euro negatief") is the verschil of the ' +
      'Resultaat row; a sentence with two or more "€ X in YEAR" amounts ("van € 2,429 miljoen in 2022 ' +
      'oplopend tot € 5,772 miljoen in 2026") is a row of a table with those year columns, found by its ' +
      'first amount and checked on the others (sign not compared there: such sentences state a tekort as a ' +
      'positive amount; reported as warning, the tie being by one figure).',
    why:
      'Readers and councillors quote the text, not the table. A heading that says voordeel where the table has ' +
      'a nadeel, or an amount that was not updated after the table changed, is the costliest kind of error an ' +
      'audit misses.',
    example:
      'Hengelo jaarstukken 2023, line 1398: "6.1 Samenkracht en burgerparticipatie (€ 1.764.000 voordeel)" ' +
      'against 6.1 / Saldo, Verschil = 1.764 (× 1.000): agrees. Enschede jaarstukken 2023, line 720: "een ' +
      'resultaat van 1,4 miljoen euro negatief" against Resultaat, Saldo (- = nadeel) = −1.394: agrees ' +
      'within ±50.000.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    for (const block of ctx.textBlocks) {
      // Both sentence checks read the same sentences and amounts: found once per block.
      const said = sentences(block.text).map((sentence) => ({ sentence, amounts: textAmounts(sentence) }));
      out.push(
        ...taakveldHeading(ctx, evaluated, block),
        ...resultaatSentences(ctx, evaluated, block, said),
        ...yearSeries(ctx, evaluated, block, said),
      );
    }
    return out;
  },
};
export default rule;

function verschilCells(ctx: RuleContext, match: (row: CellHit['grid']['rows'][number]) => boolean): CellHit[] {
  const hits: CellHit[] = [];
  for (const { grid } of ctx.arithmetic) {
    const col = verschilColumn(grid);
    if (col === null) continue;
    for (const row of grid.rows) {
      const cell = row.cells[col];
      if (match(row) && cell.status === 'printed') hits.push({ grid, row: row.index, col, cell });
    }
  }
  return hits;
}

/** Compare a signed text amount with a verschil cell, in the table's favourable-sign convention. */
function compareVerschil(
  ctx: RuleContext,
  evaluated: Evaluated,
  block: TextBlock,
  sentence: string,
  amount: TextAmount,
  hit: CellHit,
  why: string,
): Finding[] {
  evaluated();
  const magnitude = Math.abs(amount.value);
  const signed = amount.direction === 0 ? magnitude : amount.direction * favourableSign(hit.grid) * magnitude;
  // Without a voordeel/nadeel word only the size can be compared.
  const ok =
    amount.direction === 0
      ? cellMeets(hit, magnitude, amount.halfWidth) || cellMeets(hit, -magnitude, amount.halfWidth)
      : cellMeets(hit, signed, amount.halfWidth);
  return ok ? [] : [textCellFinding(ctx, rule, block, sentence, amount, signed, hit, why)];
}

function taakveldHeading(ctx: RuleContext, evaluated: Evaluated, block: TextBlock): Finding[] {
  const m = TAAKVELD_HEADING.exec(block.text.trim());
  if (!m) return [];
  const code = canonicalCode(m[1]);
  const amounts = textAmounts(block.text).filter((a) => a.direction !== 0);
  if (amounts.length !== 1) return [];
  const hits = verschilCells(ctx, (r) => r.taakveld === code && r.lineItem === 'saldo' && !r.isTotal);
  if (hits.length !== 1) return [];
  return compareVerschil(
    ctx,
    evaluated,
    block,
    block.text.trim(),
    amounts[0],
    hits[0],
    `the verschil of taakveld ${code}`,
  );
}

type Said = { sentence: string; amounts: TextAmount[] }[];

function resultaatSentences(ctx: RuleContext, evaluated: Evaluated, block: TextBlock, said: Said): Finding[] {
  const out: Finding[] = [];
  for (const { sentence, amounts } of said) {
    // A sentence with more amounts ("2,1 miljoen, exclusief de stelpost van 3,5 miljoen") says more than the resultaat.
    if (amounts.length !== 1) continue;
    const a = amounts[0];
    if (!RESULTAAT.test(sentence.slice(0, a.index))) continue;
    const hits = verschilCells(ctx, (r) => r.lineItem === 'resultaat');
    if (hits.length !== 1) continue;
    out.push(
      ...compareVerschil(
        ctx,
        evaluated,
        block,
        sentence,
        a,
        hits[0],
        'the resultaat (its verschil against the begroting)',
      ),
    );
  }
  return out;
}

function yearSeries(ctx: RuleContext, evaluated: Evaluated, block: TextBlock, said: Said): Finding[] {
  const out: Finding[] = [];
  for (const { sentence, amounts } of said) {
    const pairs = amounts
      .map((a) => ({ a, year: YEAR_AFTER.exec(sentence.slice(a.end))?.[1] }))
      .filter((p): p is { a: TextAmount; year: string } => p.year !== undefined)
      .map((p) => ({ a: p.a, year: Number(p.year) }));
    if (pairs.length < 2) continue;
    // Nearest table first: the sentence describes the table it introduces or follows.
    const grids = ctx.arithmetic
      .map((x) => x.grid)
      .filter((g) => pairs.every((p) => g.columns.some((c) => c.year === p.year)))
      .sort(
        (g1, g2) =>
          Math.abs((g1.table.line ?? 0) - (block.line ?? 0)) - Math.abs((g2.table.line ?? 0) - (block.line ?? 0)),
      );
    let firstMismatch: Finding | null = null;
    let tiedAndAgrees = false;
    for (const grid of grids) {
      const colOf = (year: number) => grid.columns.find((c) => c.year === year)!.index;
      for (const row of grid.rows) {
        const hitOf = (year: number): CellHit => ({
          grid,
          row: row.index,
          col: colOf(year),
          cell: row.cells[colOf(year)],
        });
        const meets = (p: (typeof pairs)[number]) => {
          const hit = hitOf(p.year);
          const v = Math.abs(p.a.value);
          return (
            hit.cell.status === 'printed' && (cellMeets(hit, v, p.a.halfWidth) || cellMeets(hit, -v, p.a.halfWidth))
          );
        };
        if (!meets(pairs[0])) continue;
        evaluated();
        const bad = pairs.find((p) => !meets(p));
        if (!bad) {
          tiedAndAgrees = true;
          break;
        }
        const hit = hitOf(bad.year);
        const sign = Math.sign(hit.cell.value ?? 1) || 1;
        firstMismatch ??= textCellFinding(
          ctx,
          rule,
          block,
          sentence,
          bad.a,
          sign * Math.abs(bad.a.value),
          hit,
          `${bad.year} (the row is tied to the text by its ${pairs[0].year} figure ${pairs[0].a.raw})`,
          'warning',
        );
      }
      if (tiedAndAgrees) break;
    }
    if (!tiedAndAgrees && firstMismatch) out.push(firstMismatch);
  }
  return out;
}
