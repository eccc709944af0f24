import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The drafts' `citation` node: an inline atom whose attributes point at what is cited. Core
 * validates, formats and exports drafts with it; the renderer's editor extends it with its
 * React view. One definition for both, so the editor cannot write a node core reads wrong.
 *
 * The rendered text (e.g. "(Ilazi et al. 2025, 3)") is not stored: it depends on the
 * draft's style and on every other citation, so the editor asks core to format it.
 */

// The stored attributes' schema is a module of its own, so the editor's bundle carries no zod.
export type { CitationAttrs, CitationTargetKind } from './citation-attrs';

import { citationNodeName } from './citation-name';

export { citationNodeName };

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
    // Used for copy and paste; on screen the editor's node view shows the formatted citation.
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), `[@${String(HTMLAttributes['data-target-id'] ?? '')}]`];
  },

  renderText({ node }) {
    return `[@${String(node.attrs.targetId ?? '')}]`;
  },
});
