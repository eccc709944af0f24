import type { DraftContent, TiptapNode } from '../model';
import { citationNodeName } from '../../../common/drafts/citation-name';

/** Punctuation a note marker goes after, as Pandoc's citeproc places notes in English. */
const movable = /^[.,;:!?]+/;
/** Closing quotation marks that American English puts commas and full stops inside. */
const closingQuote = /[”"’]$/;

/**
 * For note styles: a note marker stands after the punctuation that follows its citation,
 * and against the word before it ("a claim [@a]." prints "a claim.¹"), as Pandoc's citeproc
 * does for English; a comma or full stop after a closing quotation mark goes inside it
 * ("“quoted,”²"). Only text moves; citations keep their order, so the exporters still meet
 * them as `collectCitations` lists them. Returns new nodes; the draft is not changed.
 */
export function placeNotesAfterPunctuation(content: DraftContent): DraftContent {
  return place(content) as DraftContent;
}

function place(node: TiptapNode): TiptapNode {
  if (!node.content) return node;
  const children = node.content.map(place);
  const out: TiptapNode[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== citationNodeName || out.at(-1)?.type === citationNodeName) {
      out.push(child);
      continue;
    }
    // The start of a group of citations: take the space before it away, bring the punctuation after it forward.
    let end = index;
    while (children[end + 1]?.type === citationNodeName) end++;
    const after = children[end + 1];
    const punctuation = after?.type === 'text' ? (movable.exec(after.text ?? '')?.[0] ?? '') : '';
    const before = out.at(-1);
    if (before?.type === 'text') {
      let text = (before.text ?? '').replace(/[ \t]+$/, '');
      if (punctuation && closingQuote.test(text) && /^[,.]/.test(punctuation)) text = `${text.slice(0, -1)}${punctuation[0]}${text.slice(-1)}${punctuation.slice(1)}`;
      else text += punctuation;
      out[out.length - 1] = withText(before, text);
    } else if (punctuation) {
      out.push(withText(after!, punctuation));
    }
    out.push(...children.slice(index, end + 1));
    if (punctuation) children[end + 1] = withText(after!, (after!.text ?? '').slice(punctuation.length));
    index = end;
  }
  return { ...node, content: out.filter((child) => child.type !== 'text' || (child.text ?? '') !== '') };
}

function withText(node: TiptapNode, text: string): TiptapNode {
  return { ...node, text };
}
