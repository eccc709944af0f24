import type { Passage } from '../../../electron/core/corpus/schema';
import type { PassagePoint } from '../../../electron/common/api/selection';

/**
 * A document's passages, in order and a space apart, with every run of white space folded
 * to one space and soft hyphens dropped, plus where in which passage each folded character
 * came from. Text from the PDF's text layer differs from the passages only in those ways,
 * so it can be found here and mapped back exactly, as passage points core can anchor.
 */
export interface FoldedDocument {
  text: string;
  /** passageIndex[i]: the index in the passages given of the passage folded character i came from. */
  passageIndex: number[];
  /** offset[i]: the offset in that passage's text of folded character i. */
  offset: number[];
  /** Folded offset where each passage starts. */
  passageStarts: Map<string, number>;
}

export function foldDocument(passages: readonly Pick<Passage, 'id' | 'text'>[]): FoldedDocument {
  let text = '';
  const passageIndex: number[] = [];
  const offset: number[] = [];
  const passageStarts = new Map<string, number>();
  const push = (char: string, index: number, at: number) => {
    text += char;
    passageIndex.push(index);
    offset.push(at);
  };
  passages.forEach((passage, index) => {
    // Passages are apart: the space between them counts as the end of the one before.
    if (index > 0 && !text.endsWith(' ')) push(' ', index - 1, passages[index - 1]!.text.length);
    passageStarts.set(passage.id, text.length);
    for (let i = 0; i < passage.text.length; i++) {
      const char = passage.text[i]!;
      if (char === '\u00ad') continue;
      if (/\s/.test(char)) {
        if (!text.endsWith(' ')) push(' ', index, i);
      } else {
        push(char, index, i);
      }
    }
  });
  return { text, passageIndex, offset, passageStarts };
}

/** The passage point where folded character `at` came from; `after` gives the point just past it. */
export function pointAt(folded: FoldedDocument, passages: readonly Pick<Passage, 'id'>[], at: number, after = false): PassagePoint {
  return { passageId: passages[folded.passageIndex[at]!]!.id, offset: folded.offset[at]! + (after ? 1 : 0) };
}
