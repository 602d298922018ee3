import type { Finding, IndicatorFact } from '../../../schemas/index.js';
import { formatDutch, formatTolerance } from '../../grammar/number.js';
import { sameGemeente, type CorpusDocument } from '../corpus.js';
import type { Rule } from '../rule.js';
import { indicatorKey, indicatorYear } from '../cross-document.js';
import { makeFinding } from '../../arithmetic/finding.js';
import { groupBy } from '../../collections.js';

interface Value {
  doc: CorpusDocument;
  fact: IndicatorFact;
}

const rule: Rule<'corpus'> = {
  id: 'indicator-consistency',
  scope: 'corpus',
  severity: 'warning',
  docs: {
    description:
      'An indicator value stated for a year must be the same wherever the gemeente states it: the "Werkelijk ' +
      'Y-1" column of report Y against the "Werkelijk Y-1" of report Y-1, and the same indicator (same name, ' +
      'by content words) reported twice for the same year, in one document or two. Values are compared with ' +
      'the rounding of both; a value that carries its own reference year ("14,9% (2021)") counts for that ' +
      'year. Only realised values (werkelijk, realisatie) are compared; targets (begroting) may change.',
    why:
      'A realised figure does not change after the fact; when it does, one of the reports is wrong or the ' +
      'indicator was redefined without saying so.',
    example:
      "Hengelo jaarstukken 2023 prints each indicator's Werkelijk 2022; test/cross-document.test.ts makes a " +
      'jaarstukken 2024 by editing a copy (its indicator years moved on by one), whose Werkelijk 2023 must ' +
      "repeat the 2023 report's Werkelijk 2023.",
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const realised: Value[] = ctx.documents.flatMap((doc) =>
      doc.indicators
        .filter(
          (fact) =>
            fact.value !== null &&
            indicatorYear(fact) !== null &&
            (fact.columnKind === 'werkelijk' || fact.columnKind === 'realisatie'),
        )
        .map((fact) => ({ doc, fact })),
    );
    const byKey = groupBy(
      realised,
      ({ doc, fact }) => `${(doc.document.gemeente ?? '').toLowerCase()}|${indicatorYear(fact)}|${indicatorKey(fact)}`,
    );
    for (const values of byKey.values()) {
      if (values.length < 2) continue;
      // The latest report's value is compared with each earlier statement that differs.
      const sorted = [...values].sort((a, b) => (b.doc.document.year ?? 0) - (a.doc.document.year ?? 0));
      const [first, ...rest] = sorted;
      const seen = new Set<number>();
      for (const other of rest) {
        if (!sameGemeente(first.doc.document.gemeente, other.doc.document.gemeente)) continue;
        // Twice in one table is indicator-conflict's finding; reporting it here too would count one fault twice.
        if (other.doc === first.doc && other.fact.tableIndex === first.fact.tableIndex) continue;
        evaluated();
        const tol = 0.5 * 10 ** -first.fact.decimals + 0.5 * 10 ** -other.fact.decimals;
        if (Math.abs(first.fact.value! - other.fact.value!) <= tol + 1e-9 || seen.has(other.fact.value!)) continue;
        seen.add(other.fact.value!);
        const where = (v: Value) =>
          `${v.doc.document.file}${v.fact.provenance.line ? `:${v.fact.provenance.line}` : ''}, ${v.fact.columnHeader}`;
        out.push(
          makeFinding(first.doc.document, {
            rule: rule.id,
            severity: rule.severity,
            table: first.doc.tables.find((t) => t.index === first.fact.tableIndex)?.title ?? null,
            tableIndex: first.fact.tableIndex,
            row: first.fact.name,
            column: first.fact.columnHeader,
            line: first.fact.provenance.line,
            page: first.fact.provenance.page,
            raw: first.fact.provenance.raw,
            expected: other.fact.value,
            found: first.fact.value,
            tolerance: tol,
            message:
              `"${first.fact.name}" for ${indicatorYear(first.fact)}: ${first.fact.provenance.raw} ` +
              `(${where(first)}) but ${other.fact.provenance.raw} (${where(other)}); difference ` +
              `${formatDutch(first.fact.value! - other.fact.value!, Math.max(first.fact.decimals, other.fact.decimals))}, ` +
              `rounding tolerance ` +
              `±${formatTolerance(tol, Math.max(first.fact.decimals, other.fact.decimals) + 1)}.`,
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
