/**
 * A word broken over two lines or cells by a narrow column (`Onttrek-kingen`, `toe- voegingen`)
 * joined again, so that it reads as the word it is.
 */
export const unbreak = (text: string) => text.replace(/(\p{L})-\s*(\p{L})/gu, '$1$2');
