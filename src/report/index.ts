import Papa from 'papaparse';
import { formatDutch } from '../grammar/number.js';
import { severityRank, type Finding } from '../../schemas/index.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { formatCoverage, type DocumentSummary, type Report } from './summary.js';

export type ReportFormat = 'json' | 'csv' | 'md' | 'html';

export { VERDICTS, formatCoverage, summarise, type DocumentSummary, type Report, type Verdict } from './summary.js';

/** Most severe first, then by file and place in the file. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank[b.severity] - severityRank[a.severity] ||
      a.file.localeCompare(b.file) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

export const FINDING_COLUMNS = ['rule', 'severity', 'file', 'table', 'row', 'column', 'line', 'page', 'expected', 'found', 'difference', 'tolerance', 'raw', 'message'] as const;

export function renderReport(report: Report, format: ReportFormat, html: HtmlOptions = {}): string {
  const findings = sortFindings(report.findings);
  if (format === 'html') return renderHtml({ documents: report.documents, findings }, html);
  if (format === 'json') {
    return `${JSON.stringify({ documents: report.documents.map(jsonSummary), findings: findings.map(jsonFinding) }, null, 2)}\n`;
  }
  if (format === 'csv') return renderCsv(findings);
  return renderMarkdown(report.documents, findings);
}

function jsonFinding(f: Finding) {
  return Object.fromEntries([...FINDING_COLUMNS.map((k) => [k, f[k]]), ['tableIndex', f.tableIndex], ['documentId', f.documentId], ['evidence', f.evidence ?? null]]);
}

function jsonSummary(s: DocumentSummary) {
  return { ...s.document, tables: s.tables, financialFacts: s.financialFacts, indicatorFacts: s.indicatorFacts, coverage: s.coverage, findings: s.findings, verdict: s.verdict };
}

/**
 * Text from documents that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`,
 * `@`, tab, CR first) gets a leading quote (OWASP CSV injection). A figure such as `-1.234` or
 * `-12,5%` stays as printed: a spreadsheet reads it as a number, never as a formula.
 */
export const CSV_FORMULA = /^(?!-$)(?![-+]?[\d.,\s]*\d[\d.,\s]*%?$)[=+\-@\t\r]/;

export function renderCsv(findings: Finding[]): string {
  return `${Papa.unparse({ fields: [...FINDING_COLUMNS], data: findings.map((f) => FINDING_COLUMNS.map((k) => f[k] ?? '')) }, { escapeFormulae: CSV_FORMULA })}\r\n`;
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

function renderMarkdown(documents: DocumentSummary[], findings: Finding[]): string {
  const out: string[] = ['# klopt — discrepancy report', ''];
  out.push('| Document | Gemeente | Type | Jaar | Tables | Facts | Amounts read | Errors | Warnings | Info | Verdict |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of documents) {
    const d = s.document;
    out.push(`| ${cell(d.file)} | ${cell(d.gemeente)} | ${d.documentType} | ${d.year ?? ''} | ${s.tables} | ${s.financialFacts + s.indicatorFacts} | ${formatCoverage(s.coverage)} | ${s.findings.error} | ${s.findings.warning} | ${s.findings.info} | **${s.verdict}** |`);
  }
  for (const s of documents) {
    const own = findings.filter((f) => f.documentId === s.document.id);
    out.push('', `## ${cell(s.document.file)}`, '');
    if (own.length === 0) {
      out.push('No findings.');
      continue;
    }
    out.push('| Severity | Rule | Table | Row | Column | Line/page | Expected | Found | Difference | Message |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const f of own) {
      const place = f.page ? `p. ${f.page}` : f.line ? `line ${f.line}` : '';
      out.push(`| ${f.severity} | ${f.rule} | ${cell(f.table)} | ${cell(f.row)} | ${cell(f.column)} | ${place} | ${amount(f.expected)} | ${amount(f.found)} | ${amount(f.difference)} | ${cell(f.message)} |`);
    }
  }
  const orphan = findings.filter((f) => !documents.some((s) => s.document.id === f.documentId));
  if (orphan.length) {
    out.push('', '## Files that could not be read', '');
    for (const f of orphan) out.push(`- **${f.severity}** ${cell(f.file)}: ${cell(f.message)}`);
  }
  return `${out.join('\n')}\n`;
}
