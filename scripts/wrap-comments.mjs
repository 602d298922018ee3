// Long comments wrapped at word boundaries, for `npm run format` (scripts/lint.mjs --write): Prettier breaks code at
// printWidth but leaves comments as written. Only whole-line comments change, so the code is untouched:
//   // a line comment          → more `//` lines at the same indent
//   /** a one-line doc comment */ → a doc comment block
//    * a line of a block comment → more ` * ` lines
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

/** One source line wrapped, or null when it needs no change (or cannot be wrapped). */
export function wrapLine(line, max) {
  if (line.length <= max) return null;
  let m = /^(\s*)\/\/( ?)(.*)$/.exec(line);
  if (m && !/^\s*$/.test(m[3])) {
    const prefix = `${m[1]}//${m[2] || ' '}`;
    const out = fill(m[3], max - prefix.length).map((l) => prefix + l);
    return out.length > 1 ? out : null;
  }
  m = /^(\s*)\/\*\*\s+(.*?)\s*\*\/\s*$/.exec(line);
  if (m) {
    const out = fill(m[2], max - m[1].length - 3).map((l) => `${m[1]} * ${l}`);
    return [`${m[1]}/**`, ...out, `${m[1]} */`];
  }
  m = /^(\s*) \*( )(.*)$/.exec(line);
  if (m && !m[3].startsWith('/')) {
    const prefix = `${m[1]} * `;
    // Keep a list item's or an example's own indent on the lines it continues to.
    const indent = /^\s*/.exec(m[3])[0];
    const out = fill(m[3], max - prefix.length - indent.length).map((l) => prefix + indent + l);
    return out.length > 1 ? out : null;
  }
  return null;
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
      const opens = /^\s*\/\*/.test(line);
      const isComment = /^\s*\/\//.test(line) || opens || (inBlock && /^\s*\*/.test(line));
      const w = isComment ? wrapLine(line, max) : null;
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
