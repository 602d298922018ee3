/**
 * Reading one input file before any extractor sees it: the checks every format shares (exists,
 * regular file, not empty, under the size limit, readable), the format by content and name,
 * the cheap PDF checks (header, end marker, encryption), and decoding text to a string.
 * Everything wrong is an InputError naming the file; the caller reports it and goes on.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import type { ExtractionNotice } from '../../extractors/types.js';
import { decodeBytes, junkShare, normaliseMojibake, type DetectedEncoding } from './decode.js';

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** Above this share of control or undecodable characters a "text" file is binary junk. */
export const MAX_JUNK_SHARE = 0.05;

/** The format decoded text is checked as (its name in messages); a binary format's bytes are not decoded. */
export type InputFormat = 'text' | 'html' | 'pdf' | (string & {});

export interface PdfFacts {
  /** The trailer names an /Encrypt dictionary. pdf.js opens those with an empty user password; others need one. */
  encrypted: boolean;
  version: string;
}

export interface Input {
  bytes: Buffer;
  format: InputFormat;
  /** Decoded text (text and HTML); null for PDF. */
  text: string | null;
  encoding: DetectedEncoding | null;
  /** encoding-detected, invalid-encoding, text-normalised: become findings of the document. */
  notices: ExtractionNotice[];
  pdf: PdfFacts | null;
}

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file (a dangling symbolic link?)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links (a symlink loop)',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
};

function fsError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  return new InputError(
    file,
    `cannot read: ` +
      `${(code && ERRNO[code]) ?? (err instanceof Error ? err.message : String(err))}${code ? ` (${code})` : ''}`,
  );
}

/** Reads at most maxBytes + 1 bytes, so a file that grows while read cannot exhaust memory. */
function checkStats(file: string, st: Stats, maxBytes: number): void {
  // A FIFO or device would block or never end; only regular files are read.
  if (st.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  if (!st.isFile()) throw new InputError(file, 'not a regular file (a FIFO, socket or device): not read');
  if (st.size === 0) throw new InputError(file, 'empty file (0 bytes)');
  if (st.size > maxBytes)
    throw new InputError(file, `file is ${st.size} bytes, over the limit of ${maxBytes} (--max-bytes)`);
}

function readBounded(abs: string, file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // Checked before opening: opening a FIFO for reading blocks until someone writes to it.
    checkStats(file, statSync(abs), maxBytes);
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw err instanceof InputError ? err : fsError(file, err);
  }
  try {
    // Again on the open file: it may have been swapped since.
    const st = fstatSync(fd);
    checkStats(file, st, maxBytes);
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0;) n += r;
    if (n > maxBytes) throw new InputError(file, `file grew past the limit of ${maxBytes} bytes while being read`);
    if (n === 0) throw new InputError(file, 'empty file (0 bytes)');
    return buf.subarray(0, n);
  } catch (err) {
    throw err instanceof InputError ? err : fsError(file, err);
  } finally {
    closeSync(fd);
  }
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** Header, end-of-file marker and encryption, as far as they can be told without parsing. */
export function checkPdf(file: string, bytes: Buffer): PdfFacts {
  const head = latin1(bytes.subarray(0, 1024));
  const at = head.indexOf('%PDF-');
  if (at < 0)
    throw new InputError(
      file,
      `not a PDF: no "%PDF-" header in the first 1024 bytes (starts with ${JSON.stringify(head.slice(0, 16))})`,
    );
  // Readers accept %%EOF within the last 1024 bytes; a download cut short has none there.
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    throw new InputError(
      file,
      `truncated PDF: no "%%EOF" marker in the last 1024 bytes of ${bytes.length} (download cut short?); not ` +
        `read, as its last pages and cross-reference table are missing`,
    );
  }
  return {
    version: /^%PDF-(\d\.\d)/.exec(head.slice(at))?.[1] ?? '?',
    encrypted: /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(latin1(bytes)),
  };
}

/**
 * The first bytes of a file, for routing it by content; null when it is not a regular file or
 * cannot be read (readInput then says why, naming the file).
 */
export function readHead(abs: string, length = 1024): Buffer | null {
  try {
    // Checked before opening: opening a FIFO for reading blocks until someone writes to it.
    if (!statSync(abs).isFile()) return null;
    const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const buf = Buffer.alloc(length);
      return buf.subarray(0, readSync(fd, buf, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function formatOf(abs: string, bytes: Buffer): InputFormat {
  const ext = extname(abs).toLowerCase();
  if (ext === '.pdf' || latin1(bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(latin1(bytes.subarray(0, 512)).replace(/^\u00ef\u00bb\u00bf/, '')))
    return 'html';
  return 'text';
}

/** Read and check one file; throws InputError (naming `file`) when it cannot be read as a document. */
export function readInput(abs: string, file: string, maxBytes = DEFAULT_MAX_BYTES, routed?: InputFormat): Input {
  const bytes = readBounded(abs, file, maxBytes);
  const format = routed ?? formatOf(abs, bytes);
  if (format === 'pdf') return { bytes, format, text: null, encoding: null, notices: [], pdf: checkPdf(file, bytes) };
  const decoded = decodeBytes(bytes);
  if (decoded.text.includes('\u0000') || junkShare(decoded.text) > MAX_JUNK_SHARE) {
    const share = Math.round(junkShare(decoded.text) * 100);
    throw new InputError(
      file,
      `binary content, not ${format === 'html' ? 'HTML' : 'text'}: ` +
        `${decoded.text.includes('\u0000') ? 'NUL bytes, ' : ''}${share}% control or undecodable characters in ` +
        `the first 64 KiB`,
    );
  }
  const normalised = normaliseMojibake(decoded.text);
  return {
    bytes,
    format,
    text: normalised.text,
    encoding: decoded.encoding,
    notices: [...decoded.notices, ...normalised.notices],
    pdf: null,
  };
}
