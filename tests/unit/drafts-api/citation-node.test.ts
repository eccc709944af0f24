import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { describe, expect, it } from 'vitest';
import { CitationAttrsSchema } from '../../../electron/common/drafts/citation-attrs';
import { CitationNode, citationNodeName } from '../../../electron/common/drafts/citation-node';
import type { AnyExtension, NodeConfig } from '@tiptap/core';

/** The node's schema, its HTML form for a sample, and the attributes read back from that HTML. */
function described(node: AnyExtension, sample: Record<string, unknown>) {
  const schema = getSchema([Document, Paragraph, Text, node]);
  const type = schema.nodes[node.name]!;
  const { group, inline, atom, selectable, draggable } = type.spec;
  const attrs = Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([name, spec]) => [name, spec.default]));
  const html = type.spec.toDOM!(type.create(sample)) as [string, Record<string, string>, string];
  // Reading the HTML form back: a minimal element answering getAttribute from what toDOM wrote.
  const written = html[1];
  const element = { getAttribute: (name: string) => written[name] ?? null } as unknown as HTMLElement;
  const parsed = Object.fromEntries(Object.entries((node.config as NodeConfig).addAttributes!.call({ name: node.name, options: {}, storage: {}, parent: undefined } as never) as Record<string, { parseHTML: (e: HTMLElement) => unknown }>).map(([name, attribute]) => [name, attribute.parseHTML(element)]));
  return { group, inline, atom, selectable, draggable, attrs, html, parsed, parseRules: type.spec.parseDOM?.map((rule) => 'tag' in rule && rule.tag) };
}

/**
 * Core (validation, formatting, exports) and the renderer's editor (which extends this node
 * with its view) share one definition in electron/common; this pins what drafts store.
 */
describe('the citation node', () => {
  const sample = { targetKind: 'annotation', targetId: 'ann-1', docId: 'doc-1', locator: '12–14', prefix: 'see', suffix: null, suppressAuthor: true };

  it('is an inline atom with the seven attributes drafts store', () => {
    const node = described(CitationNode, sample);
    expect(CitationNode.name).toBe(citationNodeName);
    expect(node).toMatchObject({ group: 'inline', inline: true, atom: true, selectable: true, draggable: true, parseRules: ['span[data-citation]'] });
    expect(Object.keys(node.attrs).sort()).toEqual(['docId', 'locator', 'prefix', 'suffix', 'suppressAuthor', 'targetId', 'targetKind']);
  });

  it('reads back from its HTML form (copy and paste) what it wrote, leaving out empty attributes', () => {
    const node = described(CitationNode, sample);
    expect(node.parsed).toEqual(sample);
    expect(node.html[1]).not.toHaveProperty('data-suffix');
    expect(node.html[2]).toBe('[@ann-1]');
  });

  it("takes the same defaults as core's validation of stored attributes", () => {
    const node = described(CitationNode, { targetId: 'p-1', docId: 'doc-1' });
    const stored = CitationAttrsSchema.parse({ targetKind: node.attrs.targetKind, targetId: 'p-1', docId: 'doc-1' });
    expect(stored).toEqual({ ...node.attrs, targetId: 'p-1', docId: 'doc-1' });
    expect(CitationAttrsSchema.safeParse({ targetKind: 'page', targetId: 'p-1', docId: 'doc-1' }).success).toBe(false);
  });
});
