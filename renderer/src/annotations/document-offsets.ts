import type { Passage } from '../../../electron/core/corpus/schema';

/**
 * Offsets in a document's text, which core builds by joining its passages, in order, with
 * a blank line (anchoring/document-text.ts). A selection over several paragraphs is sent
 * to core as such a range; core checks it and trims it, so a mismatch cannot go unnoticed.
 */
export const passageSeparatorLength = 2;

export function passageStartOffsets(passages: readonly Pick<Passage, 'id' | 'text'>[]): Map<string, number> {
  const starts = new Map<string, number>();
  let offset = 0;
  for (const passage of passages) {
    starts.set(passage.id, offset);
    offset += passage.text.length + passageSeparatorLength;
  }
  return starts;
}
