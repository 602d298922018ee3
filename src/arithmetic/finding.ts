import { Finding, type Document } from '../../schemas/index.js';

export type FindingInput = Partial<Finding> & Pick<Finding, 'rule' | 'message'>;

/** A Finding with every key present (null where unknown), validated. */
export function makeFinding(doc: Pick<Document, 'file' | 'id'>, input: FindingInput): Finding {
  const expected = input.expected ?? null;
  const found = input.found ?? null;
  return Finding.parse({
    severity: 'error',
    file: doc.file,
    documentId: doc.id,
    table: null,
    tableIndex: null,
    row: null,
    column: null,
    line: null,
    page: null,
    raw: null,
    tolerance: null,
    ...input,
    expected,
    found,
    difference:
      input.difference ?? (expected !== null && found !== null ? Math.round((found - expected) * 1e6) / 1e6 : null),
  });
}
