import type { Finding } from '../../../schemas/index.js';
import { canonicalCode, taakveldCatalogue, type TaakveldEntry } from '../../catalogue/taakvelden.js';
import { namesMatch } from '../../catalogue/names.js';
import { makeFinding } from '../../arithmetic/finding.js';
import { message, type Rule } from '../rule.js';

const CODE_AT_START = /^(\d{1,2}\.\d{1,3}[A-Da-d]?)\s+(\S.*)$/;
const validIn = (e: TaakveldEntry, year: number) => e.validFrom <= year && (e.validTo === null || e.validTo >= year);
const span = (e: TaakveldEntry) => `${e.validFrom}–${e.validTo ?? ''}`;

const messages = {
  unknown: '{code} is not a taakveld code in the IV3 catalogue (2017–2026).{where}',
  notValid: '{code} {name} is not valid in {year}: the catalogue has it for {spans}.{successors}{where}',
  successors: ' In {year} its place is taken by {children}{alsoPrinted}.',
  alsoPrinted: ', which this table also prints: the old code of the split',
  oldName: '{code} "{name}" is the name of {span}; in {year} the catalogue names it "{current}".',
  otherName: '{code} "{name}" does not match the catalogue\'s name for {year}: "{current}".',
  // where the row's figures stand, at the end of unknown and notValid
  where: ' Its figures stand in: {columns}.',
} as const;

const rule: Rule<'document'> = {
  id: 'taakveld-catalogue',
  scope: 'document',
  severity: 'warning',
  docs: {
    description:
      'Every taakveld a financial table names (code and name) must be in the IV3 catalogue for the ' +
      "document's year (data/catalogue/taakvelden.csv, from CBS's iv3_definities 2017–2026). An unknown " +
      "code, a code not valid in that year, or a name that is not the catalogue's (or is an older one) is a " +
      'warning with the expected name. Names are compared by content words (see src/catalogue/names.ts): ' +
      '"Hulp bij het huishouden (WMO)" is CBS\'s "Huishoudelijke hulp (WMO)"; "Wijkteams" is not "Toegang en ' +
      'eerstelijnsvoorzieningen".',
    why:
      'The IV3 delivery to CBS and every comparison between gemeenten go by taakveld; a figure booked on a ' +
      'code that does not exist that year cannot be compared, and an old name suggests the table was not ' +
      'updated.',
    example:
      'Hengelo jaarstukken 2023 prints 6.71 Maatwerkdienstverlening 18+ (with its Begroting 2023 primitief ' +
      'figures; the finding stands at the first cell of the row, line 744): the catalogue ends 6.71 in 2022; ' +
      'in 2023 its sub-taakvelden 6.71a–d are valid. Because the table prints 6.71A–D in its other columns, ' +
      'this is the old code of the split and the finding is info. All other names of the table match the ' +
      '2023 catalogue.',
  },
  messages,
  check(ctx, evaluated) {
    const out: Finding[] = [];
    const year = ctx.document.year;
    if (year === null) return out;
    const catalogue = taakveldCatalogue();
    const seen = new Set<string>();
    for (const f of ctx.financial) {
      const m = CODE_AT_START.exec(f.rowLabel.trim());
      if (!m || seen.has(f.rowLabel)) continue;
      seen.add(f.rowLabel);
      const rowFacts = ctx.financial.filter((x) => x.tableIndex === f.tableIndex && x.rowLabel === f.rowLabel);
      // A row none of whose cells was read may be cut off inside its name where the text ends: not judged.
      if (rowFacts.every((x) => x.status === 'unreadable')) continue;
      const code = canonicalCode(m[1]);
      const name = m[2].trim();
      const entries = catalogue.filter((e) => e.code === code);
      const current = entries.filter((e) => validIn(e, year));
      const printedIn = [...new Set(rowFacts.filter((x) => x.status === 'printed').map((x) => x.columnHeader))];
      const base = {
        rule: rule.id,
        severity: rule.severity,
        table: ctx.tables.find((t) => t.index === f.tableIndex)?.title ?? null,
        tableIndex: f.tableIndex,
        row: f.rowLabel,
        line: f.provenance.line,
        page: f.provenance.page,
        raw: f.rowLabel,
      } as const;
      const where = printedIn.length ? message(messages.where, { columns: printedIn.join(', ') }) : '';
      if (entries.length === 0) {
        // Only codes shaped like a taakveld of a known hoofdtaakveld are claimed to be taakvelden.
        if (!catalogue.some((e) => e.code === code.split('.')[0])) continue;
        evaluated();
        out.push(makeFinding(ctx.document, { ...base, message: message(messages.unknown, { code, where }) }));
        continue;
      }
      evaluated();
      if (current.length === 0) {
        const children = catalogue.filter(
          (e) => e.parent !== null && validIn(e, year) && e.code.startsWith(code) && e.code !== code,
        );
        // In the year of a split, a table may keep the old parent in the column budgeted before the
        // split while its successors fill the others: expected, so info, not a warning.
        const successorsInTable = children.some((c) =>
          ctx.financial.some((x) => x.tableIndex === f.tableIndex && x.taakveld === c.code && x.status === 'printed'),
        );
        out.push(
          makeFinding(ctx.document, {
            ...base,
            severity: successorsInTable ? 'info' : rule.severity,
            message: message(messages.notValid, {
              code,
              name,
              year,
              spans: entries.map(span).join(', '),
              successors: children.length
                ? message(messages.successors, {
                    year,
                    children: children.map((c) => `${c.code} ${c.name}`).join(', '),
                    alsoPrinted: successorsInTable ? messages.alsoPrinted : '',
                  })
                : '',
              where,
            }),
          }),
        );
        continue;
      }
      if (current.some((e) => namesMatch(e.name, name))) continue;
      const older = entries.find((e) => !validIn(e, year) && namesMatch(e.name, name));
      out.push(
        makeFinding(ctx.document, {
          ...base,
          message: older
            ? message(messages.oldName, { code, name, span: span(older), year, current: current[0].name })
            : message(messages.otherName, { code, name, year, current: current[0].name }),
        }),
      );
    }
    return out;
  },
};
export default rule;
