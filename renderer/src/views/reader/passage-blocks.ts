import type { Passage } from '../../../../electron/core/corpus/schema';

/**
 * The structured text is drawn block by block: one passage is one block, except that a run
 * of consecutive table rows becomes one table (the first row is its header when the
 * corpus marked it so by appearing first in its section's run).
 */
export type Block<P> = { kind: 'passage'; passage: P } | { kind: 'table'; id: string; rows: P[] };

export function groupBlocks<P extends Pick<Passage, 'id' | 'kind' | 'sectionId'>>(passages: readonly P[]): Block<P>[] {
  const blocks: Block<P>[] = [];
  for (const passage of passages) {
    const last = blocks[blocks.length - 1];
    if (passage.kind === 'table-row') {
      if (last?.kind === 'table' && last.rows[0]!.sectionId === passage.sectionId) {
        last.rows.push(passage);
      } else {
        blocks.push({ kind: 'table', id: `table-${passage.id}`, rows: [passage] });
      }
      continue;
    }
    blocks.push({ kind: 'passage', passage });
  }
  return blocks;
}
