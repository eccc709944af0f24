import { useEffect, useRef } from 'react';
import { hitCountLabel } from './find-in-document';
import type { FindScope } from './use-reader-find';
import './FindBar.css';

interface Props {
  query: string;
  scope: FindScope;
  /** Both views are shown: the bar offers to search the other one. */
  canSwitch: boolean;
  current: number;
  count: number;
  searching: boolean;
  focusNonce: number;
  onQuery: (query: string) => void;
  onScope: (scope: FindScope) => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}

const scopeNames: Record<FindScope, string> = { pdf: 'PDF', text: 'Text' };

/** Find in the document: Enter for the next hit, Shift+Enter for the previous, Escape to close. */
export function FindBar({ query, scope, canSwitch, current, count, searching, focusNonce, onQuery, onScope, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusNonce]);
  return (
    <div className="find-bar" role="search" aria-label={`Find in the ${scopeNames[scope]}`} data-scope={scope}>
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder={`Find in the ${scope === 'pdf' ? 'PDF' : 'text'}`}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() ? (searching ? 'Searching…' : hitCountLabel(current, count)) : ''}
      </span>
      {canSwitch ? (
        <span className="segmented find-scope" role="group" aria-label="Find in">
          {(['text', 'pdf'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={scope === name}
              onClick={() => onScope(name)}
              aria-label={`Find in the ${name === 'pdf' ? 'PDF' : 'text'}`}
              title={`Find in the ${name === 'pdf' ? 'PDF' : 'structured text'}`}
            >
              {scopeNames[name]}
            </button>
          ))}
        </span>
      ) : null}
      <button type="button" className="icon-button" onClick={() => onStep(-1)} disabled={count === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" className="icon-button" onClick={() => onStep(1)} disabled={count === 0} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
      <button type="button" className="icon-button" onClick={onClose} aria-label="Close find" title="Close (Escape)">
        ×
      </button>
    </div>
  );
}
