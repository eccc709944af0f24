import { foldToLettersAndDigits } from '../../../../electron/common/text/find-fold';
import type { PageText } from './page-text';

/** How many letters and digits of a passage must agree before we trust the match. */
const minimumAnchor = 12;

/**
 * Where a corpus passage stands in a PDF page's text. Both were made from the same source,
 * but the PDF adds line breaks, footnote numbers and page furniture, and a passage may run
 * on to the next page. So: compare letters and digits only, find the passage's opening
 * words, then walk forward while the texts agree, stepping over digits the PDF has and the
 * passage lacks (footnote markers). Returns a range of the page text, or nothing.
 */
export function locatePassage(page: PageText, passageText: string): { start: number; end: number } | undefined {
  const pageFolded = foldToLettersAndDigits(page.text);
  const passageFolded = foldToLettersAndDigits(passageText);
  const needle = passageFolded.text;
  if (needle.length === 0 || pageFolded.text.length === 0) return undefined;
  // Short, so that a footnote number early in the passage cannot hide it; every place the
  // anchor occurs is tried, and the longest agreement wins.
  const anchor = needle.slice(0, Math.min(needle.length, 16));
  if (anchor.length < Math.min(minimumAnchor, needle.length)) return undefined;

  let best: { start: number; end: number; matched: number } | undefined;
  let from = pageFolded.text.indexOf(anchor);
  while (from >= 0) {
    const matched = walk(pageFolded.text, needle, from);
    if (!best || matched.matched > best.matched) best = { start: from, end: matched.end, matched: matched.matched };
    if (matched.matched === needle.length) break;
    from = pageFolded.text.indexOf(anchor, from + 1);
  }
  if (!best) return undefined;
  return { start: pageFolded.map[best.start]!, end: pageFolded.map[best.end - 1]! + 1 };
}

/** Advances through the page while it agrees with the passage; returns where it stopped. */
function walk(page: string, passage: string, start: number): { end: number; matched: number } {
  let p = start;
  let q = 0;
  while (p < page.length && q < passage.length) {
    if (page[p] === passage[q]) {
      p++;
      q++;
    } else if (/\d/.test(page[p]!)) {
      p++; // a footnote number in the PDF that the passage text does not carry
    } else {
      break;
    }
  }
  return { end: p, matched: q };
}
