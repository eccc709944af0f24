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

const LINE_END_HYPHEN = /([\p{L}]+)[-‐]$/u;
const NEXT_WORD = /^([\p{L}]+)/u;
const URL_TAIL = /(?:https?:\/\/|www\.)\S*$/;

export function joinLines(lines: string[], vocabulary: ReadonlySet<string>): string {
  let text = '';
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // Decisions look at the previous line only, never the whole paragraph so far, so a
    // long paragraph costs linear time.
    text = previous === '' ? line : text.slice(0, text.length - previous.length) + joinPair(previous, line, vocabulary);
    previous = line;
  }
  return text;
}

/** Joins two adjacent lines; the result starts with `before` (possibly minus its hyphen). */
function joinPair(before: string, after: string, vocabulary: ReadonlySet<string>): string {
  const hyphen = LINE_END_HYPHEN.exec(before.slice(-64));
  const next = NEXT_WORD.exec(after);
  if (hyphen && next) {
    const stem = hyphen[1]!;
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
    return keepHyphen ? before.replace(/‐$/, '-') + after : before.slice(0, -1) + after;
  }
  // A URL broken across lines continues without a space.
  if (/[/\-_.?=&#]$/.test(before) && URL_TAIL.test(before.slice(-300))) return before + after;
  return `${before} ${after}`;
}
