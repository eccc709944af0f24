/**
 * A colour per coder, for "colour by coder": the same coder gets the same colour on every
 * machine (picked from the id), from a set that stays apart for the usual colour blindness
 * (Okabe and Ito's palette).
 */
const coderPalette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function coderColor(coderId: string): string {
  let hash = 0;
  for (const char of coderId) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return coderPalette[hash % coderPalette.length]!;
}
