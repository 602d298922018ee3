/** Inline markup that text dumps of HTML/PDF carry inside table cells. */
import { collapseSpaces } from '../../src/grammar/number.js';

/** What any markup, entity or emphasis below needs: without one of these, only white space changes. */
const MARKUP_CHAR = /[<&*_]/;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  euro: '€',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hellip: '…',
  eacute: 'é',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

export interface CleanCell {
  text: string;
  bold: boolean;
}

/** Strip tags and markdown emphasis, decode entities, remember whether the cell was bold. */
export function cleanCell(raw: string): CleanCell {
  // Most cells carry no markup, entity or emphasis: only their white space to collapse.
  if (!MARKUP_CHAR.test(raw)) return { text: collapseSpaces(raw), bold: false };
  const bold = /<(b|strong)\b[^>]*>|\*\*/i.test(raw);
  const text = decodeEntities(
    raw
      .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, '$1')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]{0,200}>/g, '')
      .replace(/\*\*|__/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return { text, bold };
}
