import type { Passage } from '../../../electron/core/corpus/schema';
import { passageSeparatorLength } from './document-offsets';

/**
 * A document's text (its passages joined by a blank line, as core builds it) with every run
 * of white space folded to one space and soft hyphens dropped, plus the offset in the real
 * document text of each folded character. Text from the PDF's text layer differs from the
 * passages only in those ways, so it can be found here and mapped back exactly.
 */
export interface FoldedDocument {
  text: string;
  /** origin[i] is the document offset of folded character i. */
  origin: number[];
  /** Folded offset where each passage starts. */
  passageStarts: Map<string, number>;
}

export function foldDocument(passages: readonly Pick<Passage, 'id' | 'text'>[]): FoldedDocument {
  let text = '';
  const origin: number[] = [];
  const passageStarts = new Map<string, number>();
  let offset = 0;
  passages.forEach((passage, index) => {
    const source = index === 0 ? passage.text : `${' '.repeat(passageSeparatorLength)}${passage.text}`;
    const base = index === 0 ? offset : offset - passageSeparatorLength;
    for (let i = 0; i < source.length; i++) {
      const char = source[i]!;
      if (i === (index === 0 ? 0 : passageSeparatorLength)) passageStarts.set(passage.id, text.length);
      if (char === '\u00ad') continue;
      if (/\s/.test(char)) {
        if (text.endsWith(' ')) continue;
        text += ' ';
      } else {
        text += char;
      }
      origin.push(base + i);
    }
    offset += passage.text.length + passageSeparatorLength;
  });
  return { text, origin, passageStarts };
}
