import type { Passage } from '../../../electron/core/corpus/schema';
import { passageStartOffsets } from './document-offsets';

/** What a new annotation is made from: a quote in one passage, or a range over several. */
export type AnnotationTarget =
  | { kind: 'quote'; docId: string; passageId: string; quote: string; offsetInPassage: number }
  | { kind: 'range'; docId: string; start: number; end: number; quote: string };

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
  const starts = passageStartOffsets(passages);
  const from = starts.get(startPassage.id)! + start;
  const to = starts.get(endPassage.id)! + end;
  if (to <= from) return undefined;
  return { kind: 'range', docId: startPassage.docId, start: from, end: to, quote: selection.toString() };
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
  // A selection over several paragraphs of the PDF is not mapped: the text view takes those.
  return undefined;
}
