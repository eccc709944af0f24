import { foldForFind, type MappedText } from '../../../../electron/common/text/find-fold';

/**
 * Find in the text view: the rendered text is walked node by node (what the reader sees,
 * markers and buttons aside), searched folded (case, accents, dashes, line breaks do not
 * matter), and each hit becomes a DOM Range, drawn with the CSS Custom Highlight API so
 * the text React rendered is never touched.
 */

/** Text in these is not the reading text: footnote numbers, the copy-link button. */
const skipped = 'sup, .passage-actions, button';
/** Each of these starts a new block: words of two blocks never run together. */
const blocks = '[data-passage-id], li, h2, h3, td, th';

export interface TextRun {
  node: Text;
  /** Offset of the node's first character in the joined text. */
  start: number;
}

export interface JoinedText {
  text: string;
  runs: TextRun[];
}

/** The text under `root` in reading order, with a space where one block ends and the next begins. */
export function joinRenderedText(root: Node): JoinedText {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const runs: TextRun[] = [];
  let text = '';
  let lastBlock: Element | null | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skipped)) continue;
    const block = parent.closest(blocks);
    if (lastBlock !== undefined && block !== lastBlock) text += ' ';
    lastBlock = block;
    runs.push({ node, start: text.length });
    text += node.data;
  }
  return { text, runs };
}

/** The text last searched, folded: typing a query searches the same text again and again. */
let lastFolded: { text: string; folded: MappedText } | undefined;

/** Every hit of `query` as [start, end) of the joined text. */
export function findInText(text: string, query: string): Array<[number, number]> {
  const needle = foldForFind(query).text;
  if (!needle) return [];
  if (lastFolded?.text !== text) lastFolded = { text, folded: foldForFind(text) };
  const haystack = lastFolded.folded;
  const hits: Array<[number, number]> = [];
  for (let from = haystack.text.indexOf(needle); from !== -1; from = haystack.text.indexOf(needle, from + needle.length)) {
    hits.push([haystack.map[from]!, haystack.map[from + needle.length - 1]! + 1]);
  }
  return hits;
}

/** The DOM point of an offset in the joined text (an offset between runs goes to the next run). */
function pointAt(runs: readonly TextRun[], offset: number, isEnd: boolean): [Text, number] {
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (runs[middle]!.start <= offset - (isEnd ? 1 : 0)) low = middle;
    else high = middle - 1;
  }
  const run = runs[low]!;
  return [run.node, Math.min(run.node.data.length, Math.max(0, offset - run.start))];
}

/** Ranges for the hits, ready for a Highlight. */
export function hitRanges(joined: JoinedText, hits: ReadonlyArray<[number, number]>): Range[] {
  return hits.map(([start, end]) => {
    const range = document.createRange();
    range.setStart(...pointAt(joined.runs, start, false));
    range.setEnd(...pointAt(joined.runs, end, true));
    return range;
  });
}
