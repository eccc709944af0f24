import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import type { CitationSources } from '../citations/types';
import { CitationAttrsSchema, type CitationAttrs, type TiptapNode } from './model';
import { citationNodeName } from '../../common/drafts/citation-name';

const id = z.string().min(1).max(200);
const citation = CitationAttrsSchema.extend({ targetId: id, docId: id, locator: z.string().max(40).nullable().default(null) }).strict();

/**
 * A table whose rows cite their sources (a figure group, an event's papers, a link's
 * passages), as other areas hand it to a draft: a caption, the text columns, and per row
 * its cells and the citations that make its last column. Every row cites, so every row
 * formats in the draft's style and its papers join the bibliography.
 */
export const CitedTableSchema = z
  .object({
    caption: z.string().trim().min(1, 'a caption').max(300),
    columns: z.array(z.string().trim().min(1).max(80)).min(1).max(8),
    /** The heading of the last column, which holds the citations. */
    sourceHeading: z.string().trim().min(1).max(80).default('Source'),
    rows: z
      .array(z.object({ cells: z.array(z.string().max(2000)).max(8), citations: z.array(citation).min(1, 'every row cites at least one source').max(20) }).strict())
      .min(1, 'a table of at least one row')
      .max(300, 'at most 300 rows'),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.rows.forEach((row, index) => {
      if (row.cells.length !== table.columns.length) ctx.addIssue({ code: 'custom', path: ['rows', index, 'cells'], message: `row ${index + 1} has ${row.cells.length} cells for ${table.columns.length} columns` });
    });
  });
export type CitedTable = z.input<typeof CitedTableSchema>;

/** Refuses a citation that does not resolve, or whose target is not in the paper it names. */
export function checkCitation(sources: CitationSources, attrs: Pick<CitationAttrs, 'targetKind' | 'targetId' | 'docId'>): void {
  const resolved = sources.resolve({ kind: attrs.targetKind, id: attrs.targetId, docId: attrs.docId });
  if (!resolved) throw new WorkbenchError('BAD_REQUEST', `Nothing to cite: no ${attrs.targetKind} "${attrs.targetId}".`);
  // A reference (from the reference library) belongs to no paper, so a table row cannot cite one.
  if (!resolved.document) throw new WorkbenchError('BAD_REQUEST', `The ${attrs.targetKind} "${attrs.targetId}" is not a passage of a paper.`);
  if (resolved.document.id !== attrs.docId) throw new WorkbenchError('BAD_REQUEST', `The ${attrs.targetKind} "${attrs.targetId}" belongs to "${resolved.document.id}", not "${attrs.docId}".`);
}

const text = (value: string): TiptapNode[] => (value ? [{ type: 'text', text: value }] : []);
const cell = (type: 'tableHeader' | 'tableCell', content: TiptapNode[]): TiptapNode => ({ type, content: [{ type: 'paragraph', ...(content.length ? { content } : {}) }] });

/** The caption (bold, as a paragraph above: every export keeps it) and the table, as the editor's nodes. */
export function citedTableBlocks(input: CitedTable): TiptapNode[] {
  const table = CitedTableSchema.parse(input);
  const citations = (list: readonly CitationAttrs[]): TiptapNode[] =>
    list.flatMap((attrs, index) => [...(index > 0 ? text('; ') : []), { type: citationNodeName, attrs: { ...attrs } }]);
  return [
    { type: 'paragraph', content: [{ type: 'text', text: table.caption, marks: [{ type: 'bold' }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [...table.columns, table.sourceHeading].map((heading) => cell('tableHeader', text(heading))) },
        ...table.rows.map((row): TiptapNode => ({ type: 'tableRow', content: [...row.cells.map((value) => cell('tableCell', text(value))), cell('tableCell', citations(row.citations))] })),
      ],
    },
  ];
}
