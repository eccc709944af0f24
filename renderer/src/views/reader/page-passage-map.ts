import type { Passage } from '../../../../electron/core/corpus/schema';
import { foldToLettersAndDigits } from '../../../../electron/common/text/find-fold';

/**
 * The bridge between the two views. Every passage knows the PDF page it starts on; these
 * functions answer the questions the reader asks in either direction.
 */
type PassageLike = Pick<Passage, 'id' | 'page' | 'order' | 'text'>;

/**
 * Passages in the order the PDF shows them: by page, then corpus order. (Corpus order alone
 * is not enough: back matter that stood first in a source is typeset at the end.)
 */
export function inReadingOrder<P extends PassageLike>(passages: readonly P[]): P[] {
  return [...passages].sort((a, b) => a.page - b.page || a.order - b.order);
}

export function passagesOnPage<P extends PassageLike>(passages: readonly P[], page: number): P[] {
  return inReadingOrder(passages).filter((passage) => passage.page === page);
}

/**
 * The passage to show for a PDF page: the first that starts on it, or else the one still
 * running when the page began (the last to start on an earlier page).
 */
export function passageForPage<P extends PassageLike>(passages: readonly P[], page: number): P | undefined {
  const ordered = inReadingOrder(passages);
  const starting = ordered.find((passage) => passage.page === page);
  if (starting) return starting;
  const earlier = ordered.filter((passage) => passage.page < page);
  // Before the first passage (a title page): the first passage after it.
  return earlier[earlier.length - 1] ?? ordered.find((passage) => passage.page > page) ?? ordered[0];
}

/**
 * The passage a click on the PDF's text landed in: among the passages that may cover the
 * page, the one whose text contains the clicked line (letters and digits only); if none
 * does, the page's own passage.
 */
export function passageForClickedText<P extends PassageLike>(passages: readonly P[], page: number, clickedText: string): P | undefined {
  const needle = foldToLettersAndDigits(clickedText).text;
  const candidates = inReadingOrder(passages).filter((passage) => passage.page === page);
  const runningIn = passageForPage(passages, page);
  if (runningIn && !candidates.includes(runningIn)) candidates.unshift(runningIn);
  if (needle.length >= 4) {
    const found = candidates.filter((passage) => foldToLettersAndDigits(passage.text).text.includes(needle));
    // A short line (a heading word, say) can occur in several passages; only a unique hit is trusted.
    if (found.length === 1) return found[0];
    if (found.length > 1 && needle.length >= 24) return found[0];
  }
  return passageForPage(passages, page);
}

/** Next or previous passage in reading order; from nothing, the first or the last. */
export function adjacentPassage<P extends PassageLike>(passages: readonly P[], currentId: string | undefined, direction: 1 | -1): P | undefined {
  const ordered = inReadingOrder(passages);
  if (ordered.length === 0) return undefined;
  const index = currentId ? ordered.findIndex((passage) => passage.id === currentId) : -1;
  if (index < 0) return direction === 1 ? ordered[0] : ordered[ordered.length - 1];
  return ordered[Math.min(ordered.length - 1, Math.max(0, index + direction))];
}

/** Two views agree when some page the PDF shows is a page the text shows a passage of. */
export function viewsAgree(pdfPages: readonly number[], textPages: readonly number[]): boolean {
  return pdfPages.some((page) => textPages.includes(page));
}
