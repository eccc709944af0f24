import type { Passage } from '../../../electron/core/corpus/schema';
import type { DraftContent, TiptapNode } from '../../../electron/core/drafts/model';
import type { Draft } from '../../../electron/core/drafts/model';

export function text(value: string, ...marks: string[]): TiptapNode {
  return marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
}

export function cite(passage: Pick<Passage, 'id' | 'docId'>, extra: { locator?: string; prefix?: string; suffix?: string; suppressAuthor?: boolean } = {}): TiptapNode {
  return {
    type: 'citation',
    attrs: {
      targetKind: 'passage',
      targetId: passage.id,
      docId: passage.docId,
      locator: extra.locator ?? null,
      prefix: extra.prefix ?? null,
      suffix: extra.suffix ?? null,
      suppressAuthor: extra.suppressAuthor ?? false,
    },
  };
}

export function paragraph(...content: TiptapNode[]): TiptapNode {
  return { type: 'paragraph', content };
}

export function doc(...content: TiptapNode[]): DraftContent {
  return { type: 'doc', content };
}

export function draftOf(content: DraftContent, style: Draft['style'], title = 'Kosovo and NATO: a research note'): Draft {
  return { id: 'draft-test', title, content, style, createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z' };
}
