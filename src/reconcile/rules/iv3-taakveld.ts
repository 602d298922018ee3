import type { FinancialFact, Finding } from '../../../schemas/index.js';
import { familyOf } from '../../catalogue/taakvelden.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import type { Iv3Figure, Iv3Kind } from '../../iv3/read.js';
import { eurosOf, factRow, sameGemeente, type CorpusDocument } from '../corpus.js';
import type { Rule } from '../rule.js';
import { makeFinding } from '../../arithmetic/finding.js';

type Side = 'baten' | 'lasten';

/**
 * Which IV3 figures a document column is to agree with: realisatie with the jaarrekening, begroting (primitief) with
 * the begroting.
 */
function iv3KindOf(doc: CorpusDocument, f: FinancialFact): { year: number; kind: Iv3Kind } | null {
  const d = doc.document;
  if (d.year === null) return null;
  const year = f.year ?? d.year;
  if ((d.documentType === 'jaarstukken' || d.documentType === 'jaarrekening') && f.columnKind === 'realisatie')
    return { year, kind: 'realisatie' };
  if ((d.documentType === 'jaarstukken' || d.documentType === 'jaarrekening') && f.columnKind === 'begroting_primitief')
    return { year, kind: 'begroting' };
  if (d.documentType === 'begroting' && f.columnKind === 'begroting' && year === d.year)
    return { year, kind: 'begroting' };
  return null;
}

const eur = (v: number) => `${formatDutch(v / 1000)} × € 1.000`;

const rule: Rule<'corpus'> = {
  id: 'iv3-taakveld',
  scope: 'corpus',
  severity: 'warning',
  docs: {
    description:
      'Every taakveld figure of a document (baten and lasten; realisatie of jaarstukken against the IV3 ' +
      'realisatie of that year, Begroting primitief of jaarstukken and the begroting column of a begroting ' +
      'against the IV3 begroting) must agree with what the gemeente delivered to CBS, compared by taakveld ' +
      'code (IV3 labels are truncated or older), lasten as positive amounts, each figure with its rounding ' +
      'interval. Where the document books on a parent taakveld (6.71) and IV3 on its sub-taakvelden ' +
      '(6.71a–d), or the reverse, the sums of the whole family are compared and the finding says so ' +
      '(families follow the 2023 split: 6.72 became 6.72a–d, 6.73a–c and 6.74a–c; see familyOf in ' +
      'src/catalogue/taakvelden.ts).',
    why:
      'The IV3 delivery feeds CBS statistics, the gemeentefonds analyses and every comparison between ' +
      'gemeenten; it must tell the same story as the jaarrekening and begroting the council adopted.',
    example:
      'Hengelo jaarstukken 2023, 6.1 Samenkracht en burgerparticipatie / Lasten, Rekening 2023: 22.699, IV3 ' +
      'realisatie 2023 22.699: agrees. Begroting 2023 primitief: 14.015 against IV3 begroting 2023 12.782: a ' +
      'difference of 1.233 (× € 1.000), reported.',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    if (ctx.iv3.length === 0) return out;
    for (const doc of ctx.documents) {
      const tables = new Map(doc.tables.map((t) => [t.index, t]));
      // Group the document's taakveld figures by (table, column, side).
      const groups = new Map<string, { facts: FinancialFact[]; year: number; kind: Iv3Kind; side: Side }>();
      for (const f of doc.financial) {
        if (
          !f.taakveld ||
          (f.lineItem !== 'baten' && f.lineItem !== 'lasten') ||
          (f.status !== 'printed' && f.status !== 'empty')
        )
          continue;
        const k = iv3KindOf(doc, f);
        if (!k) continue;
        const key = `${f.tableIndex}|${f.columnIndex}|${f.lineItem}`;
        const g = groups.get(key) ?? { facts: [], ...k, side: f.lineItem };
        g.facts.push(f);
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const iv3 = ctx.iv3.filter(
          (x) => sameGemeente(x.gemeente, doc.document.gemeente) && x.year === g.year && x.kind === g.kind,
        );
        if (iv3.length === 0) continue;
        const iv3Of = (code: string) => iv3.find((x) => x.taakveld === code);
        const iv3Value = (x: Iv3Figure | undefined) => x?.[g.side] ?? 0;
        const done = new Set<string>();
        const table = tables.get(g.facts[0].tableIndex);
        // Families first: a parent the document prints beside or instead of its children.
        for (const f of g.facts) {
          const code = f.taakveld!;
          const parent = familyOf(code);
          if (done.has(parent)) continue;
          const docFamily = g.facts.filter((x) => familyOf(x.taakveld!) === parent);
          const iv3Family = iv3.filter((x) => familyOf(x.taakveld) === parent);
          const docParent = docFamily.find((x) => x.taakveld === parent && x.status === 'printed' && x.value !== 0);
          const iv3Children = iv3Family.filter((x) => x.taakveld !== parent && iv3Value(x) !== 0);
          const iv3Parent = iv3Family.find((x) => x.taakveld === parent && iv3Value(x) !== 0);
          const docChildren = docFamily.filter((x) => x.taakveld !== parent && x.status === 'printed' && x.value !== 0);
          const mixed = (docParent && iv3Children.length > 0) || (iv3Parent && docChildren.length > 0);
          if (!mixed) continue;
          done.add(parent);
          for (const x of docFamily) done.add(x.taakveld!);
          const d = docFamily.map((x) => eurosOf(x, table));
          const docSum = d.reduce((s, x) => s + x.value, 0);
          const iv3Sum = iv3Family.reduce((s, x) => s + iv3Value(x), 0);
          const tol = d.reduce((s, x) => s + x.halfWidth, 0) + iv3Family.reduce((s, x) => s + x.halfWidth, 0);
          evaluated();
          if (Math.abs(docSum - iv3Sum) <= tol + 1e-6) continue;
          const at = docParent ?? docFamily[0];
          out.push(
            finding(
              doc,
              at,
              g,
              iv3Sum,
              docSum,
              tol,
              `taakveld family ${parent} compared as a sum, because the document books on ${docParent ? `the parent ${parent}` : 'sub-taakvelden'} and IV3 on ${docParent ? 'its sub-taakvelden' : `the parent ${parent}`}: document ${docFamily.map((x) => `${x.taakveld} ${x.provenance.raw || '-'}`).join(' + ')} = ${eur(docSum)}; IV3 ${g.kind} ${g.year} ${
                iv3Family
                  .filter((x) => iv3Value(x) !== 0)
                  .map((x) => `${x.taakveld} ${formatDutch(iv3Value(x) / 1000)}`)
                  .join(' + ') || '0'
              } = ${eur(iv3Sum)} (${iv3Family[0]?.file})`,
            ),
          );
        }
        for (const f of g.facts) {
          if (done.has(f.taakveld!)) continue;
          const x = iv3Of(f.taakveld!);
          if (!x) continue;
          const d = eurosOf(f, table);
          const v = iv3Value(x);
          const tol = d.halfWidth + x.halfWidth;
          evaluated();
          if (Math.abs(d.value - v) <= tol + 1e-6) continue;
          out.push(
            finding(
              doc,
              f,
              g,
              v,
              d.value,
              tol,
              `${f.taakveld} ${g.side}: document ${f.provenance.raw || '-'} = ${eur(d.value)}, IV3 ${g.kind} ` +
                `${g.year} "${x.label}" = ${eur(v)} (${x.file}${x.line ? `:${x.line}` : ''})`,
            ),
          );
        }
      }
    }
    return out;
  },
};
export default rule;

function finding(
  doc: CorpusDocument,
  f: FinancialFact,
  g: { year: number; kind: Iv3Kind; side: Side },
  iv3: number,
  found: number,
  tol: number,
  what: string,
): Finding {
  const table = doc.tables.find((t) => t.index === f.tableIndex);
  const scale = f.scale;
  return makeFinding(doc.document, {
    rule: rule.id,
    severity: rule.severity,
    table: table?.title ?? null,
    tableIndex: f.tableIndex,
    row: factRow(f),
    column: f.columnHeader,
    line: f.provenance.line,
    page: f.provenance.page,
    raw: f.provenance.raw || null,
    expected: iv3 / scale,
    found: found / scale,
    tolerance: tol / scale,
    message:
      `${factRow(f)}, ${f.columnHeader}: the document and the IV3 ${g.kind} ${g.year} delivered to CBS differ ` +
      `by ${formatDutch((found - iv3) / 1000)} × € 1.000 (tolerance ±${formatTolerance(tol / 1000, 1)}). ` +
      `${what}.`,
  });
}
