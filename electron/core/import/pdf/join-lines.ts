/**
 * Joins the lines of a paragraph into running text, repairing words that typesetting
 * split with a hyphen at a line end ("com-" + "pile" -> "compile").
 *
 * A line-end hyphen is ambiguous: it may also belong to a compound ("run-" + "time"). The
 * document itself decides, from the words it uses inside lines (see joinPair); with no
 * evidence, a hyphen before a lowercase letter goes, since most line-end hyphens in
 * justified text are syllable breaks.
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function collectVocabulary(lines: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // The last word of a hyphen-ending line is a fragment, not a word.
    const body = /[\p{L}][-‐]$/u.test(line) ? line.replace(/\S+$/u, '') : line;
    for (const match of body.matchAll(WORD)) words.add(match[0].toLowerCase());
  }
  return words;
}

const NEXT_WORD = /^([\p{L}]+)/u;
const LETTER = /\p{L}/u;
const URL_TAIL = /(?:https?:\/\/|www\.)\S*$/;

export function joinLines(lines: string[], vocabulary: ReadonlySet<string>): string {
  // Each line is decided against the next alone and the pieces are joined once at the end:
  // building the paragraph as it goes re-copied it at every line.
  const pieces: string[] = [];
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (previous !== '') pieces.push(lineBefore(previous, line, vocabulary));
    previous = line;
  }
  pieces.push(previous);
  return pieces.join('');
}

/** A line as it runs into the next: its hyphen closed up or kept, then a space or nothing. */
function lineBefore(before: string, after: string, vocabulary: ReadonlySet<string>): string {
  const stem = hyphenatedStem(before);
  const next = stem === undefined ? null : NEXT_WORD.exec(after);
  if (stem !== undefined && next) {
    const tail = next[1]!;
    const closed = (stem + tail).toLowerCase();
    const compound = `${stem}-${tail}`.toLowerCase();
    const startsLower = /^\p{Ll}/u.test(tail);
    // "com-" + "pile" closes up unless the document writes "com-pile" elsewhere; before a
    // capital ("Kosovo-" + "Serbia") the hyphen is part of a compound unless the document
    // writes the closed form ("Trace-" + "Monkey" where "TraceMonkey" occurs).
    const keepHyphen = startsLower
      ? vocabulary.has(compound) && !vocabulary.has(closed)
      : !vocabulary.has(closed);
    return keepHyphen ? before.replace(/‐$/, '-') : before.slice(0, -1);
  }
  // A URL broken across lines continues without a space.
  if (/[/\-_.?=&#]$/.test(before) && URL_TAIL.test(before.slice(-300))) return before;
  return `${before} `;
}

/** The letters before a line-end hyphen ("com" of "… com-"), or undefined when the line does not end so. */
function hyphenatedStem(line: string): string | undefined {
  const last = line.at(-1);
  if (last !== '-' && last !== '‐') return undefined;
  // Walked back by code point: letters outside the BMP are two code units.
  let start = line.length - 1;
  while (start > 0) {
    const point = line.codePointAt(start - 1) ?? 0;
    const before = start >= 2 && point >= 0xdc00 && point <= 0xdfff ? line.codePointAt(start - 2)! : point;
    if (!LETTER.test(String.fromCodePoint(before))) break;
    start -= before > 0xffff ? 2 : 1;
  }
  return start < line.length - 1 ? line.slice(start, -1) : undefined;
}
