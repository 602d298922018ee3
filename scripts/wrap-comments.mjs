// Long comments wrapped at word boundaries, for `npm run format` (scripts/lint.mjs --write): Prettier breaks code at
// printWidth but leaves comments as written. Only whole-line comments change, so the code is untouched:
//   // a line comment          → more `//` lines at the same indent
//   /** a one-line doc comment */ → a doc comment block
//    * a line of a block comment → more ` * ` lines (other lines of a block comment: at their indent)
// A comment line with no space to break at (a long URL) is left as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function fill(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of words after `first`, then after `rest`, each at most `max` characters; null if one line holds them. */
function wrapAfter(first, rest, text, max) {
  const lines = fill(text, max - Math.max(first.length, rest.length));
  return lines.length > 1 ? lines.map((l, i) => (i === 0 ? first : rest) + l) : null;
}

/** One comment line wrapped (`inBlock`: inside a block comment), or null when it needs no change or cannot be. */
export function wrapLine(line, max, inBlock = false) {
  if (line.length <= max) return null;
  let m = /^(\s*)\/\/( ?)(.*)$/.exec(line);
  if (m && !inBlock)
    return /\S/.test(m[3]) ? wrapAfter(`${m[1]}//${m[2] || ' '}`, `${m[1]}//${m[2] || ' '}`, m[3], max) : null;
  m = /^(\s*)\/\*\*\s+(.*?)\s*\*\/\s*$/.exec(line);
  if (m && !inBlock) {
    const lines = fill(m[2], max - m[1].length - 3).map((l) => `${m[1]} * ${l}`);
    return [`${m[1]}/**`, ...lines, `${m[1]} */`];
  }
  // The first line of a block comment that goes on below: `/* text` (continued under the text).
  m = /^(\s*\/\*+\s+)(.*)$/.exec(line);
  if (m && !inBlock && !m[2].includes('*/')) return wrapAfter(m[1], ' '.repeat(m[1].length), m[2], max);
  if (!inBlock) return null;
  // ` * text` (a list item's or an example's own indent is kept on the lines it goes on to), or indented text.
  m = /^(\s*\* )(\s*)(.*)$/.exec(line) ?? /^(\s*)()(.*)$/.exec(line);
  if (!m || m[3].startsWith('/')) return null;
  return wrapAfter(m[1] + m[2], m[1] + m[2], m[3], max);
}

/** Wraps the long comment lines of the files (paths relative to root); returns how many lines it wrapped. */
export function wrapLongComments(root, files, max) {
  let wrapped = 0;
  for (const f of files) {
    const path = join(root, f);
    const before = readFileSync(path, 'utf8');
    const lines = before.split('\n');
    const out = [];
    // Only inside comments: a ` * ` line of a template literal is not a comment. Block comments are tracked.
    let inBlock = false;
    for (const line of lines) {
      const opens = !inBlock && /^\s*\/\*/.test(line);
      const isComment = inBlock || opens || /^\s*\/\//.test(line);
      const w = isComment ? wrapLine(line, max, inBlock) : null;
      if (opens && !line.includes('*/')) inBlock = true;
      else if (inBlock && line.includes('*/')) inBlock = false;
      if (w) {
        wrapped++;
        out.push(...w);
      } else out.push(line);
    }
    const after = out.join('\n');
    if (after !== before) writeFileSync(path, after);
  }
  return wrapped;
}
