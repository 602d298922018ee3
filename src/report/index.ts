import Papa from 'papaparse';
import { formatDutch } from '../grammar/number.js';
import type { Finding } from '../../schemas/index.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { formatCoverage, type DocumentSummary, type Report } from './summary.js';
import { fingerprintOf, type TriageState } from '../store/triage.js';
import { shownFindings, triageSummary, triageText, type ReportView, type ShownFinding } from './view.js';
import { groupFindings, type Entry } from './groups.js';
import { ruleIds } from '../reconcile/registry.js';

export { groupFindings, type Entry, type EntryKind } from './groups.js';
export { shownFindings, sortFindings, triageSummary, triageText, type ReportView, type ShownFinding } from './view.js';

export type ReportFormat = 'json' | 'csv' | 'md' | 'html';

export { VERDICTS, formatCoverage, summarise, type DocumentSummary, type Report, type Verdict } from './summary.js';

export const FINDING_COLUMNS = [
  'rule',
  'severity',
  'file',
  'table',
  'row',
  'column',
  'line',
  'page',
  'expected',
  'found',
  'difference',
  'tolerance',
  'raw',
  'message',
] as const;
/** After the finding's own columns in CSV: its fingerprint and triage state (new where nothing was decided). */
export const TRIAGE_COLUMNS = ['fingerprint', 'triage', 'triage_comment'] as const;

export function renderReport(report: Report, format: ReportFormat, html: HtmlOptions = {}): string {
  const view = shownFindings(report);
  const findings = view.shown.map((s) => s.finding);
  if (format === 'html')
    return renderHtml(
      { documents: report.documents, findings, cellsOf: report.cellsOf },
      { ...html, triage: view, isCheck },
    );
  if (format === 'json') {
    const entries = groupFindings(view.shown, isCheck).map(jsonEntry);
    return `${JSON.stringify({ documents: report.documents.map(jsonSummary), triage: { ...view.counts, hidden: view.hidden }, findings: view.shown.map(jsonFinding), entries }, null, 2)}\n`;
  }
  if (format === 'csv') return csvOf(view.shown);
  return renderMarkdown(report.documents, view, report.triage !== undefined);
}

function jsonSummary(s: DocumentSummary) {
  return {
    ...s.document,
    tables: s.tables,
    financialFacts: s.financialFacts,
    indicatorFacts: s.indicatorFacts,
    coverage: s.coverage,
    findings: s.findings,
    verdict: s.verdict,
  };
}

/** A finding of klopt's rules (`klopt rules`) is a check; any other finding a reading notice. */
const RULE_IDS = new Set(ruleIds());
export const isCheck = (rule: string) => RULE_IDS.has(rule);

/** An entry as JSON: its kind, and its findings and consequences by fingerprint (the findings array holds them). */
function jsonEntry(e: Entry) {
  const f = e.head.finding;
  return {
    kind: e.kind,
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    table: f.table,
    row: f.row,
    column: f.column,
    line: f.line,
    page: f.page,
    findings: [e.head, ...e.same].map((s) => s.fingerprint),
    consequences: e.consequences.map((s) => s.fingerprint),
  };
}

/** A triage state as JSON: the decision, and for review the one made before the finding changed. */
function jsonTriage(t: TriageState) {
  if (t.status === 'new') return { status: 'new' };
  const { status, comment, by, at } = t.entry;
  return t.status === 'review'
    ? { status: 'review', previous: { status, comment, by, at } }
    : { status, comment, by, at };
}

function jsonFinding({ finding: f, fingerprint, triage }: ShownFinding): Record<string, unknown> {
  return Object.fromEntries<unknown>([
    ...FINDING_COLUMNS.map((k): [string, unknown] => [k, f[k]]),
    ['tableIndex', f.tableIndex],
    ['documentId', f.documentId],
    ['evidence', f.evidence ?? null],
    ['fingerprint', fingerprint],
    ['triage', jsonTriage(triage)],
  ]);
}

/**
 * Text from documents that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`,
 * `@`, tab, CR first) gets a leading quote (OWASP CSV injection). A figure such as `-1.234` or
 * `-12,5%` stays as printed: a spreadsheet reads it as a number, never as a formula.
 */
export const CSV_FORMULA = /^(?!-$)(?![-+]?[\d.,\s]*\d[\d.,\s]*%?$)[=+\-@\t\r]/;

/** Findings as CSV in the order given, each with its fingerprint (state new: no triage given). */
export function renderCsv(findings: Finding[]): string {
  return csvOf(
    findings.map((finding) => ({ finding, fingerprint: fingerprintOf(finding), triage: { status: 'new' } })),
  );
}

function csvOf(shown: ShownFinding[]): string {
  const data = shown.map(({ finding: f, fingerprint, triage }) => [
    ...FINDING_COLUMNS.map((k) => f[k] ?? ''),
    fingerprint,
    triage.status,
    triage.status === 'new' ? '' : triage.entry.comment,
  ]);
  return `${Papa.unparse({ fields: [...FINDING_COLUMNS, ...TRIAGE_COLUMNS], data }, { escapeFormulae: CSV_FORMULA })}\r\n`;
}

/**
 * A table cell of the markdown report: document text is shown, never rendered. HTML and entities
 * are escaped (a viewer would run `<script>` or load `<img src>`), markdown syntax that could
 * make links, images or emphasis is backslash-escaped, control characters (terminal escapes)
 * are dropped, and `|` cannot end the cell.
 */
export const cell = (text: string | number | null) =>
  text === null
    ? ''
    : String(text)
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
        .replace(/\s+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]!|]/g, (c) => `\\${c}`);
const amount = (x: number | null) => (x === null ? '' : formatDutch(x, Number.isInteger(x) ? 0 : 1));

function renderMarkdown(documents: DocumentSummary[], view: ReportView, withTriage: boolean): string {
  const findings = view.shown.map((s) => s.finding);
  const stateOf = new Map(view.shown.map((s) => [s.finding, s]));
  const out: string[] = ['# klopt — discrepancy report', ''];
  if (withTriage) {
    out.push(
      `Triage: ` +
        `${triageSummary(view.counts) || 'no findings'}${view.hidden ? `; ${view.hidden} triaged finding(s) left out (--hide-triaged)` : ''}.`,
      '',
    );
  }
  out.push(
    '| Document | Gemeente | Type | Jaar | Tables | Facts | Amounts read | Errors | Warnings | Info | Verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const s of documents) {
    const d = s.document;
    out.push(
      `| ${cell(d.file)} | ${cell(d.gemeente)} | ${d.documentType} | ${d.year ?? ''} | ${s.tables} | ` +
        `${s.financialFacts + s.indicatorFacts} | ${formatCoverage(s.coverage)} | ${s.findings.error} | ` +
        `${s.findings.warning} | ${s.findings.info} | **${s.verdict}** |`,
    );
  }
  for (const s of documents) {
    const own = findings.filter((f) => f.documentId === s.document.id);
    out.push('', `## ${cell(s.document.file)}`, '');
    if (own.length === 0) {
      out.push('No findings.');
      continue;
    }
    out.push(
      `| Severity | Rule | Table | Row | Column | Line/page | Expected | Found | Difference | Message ` +
        `|${withTriage ? ' Triage | Fingerprint |' : ''}`,
      `|---|---|---|---|---|---|---|---|---|---|${withTriage ? '---|---|' : ''}`,
    );
    for (const f of own) {
      const place = f.page ? `p. ${f.page}` : f.line ? `line ${f.line}` : '';
      const s = stateOf.get(f)!;
      const triage = withTriage ? ` ${cell(triageText(s.triage))} | ${s.fingerprint.slice(0, 12)} |` : '';
      out.push(
        `| ${f.severity} | ${f.rule} | ${cell(f.table)} | ${cell(f.row)} | ${cell(f.column)} | ${place} | ` +
          `${amount(f.expected)} | ${amount(f.found)} | ${amount(f.difference)} | ${cell(f.message)} |${triage}`,
      );
    }
  }
  const orphan = findings.filter((f) => !documents.some((s) => s.document.id === f.documentId));
  if (orphan.length) {
    out.push('', '## Files that could not be read', '');
    for (const f of orphan) out.push(`- **${f.severity}** ${cell(f.file)}: ${cell(f.message)}`);
  }
  return `${out.join('\n')}\n`;
}
