import type { Passage } from '../../../electron/core/corpus/schema';
import type { PassagePoint } from '../../../electron/common/api/selection';
import { foldDocument, pointAt } from './folded-document';

/**
 * What a new annotation is made from: a quote in one passage, or a selection over several,
 * each end a passage and an offset in its text (core turns them into its own anchors).
 */
export type AnnotationTarget =
  | { kind: 'quote'; docId: string; passageId: string; quote: string; offsetInPassage: number }
  | { kind: 'range'; docId: string; start: PassagePoint; end: PassagePoint; quote: string };

/** Elements inside a passage whose text is not part of the passage text (footnote markers, speaker labels). */
const notPassageText = 'sup, .speaker, .passage-actions, [data-not-passage-text]';

function passageElement(node: Node | null): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node?.parentElement;
  return element?.closest<HTMLElement>('[data-passage-id]') ?? null;
}

/** Offset in the passage text of a DOM point inside the passage's element. */
function offsetInPassage(element: HTMLElement, container: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(container, offset);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const skipped = Boolean(node.parentElement?.closest(notPassageText));
    if (node === container) return skipped ? count : count + offset;
    const length = node.textContent?.length ?? 0;
    // The whole node lies before the point: its text comes before the selection edge.
    if (point.comparePoint(node, length) <= 0) {
      if (!skipped) count += length;
    } else break;
  }
  return count;
}

/**
 * The target of a selection in the structured text view (elements carrying
 * data-passage-id), or undefined when the selection is empty or outside any passage.
 */
export function structuredSelectionTarget(selection: Selection | null, passages: readonly Passage[]): AnnotationTarget | undefined {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const first = passageElement(range.startContainer);
  const last = passageElement(range.endContainer);
  if (!first || !last) return undefined;
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const startPassage = byId.get(first.dataset.passageId!);
  const endPassage = byId.get(last.dataset.passageId!);
  if (!startPassage || !endPassage) return undefined;
  const start = offsetInPassage(first, range.startContainer, range.startOffset);
  const end = offsetInPassage(last, range.endContainer, range.endOffset);
  if (startPassage.id === endPassage.id) {
    const quote = startPassage.text.slice(start, end);
    if (!quote.trim()) return undefined;
    return { kind: 'quote', docId: startPassage.docId, passageId: startPassage.id, quote, offsetInPassage: start };
  }
  // A DOM range runs forwards, but passages may be drawn out of their reading order.
  const from = passages.indexOf(startPassage);
  const to = passages.indexOf(endPassage);
  if (to < from) return undefined;
  // Built from the passages, not the DOM selection, whose text would include the buttons and times drawn beside them.
  const quote = [startPassage.text.slice(start), ...passages.slice(from + 1, to).map((passage) => passage.text), endPassage.text.slice(0, end)].join('\n');
  return {
    kind: 'range',
    docId: startPassage.docId,
    start: { passageId: startPassage.id, offset: start },
    end: { passageId: endPassage.id, offset: end },
    quote,
  };
}

const foldSpace = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The target of a selection in the PDF view's text layer: the page tells which passages
 * to look in, the selected text where. Line breaks and hyphenation in the PDF differ from
 * the passage text only in white space and soft hyphens, which are ignored when matching.
 */
export function pdfSelectionTarget(quote: string, page: number, passages: readonly Passage[]): AnnotationTarget | undefined {
  // A line-end hyphen is either a soft one (drop it) or part of a compound (keep it, join the lines).
  const plain = foldSpace(quote.replace(/\u00ad/g, '')).trim();
  const candidates = [...new Set([plain, plain.replace(/-\s+(?=\p{Ll})/gu, ''), plain.replace(/-\s+(?=\p{Ll})/gu, '-')])];
  if (!plain) return undefined;
  const nearby = passages.filter((passage) => Math.abs(passage.page - page) <= 1);
  // Prefer a passage on the page itself, then the neighbours a selection may run into.
  const ordered = [...nearby.filter((passage) => passage.page === page), ...nearby.filter((passage) => passage.page !== page)];
  for (const passage of ordered) {
    const text = foldSpace(passage.text);
    for (const wanted of candidates) {
      const at = text.indexOf(wanted);
      if (at !== -1) return { kind: 'quote', docId: passage.docId, passageId: passage.id, quote: wanted, offsetInPassage: at };
    }
  }
  return crossPassageTarget(candidates, page, passages);
}

/** Characters from each end of a selection that must match the document exactly. */
const edgeLength = 40;

/**
 * A selection over several paragraphs, or over a page break: between its first and last
 * words the text layer also holds what is not passage text (footnotes, the page number,
 * the next page's running header), so only its two ends are matched, in order, and close
 * enough together for the selection's length.
 */
function crossPassageTarget(candidates: readonly string[], page: number, passages: readonly Passage[]): AnnotationTarget | undefined {
  const docId = passages[0]?.docId;
  if (!docId) return undefined;
  const folded = foldDocument(passages);
  // Passage starts in reading order, to find the passage a match begins in. Its page must be
  // the selection's page or a neighbour (back matter comes early in order but late in pages).
  const starts = passages.map((passage) => ({ at: folded.passageStarts.get(passage.id) ?? 0, page: passage.page }));
  const pageAt = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]!.at <= offset) low = middle;
      else high = middle - 1;
    }
    return starts[low]?.page ?? 0;
  };
  for (const wanted of candidates) {
    const head = wanted.slice(0, edgeLength);
    const tail = wanted.slice(-edgeLength);
    for (let headAt = folded.text.indexOf(head); headAt !== -1; headAt = folded.text.indexOf(head, headAt + 1)) {
      if (Math.abs(pageAt(headAt) - page) > 1) continue;
      const tailAt = folded.text.indexOf(tail, headAt + Math.min(head.length, wanted.length - tail.length));
      if (tailAt === -1) break;
      const foldedEnd = tailAt + tail.length;
      // The ends must enclose no more text than was selected (plus nothing much else).
      if (foldedEnd - headAt > wanted.length + edgeLength) continue;
      return { kind: 'range', docId, start: pointAt(folded, passages, headAt), end: pointAt(folded, passages, foldedEnd - 1, true), quote: wanted };
    }
  }
  return undefined;
}
