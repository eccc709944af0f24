import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The `citation` node: an inline atom whose attributes point at what is cited. It is
 * shared by core (schema for validation and export) and the renderer's editor, so this
 * file imports nothing but @tiptap/core — no Node built-ins, no core modules.
 *
 * The rendered text (e.g. "(Ilazi et al. 2025, 3)") is not stored: it depends on the
 * draft's style and on every other citation, so the editor asks core to format it.
 */
export interface CitationNodeAttrs {
  targetKind: 'passage' | 'annotation' | 'document' | 'reference';
  targetId: string;
  docId: string;
  locator: string | null;
  prefix: string | null;
  suffix: string | null;
  suppressAuthor: boolean;
}

export const citationNodeName = 'citation';

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

function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const CitationNode = Node.create({
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
    // A placeholder label; the editor's node view replaces it with the formatted citation.
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), `[@${String(HTMLAttributes['data-target-id'] ?? '')}]`];
  },

  renderText({ node }) {
    return `[@${String(node.attrs.targetId ?? '')}]`;
  },
});
