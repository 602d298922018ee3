/**
 * Hostile and broken input (issue 9): encodings, mojibake, broken files. Encodings are checked
 * by re-encoding a real sample and requiring the same facts; broken files through the CLI.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline/index.js';
import { HENGELO_2023, TRANSFORMATIEPLAN, findingsOf, processSample, sample } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'klopt.js');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'hostile');
const klopt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
const tmp = () => mkdtempSync(join(tmpdir(), 'klopt-hostile-'));
const CLI_TIMEOUT = 60_000;

const facts = (r: ReturnType<typeof processFile>) =>
  r.financial.map((f) => [f.rowLabel, f.lineItem, f.columnHeader, f.value, f.provenance.line]);
const original = processSample(HENGELO_2023);
const text = readFileSync(HENGELO_2023, 'utf8');

/** The Hengelo 2023 sample written in another encoding, read back without the manifest. */
function reencoded(bytes: Buffer, name = 'hengelo-jaarstukken-2023.txt') {
  const file = join(tmp(), name);
  writeFileSync(file, bytes);
  return processFile(file);
}

describe('encodings: the Hengelo 2023 sample re-encoded reads to the same facts', () => {
  const utf8 = reencoded(Buffer.from(text, 'utf8'));

  it('UTF-8 without a BOM: 348 facts as from the sample, and no encoding finding', () => {
    expect(facts(utf8)).toEqual(facts(original));
    expect(utf8.financial.length).toBeGreaterThan(300);
    expect(findingsOf(utf8, 'encoding-detected')).toEqual([]);
  });

  it('UTF-8 with a BOM: the same facts; the BOM is no part of line 1', () => {
    const r = reencoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(facts(r)).toEqual(facts(utf8));
    expect(r.document.id).not.toBe(utf8.document.id); // the bytes differ, so the document id does
    expect(findingsOf(r, 'encoding-detected')).toEqual([]);
  });

  for (const [name, bom, encode] of [
    ['UTF-16LE with a BOM', true, (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16LE without a BOM', false, (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE with a BOM', true, (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ['UTF-16BE without a BOM', false, (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ] as const) {
    it(`${name}: the same facts, and an encoding-detected finding saying which`, () => {
      const r = reencoded(encode(bom ? `\ufeff${text}` : text));
      expect(facts(r)).toEqual(facts(utf8));
      const [f] = findingsOf(r, 'encoding-detected');
      expect(f).toMatchObject({ severity: 'info', file: expect.stringContaining('hengelo-jaarstukken-2023.txt') });
      expect(f.message).toContain(name.includes('LE') ? 'utf-16le' : 'utf-16be');
      expect(f.message).toContain(bom ? 'byte-order mark' : 'every other byte is NUL');
    });
  }

  it('Windows-1252: é, ë, ’, – and € decode as printed, and the finding names the code page', () => {
    // ≥ has no Windows-1252 byte; everything else in the sample has one.
    const cp1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '–': 0x96, '•': 0x95 };
    const source = text.replace(/≥/g, '>=');
    const bytes = Buffer.from([...source].map((c) => cp1252[c] ?? c.charCodeAt(0)));
    expect(bytes.some((b) => b > 0xff)).toBe(false);
    const r = reencoded(bytes);
    expect(facts(r)).toEqual(facts(utf8));
    const [f] = findingsOf(r, 'encoding-detected');
    expect(f.message).toMatch(/windows-1252/);
    // text blocks come back as Unicode: the € of "€ 1.000" and the ë of "Financiële"
    expect(r.findings.filter((x) => x.rule === 'invalid-encoding')).toEqual([]);
  });

  it('invalid UTF-8 bytes: a warning with the byte offset and the line, the rest read', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('Toegang en eerstelijnsvoorzieningen'));
    const prefix = Buffer.from(lines.slice(0, at).join('\n') + '\n', 'utf8');
    // a stray 0xFF and a lone continuation byte in the label line
    const bad = Buffer.concat([
      prefix,
      Buffer.from('6.2 Toegang \xff en \x80eerste', 'latin1'),
      Buffer.from(
        `${lines[at].slice(lines[at].indexOf('eerstelijns') + 6)}\n${lines.slice(at + 1).join('\n')}`,
        'utf8',
      ),
    ]);
    const r = reencoded(bad);
    const [f] = findingsOf(r, 'invalid-encoding');
    expect(f).toMatchObject({ severity: 'warning', line: at + 1 });
    expect(f.message).toContain(`0xff at byte ${prefix.length + 12}`);
    expect(f.message).toContain(`0x80 at byte ${prefix.length + 17}`);
    expect(f.raw).toContain('\ufffd');
    // the other rows are read as before
    expect(r.financial.filter((x) => x.taakveld === '6.3').map((x) => x.value)).toEqual(
      utf8.financial.filter((x) => x.taakveld === '6.3').map((x) => x.value),
    );
  });

  it('mojibake in the Enschede 2018 sample: cliƫnten read as cliënten, with the raw line kept', () => {
    const r = processSample(sample('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt'));
    const [f] = findingsOf(r, 'text-normalised');
    expect(f).toMatchObject({
      severity: 'info',
      line: 11,
      raw: '5. Ondersteuning cliƫnten en mantelzorgersLichte ondersteuning en regieLasten12.801',
    });
    expect(f.message).toContain('"ƫ" → "ë"');
    expect(findingsOf(r, 'text-normalised')).toHaveLength(1);
  });

  it('UTF-8 read as Windows-1252 upstream (Ã« for ë): undone; Dutch text with ë is left alone', () => {
    const r = reencoded(
      Buffer.from('Programma\nFinanciÃ«le toelichting â€“ cliÃ«nten\nFinanciële cliënten\n', 'utf8'),
      'doc.txt',
    );
    const [f] = findingsOf(r, 'text-normalised');
    expect(f).toMatchObject({ line: 2, raw: 'FinanciÃ«le toelichting â€“ cliÃ«nten' });
    expect(f.message).toContain('"Ã«" → "ë"');
    expect(f.message).toContain('"â€“" → "–"');
    expect(findingsOf(r, 'text-normalised')).toHaveLength(1);
  });
});

describe('broken files: a finding naming the file, the run goes on, exit 3', () => {
  /** Runs `klopt check` on the bad files plus the transformatieplan, which must still be read. */
  function checkWith(files: string[], ...flags: string[]) {
    const r = klopt('check', ...files, TRANSFORMATIEPLAN, '--format', 'json', ...flags);
    const out = JSON.parse(r.stdout) as {
      documents: { file: string }[];
      findings: { rule: string; file: string; message: string }[];
    };
    expect(out.documents.map((d) => d.file)).toEqual([expect.stringContaining('transformatieplan')]);
    return { status: r.status, stderr: r.stderr, unreadable: out.findings.filter((f) => f.rule === 'unreadable-file') };
  }

  it(
    'empty, binary junk named .txt/.html/.pdf, truncated and encrypted PDF: each named with its reason',
    () => {
      const dir = tmp();
      const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      const valid = readFileSync(join(FIXTURES, 'empty-document.pdf'));
      const files: Record<string, Buffer> = {
        'empty.txt': Buffer.alloc(0),
        'junk.txt': junk,
        'junk.html': junk,
        'junk.pdf': junk,
        'truncated.pdf': valid.subarray(0, valid.length - 40),
      };
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      const encrypted = join(FIXTURES, 'encrypted-user-password.pdf');
      const r = checkWith([...Object.keys(files).map((n) => join(dir, n)), encrypted]);
      expect(r.status).toBe(3);
      const reason = (name: string) => r.unreadable.find((f) => f.file.endsWith(name))?.message;
      expect(reason('empty.txt')).toMatch(/empty file \(0 bytes\)/);
      expect(reason('junk.txt')).toMatch(/binary content, not text: NUL bytes/);
      expect(reason('junk.html')).toMatch(/binary content, not HTML/);
      // the PDF extractor words these in its own way: the reason, not the wording, is checked
      expect(reason('junk.pdf')).toMatch(/not a PDF.*%PDF-/);
      expect(reason('truncated.pdf')).toMatch(/truncated|%%EOF/i);
      expect(reason('encrypted-user-password.pdf')).toMatch(/encrypted/i);
      expect(r.unreadable).toHaveLength(6);
      for (const f of r.unreadable) expect(r.stderr).toContain(f.file.split('/').pop());
    },
    CLI_TIMEOUT,
  );

  it(
    'a file over the size limit: --max-bytes, and the 200 MB default on a sparse file (nothing read)',
    () => {
      const dir = tmp();
      const big = join(dir, 'big.txt');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 200 * 1024 * 1024 + 1); // sparse: takes no disk space
      closeSync(fd);
      const small = join(dir, 'hengelo.txt');
      writeFileSync(small, readFileSync(HENGELO_2023));
      const r = checkWith([big]);
      expect(r.status).toBe(3);
      expect(r.unreadable[0].message).toContain('file is 209715201 bytes, over the limit of 209715200');
      const limited = klopt('check', small, '--max-bytes', '1000', '--format', 'json');
      expect(limited.status).toBe(3);
      expect(JSON.parse(limited.stdout).findings[0]).toMatchObject({
        rule: 'unreadable-file',
        file: expect.stringContaining('hengelo.txt'),
        message: expect.stringContaining(`file is ${readFileSync(HENGELO_2023).length} bytes, over the limit of 1000`),
      });
      expect(
        klopt('check', small, '--max-bytes', String(readFileSync(HENGELO_2023).length), '--fail-on', 'never').status,
      ).toBe(0);
      const bad = klopt('check', small, '--max-bytes', 'lots');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--max-bytes: "lots" is not a positive whole number');
    },
    CLI_TIMEOUT,
  );

  it(
    'a directory with a symlink loop, a dangling link, a file-link loop and a FIFO: each file read once, the ' +
      'rest named',
    () => {
      const dir = tmp();
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(join(dir, 'a', 'b', 'plan.md'), readFileSync(TRANSFORMATIEPLAN));
      symlinkSync('../..', join(dir, 'a', 'b', 'up')); // a/b/up → dir: a loop
      symlinkSync(join(dir, 'a'), join(dir, 'again')); // the same directory twice
      symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
      symlinkSync('loop2.txt', join(dir, 'loop1.txt'));
      symlinkSync('loop1.txt', join(dir, 'loop2.txt'));
      const fifo = spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
      const r = klopt('check', dir, '--format', 'json');
      expect(r.status).toBe(3);
      const out = JSON.parse(r.stdout);
      expect(out.documents.map((d: { file: string }) => d.file)).toEqual([expect.stringMatching(/a\/b\/plan\.md$/)]);
      const reasons = Object.fromEntries(
        out.findings
          .filter((f: { rule: string }) => f.rule === 'unreadable-file')
          .map((f: { file: string; message: string }) => [f.file.split('/').pop(), f.message]),
      );
      expect(reasons['dangling.txt']).toMatch(/no such file \(a dangling symbolic link\?\) \(ENOENT\)/);
      expect(reasons['loop1.txt']).toMatch(/symlink loop.*ELOOP/);
      expect(reasons['loop2.txt']).toMatch(/ELOOP/);
      if (fifo.status === 0) expect(reasons['pipe.txt']).toMatch(/not a regular file \(a FIFO/);
    },
    CLI_TIMEOUT,
  );

  // Root reads a chmod-000 file anyway, so there is no unreadable file to make: the test skips.
  it.skipIf(process.getuid?.() === 0)(
    'an unreadable file (chmod 000): permission denied, named (skipped when run as root, who can read it)',
    () => {
      const dir = tmp();
      const locked = join(dir, 'locked.txt');
      writeFileSync(locked, readFileSync(HENGELO_2023));
      chmodSync(locked, 0o000);
      const r = checkWith([locked]);
      expect(r.status).toBe(3);
      expect(r.unreadable[0]).toMatchObject({
        file: expect.stringContaining('locked.txt'),
        message: expect.stringContaining('permission denied (EACCES)'),
      });
    },
    CLI_TIMEOUT,
  );
});

describe('mojibake in an extraction that never was bytes (the hook for PDF text)', () => {
  it('normaliseExtraction: cells and text blocks fixed, row raw kept, a notice per place', async () => {
    const { extractText } = await import('../extractors/text/index.js');
    const { normaliseExtraction } = await import('../src/pipeline/decode.js');
    // The Enschede 2018 sample as a string, as an extractor that skips decoding would see it.
    const e = extractText(
      readFileSync(sample('enschede-jaarstukken-2018-programma-2.1-maatschappelijke-ondersteuning.txt'), 'utf8'),
    );
    const before = JSON.stringify(e);
    expect(before).toContain('cliƫnten');
    const notices = normaliseExtraction(e);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.rule === 'text-normalised' && n.raw?.includes('ƫ'))).toBe(true);
    expect(notices.some((n) => n.line === 11)).toBe(true);
    const cells = JSON.stringify(
      e.tables
        .flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))
        .concat(e.textBlocks.map((b) => b.text)),
    );
    expect(cells).toContain('cliënten');
    // ƫ is left only where the text as printed is kept: in `raw` properties
    const left: string[] = [];
    JSON.stringify(e, (k, v) => {
      if (typeof v === 'string' && v.includes('ƫ') && k !== 'raw') left.push(k);
      return v;
    });
    expect(left).toEqual([]);
  });
});
