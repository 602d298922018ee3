import type { Finding, IndicatorFact } from '../../../schemas/index.js';
import { fold } from '../../catalogue/bbv.js';
import { formatDutch } from '../../grammar/number.js';
import { makeFinding } from '../../arithmetic/finding.js';
import type { Rule } from '../rule.js';
import { groupBy } from '../../collections.js';

interface Row {
  name: string;
  line: number | null;
  cells: IndicatorFact[];
  /** The row's figures as printed, spaces dropped: equal only if every reading of both is equal. */
  printed: string;
  heuristic: boolean;
}

const show = (r: Row) => r.cells.map((c) => c.provenance.raw).join(' | ');

const rule: Rule<'document'> = {
  id: 'indicator-conflict',
  scope: 'document',
  severity: 'error',
  docs: {
    description:
      'One indicator printed twice in one table with different figures. The figures are compared as printed ' +
      '(spaces dropped), so the finding holds whichever way glued cells are cut.',
    why:
      'Two different values for one indicator: at least one row is wrong, or mislabelled (a copied row whose ' +
      'label was changed and figures were not, or the reverse).',
    example:
      'Hengelo begroting 2019, Beleidsindicatoren: "aantal afgeronde schuldhulpverleningstrajecten" on line ' +
      '72 (591, 620, 640 …) and on line 73 (571, 590, 610 …); line 72 repeats the figures of "aantal ' +
      'gestarte schuldhulpverleningstrajecten" (line 71).',
  },
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const all: Row[] = [...groupBy(ctx.indicators, (f) => `${f.tableIndex}:${f.rowIndex}`).values()].map((cells) => {
      cells.sort((a, b) => a.columnIndex - b.columnIndex);
      // One indicator's comparison areas (Gemeente, Nederland) are rows of their own, not the indicator twice.
      return {
        name: cells[0].area ? `${cells[0].name} / ${cells[0].area}` : cells[0].name,
        line: cells[0].provenance.line,
        cells,
        printed: cells.map((c) => c.provenance.raw.replace(/\s+/g, '')).join(''),
        heuristic: cells.some((c) => c.reading === 'heuristic'),
      };
    });
    // Every row is checked for a twin of the same name.
    evaluated(all.length);
    const rows = groupBy(all, (r) => `${r.cells[0].tableIndex}:${fold(r.name)}`);
    // Where a row stands: its line in a text dump, its page in a PDF.
    const at = (r: Row) => (r.line !== null ? `line ${r.line}` : `page ${r.cells[0].provenance.page}`);
    for (const group of rows.values()) {
      for (let i = 1; i < group.length; i++) {
        const [a, b] = [group[0], group[i]];
        if (a.printed === b.printed || a.cells.length !== b.cells.length) continue;
        const col = a.cells.findIndex((c, j) => c.value !== b.cells[j].value);
        const twin = (r: Row) => all.find((o) => o !== r && o.printed === r.printed && fold(o.name) !== fold(r.name));
        const twins = [a, b].map((r) => ({ r, t: twin(r) })).filter((x) => x.t);
        const ca = a.cells[Math.max(col, 0)];
        const cb = b.cells[Math.max(col, 0)];
        out.push(
          makeFinding(ctx.document, {
            rule: rule.id,
            severity: rule.severity,
            table: ctx.tables.find((t) => t.index === cb.tableIndex)?.title ?? null,
            tableIndex: cb.tableIndex,
            row: b.name,
            column: cb.columnHeader,
            line: b.line,
            page: cb.provenance.page ?? null,
            raw: show(b),
            expected: ca.value,
            found: cb.value,
            message:
              `"${b.name}" is printed twice with different figures: ${at(a)} ${show(a)}; ${at(b)} ` +
              `${show(b)}.${twins.map(({ r, t }) => ` The figures of ${at(r)} are those of "${t!.name}" (${at(t!)}).`).join('')}${a.heuristic || b.heuristic ? ' (Some of these cells were cut from glued figures by the magnitude heuristic; that the rows ' + 'differ does not depend on it: their printed figures differ.)' : ''}${col >= 0 ? ` First difference: ${cb.columnHeader} ${ca.value === null ? '–' : formatDutch(ca.value)} vs ` + `${cb.value === null ? '–' : formatDutch(cb.value)}.` : ''}`,
          }),
        );
      }
    }
    return out;
  },
};
export default rule;
