import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Passage } from '../../../electron/core/corpus/schema';
import type { PassageEditResult } from '../../../electron/core/interviews/methods';
import { formatClock } from './clock';
import { PassageEditor } from './PassageEditor';
import { freeStart, PassageWriter } from './PassageWriter';

/** What the last save did, in a sentence, with the way back. */
function describeSaved(result: PassageEditResult, added: boolean): string {
  const when = result.passage.start !== undefined ? ` at ${formatClock(result.passage.start)}` : '';
  const lost = result.orphaned.length;
  const orphans = lost > 0 ? ` ${lost === 1 ? 'One annotation' : `${lost} annotations`} covered only the deleted words and ${lost === 1 ? 'is' : 'are'} kept as ${lost === 1 ? 'an orphan' : 'orphans'}.` : '';
  return `${added ? 'Passage added' : 'Passage corrected'}${when}.${orphans} Ctrl+Z undoes it.`;
}

interface Options {
  docId: string;
  /** An imported transcript (or recording): its passages' texts may be corrected. */
  editable: boolean;
  /** A recording: passages may be written into its transcript, starting where the player is. */
  recording: { duration: number; currentTime: () => number } | undefined;
}

export type TranscriptEditing = ReturnType<typeof useTranscriptEditing>;

/**
 * The reader's transcript editing: which passage is open for correction (one at a time),
 * whether a new passage is being written, and what the last save did.
 */
export function useTranscriptEditing({ docId, editable, recording }: Options) {
  const [editingId, setEditingId] = useState<string | undefined>();
  const [writing, setWriting] = useState(false);
  const [status, setStatus] = useState<string | undefined>();
  useEffect(() => {
    setEditingId(undefined);
    setWriting(false);
    setStatus(undefined);
  }, [docId]);

  const closeEditor = useCallback(() => setEditingId(undefined), []);
  const onCorrected = useCallback((result: PassageEditResult) => setStatus(result.changed ? describeSaved(result, false) : undefined), []);
  const editing = useMemo(
    () =>
      editable
        ? {
            passageId: editingId,
            onEdit: (passage: Passage) => {
              setWriting(false);
              setEditingId(passage.id);
            },
            renderEditor: (passage: Passage) => <PassageEditor docId={docId} passage={passage} onClose={closeEditor} onSaved={onCorrected} />,
          }
        : undefined,
    [editable, editingId, docId, closeEditor, onCorrected],
  );

  const startWriting = useCallback(() => {
    setEditingId(undefined);
    setWriting(true);
  }, []);
  const renderWriter = (passages: readonly Passage[]) =>
    recording ? (
      <PassageWriter
        docId={docId}
        duration={recording.duration}
        passages={passages}
        currentTime={recording.currentTime()}
        onClose={() => setWriting(false)}
        onSaved={(result) => setStatus(describeSaved(result, true))}
      />
    ) : null;

  return { editing, writing: writing && !!recording, startWriting, renderWriter, status, clearStatus: () => setStatus(undefined), canWrite: !!recording };
}

/** The bar above a recording's transcript: write a passage at the player's time; what the last save did. */
export function TranscriptTools({ transcript, passages, currentTime }: { transcript: TranscriptEditing; passages: readonly Passage[]; currentTime: number }) {
  return (
    <div className="transcript-tools">
      {transcript.writing ? (
        transcript.renderWriter(passages)
      ) : (
        <>
          {transcript.canWrite ? (
            <button type="button" onClick={transcript.startWriting} title="Write a passage the transcript is missing, starting where the player is (or where the passage it is in ends)">
              Write a passage at {formatClock(freeStart(currentTime, passages))}
            </button>
          ) : null}
          {transcript.status ? (
            <p className="transcript-edit-status" role="status">
              {transcript.status}{' '}
              <button type="button" className="link-button" onClick={transcript.clearStatus} aria-label="Dismiss">
                ×
              </button>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
