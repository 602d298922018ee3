// Long string and template literals split at spaces into concatenations, for `npm run format` (scripts/lint.mjs
// --write): Prettier breaks code at printWidth but never a literal. A literal on a line over the limit becomes
// ('… ' + '…') or (`… ${x} ` + `…`): the same string, in pieces Prettier then lays out one a line. Left alone:
// literals whose type is their value (type positions, `import` sources, property keys, enum members), tagged
// templates, and a piece without a space to split at.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Parents under which a string literal must stay one literal. */
const KEEP = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'ImportExpression',
  'ImportAttribute',
  'TSLiteralType',
  'TSEnumMember',
  'TSModuleDeclaration',
  'TSExternalModuleReference',
  'TSImportType',
  'TaggedTemplateExpression',
]);

function isKey(node, parent) {
  return (
    parent &&
    parent.key === node &&
    !parent.computed &&
    ['Property', 'MethodDefinition', 'PropertyDefinition', 'TSPropertySignature'].includes(parent.type)
  );
}

/** Every string or template literal that may be split, with its parent. */
function literals(ast) {
  const out = [];
  const walk = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    const splittable =
      ((node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral') &&
      !(parent && KEEP.has(parent.type)) &&
      !isKey(node, parent) &&
      !(parent?.type === 'ExpressionStatement' && parent.directive);
    if (splittable) out.push(node);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'parent' || k === 'loc' || k === 'range') continue;
      if (Array.isArray(v)) for (const c of v) walk(c, node);
      else if (v && typeof v === 'object') walk(v, node);
    }
  };
  walk(ast, null);
  return out;
}

/** Whether the character at i of text is escaped (an odd run of backslashes before it). */
function escaped(text, i) {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/**
 * Positions (in the literal's source) after which it may be split: after a space of its static text.
 * For a template, the static text is outside `${…}`.
 */
function splitPoints(src, template) {
  const points = [];
  let depth = 0;
  for (let i = 1; i < src.length - 1; i++) {
    if (template && src[i] === '$' && src[i + 1] === '{' && !escaped(src, i)) {
      depth++;
      i++;
      continue;
    }
    if (template && depth > 0) {
      // A nested literal inside `${…}` is split in a later round, not here; braces are counted to find the end.
      if (src[i] === '{') depth++;
      else if (src[i] === '}') depth--;
      continue;
    }
    if (src[i] === ' ' && !escaped(src, i) && src[i + 1] !== ' ') points.push(i + 1);
  }
  return points;
}

/** The literal's source cut into pieces of at most `width` characters where it can be. */
function pieces(src, width, template) {
  const quote = src[0];
  const body = src.slice(1, -1);
  // Not at either end: every piece holds something.
  const points = splitPoints(src, template)
    .map((p) => p - 1)
    .filter((p) => p > 0 && p < body.length);
  const out = [];
  let start = 0;
  let last = -1;
  for (const p of points) {
    if (p - start > width && last > start) {
      out.push(body.slice(start, last));
      start = last;
    }
    last = p;
  }
  if (body.length - start > width && last > start) {
    out.push(body.slice(start, last));
    start = last;
  }
  out.push(body.slice(start));
  return out.length > 1 ? `(${out.map((b) => quote + b + quote).join(' + ')})` : null;
}

/** One round over a file: the outermost splittable literals on lines over `max`; returns the new text or null. */
function splitRound(code, parse, max, file) {
  const lines = code.split('\n');
  if (!lines.some((l) => l.length > max)) return null;
  let ast;
  try {
    ast = parse(code, { range: true, loc: true, jsx: false, filePath: file });
  } catch {
    return null;
  }
  const candidates = literals(ast)
    .filter((n) => n.loc.start.line === n.loc.end.line && lines[n.loc.start.line - 1].length > max)
    .sort((a, b) => a.range[0] - b.range[0]);
  const edits = [];
  let end = -1;
  for (const n of candidates) {
    if (n.range[0] < end) continue; // inside a literal already split this round
    const src = code.slice(n.range[0], n.range[1]);
    const indent = /^\s*/.exec(lines[n.loc.start.line - 1])[0].length;
    const replaced = pieces(src, Math.max(40, max - indent - 12), n.type === 'TemplateLiteral');
    if (!replaced) continue;
    edits.push({ from: n.range[0], to: n.range[1], text: replaced });
    end = n.range[1];
  }
  if (edits.length === 0) return null;
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  try {
    parse(out, { range: true, jsx: false, filePath: file });
  } catch {
    return null; // a split this script got wrong: the file stays as it was
  }
  return out;
}

/** Splits the long literals of the files (paths relative to root); returns the files changed. */
export function splitLongStrings(root, files, max, toolsDir) {
  const { parse } = createRequire(join(toolsDir, 'package.json'))('@typescript-eslint/typescript-estree');
  let changed = 0;
  for (const f of files) {
    const path = join(root, f);
    const next = splitRound(readFileSync(path, 'utf8'), parse, max, path);
    if (next !== null) {
      writeFileSync(path, next);
      changed++;
    }
  }
  return changed;
}
