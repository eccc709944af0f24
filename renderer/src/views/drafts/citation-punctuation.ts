import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { citationNodeName } from '../../../../electron/common/drafts/citation-node';

/** Punctuation that sits right against a citation: "(Lumi 2024, 2)." not "(Lumi 2024, 2) .". */
export const closingPunctuation = /^[.,;:!?)\]}»”’…]$/;

/** True when the position is just after a citation followed by one space (the one the picker adds). */
export function afterCitationSpace(doc: ProseMirrorNode, position: number): boolean {
  if (position < 2 || doc.textBetween(position - 1, position, '', '\ufffc') !== ' ') return false;
  return doc.resolve(position - 1).nodeBefore?.type.name === citationNodeName;
}

/**
 * The picker puts a space after a citation so the author can type on; punctuation typed
 * next takes that space's place, so a sentence ends right against its citation.
 */
export const CitationPunctuation = Extension.create({
  name: 'citationPunctuation',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('citationPunctuation'),
        props: {
          handleTextInput: (view, from, to, text) => {
            if (!closingPunctuation.test(text) || from !== to || !afterCitationSpace(view.state.doc, from)) return false;
            view.dispatch(view.state.tr.insertText(text, from - 1, to));
            return true;
          },
        },
      }),
    ];
  },
});
