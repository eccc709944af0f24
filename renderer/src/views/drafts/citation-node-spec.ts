import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The editor's `citation` node. Core defines the same node (electron/core/drafts/
 * citation-node.ts) to validate and export drafts; the renderer may not import core at run
 * time, so the definition is repeated here and tests/unit/drafts-api/citation-node-sync.test.ts
 * fails when the two drift apart (name, flags, attributes, HTML form).
 */
export interface CitationAttrs {
  targetKind: 'passage' | 'annotation' | 'document' | 'reference';
  targetId: string;
  docId: string;
  locator: string | null;
  prefix: string | null;
  suffix: string | null;
  suppressAuthor: boolean;
}

export const citationNodeName = 'citation';

function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A string attribute kept in the HTML form as `data-<name>`, absent when empty. */
function stringAttr(name: string) {
  return {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[toCamel(name)];
      return value === null || value === undefined || value === '' ? {} : { [`data-${name}`]: String(value) };
    },
  };
}

export const CitationNodeSpec = Node.create({
  name: citationNodeName,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      targetKind: { ...stringAttr('target-kind'), default: 'passage' },
      targetId: stringAttr('target-id'),
      docId: stringAttr('doc-id'),
      locator: stringAttr('locator'),
      prefix: stringAttr('prefix'),
      suffix: stringAttr('suffix'),
      suppressAuthor: {
        default: false,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-suppress-author') === 'true',
        renderHTML: (attributes: Record<string, unknown>) => (attributes.suppressAuthor ? { 'data-suppress-author': 'true' } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // Used for copy and paste; on screen the node view shows the formatted citation.
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), `[@${String(HTMLAttributes['data-target-id'] ?? '')}]`];
  },

  renderText({ node }) {
    return `[@${String(node.attrs.targetId ?? '')}]`;
  },
});
