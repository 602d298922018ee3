import type { Finding } from '../../../schemas/index.js';
import type { TextBlock } from '../../../extractors/types.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import { makeFinding } from '../../arithmetic/finding.js';
import { intervalsMeet, sentences, textAmounts, type TextAmount } from '../text/amounts.js';
import type { Evaluated, Rule, RuleContext } from '../rule.js';

const BULLET = /^\s*(?:[•·▪●*]|-\s|–\s)/;
const TAAKVELD_HEADING = /^(\d{1,2}\.\d{1,3}[a-dA-D]?)\s+.+\([^()]*\d[^()]*(voordeel|nadeel|voordelig|nadelig)\)\s*$/i;
const RESULTAAT =
  /\bresultaat\b(?:[^.]{0,80}?\b(?:van|bedraagt|is|op)\s+(?:een\s+)?(?:(?:positief|negatief|positieve|negatieve|totaal)\s+)?(?:resultaat\s+van\s+)?)?$/i;
/** The intro says the list names only the main items: a gap is then no error. */
const PARTIAL = /\b(voornamelijk|vooral|met name|onder andere|o\.a\.|belangrijkste|onder meer)\b/i;
const TOTAL_NADEEL = /\btota(?:le|al)\s+(?:tekort|nadeel)\b[^.]*?$/i;
const TOTAL_VOORDEEL = /\bvoordelen\b[^.]*?\bin totaal\s+(?:van\s+)?$/i;

interface Claim {
  block: TextBlock;
  sentence: string;
  amount: TextAmount;
  signed: number;
}

interface ExplanationList {
  claim: Claim;
  items: { block: TextBlock; amount: TextAmount; signed: number }[];
  partial: boolean;
}

const signedOf = (a: TextAmount) => (a.direction || 1) * Math.abs(a.value);

/** The amount a list item explains: its only voordeel/nadeel amount, or the only one before its colon. */
function itemAmount(text: string): TextAmount | null {
  const directed = textAmounts(text).filter((a) => a.direction !== 0);
  if (directed.length === 1) return directed[0];
  const head = text.split(/:\s/)[0];
  const inHead = directed.filter((a) => a.end <= head.length);
  return inHead.length === 1 ? inHead[0] : null;
}

/** What a block before a list claims: a taakveld heading's amount, or a resultaat sentence's. */
function claimOf(block: TextBlock): Claim | null {
  const text = block.text.trim();
  if (TAAKVELD_HEADING.test(text)) {
    const directed = textAmounts(text).filter((a) => a.direction !== 0);
    if (directed.length === 1) return { block, sentence: text, amount: directed[0], signed: signedOf(directed[0]) };
  }
  for (const sentence of sentences(text).reverse()) {
    const amounts = textAmounts(sentence);
    if (amounts.length === 1 && amounts[0].direction !== 0 && RESULTAAT.test(sentence.slice(0, amounts[0].index))) {
      return { block, sentence, amount: amounts[0], signed: signedOf(amounts[0]) };
    }
  }
  return null;
}

/** Bullet lists in which every item carries one voordeel/nadeel amount, with the claim above them. */
export function explanationLists(blocks: TextBlock[]): ExplanationList[] {
  const out: ExplanationList[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!BULLET.test(blocks[i].text) || (i > 0 && BULLET.test(blocks[i - 1].text))) continue;
    let j = i;
    while (j < blocks.length && BULLET.test(blocks[j].text)) j++;
    const bullets = blocks.slice(i, j);
    const items = bullets.map((block) => ({ block, amount: itemAmount(block.text) }));
    if (items.length < 2 || items.some((it) => it.amount === null)) continue;
    // The claim stands in one of the three blocks above the list.
    let claim: Claim | null = null;
    const intro: string[] = [];
    for (let k = i - 1; k >= Math.max(0, i - 3) && !claim; k--) {
      if (BULLET.test(blocks[k].text)) break;
      intro.push(blocks[k].text);
      claim = claimOf(blocks[k]);
    }
    if (!claim) continue;
    out.push({
      claim,
      items: items.map((it) => ({ block: it.block, amount: it.amount!, signed: signedOf(it.amount!) })),
      partial: intro.some((t) => PARTIAL.test(t)),
    });
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const eur = (v: number) => `${formatDutch(v)} euro`;

const rule: Rule<'document'> = {
  id: 'explanation-sum',
  scope: 'document',
  severity: 'warning',
  docs: {
    description:
      'A bullet list whose every item names one voordeel or nadeel amount, standing under a sentence that ' +
      'states a result ("een resultaat van 1,4 miljoen euro negatief") or under a taakveld heading ("6.72b ' +
      'Jeugdhulp behandeling (€ 121.000 voordeel)"), must add up to that result: voordelen count positive, ' +
      'nadelen negative, and each amount stands for the interval its printed precision allows. Statements of ' +
      'the total tekort ("Het totale tekort bedraagt 23,7 miljoen") and of the voordelen in total ' +
      '("voordelen van in totaal 22,3 miljoen") are compared with the nadelen and voordelen of such a list. ' +
      'Lists introduced as naming only the main items ("voornamelijk", "de belangrijkste") are reported as ' +
      'info when they fall short.',
    why:
      'An explanation that does not add up to what it explains leaves part of the result unexplained, or ' +
      'explains a result that is not the one in the table.',
    example:
      'Enschede jaarstukken 2023, lines 720–738: thirteen items from "Jeugdhulp 15,0 miljoen euro nadeel" to ' +
      '"Overige kleine verschillen 0,2 miljoen euro nadeel" sum to −1,4 miljoen, the resultaat stated at ' +
      'line 720; their nadelen sum to 23,7 and voordelen to 22,3 miljoen, as line 167 states.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const lists = explanationLists(ctx.textBlocks);
    for (const list of lists) {
      evaluated();
      const total = sum(list.items.map((it) => it.signed));
      const tolerance = sum(list.items.map((it) => it.amount.halfWidth)) + list.claim.amount.halfWidth;
      const claimed = list.claim.amount.direction ? list.claim.signed : Math.abs(list.claim.signed);
      if (intervalsMeet(total, 0, claimed, tolerance)) continue;
      const first = list.items[0].block;
      const last = list.items[list.items.length - 1].block;
      out.push(
        makeFinding(ctx.document, {
          rule: rule.id,
          severity: list.partial ? 'info' : rule.severity,
          line: list.claim.block.line,
          page: list.claim.block.page,
          raw: list.claim.sentence,
          expected: claimed,
          found: total,
          tolerance,
          message:
            `Line ${list.claim.block.line} states ${eur(claimed)} ("${list.claim.amount.raw}"); the ` +
            `${list.items.length} items explaining it (lines ${first.line}–${last.line}: ` +
            `${list.items.map((it) => `${it.amount.raw} ${it.amount.direction > 0 ? 'voordeel' : 'nadeel'}`).join(', ')}) ` +
            `sum to ${eur(total)}. Difference ${eur(total - claimed)}; tolerance ` +
            `±${formatTolerance(tolerance)} euro from the printed ` +
            `precision.${list.partial ? ' The list is introduced as naming only the main items, so the rest may be unexplained rather ' + 'than wrong.' : ''}`,
        }),
      );
    }
    out.push(...totalStatements(ctx, lists, evaluated));
    return out;
  },
};
export default rule;

/** "Het totale tekort bedraagt X", "voordelen van in totaal Y" against the lists' nadelen and voordelen. */
function totalStatements(ctx: RuleContext, lists: ExplanationList[], evaluated: Evaluated): Finding[] {
  const out: Finding[] = [];
  const complete = lists.filter((l) => l.items.some((it) => it.signed > 0) && l.items.some((it) => it.signed < 0));
  if (complete.length === 0) return out;
  for (const block of ctx.textBlocks) {
    for (const sentence of sentences(block.text)) {
      for (const a of textAmounts(sentence)) {
        const before = sentence.slice(0, a.index);
        const kind = TOTAL_NADEEL.test(before) ? 'nadelen' : TOTAL_VOORDEEL.test(before) ? 'voordelen' : null;
        if (!kind) continue;
        const sums = complete.map((l) => {
          const parts = l.items.filter((it) => (kind === 'nadelen' ? it.signed < 0 : it.signed > 0));
          return {
            list: l,
            total: Math.abs(sum(parts.map((p) => p.signed))),
            tolerance: sum(parts.map((p) => p.amount.halfWidth)) + a.halfWidth,
            n: parts.length,
          };
        });
        evaluated();
        if (sums.some((s) => intervalsMeet(s.total, 0, Math.abs(a.value), s.tolerance))) continue;
        const s = sums[0];
        out.push(
          makeFinding(ctx.document, {
            rule: rule.id,
            severity: rule.severity,
            line: block.line,
            page: block.page,
            raw: sentence,
            expected: Math.abs(a.value),
            found: s.total,
            tolerance: s.tolerance,
            message:
              `Line ${block.line} states the ${kind} total ${eur(Math.abs(a.value))} ("${a.raw}"); the ${s.n} ` +
              `${kind} of the list at lines ` +
              `${s.list.items[0].block.line}–${s.list.items[s.list.items.length - 1].block.line} sum to ` +
              `${eur(s.total)}. Difference ${eur(s.total - Math.abs(a.value))}; tolerance ` +
              `±${formatTolerance(s.tolerance)} euro.`,
          }),
        );
      }
    }
  }
  return out;
}
