import { useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { readFileAsBase64, MAX_DROPPED_BYTES } from '../import/read-file-base64';
import { EmptyState } from '../components/States';
import './MediaPlayer.css';

const transcriptTypes = '.vtt,.srt,.txt,.md,.markdown,.docx,text/vtt,text/plain,text/markdown';

/**
 * What a recording imported without its transcript shows in place of the text: a way to add
 * the transcript (WebVTT, SRT, or stamped text), with what went wrong if it was refused.
 * The reader refreshes by itself when the library says the document changed.
 */
export function AddTranscript({ docId, onWrite }: { docId: string; onWrite?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string; warnings?: string[] }>({ busy: false });
  const add = async (file: File) => {
    if (file.size > MAX_DROPPED_BYTES) return setState({ busy: false, error: `“${file.name}” is too large to add here.` });
    setState({ busy: true });
    try {
      const result = await api.invoke('import.addTranscriptBytes', { docId, fileName: file.name, base64: await readFileAsBase64(file) });
      setState({ busy: false, ...(result.warnings ? { warnings: result.warnings } : {}) });
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="add-transcript">
    <EmptyState title="No transcript yet">
      <p>Listen with the player above, and add the transcript when you have it: WebVTT (.vtt) with voice tags, SubRip (.srt), or text with [hh:mm:ss] stamps and “Name:” turns. Or write it here as you listen, a passage at a time.</p>
      <div className="add-transcript-actions">
        <button type="button" className="primary" onClick={() => input.current?.click()} disabled={state.busy} aria-busy={state.busy}>
          {state.busy ? 'Adding the transcript…' : 'Add transcript file…'}
        </button>
        {onWrite ? (
          <button type="button" onClick={onWrite} disabled={state.busy}>
            Write a passage
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept={transcriptTypes}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void add(file);
        }}
      />
      {state.error ? (
        <p className="import-job-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </EmptyState>
    </div>
  );
}
