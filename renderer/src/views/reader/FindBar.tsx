import { useEffect, useRef } from 'react';
import { hitCountLabel } from './find-in-document';
import './FindBar.css';

interface Props {
  query: string;
  current: number;
  count: number;
  searching: boolean;
  focusNonce: number;
  onQuery: (query: string) => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}

/** Find in the PDF: Enter for the next hit, Shift+Enter for the previous, Escape to close. */
export function FindBar({ query, current, count, searching, focusNonce, onQuery, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusNonce]);
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
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
