import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Suggestion } from '@tiptap/suggestion';
import { citationNodeName, type CitationAttrs } from '../../../../electron/common/drafts/citation-node';
import { closingPunctuation } from './citation-punctuation';

/** What the picker needs while it is open: the typed query, where to show, how to insert. */
export interface PickerState {
  query: string;
  rect: DOMRect | null;
  insert: (attrs: CitationAttrs) => void;
}

export interface CitationSuggestionOptions {
  onChange: (state: PickerState | null) => void;
  /** Arrow keys and Enter while the picker is open; true when the picker used the key. */
  onKeyDown: (event: KeyboardEvent) => boolean;
}

const pluginKey = new PluginKey('citationSuggestion');

/**
 * Replaces the typed `@query` with the citation and a space to go on typing, unless what
 * follows is punctuation or a space already: then the citation sits right against it.
 */
export function insertCitation(editor: Editor, range: Range, attrs: CitationAttrs): void {
  const { doc } = editor.state;
  const next = doc.textBetween(range.to, Math.min(range.to + 1, doc.content.size), '', '\ufffc');
  const space = next === '' || !(closingPunctuation.test(next) || /\s/.test(next));
  editor
    .chain()
    .focus()
    .insertContentAt(range, [{ type: citationNodeName, attrs: { ...attrs } }, ...(space ? [{ type: 'text', text: ' ' }] : [])])
    .run();
}

/**
 * `@` starts a citation: what follows is the search query (spaces allowed), shown in the
 * picker. Ctrl/Cmd+Shift+C types the `@` for you. The picker itself is a React component;
 * this extension only reports the state and forwards the keys.
 */
export const CitationSuggestion = Extension.create<CitationSuggestionOptions>({
  name: 'citationSuggestion',

  addOptions() {
    return { onChange: () => undefined, onKeyDown: () => false };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-c': ({ editor }) => {
        const { $from } = editor.state.selection;
        const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 1), $from.parentOffset, undefined, '\ufffc');
        // Right against a citation, the new one joins its group ("[@a; @b]": one parenthesis, one note).
        const joinsGroup = $from.nodeBefore?.type.name === citationNodeName;
        // Elsewhere the `@` must start a word for the suggestion to see it.
        return editor.chain().focus().insertContent(joinsGroup || before === '' || /\s/.test(before) ? '@' : ' @').run();
      },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      Suggestion<never, CitationAttrs>({
        editor: this.editor,
        pluginKey,
        char: '@',
        allowSpaces: true,
        items: () => [],
        command: ({ editor, range, props }) => insertCitation(editor, range, props),
        render: () => ({
          onStart: (props) => options.onChange({ query: props.query, rect: props.clientRect?.() ?? null, insert: props.command }),
          onUpdate: (props) => options.onChange({ query: props.query, rect: props.clientRect?.() ?? null, insert: props.command }),
          onExit: () => options.onChange(null),
          onKeyDown: ({ event }) => (event.key === 'Escape' ? false : options.onKeyDown(event)),
        }),
      }),
    ];
  },
});
