import type { ResolvedBlock } from './headings.js';
import { compact } from './text.js';

/**
 * Tables arrive as tab-separated lines. Two things need repair: the header row the PDF repeated
 * on every page the table ran over, and rows the extraction broke in two (a continuation line
 * whose first cell is empty carries the rest of the row above it).
 */
export function repairTables(blocks: ResolvedBlock[]): ResolvedBlock[] {
  const out: ResolvedBlock[] = [];
  let header: string | undefined;

  for (const block of blocks) {
    if (block.kind === 'heading') header = undefined;
    if (block.kind !== 'table-row') {
      out.push(block);
      continue;
    }
    const cells = (block.cells ?? []).map((c) => c.trim());
    const key = compact(cells.join('|'));
    if (header === undefined) header = key;
    else if (key === header) continue; // the header row repeated at the top of a new page

    const last = out[out.length - 1];
    if (cells[0] === '' && last?.kind === 'table-row' && last.cells) {
      const merged = [...last.cells];
      cells.forEach((cell, index) => {
        if (cell === '') return;
        // The continuation goes into the first empty cell at or after its own column.
        let target = index;
        while (target < merged.length && merged[target] !== '') target++;
        if (target >= merged.length) target = index;
        merged[target] = merged[target] ? `${merged[target]} ${cell}` : cell;
      });
      last.cells = merged;
      last.raw = merged.join('\t');
      continue;
    }
    out.push({ ...block, cells, raw: cells.join('\t') });
  }
  return out;
}
