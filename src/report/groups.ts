/**
 * Findings grouped as an auditor reads them: one entry per place, with what follows from it.
 *
 * - **Checks and reading notices apart.** A finding of one of klopt's rules (`klopt rules`) is a
 *   check: a relation that fails, a figure that disagrees. Any other finding is a reading notice:
 *   what the reader could not read, or read by a heuristic (`scale-inferred`, `heuristic-split`,
 *   `unread-table`, …). Entries are of one kind.
 * - **One place, one entry.** Findings of one kind about the same printed line (a cell-per-line
 *   dump prints one cell a line; a glued or pipe row is one line) form one entry: the five
 *   `share-of-total` columns of one indicator row, a `heuristic-split` and the `label-boundary` of
 *   the same line. Without a line, the same page, table, row and column.
 * - **Consequences.** A check at a total that its rule found explained by checks at other rows of
 *   the same table and column (it names their rows, and is no error itself: column-footing's
 *   "the row findings in this column explain the whole difference") is listed under each of those
 *   entries as their consequence, not as an entry of its own.
 */
import type { ShownFinding } from './view.js';

export type EntryKind = 'check' | 'reading';

export interface Entry {
  kind: EntryKind;
  /** The first finding of the entry in report order: the most severe. */
  head: ShownFinding;
  /** The other findings about the same place, in report order. */
  same: ShownFinding[];
  /** Findings elsewhere that follow from this entry's (a total its wrong cell breaks). */
  consequences: ShownFinding[];
}

const placeKey = (s: ShownFinding, kind: EntryKind): string => {
  const f = s.finding;
  const doc = f.documentId ?? `file:${f.file}`;
  if (f.line !== null) return JSON.stringify([kind, doc, 'line', f.line]);
  if (f.page !== null || f.row !== null)
    return JSON.stringify([kind, doc, 'page', f.page, f.tableIndex, f.row, f.column]);
  return JSON.stringify([kind, doc, 'finding', s.fingerprint]);
};

/** The checks at other rows of its table and column that a non-error total finding names as explaining it. */
function explainedBy(c: ShownFinding, checks: ShownFinding[]): ShownFinding[] {
  const f = c.finding;
  if (f.severity === 'error' || f.tableIndex === null || f.column === null || f.row === null) return [];
  return checks.filter(
    ({ finding: p }) =>
      p !== f &&
      p.severity === 'error' &&
      p.documentId === f.documentId &&
      p.tableIndex === f.tableIndex &&
      p.column === f.column &&
      p.row !== null &&
      p.row !== f.row &&
      f.message.includes(p.row),
  );
}

/**
 * Entries in report order (the order of their first findings); `isCheck` tells a rule's finding from a reading notice.
 */
export function groupFindings(shown: ShownFinding[], isCheck: (rule: string) => boolean): Entry[] {
  const kindOf = (s: ShownFinding): EntryKind => (isCheck(s.finding.rule) ? 'check' : 'reading');
  const checks = shown.filter((s) => kindOf(s) === 'check');
  const consequenceOf = new Map<ShownFinding, ShownFinding[]>();
  for (const c of checks) {
    const causes = explainedBy(c, checks);
    if (causes.length) consequenceOf.set(c, causes);
  }
  const entries: Entry[] = [];
  const byPlace = new Map<string, Entry>();
  for (const s of shown) {
    if (consequenceOf.has(s)) continue;
    const kind = kindOf(s);
    const key = placeKey(s, kind);
    const entry = byPlace.get(key);
    if (entry) entry.same.push(s);
    else {
      const created: Entry = { kind, head: s, same: [], consequences: [] };
      byPlace.set(key, created);
      entries.push(created);
    }
  }
  const entryOf = new Map<ShownFinding, Entry>();
  for (const e of entries) for (const s of [e.head, ...e.same]) entryOf.set(s, e);
  for (const [c, causes] of consequenceOf) {
    for (const p of causes) {
      const e = entryOf.get(p)!;
      if (!e.consequences.includes(c)) e.consequences.push(c);
    }
  }
  return entries;
}
