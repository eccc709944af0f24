import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { describe, expect, it } from 'vitest';
import { CitationNode, citationNodeName } from '../../../electron/core/drafts/citation-node';
import { CitationNodeSpec, citationNodeName as rendererName } from '../../../renderer/src/views/drafts/citation-node-spec';
import type { AnyExtension, NodeConfig } from '@tiptap/core';

/** The renderer repeats core's citation node (it may not import core at run time); they must stay the same. */
function described(node: AnyExtension) {
  const schema = getSchema([Document, Paragraph, Text, node]);
  const type = schema.nodes[node.name]!;
  const { group, inline, atom, selectable, draggable } = type.spec;
  const attrs = Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([name, spec]) => [name, spec.default]));
  const sample = { targetKind: 'annotation', targetId: 'ann-1', docId: 'doc-1', locator: '12–14', prefix: 'see', suffix: null, suppressAuthor: true };
  const html = type.spec.toDOM!(type.create(sample));
  // Reading the HTML form back: a minimal element answering getAttribute from what toDOM wrote.
  const written = (html as [string, Record<string, string>])[1];
  const element = { getAttribute: (name: string) => written[name] ?? null } as unknown as HTMLElement;
  const parsed = Object.fromEntries(Object.entries((node.config as NodeConfig).addAttributes!.call({ name: node.name, options: {}, storage: {}, parent: undefined } as never) as Record<string, { parseHTML: (e: HTMLElement) => unknown }>).map(([name, attribute]) => [name, attribute.parseHTML(element)]));
  return { group, inline, atom, selectable, draggable, attrs, html, parsed, parseRules: type.spec.parseDOM?.map((rule) => 'tag' in rule && rule.tag) };
}

describe('the citation node', () => {
  it('is defined the same in core and in the renderer', () => {
    expect(rendererName).toBe(citationNodeName);
    expect(CitationNodeSpec.name).toBe(CitationNode.name);
    const core = described(CitationNode);
    expect(described(CitationNodeSpec)).toEqual(core);
    // And the spec is what drafts store: an inline atom with the seven attributes.
    expect(core).toMatchObject({ group: 'inline', inline: true, atom: true });
    expect(Object.keys(core.attrs).sort()).toEqual(['docId', 'locator', 'prefix', 'suffix', 'suppressAuthor', 'targetId', 'targetKind']);
    expect(core.parsed).toEqual({ targetKind: 'annotation', targetId: 'ann-1', docId: 'doc-1', locator: '12–14', prefix: 'see', suffix: null, suppressAuthor: true });
  });
});
