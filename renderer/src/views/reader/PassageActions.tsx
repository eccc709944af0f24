import { useState, type ReactNode } from 'react';
import { passageHref } from '../../app/routes';
import { copyText } from './copy-text';

/**
 * Shown on hover or focus of a passage: copies the passage's deep link; corrects its text
 * where it may be. The buttons ride a rail as tall as the passage, so that on a passage
 * whose first lines are scrolled away they stay at the top of the pane instead of above it.
 */
export function PassageActions({ docId, passageId, onEdit }: { docId: string; passageId: string; onEdit?: (() => void) | undefined }) {
  const [copied, setCopied] = useState(false);
  const copyLink = () =>
    void copyText(passageHref(docId, passageId)).then((ok) => {
      setCopied(ok);
      if (ok) window.setTimeout(() => setCopied(false), 1500);
    });
  return (
    <span className="passage-actions-rail">
      <span className="passage-actions">
        {onEdit ? (
          <PassageAction className="edit-passage" label="Correct this passage" title="Correct this passage's text (its time and speaker stay)" onActivate={onEdit}>
            Edit
          </PassageAction>
        ) : null}
        <PassageAction label="Copy link to this passage" title="Copy link to this passage" onActivate={copyLink}>
          {copied ? 'Copied' : 'Link'}
        </PassageAction>
      </span>
    </span>
  );
}

/** One action: its click stays with it, not with the passage around it. */
function PassageAction({ className, label, title, onActivate, children }: { className?: string; label: string; title: string; onActivate: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={className ? `copy-link ${className}` : 'copy-link'}
      aria-label={label}
      title={title}
      onClick={(event) => {
        event.stopPropagation();
        onActivate();
      }}
    >
      {children}
    </button>
  );
}
