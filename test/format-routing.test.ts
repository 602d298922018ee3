/**
 * Input is routed by content first (extractors/registry.ts): a PDF or a saved HTML page under a
 * wrong name is read as what it is, with an info finding naming the file; what is read equals
 * what the same file gives under its right name.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFileAsync } from '../src/pipeline/index.js';
import type { ManifestEntry } from '../src/pipeline/metadata.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'klopt.js');
const klopt = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const PDF = join(ROOT, 'test', 'fixtures', 'pdf', 'hengelo-2023.pdfkit.pdf');
const HTML = join(ROOT, 'test', 'fixtures', 'html', 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.html');

/** The same bytes under a right and a wrong name, in a fresh directory. */
function renamed(source: string, right: string, wrong: string) {
  const dir = mkdtempSync(join(tmpdir(), 'klopt-route-'));
  copyFileSync(source, join(dir, right));
  copyFileSync(source, join(dir, wrong));
  return { dir, right: join(dir, right), wrong: join(dir, wrong) };
}

type Doc = Awaited<ReturnType<typeof processFileAsync>>;
const values = (d: Doc) => d.financial.map((f) => [f.rowLabel, f.columnHeader, f.value]);
const withoutRouting = (d: Doc) =>
  d.findings
    .filter((f) => f.rule !== 'format-by-content')
    .map((f) => [f.rule, f.severity, f.row, f.column, f.expected, f.found]);

describe('routing by content', () => {
  it('reads a PDF named .txt as a PDF, with an info finding naming the file (klopt check)', () => {
    const f = renamed(PDF, 'hengelo.pdf', 'hengelo.txt');
    const right = JSON.parse(klopt('check', f.right, '--format', 'json', '--fail-on', 'never').stdout);
    const run = klopt('check', f.wrong, '--format', 'json', '--fail-on', 'never');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/processFileAsync|unreadable/);
    const wrong = JSON.parse(run.stdout);
    const { tables, financialFacts } = right.documents[0];
    expect(wrong.documents[0]).toMatchObject({ sourceFormat: 'pdf', tables, financialFacts });
    expect(wrong.documents[0].financialFacts).toBeGreaterThan(100);
    const routing = wrong.findings.filter((x: { rule: string }) => x.rule === 'format-by-content');
    expect(routing).toHaveLength(1);
    const shown = relative(ROOT, f.wrong); // as klopt names files: relative to where it runs
    expect(routing[0]).toMatchObject({ severity: 'info', file: shown });
    expect(routing[0].message).toBe(`${shown} is named .txt but is a PDF: read as PDF`);
    type Run = { findings: { severity: string; rule: string }[] };
    const errors = (r: Run) => r.findings.filter((x) => x.severity === 'error').map((x) => x.rule);
    expect(errors(wrong)).toEqual(errors(right));
  });

  it('reads an HTML page saved as .txt as HTML, the same as under its .html name (processFileAsync)', async () => {
    const f = renamed(HTML, 'pagina.html', 'pagina.txt');
    const right = await processFileAsync(f.right, { cwd: f.dir });
    const wrong = await processFileAsync(f.wrong, { cwd: f.dir });
    expect(wrong.document.sourceFormat).toBe('html');
    expect(wrong.tables.length).toBeGreaterThan(0);
    expect(values(wrong)).toEqual(values(right));
    expect(withoutRouting(wrong)).toEqual(withoutRouting(right));
    expect(wrong.findings.filter((x) => x.rule === 'format-by-content').map((x) => [x.severity, x.message])).toEqual([
      ['info', 'pagina.txt is named .txt but is an HTML page: read as HTML'],
    ]);
    expect(right.findings.some((x) => x.rule === 'format-by-content')).toBe(false);
  });

  it('a manifest that says html-text keeps a page read as text', async () => {
    const f = renamed(HTML, 'pagina.html', 'pagina.txt');
    const entry: ManifestEntry = {
      file: f.wrong,
      gemeente: null,
      documentType: 'begroting',
      year: null,
      programme: null,
      sourceFormat: 'html-text',
    };
    const doc = await processFileAsync(f.wrong, { manifest: new Map([[f.wrong, entry]]) });
    expect(doc.document.sourceFormat).toBe('html-text');
    expect(doc.findings.some((x) => x.rule === 'format-by-content')).toBe(false);
  });
});
