import { useState } from 'react';
import { passageHref } from '../../app/routes';
import { copyText } from './copy-text';

/**
 * Shown on hover or focus of a passage: copies the passage's deep link; corrects its text
 * where it may be. The buttons ride a rail as tall as the passage, so that on a passage
 * whose first lines are scrolled away they stay at the top of the pane instead of above it.
 */
export function PassageActions({ docId, passageId, onEdit }: { docId: string; passageId: string; onEdit?: (() => void) | undefined }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="passage-actions-rail">
      <span className="passage-actions">
        {onEdit ? (
          <button
            type="button"
            className="copy-link edit-passage"
            aria-label="Correct this passage"
            title="Correct this passage's text (its time and speaker stay)"
            onClick={(event) => {
              event.stopPropagation();
              onEdit();
            }}
          >
            Edit
          </button>
        ) : null}
        <button
          type="button"
          className="copy-link"
          aria-label="Copy link to this passage"
          title="Copy link to this passage"
          onClick={(event) => {
            event.stopPropagation();
            void copyText(passageHref(docId, passageId)).then((ok) => {
              setCopied(ok);
              if (ok) window.setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? 'Copied' : 'Link'}
        </button>
      </span>
    </span>
  );
}
