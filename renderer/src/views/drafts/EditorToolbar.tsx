import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import './EditorToolbar.css';

interface ToolButton {
  label: string;
  title: string;
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const groups: ToolButton[][] = [
  [
    { label: 'H1', title: 'Heading 1 (Ctrl+Alt+1)', isActive: (e) => e.isActive('heading', { level: 1 }), run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run() },
    { label: 'H2', title: 'Heading 2 (Ctrl+Alt+2)', isActive: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'H3', title: 'Heading 3 (Ctrl+Alt+3)', isActive: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  ],
  [
    { label: 'B', title: 'Bold (Ctrl+B)', isActive: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'I', title: 'Italic (Ctrl+I)', isActive: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  ],
  [
    { label: '• List', title: 'Bullet list (Ctrl+Shift+8)', isActive: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: '1. List', title: 'Numbered list (Ctrl+Shift+7)', isActive: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { label: '❝ Quote', title: 'Block quote (Ctrl+Shift+B)', isActive: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: '▦ Table', title: 'Insert a 3×3 table', isActive: (e) => e.isActive('table'), run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ],
];

/** Formatting buttons; each has the usual keyboard shortcut too (see the titles). */
export function EditorToolbar({ editor, onCite }: { editor: Editor; onCite: () => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      states: groups.flat().map((button) => button.isActive?.(current) ?? false),
      link: current.isActive('link') ? String(current.getAttributes('link').href ?? '') : undefined,
      inTable: current.isActive('table'),
    }),
  });
  const [linkDraft, setLinkDraft] = useState<string>();
  let index = 0;

  const applyLink = (href: string) => {
    const url = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url === '') chain.unsetLink().run();
    else chain.setLink({ href: /^[a-z]+:/i.test(url) || url.startsWith('#') ? url : `https://${url}` }).run();
    setLinkDraft(undefined);
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {groups.map((group, groupIndex) => (
        <div className="editor-toolbar-group" key={groupIndex}>
          {group.map((button) => {
            const pressed = active.states[index++] ?? false;
            return (
              <button key={button.label} type="button" title={button.title} aria-label={button.title} aria-pressed={pressed} onMouseDown={(event) => event.preventDefault()} onClick={() => button.run(editor)}>
                {button.label}
              </button>
            );
          })}
        </div>
      ))}
      <div className="editor-toolbar-group">
        {linkDraft === undefined ? (
          <button type="button" title="Add or edit a link" aria-pressed={active.link !== undefined} onMouseDown={(event) => event.preventDefault()} onClick={() => setLinkDraft(active.link ?? '')}>
            Link
          </button>
        ) : (
          <form
            className="link-form"
            onSubmit={(event) => {
              event.preventDefault();
              applyLink(linkDraft);
            }}
          >
            <input type="text" aria-label="Link address" placeholder="https://…" autoFocus value={linkDraft} onChange={(event) => setLinkDraft(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setLinkDraft(undefined)} />
            <button type="submit">{linkDraft.trim() ? 'Apply' : 'Remove'}</button>
          </form>
        )}
        {active.inTable && (
          <>
            <button type="button" title="Add a row below" onMouseDown={(event) => event.preventDefault()} onClick={() => editor.chain().focus().addRowAfter().run()}>
              + Row
            </button>
            <button type="button" title="Add a column to the right" onMouseDown={(event) => event.preventDefault()} onClick={() => editor.chain().focus().addColumnAfter().run()}>
              + Column
            </button>
            <button type="button" title="Delete the table" onMouseDown={(event) => event.preventDefault()} onClick={() => editor.chain().focus().deleteTable().run()}>
              Delete table
            </button>
          </>
        )}
      </div>
      <div className="editor-toolbar-group">
        <button type="button" className="cite-button" title="Insert a citation (@ or Ctrl+Shift+C)" onMouseDown={(event) => event.preventDefault()} onClick={onCite}>
          @ Cite
        </button>
      </div>
    </div>
  );
}
