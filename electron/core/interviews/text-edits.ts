/**
 * Edits of a text as replaced stretches, where offsets of the old text land in the new one,
 * and the edits that turn one text into another. Pure: no storage, no I/O. Used by
 * anonymising (names replaced) and by correcting a passage (a person's edit).
 */

/** One replaced stretch of a text: `[start, end)` of the old text became `replacement`. Empty `start === end` inserts. */
export interface TextChange {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Where an offset of the old text lands in the new one (edits in order, not overlapping).
 * An offset inside a replaced stretch moves to the replacement's start (`side: 'start'`)
 * or end (`'end'`), so a range that cut a stretch in two now holds the whole replacement.
 * Text inserted exactly at a range's edge stays outside it: a range's start moves past an
 * insertion there, its end stays before one.
 */
export function mapOffset(edits: readonly TextChange[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    const before = edit.end < offset || (edit.end === offset && (edit.start < edit.end || side === 'start'));
    if (before) {
      shift += edit.replacement.length - (edit.end - edit.start);
      continue;
    }
    if (edit.start < offset) return side === 'start' ? edit.start + shift : edit.start + shift + edit.replacement.length;
    break;
  }
  return offset + shift;
}

/** Words, runs of white space, and each other character alone: the units a correction is compared in. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

/**
 * Beyond this many token pairs left after the common start and end are set aside, the
 * changed middle counts as one replaced stretch: a rewrite that large keeps no anchor inside.
 */
const MAX_COMPARED_PAIRS = 4_000_000;

/**
 * The edits that turn `before` into `after`, found by comparing whole words (a longest
 * common subsequence of tokens), so a word changed is one replaced stretch rather than
 * letters matched by chance ("market" → "shop" shares no letter with anything it keeps).
 * Offsets are characters (UTF-16 code units) of `before`; adjacent changes are merged.
 */
export function diffText(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const oldStart = length(a.slice(0, head));

  const pairs = oldMiddle.length * newMiddle.length > MAX_COMPARED_PAIRS ? [] : commonTokens(oldMiddle, newMiddle);
  const edits: TextChange[] = [];
  let i = 0;
  let j = 0;
  let oldAt = oldStart;
  const emit = (toI: number, toJ: number) => {
    const oldLength = length(oldMiddle.slice(i, toI));
    const replacement = newMiddle.slice(j, toJ).join('');
    if (oldLength > 0 || replacement.length > 0) edits.push({ start: oldAt, end: oldAt + oldLength, replacement });
    oldAt += oldLength;
    i = toI;
    j = toJ;
  };
  for (const [pi, pj] of [...pairs, [oldMiddle.length, newMiddle.length] as const]) {
    emit(pi, pj);
    if (pi < oldMiddle.length) {
      // The kept token itself.
      oldAt += oldMiddle[pi]!.length;
      i = pi + 1;
      j = pj + 1;
    }
  }
  return edits;
}

function length(tokens: readonly string[]): number {
  let total = 0;
  for (const token of tokens) total += token.length;
  return total;
}

/**
 * Index pairs of the common subsequence of two token lists that keeps the most characters,
 * in order: so a kept word outweighs the spaces around it ("The bridge still divides" →
 * "The old bridge divides" keeps "bridge" rather than two spaces).
 */
function commonTokens(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  const width = b.length + 1;
  // lengths[i * width + j]: the characters the best common subsequence of a[i..] and b[j..] keeps.
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + a[i]!.length : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j] && lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + a[i]!.length) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** Applies edits (in order, not overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextChange[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + text.slice(at);
}
