import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { DraftContent } from '../../../../electron/core/drafts/model';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

/** Typing pauses this long before a save; blur, leaving the view and closing the window save at once. */
const saveDelayMs = 800;

/**
 * Autosave. Each save sends the whole document and core writes it atomically (temp file +
 * rename), so a crash loses at most the last pause's typing and never corrupts the draft.
 * Saves run one after another, so an older document can never overwrite a newer one.
 */
export function useAutosave(editor: Editor | null, draftId: string): { status: SaveStatus; error?: string; flush: () => Promise<void> } {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string>();
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (!editor || editor.isDestroyed || !dirty.current) return queue.current;
    dirty.current = false;
    const content = editor.getJSON() as DraftContent;
    setStatus('saving');
    queue.current = queue.current.then(() =>
      api.invoke('drafts.save', { id: draftId, content }).then(
        () => {
          if (!dirty.current) setStatus('saved');
          setError(undefined);
        },
        (failure: Error) => {
          // Keep the edit pending: the next change or blur tries again.
          dirty.current = true;
          setStatus('error');
          setError(failure.message);
        },
      ),
    );
    return queue.current;
  }, [editor, draftId]);

  useEffect(() => {
    if (!editor) return;
    const onUpdate = () => {
      dirty.current = true;
      setStatus('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), saveDelayMs);
    };
    const onBlur = () => void flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    editor.on('update', onUpdate);
    editor.on('blur', onBlur);
    window.addEventListener('pagehide', onBlur);
    window.addEventListener('beforeunload', onBlur);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      editor.off('update', onUpdate);
      editor.off('blur', onBlur);
      window.removeEventListener('pagehide', onBlur);
      window.removeEventListener('beforeunload', onBlur);
      document.removeEventListener('visibilitychange', onHidden);
      // Switching drafts or views saves what was typed.
      void flush();
    };
  }, [editor, flush]);

  return { status, flush, ...(error ? { error } : {}) };
}
