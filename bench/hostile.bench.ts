/**
 * Hostile-input section of `npm run bench` (issue 9): time and peak memory of processFile on
 * pathological documents. Each case runs in a child process of its own, so its peak RSS is its
 * own; the README's bounds come from these figures.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CASE = process.env.KLOPT_HOSTILE_CASE;
const HEADERS = ['Begroting 2023 primitief', 'Begroting 2023 gewijzigd', 'Rekening 2023', 'Verschil'];

/** name → [what, the file's text (or a path maker)] */
const cases: Record<string, { what: string; make: (dir: string) => string }> = {
  'rows-cell-per-line': {
    what: '100,000-row cell-per-line table, 4 columns',
    make: (dir) =>
      write(
        dir,
        'rows.txt',
        [
          'Overzicht bedragen x 1.000',
          ...HEADERS,
          ...Array.from({ length: 100_000 }, (_, i) => [
            `Regel ${i}`,
            String(i % 1000),
            String((i * 7) % 1000),
            String((i * 8) % 1000),
            String(-(i % 1000)),
          ]).flat(),
        ].join('\n\n'),
      ),
  },
  'rows-tab-separated': {
    what: '100,000-row tab-separated table, 2 columns',
    make: (dir) =>
      write(
        dir,
        'tab.txt',
        [
          'Overzicht',
          'Omschrijving\tBegroting 2023\tRekening 2023',
          ...Array.from({ length: 100_000 }, (_, i) => `Regel ${i}\t${i % 1000}\t${(i * 3) % 1000}`),
        ].join('\n'),
      ),
  },
  'long-cell': {
    what: '10,000-character label and 10,000-digit cell',
    make: (dir) =>
      write(
        dir,
        'cell.txt',
        [
          '6 Sociaal domein',
          ['Omschrijving', ...HEADERS].join('\t'),
          ['Baten', '831', '21.118', '21.246', '128'].join('\t'),
          [`6.1 ${'x'.repeat(10_000)}`, '-13.184', '-3.217', '-1.453', '9'.repeat(10_000)].join('\t'),
        ].join('\n'),
      ),
  },
  'glued-40': {
    what: '200 glued rows of 40 figures each, 4 columns',
    make: (dir) => {
      const forty = Array.from(
        { length: 40 },
        (_, i) => `${i % 2 ? '-' : ''}${((i * 7919) % 900) + 100}.${String((i * 31) % 1000).padStart(3, '0')}`,
      ).join('');
      return write(
        dir,
        'glued.txt',
        `Tabel\nTaakveld${HEADERS.join('')}\n${Array.from({ length: 200 }, (_, i) => `6.${(i % 5) + 1} Regel${forty}`).join('\n')}\n`,
      );
    },
  },
  'glued-ambiguous': {
    what: '50 glued tables of 12 columns, rows with 11,440 readings each',
    make: (dir) => {
      const header = `Taakveld${Array.from({ length: 12 }, (_, i) => (i % 2 ? `Realisatie ${2012 + i}` : `Begroting ${2012 + i}`)).join('')}`;
      const table = (t: number) =>
        `Tabel ${t}\n${header}\n${[1, 2, 3, 4].map((i) => `6.${i} Regel123456`).join('\n')}\nTotaal123456\n`;
      return write(dir, 'ambiguous.txt', Array.from({ length: 50 }, (_, t) => table(t)).join('\n'));
    },
  },
  'nested-markup': {
    what: '100,000 nested <div> in a text dump',
    make: (dir) => write(dir, 'nested.txt', `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}\n`),
  },
  'windows-1252': {
    what: 'the Hengelo 2023 sample ×40 (3 MB) in Windows-1252',
    make: (dir) => {
      const text = readFileSync(
        join(import.meta.dirname, '..', 'data', 'samples', 'hengelo-jaarstukken-2023-programma-6-sociaal-domein.txt'),
        'utf8',
      );
      const high: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '•': 0x95, '–': 0x96 };
      const bytes = Buffer.from([...text.replace(/≥/g, '>=').repeat(40)].map((c) => high[c] ?? c.charCodeAt(0)));
      writeFileSync(join(dir, 'cp1252.txt'), bytes);
      return join(dir, 'cp1252.txt');
    },
  },
  'junk-20mb': {
    what: '20 MB of binary junk named .txt (refused)',
    make: (dir) => {
      const b = Buffer.alloc(20 * 1024 * 1024);
      for (let i = 0; i < b.length; i++) b[i] = (i * 2654435761) >>> 24;
      writeFileSync(join(dir, 'junk.txt'), b);
      return join(dir, 'junk.txt');
    },
  },
  'sparse-201mb': {
    what: '201 MB sparse file over the default limit (refused unread)',
    make: (dir) => {
      const fd = openSync(join(dir, 'big.txt'), 'w');
      ftruncateSync(fd, 201 * 1024 * 1024);
      closeSync(fd);
      return join(dir, 'big.txt');
    },
  },
};

function write(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

if (CASE) {
  // Child: one case, one line of JSON.
  const { processFile } = await import('../src/pipeline/index.js');
  const file = cases[CASE].make(mkdtempSync(join(tmpdir(), 'klopt-bench-hostile-')));
  const t0 = process.hrtime.bigint();
  let outcome: string;
  try {
    const r = processFile(file);
    const rules = new Map<string, number>();
    for (const f of r.findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    outcome = `${r.financial.length} facts; ${[...rules].map(([k, v]) => `${v} ${k}`).join(', ') || 'no findings'}`;
  } catch (e) {
    outcome = `refused: ${(e as Error).message.replace(/^.*?: /, '').slice(0, 70)}`;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, bytes: statSync(file).size, outcome }),
  );
} else {
  for (const [name, c] of Object.entries(cases)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hostile.bench.ts')], {
      env: { ...process.env, KLOPT_HOSTILE_CASE: name },
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..'),
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    try {
      const m = JSON.parse(line) as { ms: number; peakMB: number; bytes: number; outcome: string };
      console.log(
        `${c.what}: ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.peakMB.toFixed(0)} MB ` +
          `(${(m.bytes / 1e6).toFixed(1)} MB file) — ${m.outcome}`,
      );
    } catch {
      console.log(`${c.what}: FAILED (exit ${r.status}) ${r.stderr.slice(-300)}`);
    }
  }
}
