import { NodeSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState, type JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { passageHref, referenceHref, routeHref } from '../../app/routes';
import { navigate } from '../../app/use-route';
import type { CitationStyleInfo } from '../../../../electron/core/citations/styles';
import type { Draft } from '../../../../electron/core/drafts/model';
import { citationNodeName, type CitationAttrs } from '../../../../electron/common/drafts/citation-node';
import type { PickerState } from './citation-suggestion';
import { CitationEditor } from './CitationEditor';
import { CitationPicker } from './CitationPicker';
import { draftEditorExtensions } from './editor-extensions';
import { EditorToolbar } from './EditorToolbar';
import { ExportMenu } from './ExportMenu';
import { citationIndexAt, citationKey } from './formatting-store';
import { Bibliography, Footnotes } from './References';
import { useAutosave, type SaveStatus } from './use-autosave';
import { useCitationFormatting } from './use-citation-formatting';
import { countWords } from './word-count';
import { insertDroppedAnnotation } from './insert-annotation';
import './DraftEditor.css';

const statusLabels: Record<SaveStatus, string> = { saved: 'Saved', unsaved: 'Edited', saving: 'Saving…', error: 'Not saved' };

/** One draft: title, style, the editor with live citations, notes, bibliography and exports. */
export function DraftEditor({ draft, styles }: { draft: Draft; styles: CitationStyleInfo[] }) {
  const [picker, setPicker] = useState<PickerState | null>(null);
  const pickerKeys = useRef<(event: KeyboardEvent) => boolean>(() => false);
  const [dropError, setDropError] = useState<string>();

  // Built once per draft; the callbacks reach the current React state through refs.
  const [extensions] = useState(() =>
    draftEditorExtensions(
      { onChange: (state) => setPicker(state), onKeyDown: (event) => pickerKeys.current(event) },
      {
        onDrop: (current, annotationId, insertAt) => {
          setDropError(undefined);
          insertDroppedAnnotation(current, annotationId, insertAt).catch((error: Error) => setDropError(error.message));
        },
      },
    ),
  );
  const editor = useEditor({
    extensions,
    content: draft.content as JSONContent,
    editorProps: { attributes: { class: 'draft-prose', 'aria-label': 'Draft text', spellcheck: 'true' } },
    shouldRerenderOnTransaction: false,
  });

  const [style, setStyle] = useState(draft.style);
  const { status, error: saveError, flush } = useAutosave(editor, draft.id);
  const formatting = useCitationFormatting(editor, style, editor?.storage.citation?.formatting);

  const open = useCallback(
    (href: string) => {
      void flush().finally(() => navigate(href));
    },
    [flush],
  );
  useEffect(() => {
    if (editor) editor.storage.citation.onOpen = open;
  }, [editor, open]);

  const view = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return { words: 0 };
      const { selection } = current.state;
      const selected = selection instanceof NodeSelection && selection.node.type.name === citationNodeName ? { pos: selection.from, attrs: selection.node.attrs as CitationAttrs } : undefined;
      return { words: countWords(current.state.doc), selected };
    },
  });

  const changeStyle = async (next: Draft['style']) => {
    setStyle(next);
    await flush();
    await api.invoke('drafts.setStyle', { id: draft.id, style: next });
  };

  if (!editor) return null;
  const selected = view?.selected;
  const selectedFormatted = selected ? editor.storage.citation.formatting.citationAt(citationIndexAt(editor.state.doc, selected.pos), citationKey(selected.attrs)) : undefined;

  return (
    <article className="draft-editor" data-draft-id={draft.id}>
      <header className="draft-editor-header">
        <DraftTitle draft={draft} />
        <div className="draft-editor-meta">
          <label className="style-select">
            <span>Citation style</span>
            <select name="style" value={style} onChange={(event) => void changeStyle(event.target.value as Draft['style'])}>
              {styles.map((info) => (
                <option key={info.id} value={info.id}>
                  {info.label}
                </option>
              ))}
            </select>
          </label>
          <span className="word-count" aria-live="polite">
            {view?.words ?? 0} {view?.words === 1 ? 'word' : 'words'}
          </span>
          <span className={`save-status is-${status}`} role="status" title={saveError}>
            {statusLabels[status]}
          </span>
        </div>
        <ExportMenu draftId={draft.id} beforeExport={flush} />
      </header>
      <EditorToolbar
        editor={editor}
        onCite={() => {
          editor.commands.focus();
          editor.commands.keyboardShortcut('Mod-Shift-c');
        }}
      />
      {saveError && (
        <p className="draft-error" role="alert">
          Saving failed: {saveError}. Your text is kept here and saved again on the next change.
        </p>
      )}
      {dropError && (
        <p className="draft-error" role="alert">
          Could not quote the annotation: {dropError}
        </p>
      )}
      {formatting.error && (
        <p className="draft-error" role="alert">
          Citations could not be formatted: {formatting.error}
        </p>
      )}
      <div className="draft-page">
        <EditorContent editor={editor} className="draft-content" />
        {formatting.result && <Footnotes result={formatting.result} onOpen={open} />}
        {formatting.result && <Bibliography result={formatting.result} />}
      </div>
      {picker && <CitationPicker state={picker} keyHandler={pickerKeys} />}
      {selected && !picker && (
        <CitationEditor
          editor={editor}
          pos={selected.pos}
          attrs={selected.attrs}
          {...(selectedFormatted ? { formatted: selectedFormatted } : {})}
          onOpen={() => selectedFormatted && open(sourceHref(selectedFormatted))}
        />
      )}
    </article>
  );
}

/** Where a citation leads: its passage, or the paper when it cites the whole work. */
function sourceHref(citation: { docId: string; passageId?: string; referenceId?: string }): string {
  if (citation.referenceId) return referenceHref(citation.referenceId);
  return citation.passageId ? passageHref(citation.docId, citation.passageId) : routeHref('reader', [citation.docId]);
}

/**
 * The title, renamed when the field loses focus or Enter is pressed. A rename made
 * elsewhere (the list, the CLI) shows here too, unless the author is typing in the field.
 */
function DraftTitle({ draft }: { draft: Draft }) {
  const [title, setTitle] = useState(draft.title);
  const [error, setError] = useState<string>();
  const saved = useRef(draft.title);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (draft.title === saved.current || document.activeElement === field.current) return;
    saved.current = draft.title;
    setTitle(draft.title);
  }, [draft.title]);
  const commit = async () => {
    if (title.trim() === saved.current) return;
    try {
      const renamed = await api.invoke('drafts.rename', { id: draft.id, title });
      saved.current = renamed.title;
      setTitle(renamed.title);
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div className="draft-title-field">
      <input
        ref={field}
        className="draft-title-input"
        aria-label="Title"
        value={title}
        maxLength={500}
        onChange={(event) => setTitle(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
      {error && <span className="draft-error">{error}</span>}
    </div>
  );
}
