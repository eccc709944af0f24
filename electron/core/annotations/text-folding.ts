/**
 * Lower case without diacritics, so a search for "vucic" finds "Vučić" in a quote or note.
 * NFD splits a letter from its accents; the combining marks are then dropped.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en');
}
