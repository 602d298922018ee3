/**
 * Whether a taakveld name as a document prints it is the catalogue's name. Documents and CBS
 * word the same taakveld differently ("Hulp bij het huishouden (WMO)" vs CBS "Huishoudelijke
 * hulp (WMO)", "Jeugdhulp behandeling GGZ zonder verblijf" vs "Jeugd behandeling GGZ zonder
 * verblijf"), so names are compared by their content words, not as strings:
 * - lower case, diacritics dropped, split on anything not a letter or digit;
 * - function words (en, van, de, het, bij, voor, met, in, op, of, der, te) dropped;
 * - two words match when equal, when one starts with the other and the shorter has at least 4
 *   letters (jeugd/jeugdhulp, maatwerkvoorziening/maatwerkvoorzieningen), or when they share
 *   their first 6 letters (huishouden/huishoudelijke);
 * - two names match when every content word of the one with fewer words matches a word of
 *   the other. "Wijkteams" does not match "Toegang en eerstelijnsvoorzieningen".
 */
const STOPWORDS = new Set(['en', 'van', 'de', 'het', 'bij', 'voor', 'met', 'in', 'op', 'of', 'der', 'te']);

export function contentWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOPWORDS.has(w));
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 4 && l.startsWith(s)) return true;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return i >= 6;
}

export function namesMatch(a: string, b: string): boolean {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [fewer, more] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return fewer.every((w) => more.some((v) => wordsMatch(w, v)));
}
