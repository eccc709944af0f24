import { z } from 'zod';
import { citationStyleIds, defaultCitationStyle } from '../citations/styles';
import { defineCollection } from '../store/collection-definition';
import { CitationAttrsSchema } from '../../common/drafts/citation-attrs';
import { citationNodeName } from '../../common/drafts/citation-name';

/**
 * Draft content is tiptap (ProseMirror) JSON. We validate its shape — nodes with a type,
 * optional attrs/content/marks/text — and the citation node's attributes strictly,
 * because exports and the bibliography depend on them; other node types are left to the
 * editor's own schema.
 */
export interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: TiptapMark[];
  text?: string;
}

export interface DraftContent extends TiptapNode {
  type: 'doc';
  content: TiptapNode[];
}

export { CitationAttrsSchema, type CitationAttrs } from '../../common/drafts/citation-attrs';

const MarkSchema = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() });

export const TiptapNodeSchema: z.ZodType<TiptapNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(TiptapNodeSchema).optional(),
      marks: z.array(MarkSchema).optional(),
      text: z.string().optional(),
    })
    .superRefine((node, ctx) => {
      if (node.type === citationNodeName) {
        const parsed = CitationAttrsSchema.safeParse(node.attrs ?? {});
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `citation node has invalid attributes: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      }
      if (node.type === 'text' && typeof node.text !== 'string') ctx.addIssue({ code: 'custom', message: 'text node without text' });
    }),
);

export const DraftContentSchema = z.object({
  type: z.literal('doc'),
  content: z.array(TiptapNodeSchema),
}) as unknown as z.ZodType<DraftContent>;

export function emptyDraftContent(): DraftContent {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export const DraftSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  content: DraftContentSchema,
  style: z.enum(citationStyleIds).default(defaultCitationStyle),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when moved to the trash; cleared by restore. Purge removes the draft for good. */
  trashedAt: z.string().optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** One record per draft. Round 1 kept them in `drafts.json` as `{drafts: […]}`. */
export const draftsCollection = defineCollection({
  name: 'drafts',
  version: 2,
  schema: DraftSchema,
  legacy: { file: 'drafts.json', records: (data) => (data as { drafts?: unknown[] }).drafts ?? [] },
});

/** A draft without its content, for lists. */
export type DraftSummary = Omit<Draft, 'content'> & { citationCount: number; wordCount: number };
