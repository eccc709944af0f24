import type { Node as PmNode } from '@tiptap/pm/model';

/** Words as core counts them: runs between spaces holding a letter or digit; blocks and citations separate words. */
export function countWords(doc: PmNode): number {
  const text = doc.textBetween(0, doc.content.size, '\n', ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
