/**
 * The auditor's report as one self-contained HTML file: no scripts, styles, fonts or images from
 * anywhere else, so it opens from disk, offline, years later. Every string that came from a
 * document goes through `esc`; the inline script reads only data-* attributes and the DOM, so no
 * document text is ever placed inside script code.
 */
import { formatDutch, formatTolerance } from '../grammar/number.js';
import { severityRank, type FinancialFact, type Finding, type Severity } from '../../schemas/index.js';
import { formatCoverage, type DocumentSummary, type Report } from './summary.js';
import { TRIAGE_STATES, type TriageStateName } from '../store/triage.js';
import { shownFindings, triageSummary, type ReportView, type ShownFinding } from './view.js';
import { groupFindings, type Entry } from './groups.js';
import { basename, relative, resolve, sep } from 'node:path';

export interface HtmlOptions {
  /** Shown in the header; ISO timestamp. */
  generatedAt?: string;
  kloptVersion?: string;
  /** The findings with their fingerprints and triage states (renderReport passes it); default: all new. */
  triage?: ReportView;
  /**
   * The directory the report is written to, so a finding links to its source file relative to it
   * (the CLI passes --out's directory, or the working directory for stdout); absent: no links to files.
   */
  linkBase?: string;
  /**
   * Tells a check (a rule's finding) from a reading notice (renderReport passes klopt's rules); default: all checks.
   */
  isCheck?: (rule: string) => boolean;
}

const TRIAGE_LABELS: Record<TriageStateName, string> = {
  new: 'new',
  review: 'review',
  explained: 'explained',
  accepted: 'accepted',
  'false-alarm': 'false alarm',
};

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const LINE_REF = /\(line (\d+)\)/g;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** An amount in Dutch notation with the decimals it needs (at most three). */
export function dutchAmount(x: number | null): string {
  if (x === null) return '';
  const rounded = Math.round(x * 1000) / 1000;
  const decimals = (String(rounded).split('.')[1] ?? '').length;
  return formatDutch(rounded, Math.min(decimals, 3));
}

const verdictClass = (v: DocumentSummary['verdict']) => `verdict-${v.replace(/ /g, '-')}`;

/** The document a finding belongs to, by file (findings about unreadable files have no document). */
const documentOf = (f: Finding) => f.file;

/**
 * A relative link from the report's directory to a file, never a scheme: each segment
 * percent-encoded (a file named `javascript:x` becomes `./javascript%3Ax`).
 */
export function fileHref(file: string, base: string): string {
  const rel = relative(base, resolve(file)).split(sep).map(encodeURIComponent).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/** Links of a report: a document's row in the summary, and source files relative to the report. */
interface Links {
  docAnchor: Map<string, string>;
  base?: string;
  /** The stored cells of a table, for evidence grids. */
  grids?: Report['cellsOf'];
}

function place(f: Finding, links: Links): string {
  const anchor = links.docAnchor.get(f.file);
  const name = anchor
    ? `<a class="file doc-link" href="#${anchor}" title="the document in the summary">${esc(f.file)}</a>`
    : `<span class="file">${esc(f.file)}</span>`;
  const source = links.base
    ? ` <a class="source-link noprint" href="${esc(fileHref(f.file, links.base))}" title="the source file as ` +
      `it is now (the excerpt below is what it printed when read)">source</a>`
    : '';
  const parts: string[] = [`${name}${source}`];
  const at = [f.page !== null ? `p. ${f.page}` : '', f.line !== null ? `line ${f.line}` : '']
    .filter(Boolean)
    .join(', ');
  if (at) parts.push(`<span class="at">${esc(at)}</span>`);
  if (f.table !== null)
    parts.push(
      `<span class="label">table</span> ` +
        `${esc(f.table)}${f.tableIndex !== null ? ` <span class="muted">(#${esc(f.tableIndex)})</span>` : ''}`,
    );
  if (f.row !== null) parts.push(`<span class="label">row</span> ${esc(f.row)}`);
  if (f.column !== null) parts.push(`<span class="label">column</span> ${esc(f.column)}`);
  return parts.join('<br>');
}

/** The offending value marked in its line: the occurrence of `raw` not inside a longer number. */
function highlight(text: string, raw: string | null): string {
  const needle = raw?.trim();
  if (!needle) return `<mark>${esc(text)}</mark>`;
  const pattern = new RegExp(`(?<![\\d.,])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.,])`);
  const m = pattern.exec(text) ?? (text.includes(needle) ? { index: text.indexOf(needle) } : null);
  if (!m) return `<mark>${esc(text)}</mark>`;
  const end = m.index + needle.length;
  return `${esc(text.slice(0, m.index))}<mark>${esc(text.slice(m.index, end))}</mark>${esc(text.slice(end))}`;
}

/** A fact's row as findings name it: "6.73A Pleegzorg / Lasten" for a line of a taakveld, else its label. */
const factRowName = (c: FinancialFact) =>
  c.group && c.group !== c.rowLabel ? `${c.group} / ${c.rowLabel}` : c.rowLabel;

/**
 * The rows and columns a finding involves, rebuilt from the stored cells: its own cell (found where
 * the finding stands: its line, else its row and column) and the cells its message compares
 * ("(line 1038)"), each row with every column of the table. The finding's cell is marked, the
 * compared cells shaded. Empty when the cells are not at hand or not found.
 */
function evidenceGrid(f: Finding, cells: FinancialFact[] | undefined): string {
  if (!cells?.length || f.column === null) return '';
  const target =
    cells.find((c) => c.columnHeader === f.column && f.line !== null && c.provenance.line === f.line) ??
    cells.find(
      (c) =>
        c.columnHeader === f.column &&
        f.row !== null &&
        factRowName(c) === f.row &&
        (f.page === null || c.provenance.page === f.page),
    );
  if (!target) return '';
  const lines = new Set([...f.message.matchAll(LINE_REF)].map((m) => Number(m[1])));
  const compared = new Set(
    cells.filter((c) => c !== target && c.provenance.line !== null && lines.has(c.provenance.line)),
  );
  const rows = [...new Set([target, ...compared].map((c) => c.rowIndex))].sort((a, b) => a - b);
  const inRows = cells.filter((c) => rows.includes(c.rowIndex));
  const columns = [...new Map(inRows.map((c) => [c.columnIndex, c.columnHeader])).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  const at = (r: number, col: number) => inRows.find((c) => c.rowIndex === r && c.columnIndex === col);
  const cellHtml = (c: FinancialFact | undefined) => {
    if (!c) return '<td></td>';
    const cls = c === target ? 'num offending' : compared.has(c) ? 'num compared' : 'num';
    const text = c.status === 'missing' ? '<span class="muted">(not printed)</span>' : esc(c.provenance.raw || '');
    const where =
      c.provenance.page !== null
        ? `p. ${c.provenance.page}`
        : c.provenance.line !== null
          ? `line ${c.provenance.line}`
          : '';
    const title =
      c === target
        ? `printed ` +
          `${c.provenance.raw || 'nothing'}${f.expected !== null ? `, expected ${dutchAmount(f.expected)}` : ''}${where ? ` (${where})` : ''}`
        : where;
    return `<td class="${cls}" title="${esc(title)}">${text}</td>`;
  };
  const body = rows
    .map(
      (r) =>
        `<tr><th ` +
        `scope="row">${esc(factRowName(inRows.find((c) => c.rowIndex === r)!))}</th>${columns.map(([col]) => cellHtml(at(r, col))).join('')}</tr>`,
    )
    .join('');
  const expected = f.expected !== null ? `expected <b>${esc(dutchAmount(f.expected))}</b>, ` : '';
  const where =
    target.provenance.page !== null
      ? `p. ${target.provenance.page}`
      : target.provenance.line !== null
        ? `line ${target.provenance.line}`
        : '';
  return (
    `<table class="grid" aria-label="cells involved"><caption>${esc(f.table ?? '')}: ${expected}printed ` +
    `<b>${target.status === 'missing' ? 'nothing' : esc(target.provenance.raw)}</b>${where ? ` (${esc(where)})` : ''}; ` +
    `marked: this cell, shaded: the cells ` +
    `compared</caption><thead><tr><th></th>${columns.map(([, h]) => `<th class="num">${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`
  );
}

/** The grid where the stored cells allow, with the source lines one click away; else the source lines. */
function evidenceBlock(f: Finding, cellsOf: Report['cellsOf']): string {
  const grid =
    f.documentId !== null && f.tableIndex !== null && cellsOf
      ? evidenceGrid(f, cellsOf(f.documentId, f.tableIndex))
      : '';
  const lines = evidence(f);
  if (!grid) return lines;
  return `${grid}${lines ? `<details class="source-lines"><summary>source lines</summary>${lines}</details>` : ''}`;
}

function evidence(f: Finding): string {
  if (!f.evidence?.length) {
    return f.raw === null
      ? ''
      : `<div class="evidence"><div class="src"><span class="ln"></span><span ` +
          `class="tx"><mark>${esc(f.raw)}</mark></span></div></div>`;
  }
  const compared = new Set([...f.message.matchAll(LINE_REF)].map((m) => Number(m[1])));
  const out: string[] = [];
  let previous: number | null = null;
  for (const l of f.evidence) {
    // Blank lines carry nothing (cell-per-line dumps alternate them); a real gap gets a marker.
    if (previous !== null && l.line !== previous + 1)
      out.push('<div class="src gap"><span class="ln">⋮</span><span class="tx"></span></div>');
    previous = l.line;
    if (l.text.trim() === '') continue;
    const own = l.line === f.line;
    const cls = own ? 'src focus' : compared.has(l.line) ? 'src compared' : 'src';
    out.push(
      `<div class="${cls}"><span class="ln">${l.line}</span><span ` +
        `class="tx">${own ? highlight(l.text, f.raw) : esc(l.text)}</span></div>`,
    );
  }
  return `<div class="evidence" aria-label="source excerpt">${out.join('')}</div>`;
}

/**
 * What the page's triage export needs of a finding to write its entry (read by the script as JSON from data-finding).
 */
function identity(f: Finding, fingerprint: string): string {
  const { rule, file, documentId, table, tableIndex, row, column, line, page, expected, found } = f;
  return JSON.stringify({
    fingerprint,
    rule,
    file,
    documentId,
    table,
    tableIndex,
    row,
    column,
    line,
    page,
    expected,
    found,
  });
}

/** The triage of a finding: its state, the decision on record, and the controls to record one (left out in print). */
function triageCell({ triage }: ShownFinding): string {
  const current = triage.status === 'new' || triage.status === 'review' ? '' : triage.status;
  const recorded =
    triage.status === 'new'
      ? ''
      : triage.status === 'review'
        ? `<p class="triage-note review">Review: this finding was marked ` +
          `<b>${esc(TRIAGE_LABELS[triage.entry.status])}</b> ` +
          `(“${esc(triage.entry.comment)}”${triage.entry.by ? `, ${esc(triage.entry.by)}` : ''}, ` +
          `${esc(triage.entry.at.slice(0, 10))}); the document or the finding has changed since.</p>`
        : `<p class="triage-note">Marked <b>${esc(TRIAGE_LABELS[triage.status])}</b>: ` +
          `“${esc(triage.entry.comment)}”${triage.entry.by ? ` (${esc(triage.entry.by)}, ${esc(triage.entry.at.slice(0, 10))})` : ` (${esc(triage.entry.at.slice(0, 10))})`}</p>`;
  const opts = ['', 'explained', 'accepted', 'false-alarm']
    .map(
      (v) =>
        `<option ` +
        `value="${v}"${v === current ? ' selected' : ''}>${v === '' ? '— not triaged' : esc(TRIAGE_LABELS[v as TriageStateName])}</option>`,
    )
    .join('');
  const comment = current ? (triage.status !== 'new' && triage.status !== 'review' ? triage.entry.comment : '') : '';
  return (
    `${recorded}<div class="triage noprint"><label>Triage <select class="triage-status" aria-label="triage ` +
    `status">${opts}</select></label> <input type="text" class="triage-comment" aria-label="triage comment" ` +
    `placeholder="why (required to export)" value="${esc(comment)}" size="50"></div>`
  );
}

/** One finding of an entry beyond its head, or a consequence: rule, severity, place, values and message, compactly. */
function memberItem({ finding: m, triage }: ShownFinding, withPlace: boolean): string {
  const at = [m.page !== null ? `p. ${m.page}` : '', m.line !== null ? `line ${m.line}` : '']
    .filter(Boolean)
    .join(', ');
  const where = withPlace
    ? [m.table, m.row, m.column]
        .filter((x) => x !== null)
        .map((x) => esc(x))
        .join(' · ')
    : esc(m.column ?? '');
  const values =
    m.expected !== null || m.found !== null
      ? ` <span class="muted">expected ${esc(dutchAmount(m.expected))}, found ${esc(dutchAmount(m.found))}</span>`
      : '';
  return (
    `<li><span class="badge ${esc(m.severity)}">${esc(m.severity)}</span> ` +
    `<b>${esc(m.rule)}</b>${where ? ` ${where}` : ''}${at ? ` <span class="at">${esc(at)}</span>` : ''}${values} ` +
    `<span class="triage-badge">${esc(TRIAGE_LABELS[triage.status])}</span><br><span ` +
    `class="member-message">${esc(m.message)}</span></li>`
  );
}

function findingRows(e: Entry, links: Links): string {
  const shown = e.head;
  const { finding: f, fingerprint, triage } = shown;
  const num = (x: number | null) => (x === null ? '' : String(x));
  const entry = triage.status === 'new' ? null : triage.entry;
  const members = [e.head, ...e.same];
  const attrs = [
    `data-kind="${e.kind}"`,
    `data-findings="${members.length}"`,
    `data-fingerprint="${fingerprint}"`,
    `data-triage="${triage.status}"`,
    `data-finding="${esc(identity(f, fingerprint))}"`,
    `data-members="${esc(`[${members.map((m) => identity(m.finding, m.fingerprint)).join(',')}]`)}"`,
    ...(entry && triage.status !== 'review'
      ? [
          `data-triage-comment="${esc(entry.comment)}"`,
          `data-triage-by="${esc(entry.by)}"`,
          `data-triage-at="${esc(entry.at)}"`,
        ]
      : []),
    `data-severity="${esc(f.severity)}"`,
    `data-rule="${esc(f.rule)}"`,
    `data-document="${esc(documentOf(f))}"`,
    `data-sort-severity="${severityRank[f.severity]}"`,
    `data-sort-rule="${esc(f.rule)}"`,
    `data-sort-place="${esc(`${f.file}\t${String(f.page ?? 0).padStart(6, '0')}${String(f.line ?? 0).padStart(9, '0')}`)}"`,
    `data-sort-expected="${num(f.expected)}"`,
    `data-sort-found="${num(f.found)}"`,
    `data-sort-difference="${f.difference === null ? '' : Math.abs(f.difference)}"`,
  ].join(' ');
  return `<tbody class="finding sev-${esc(f.severity)} triage-${triage.status}" ${attrs}>
<tr class="head"><td><span class="badge ${esc(f.severity)}">${esc(f.severity)}</span></td><td class="rule">${esc(f.rule)}<br><span class="triage-badge">${esc(TRIAGE_LABELS[triage.status])}</span> <span class="fp" title="fingerprint (klopt triage mark takes it or a prefix)">${fingerprint.slice(0, 12)}</span></td><td class="place">${place(f, links)}</td>
<td class="num">${esc(dutchAmount(f.expected))}</td><td class="num">${esc(dutchAmount(f.found))}</td><td class="num">${esc(dutchAmount(f.difference))}</td><td class="num">${f.tolerance === null ? '' : `±${esc(formatTolerance(f.tolerance))}`}</td></tr>
<tr class="detail"><td></td><td colspan="6"><p class="message">${esc(f.message)}</p>${links.grids && e.kind === 'check' ? evidenceBlock(f, links.grids) : evidence(f)}${
    e.same.length
      ? `<div class="same"><p class="group-title">Also at this place ` +
        `(${e.same.length}):</p><ul>${e.same.map((m) => memberItem(m, false)).join('')}</ul></div>`
      : ''
  }${
    e.consequences.length
      ? `<div class="consequences"><p class="group-title">Consequences (${e.consequences.length}): what this ` +
        `breaks elsewhere</p><ul>${e.consequences.map((m) => memberItem(m, true)).join('')}</ul></div>`
      : ''
  }${triageCell(shown)}</td></tr>
</tbody>`;
}

interface ChartRow {
  label: string;
  /** What a click on the row filters the list by. */
  filter?: { by: 'document' | 'rule'; value: string };
  counts: Record<Severity, number>;
}

/** A horizontal bar per row, stacked by severity; plain SVG, text escaped like everything else. */
function barChart(title: string, rows: ChartRow[]): string {
  if (rows.length === 0) return '';
  const labelW = Math.max(120, Math.min(560, 12 + 6.6 * Math.max(...rows.map((r) => r.label.length))));
  const barW = 320;
  const rowH = 22;
  const max = Math.max(1, ...rows.map((r) => SEVERITIES.reduce((s, k) => s + r.counts[k], 0)));
  const body = rows
    .map((r, i) => {
      const y = 24 + i * rowH;
      let x = labelW;
      const total = SEVERITIES.reduce((s, k) => s + r.counts[k], 0);
      const bars = SEVERITIES.filter((s) => r.counts[s] > 0)
        .map((s) => {
          const w = (r.counts[s] / max) * barW;
          const rect =
            `<rect class="bar-${s}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" ` +
            `height="${rowH - 6}"><title>${esc(`${r.label}: ${r.counts[s]} ${s}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const row =
        `<text x="${(labelW - 6).toFixed(1)}" y="${y + 12}" ` +
        `text-anchor="end"><title>${esc(r.label)}</title>${esc(r.label)}</text>${bars}<text ` +
        `x="${(x + 4).toFixed(1)}" y="${y + 12}">${total}</text>`;
      return r.filter
        ? `<g class="chart-link" role="button" tabindex="0" data-filter-by="${r.filter.by}" ` +
            `data-filter-value="${esc(r.filter.value)}">${row}</g>`
        : row;
    })
    .join('');
  const h = 30 + rows.length * rowH;
  return (
    `<figure class="chart"><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${labelW + barW + 40} ${h}" ` +
    `width="${labelW + barW + 40}" height="${h}" xmlns="http://www.w3.org/2000/svg"><text x="0" y="14" ` +
    `class="chart-title">${esc(title)}</text>${body}</svg></figure>`
  );
}

function countsBy(
  findings: Finding[],
  key: (f: Finding) => string,
  by?: 'document' | 'rule',
  value: (f: Finding) => string = key,
): ChartRow[] {
  const map = new Map<string, { counts: Record<Severity, number>; value: string }>();
  for (const f of findings) {
    const k = key(f);
    const c = map.get(k) ?? { counts: { error: 0, warning: 0, info: 0 }, value: value(f) };
    c.counts[f.severity]++;
    map.set(k, c);
  }
  return [...map]
    .map(([label, { counts, value: v }]) => ({ label, counts, ...(by ? { filter: { by, value: v } } : {}) }))
    .sort(
      (a, b) =>
        b.counts.error - a.counts.error ||
        b.counts.warning - a.counts.warning ||
        b.counts.info - a.counts.info ||
        a.label.localeCompare(b.label),
    );
}

function summaryTable(documents: DocumentSummary[]): string {
  const rows = documents
    .map((s, i) => {
      const d = s.document;
      return `<tr id="doc-${i + 1}" class="${verdictClass(s.verdict)}"><td class="file">${esc(d.file)}</td><td>${esc(d.gemeente)}</td><td>${esc(d.documentType)}</td><td>${esc(d.year)}</td><td>${esc(d.programme)}</td>
<td class="num">${s.tables}</td><td class="num">${s.financialFacts + s.indicatorFacts}</td><td class="num">${esc(formatCoverage(s.coverage))}</td><td class="num">${s.findings.error}</td><td class="num">${s.findings.warning}</td><td class="num">${s.findings.info}</td>
<td><span class="verdict ${verdictClass(s.verdict)}">${esc(s.verdict)}</span></td><td class="noprint"><button type="button" class="show-doc" data-document="${esc(d.file)}">show findings</button></td></tr>`;
    })
    .join('\n');
  return `<table class="summary"><thead><tr><th>Document</th><th>Gemeente</th><th>Type</th><th>Jaar</th><th>Programma</th><th class="num">Tables</th><th class="num">Facts</th><th class="num">Amounts read</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th>Verdict</th><th class="noprint"></th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

const options = (values: string[]) => values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');

const SORT_COLUMNS: Array<[key: string, label: string, numeric: boolean]> = [
  ['severity', 'Severity', true],
  ['rule', 'Rule', false],
  ['place', 'Place', false],
  ['expected', 'Expected', true],
  ['found', 'Found', true],
  ['difference', 'Difference', true],
];

/** Renders the report. `findings` are expected in report order (renderReport sorts them). */
export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const { documents, findings } = report;
  const view = opts.triage ?? shownFindings({ documents, findings });
  const entries = groupFindings(view.shown, opts.isCheck ?? (() => true));
  const links: Links = {
    docAnchor: new Map(documents.map((d, i) => [d.document.file, `doc-${i + 1}`])),
    base: opts.linkBase,
    grids: report.cellsOf,
  };
  const triageLine =
    `Triage: ` +
    `${triageSummary(view.counts) || 'no findings'}${view.hidden ? `; ${view.hidden} triaged finding(s) left out (--hide-triaged)` : ''}.`;
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const docs = [...new Set([...documents.map((s) => s.document.file), ...findings.map(documentOf)])];
  const total = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const verdictCounts = (v: DocumentSummary['verdict']) => documents.filter((s) => s.verdict === v).length;
  const heads = SORT_COLUMNS.map(
    ([key, label, numeric]) =>
      `<th${numeric && key !== 'severity' ? ' class="num"' : ''}><button type="button" class="sort" ` +
      `data-key="${key}" data-numeric="${numeric}">${label}</button></th>`,
  );
  const isCheck = opts.isCheck ?? (() => true);
  const checks = findings.filter((f) => isCheck(f.rule));
  const notices = findings.filter((f) => !isCheck(f.rule));
  const docLabel = (f: Finding) => basename(documentOf(f));
  const charts = findings.length
    ? `<section class="charts" aria-label="charts">
<p class="chart-legend">${SEVERITIES.map((s) => `<span class="swatch bar-${s}"></span> ${s}`).join(' ')} — <b>Checks</b>: klopt's rules (a relation that fails, figures that disagree). <b>Reading notices</b>: what klopt could not read, or read by a documented heuristic; they say how far the checks reach, not that a figure is wrong.</p>
<div class="chart-row">${barChart('Checks per document', countsBy(checks, docLabel, 'document', documentOf))}${barChart(
        'Checks per rule',
        countsBy(checks, (f) => f.rule, 'rule'),
      )}</div>
<div class="chart-row">${barChart('Reading notices per document', countsBy(notices, docLabel, 'document', documentOf))}${barChart(
        'Reading notices per rule',
        countsBy(notices, (f) => f.rule, 'rule'),
      )}</div>
<p class="chart-legend noprint">Click a bar to list its findings.</p>
</section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="klopt${opts.kloptVersion ? ` ${esc(opts.kloptVersion)}` : ''}">
<title>klopt — discrepancy report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>klopt — discrepancy report</h1>
<p class="meta">${documents.length} document(s): ${verdictCounts('adds up')} add up, ${verdictCounts('does not add up')} do not add up, ${verdictCounts('not fully read')} not fully read, ${verdictCounts('not read')} not read, ${verdictCounts('no sums checked')} read with no sums to check. ${total('error')} error(s), ${total('warning')} warning(s), ${total('info')} info.${opts.generatedAt ? ` Generated ${esc(opts.generatedAt)}` : ''}${opts.kloptVersion ? ` by klopt ${esc(opts.kloptVersion)}` : ''}.</p>
<p class="meta" id="triage-summary">${esc(triageLine)}</p>
<p class="legend"><b>adds up</b>: every relation klopt read holds within rounding; <b>does not add up</b>: at least one error; <b>not fully read</b>: no error, but part of the document could not be read, so it is not proven; <b>not read</b>: no figure of the document was read, so nothing in it is proven. <b>Amounts read</b>: amounts stored as facts of the amounts seen in its tables and table-like blocks.</p>
</header>
<main>
<h2>Documents</h2>
${summaryTable(documents)}
${charts}
<h2>Findings</h2>
<form id="filters" class="noprint" onsubmit="return false">
<label>Severity <select id="filter-severity"><option value="">all</option>${options(SEVERITIES.filter((s) => total(s) > 0))}</select></label>
<label>Rule <select id="filter-rule"><option value="">all</option>${options(rules)}</select></label>
<label>Document <select id="filter-document"><option value="">all</option>${options(docs)}</select></label>
<label>Triage <select id="filter-triage"><option value="">all</option>${TRIAGE_STATES.filter((t) => view.counts[t] > 0)
    .map((t) => `<option value="${t}">${esc(TRIAGE_LABELS[t])}</option>`)
    .join('')}</select></label>
<label>Search <input type="search" id="filter-search" placeholder="row, column, message, file…" size="28"></label>
<button type="button" id="filter-reset">reset</button>
<span id="shown-count" aria-live="polite">${entries.length} of ${entries.length} entries shown (${entries.reduce((a, e) => a + 1 + e.same.length, 0)} findings)</span>
</form>
<p class="print-only" id="print-filter"></p>
<div id="triage-bar" class="noprint"><p id="triage-counts">${esc(triageLine)}</p>
<p>Mark findings below (status and a comment), then <button type="button" id="triage-export">export triage file</button> <label>by <input type="text" id="triage-by" size="16" placeholder="your name"></label> and read it into the database with <code>klopt triage import &lt;file&gt; --db …</code>. <span id="triage-message" aria-live="polite"></span></p></div>
${
  findings.length
    ? `<table id="findings"><thead><tr>${heads.join('')}<th class="num">Tolerance</th></tr></thead>
${(['check', 'reading'] as const)
  .map((k) => {
    const own = entries.filter((e) => e.kind === k);
    return own.length
      ? `<tbody class="section" data-kind="${k}"><tr><th ` +
          `colspan="7">${k === 'check' ? 'Checks' : 'Reading notices'} <span class="muted">(${own.length} ` +
          `${own.length === 1 ? 'entry' : 'entries'}${k === 'check' ? '; a finding that follows from another is listed under it as its consequence' : ': what klopt could not read, or read by a heuristic'})</span></th></tr></tbody>\n${own.map((e) => findingRows(e, links)).join('\n')}`
      : '';
  })
  .join('\n')}
</table>`
    : '<p>No findings.</p>'
}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
:root { --error: #b3261e; --warning: #9a6700; --info: #35659a; --ok: #1a7f37; --line: #d0d7de; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; padding: 1rem 1.5rem; max-width: 1400px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
.meta, .legend, .muted { color: #59636e; } .legend { font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--bg-soft); }
table.summary td.file { min-width: 24em; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.file { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
.badge, .verdict { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.verdict-adds-up .verdict { background: var(--ok); } .verdict-not-read .verdict { background: #6b7280; } .verdict-does-not-add-up .verdict { background: var(--error); } .verdict-not-fully-read .verdict { background: var(--warning); } .verdict-no-sums-checked .verdict { background: #2563eb; }
.label { color: #59636e; font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
.at { font-weight: 600; }
tbody.finding tr.head td { border-bottom: none; }
tbody.finding.sev-error { box-shadow: inset 3px 0 var(--error); } tbody.finding.sev-warning { box-shadow: inset 3px 0 var(--warning); } tbody.finding.sev-info { box-shadow: inset 3px 0 var(--info); }
.message { margin: 0 0 .35rem; }
.evidence { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 4px; padding: .3rem 0; max-width: 100%; overflow-x: auto; }
.src { display: flex; white-space: pre-wrap; word-break: break-word; } .src .ln { flex: 0 0 4.5em; text-align: right; padding-right: .75em; color: #8c959f; user-select: none; }
.src.focus { background: #fff1e5; } .src.compared { background: #eef4ff; } .src.gap .ln { text-align: center; }
mark { background: #ffd33d; color: inherit; font-weight: 700; padding: 0 .1em; border-radius: 2px; }
button.sort { font: inherit; font-weight: 600; background: none; border: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; } th[aria-sort="descending"] button.sort::after { content: " ▼"; }
#filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .5rem 0 .75rem; }
#shown-count { color: #59636e; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; } .chart { margin: 0; }
.chart text { font-size: 12px; fill: #1f2328; } .chart .chart-title { font-weight: 600; }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); }
.print-only { display: none; }
table.grid { width: auto; margin: .25rem 0 .35rem; font-size: 12px; border: 1px solid var(--line); } table.grid caption { text-align: left; caption-side: top; padding: .2rem 0; color: #59636e; }
table.grid th, table.grid td { padding: .15rem .5rem; } table.grid td.offending { background: #ffd33d; font-weight: 700; outline: 2px solid var(--error); } table.grid td.compared { background: #eef4ff; }
details.source-lines summary { cursor: pointer; font-size: 12px; color: #59636e; }
@media print { details.source-lines > .evidence { display: block; } }
.chart-link { cursor: pointer; } .chart-link:hover text, .chart-link:focus text { text-decoration: underline; } .chart-link:hover rect { opacity: .8; }
a.doc-link { color: inherit; } a.source-link { font-size: 11px; }
tbody.section th { background: #fff; font-size: 1rem; padding-top: 1rem; border-bottom: 2px solid var(--line); }
.same, .consequences { margin-top: .4rem; font-size: 12px; } .group-title { margin: 0; font-weight: 600; } .same ul, .consequences ul { margin: .2rem 0; padding-left: 1.2rem; } .consequences { border-left: 3px solid var(--error); padding-left: .5rem; }
.member-message { color: #59636e; }
.chart-row { display: flex; flex-wrap: wrap; gap: 1rem; width: 100%; } .chart-legend { width: 100%; margin: 0; font-size: 12px; color: #59636e; }
.swatch { display: inline-block; width: .8em; height: .8em; vertical-align: middle; } .swatch.bar-error { background: var(--error); } .swatch.bar-warning { background: var(--warning); } .swatch.bar-info { background: var(--info); }
.triage-badge { display: inline-block; font-size: 11px; padding: 0 .35rem; border-radius: 3px; background: #eaeef2; color: #1f2328; }
.triage-review .triage-badge { background: #fff1e5; color: #9a3412; font-weight: 700; } .triage-explained .triage-badge, .triage-accepted .triage-badge, .triage-false-alarm .triage-badge { background: #dafbe1; color: #1a7f37; }
.fp { font: 11px ui-monospace, SFMono-Regular, Menlo, monospace; color: #8c959f; }
.triage { margin-top: .35rem; } .triage-note { margin: .35rem 0 0; font-size: 12px; } .triage-note.review { color: #9a3412; }
.triage-comment.invalid { outline: 2px solid var(--error); }
#triage-bar { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 4px; padding: .25rem .75rem; margin-bottom: .75rem; } #triage-bar p { margin: .25rem 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .noprint { display: none !important; } .print-only { display: block; }
  tbody.finding { break-inside: avoid; page-break-inside: avoid; }
  .evidence { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4 landscape; margin: 12mm; }
}
`;

/* Filters and sorting over data-* attributes. Kept as plain ES2017 for any browser an auditor has. */
const SCRIPT = `
(function () {
  var table = document.getElementById('findings');
  var sev = document.getElementById('filter-severity');
  var rule = document.getElementById('filter-rule');
  var doc = document.getElementById('filter-document');
  var tri = document.getElementById('filter-triage');
  var search = document.getElementById('filter-search');
  var selects = { severity: sev, rule: rule, document: doc, triage: tri };
  var count = document.getElementById('shown-count');
  var printNote = document.getElementById('print-filter');
  var items = table ? Array.prototype.slice.call(table.querySelectorAll('tbody.finding')) : [];
  var sections = table ? Array.prototype.slice.call(table.querySelectorAll('tbody.section')) : [];
  function findingsIn(list) { return list.reduce(function (a, tb) { return a + Number(tb.dataset.findings); }, 0); }
  function apply() {
    var shown = 0;
    items.forEach(function (tb) {
      var q = search.value.trim().toLowerCase();
      var ok = (!sev.value || tb.dataset.severity === sev.value) && (!rule.value || tb.dataset.rule === rule.value) && (!doc.value || tb.dataset.document === doc.value) && (!tri.value || tb.dataset.triage === tri.value) && (!q || tb.textContent.toLowerCase().indexOf(q) >= 0);
      tb.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + items.length + ' entries shown (' + findingsIn(items.filter(function (tb) { return !tb.hidden; })) + ' findings)';
    sections.forEach(function (sec) { sec.hidden = !items.some(function (tb) { return !tb.hidden && tb.dataset.kind === sec.dataset.kind; }); });
    var parts = [];
    if (sev.value) parts.push('severity ' + sev.value);
    if (rule.value) parts.push('rule ' + rule.value);
    if (doc.value) parts.push('document ' + doc.value);
    if (tri.value) parts.push('triage ' + tri.value);
    if (search.value.trim()) parts.push('search "' + search.value.trim() + '"');
    saveState();
    printNote.textContent = parts.length ? 'Filtered: ' + parts.join(', ') + ' (' + count.textContent + ').' : '';
  }
  // Filters, search and sort live in the URL's fragment (works from disk): a link or a reload shows the same list.
  var sortState = '';
  function saveState() {
    var params = [];
    Object.keys(selects).forEach(function (k) { if (selects[k].value) params.push(k + '=' + encodeURIComponent(selects[k].value)); });
    if (search.value.trim()) params.push('q=' + encodeURIComponent(search.value.trim()));
    if (sortState) params.push('sort=' + sortState);
    var hash = params.length ? '#' + params.join('&') : '';
    if (location.hash !== hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  function setSelect(s, value) {
    var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
    s.value = known ? value : '';
  }
  function loadState() {
    var sort = '';
    location.hash.replace(/^#/, '').split('&').forEach(function (p) {
      var i = p.indexOf('=');
      if (i < 0) return;
      var k = p.slice(0, i), v = decodeURIComponent(p.slice(i + 1));
      if (selects[k]) setSelect(selects[k], v);
      else if (k === 'q') search.value = v;
      else if (k === 'sort') sort = v;
    });
    return sort;
  }
  [sev, rule, doc, tri].forEach(function (s) { s.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  document.getElementById('filter-reset').addEventListener('click', function () { sev.value = ''; rule.value = ''; doc.value = ''; tri.value = ''; search.value = ''; apply(); });
  Array.prototype.forEach.call(document.querySelectorAll('.chart-link'), function (g) {
    function pick() {
      Object.keys(selects).forEach(function (k) { selects[k].value = ''; });
      search.value = '';
      setSelect(selects[g.dataset.filterBy], g.dataset.filterValue);
      apply();
      if (table) table.scrollIntoView();
    }
    g.addEventListener('click', pick);
    g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
  });
  // Triage: the marks made in the page are written to a file klopt triage import reads. A mark
  // unchanged from the database keeps its comment, author and time.
  var message = document.getElementById('triage-message');
  var exportButton = document.getElementById('triage-export');
  if (exportButton) exportButton.addEventListener('click', function () {
    var by = document.getElementById('triage-by').value.trim() || null;
    var now = new Date().toISOString();
    var entries = [], missing = 0;
    items.forEach(function (tb) {
      var status = tb.querySelector('select.triage-status').value;
      var input = tb.querySelector('input.triage-comment');
      var comment = input.value.trim();
      input.classList.remove('invalid');
      if (!status) return;
      if (!comment) { input.classList.add('invalid'); missing++; return; }
      // the decision is on every finding of the entry (the same place); consequences keep their own
      var same = tb.dataset.triage === status && tb.dataset.triageComment === comment;
      JSON.parse(tb.dataset.members).forEach(function (entry) {
        entry.status = status;
        entry.comment = comment;
        entry.by = same ? (tb.dataset.triageBy || null) : by;
        entry.at = same ? tb.dataset.triageAt : now;
        entries.push(entry);
      });
    });
    if (missing) { message.textContent = missing + ' marked finding(s) have no comment: say why before exporting.'; return; }
    var blob = new Blob([JSON.stringify({ klopt: 'triage', version: 1, entries: entries }, null, 2) + '\\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'klopt-triage.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    message.textContent = entries.length + ' triaged finding(s) exported to klopt-triage.json.';
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.show-doc'), function (b) {
    b.addEventListener('click', function () { doc.value = b.dataset.document; apply(); if (table) table.scrollIntoView(); });
  });
  function sortBy(b, dir) {
      var th = b.parentNode;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var key = 'sort' + b.dataset.key.charAt(0).toUpperCase() + b.dataset.key.slice(1);
      var numeric = b.dataset.numeric === 'true';
      var sign = dir === 'ascending' ? 1 : -1;
      items.sort(function (x, y) {
        if (x.dataset.kind !== y.dataset.kind) return x.dataset.kind === 'check' ? -1 : 1; // checks, then reading notices
        var a = x.dataset[key], c = y.dataset[key];
        if (a === c) return 0;
        if (a === '') return 1; // empty values last, either direction
        if (c === '') return -1;
        return sign * (numeric ? Number(a) - Number(c) : (a < c ? -1 : 1));
      });
      sections.forEach(function (sec) {
        table.appendChild(sec);
        items.forEach(function (tb) { if (tb.dataset.kind === sec.dataset.kind) table.appendChild(tb); });
      });
      sortState = b.dataset.key + ':' + dir;
  }
  Array.prototype.forEach.call(document.querySelectorAll('button.sort'), function (b) {
    b.addEventListener('click', function () {
      sortBy(b, b.parentNode.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending');
      saveState();
    });
  });
  var initialSort = loadState().split(':');
  var sortButton = initialSort[0] && document.querySelector('button.sort[data-key="' + initialSort[0].replace(/[^a-z]/g, '') + '"]');
  if (sortButton) sortBy(sortButton, initialSort[1] === 'descending' ? 'descending' : 'ascending');
  apply();
})();
`;
