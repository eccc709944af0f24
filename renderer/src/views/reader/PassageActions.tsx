import { useState } from 'react';
import { passageHref } from '../../app/routes';
import { copyText } from './copy-text';

/** Shown on hover or focus of a passage: copies the passage's deep link. */
export function PassageActions({ docId, passageId }: { docId: string; passageId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="passage-actions">
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
  );
}
