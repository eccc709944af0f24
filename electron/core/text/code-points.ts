/**
 * REFI-QDA and the W3C Web Annotation model (TextPositionSelector) count positions in a
 * text in Unicode code points from 0; JavaScript
 * strings count UTF-16 code units, where a character outside the Basic Multilingual Plane
 * (most emoji, some CJK) takes two. These convert between the two for one text, in
 * O(length) once and O(log n) per position.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the characters that take two units; empty for most texts. */
  private readonly astral: number[] = [];
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(index);
          index++;
        }
      }
    }
    this.codePointLength = text.length - this.astral.length;
  }

  /** The code point offset of a UTF-16 offset (one inside a pair counts as after it). */
  toCodePoints(utf16: number): number {
    return utf16 - countBelow(this.astral, utf16 - 1);
  }

  /** The UTF-16 offset of a code point offset, or undefined past the end. */
  toUtf16(codePoints: number): number | undefined {
    if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > this.codePointLength) return undefined;
    // The k-th pair starts at astral[k], which is code point astral[k] - k; find how many pairs come before.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.astral[mid]! - mid < codePoints) low = mid + 1;
      else high = mid;
    }
    return codePoints + low;
  }
}

/** How many sorted values are ≤ limit. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
