import type { CitationRef } from '../citations/types';
import { CitationAttrsSchema, type CitationAttrs, type TiptapNode } from './model';
import { citationNodeName } from '../../common/drafts/citation-name';

/**
 * Citations are identified by their position in the draft (`cite-1`, `cite-2`, ...):
 * formatting is recomputed for the whole draft on every change, and the editor and every
 * exporter walk the same document in the same order, so position is the shared key.
 */
export function citationIdAt(index: number): string {
  return `cite-${index + 1}`;
}

export function citationRefFromAttrs(id: string, attrs: CitationAttrs): CitationRef {
  const ref: CitationRef = { id, target: { kind: attrs.targetKind, id: attrs.targetId, docId: attrs.docId } };
  if (attrs.locator) ref.locator = attrs.locator;
  if (attrs.prefix) ref.prefix = attrs.prefix;
  if (attrs.suffix) ref.suffix = attrs.suffix;
  if (attrs.suppressAuthor) ref.suppressAuthor = true;
  return ref;
}

/** Depth-first, in reading order: the order citeproc must see citations in. */
export function* walkNodes(node: TiptapNode): Generator<TiptapNode> {
  yield node;
  for (const child of node.content ?? []) yield* walkNodes(child);
}

/**
 * Every citation in reading order, each with its cluster: citation nodes side by side, with
 * nothing between them (not even a space), are one citation group, as `[@a; @b]` is in
 * Pandoc's Markdown; the Markdown import makes a group so and the export writes it so.
 */
export function collectCitations(content: TiptapNode): CitationRef[] {
  const refs: CitationRef[] = [];
  let cluster = -1;
  const visit = (node: TiptapNode): void => {
    const children = node.content ?? [];
    children.forEach((child, index) => {
      if (child.type === citationNodeName) {
        if (children[index - 1]?.type !== citationNodeName) cluster++;
        const attrs = CitationAttrsSchema.parse(child.attrs ?? {});
        refs.push({ ...citationRefFromAttrs(citationIdAt(refs.length), attrs), cluster });
      } else {
        visit(child);
      }
    });
  };
  if (content.type === citationNodeName) refs.push(citationRefFromAttrs(citationIdAt(0), CitationAttrsSchema.parse(content.attrs ?? {})));
  else visit(content);
  return refs;
}

/** Nodes whose children are inline (text, citations); every other container holds blocks. */
const textblockTypes = new Set(['paragraph', 'heading', 'codeBlock']);

export function plainText(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? '';
  // Blocks are separated, so list items and table cells do not run together into one word.
  return (node.content ?? []).map(plainText).join(textblockTypes.has(node.type) ? '' : '\n');
}

export function countWords(content: TiptapNode): number {
  // Punctuation left alone beside a citation ("objective [cite].") is not a word.
  return plainText(content).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
