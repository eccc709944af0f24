/**
 * Folding text for the reader's find and for placing passages on PDF pages: the PDF's text layer and the corpus text agree on words but
 * not on line breaks, spacing, case or (in what people type) diacritics. Every folded
 * string keeps a map from each of its characters back to the original offset, so a match
 * in folded text can be highlighted in the original.
 */
export interface MappedText {
  text: string;
  /** `map[i]` is the offset in the original string of folded character `i`. */
  map: number[];
}

const combiningMarks = /[\u0300-\u036f]/g;

/** Lower case and without accents, one character at a time (so offsets stay 1:1). */
function foldChar(char: string): string {
  const folded = char.normalize('NFD').replace(combiningMarks, '').toLowerCase();
  // Some characters decompose into several (e.g. ligatures); keep the first so the map stays simple.
  return folded.length > 0 ? folded[0]! : char;
}

const dashes = /[\u2010-\u2015\u2212]/;
const quotes: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' };

/** For find: case, accents, dash and quote styles and runs of whitespace do not matter. */
export function foldForFind(original: string): MappedText {
  let text = '';
  const map: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    // Plain ASCII (most of any text) without the regular expressions and normalisation.
    if (code < 128 && code !== 32 && (code < 9 || code > 13)) {
      lastWasSpace = false;
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i]!;
      map.push(i);
      continue;
    }
    const char = original[i]!;
    if (/\s/.test(char)) {
      if (!lastWasSpace) {
        text += ' ';
        map.push(i);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    text += dashes.test(char) ? '-' : (quotes[char] ?? foldChar(char));
    map.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  return { text, map };
}

/** For aligning a passage with the PDF: only letters and digits count, so layout cannot get in the way. */
export function foldToLettersAndDigits(original: string): MappedText {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const char = foldChar(original[i]!);
    if (/[\p{L}\p{N}]/u.test(char)) {
      text += char;
      map.push(i);
    }
  }
  return { text, map };
}
