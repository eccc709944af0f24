/**
 * What people type rarely has the accents and capitals of what they look for: "vucic"
 * must find "Vučić". The renderer's filters and pickers compare folded strings.
 */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
