import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { SearchResult } from '../../../../electron/core/search/types';
import type { PickerState } from './citation-suggestion';
import { citableTypes, citationFromResult } from './citation-targets';
import { floatingPosition } from './floating-position';
import './CitationPicker.css';

type Results = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; results: SearchResult[] } | { status: 'error'; message: string };

const typeLabels: Record<string, string> = { passage: 'Passage', annotation: 'Annotation', document: 'Paper' };

/** Highlights in a snippet, as <mark>s. */
function Highlighted({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * The popup that searches the corpus as the author types after `@`. Arrow keys move,
 * Enter inserts, Escape closes (the keys reach it through `keyHandler`, because the caret
 * stays in the editor).
 */
export function CitationPicker({ state, keyHandler }: { state: PickerState; keyHandler: React.MutableRefObject<(event: KeyboardEvent) => boolean> }) {
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [active, setActive] = useState(0);
  const query = state.query.trim();
  // Paper titles, so each hit says which paper it is from.
  const documents = useApi('corpus.documents', {});
  const paperTitle = (docId: string | undefined) => (documents.status === 'ready' && docId ? documents.data.find((document) => document.id === docId)?.title : undefined);

  useEffect(() => {
    if (!query) {
      setResults({ status: 'idle' });
      return;
    }
    let current = true;
    setResults((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    // A short pause so each keystroke does not start a search.
    const timer = setTimeout(() => {
      api.invoke('search.query', { query, types: [...citableTypes], limit: 8 }).then(
        (response) => {
          if (!current) return;
          setResults({ status: 'ready', results: response.results.filter((result) => citationFromResult(result)) });
          setActive(0);
        },
        (error: Error) => current && setResults({ status: 'error', message: error.message }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const list = results.status === 'ready' ? results.results : [];
  const pick = (result: SearchResult | undefined) => {
    const attrs = result && citationFromResult(result);
    if (attrs) state.insert(attrs);
  };

  keyHandler.current = (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.length === 0) return false;
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      // While results are on their way, Enter waits for them rather than breaking the line.
      if (list.length === 0) return event.key === 'Enter' && results.status === 'loading';
      pick(list[active]);
      return true;
    }
    return false;
  };

  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const style = floatingPosition(state.rect, 380, 490);

  return (
    <div className="citation-picker floating-panel" role="dialog" aria-label="Insert a citation" style={style} onMouseDown={(event) => event.preventDefault()}>
      <div className="citation-picker-query">
        Cite: <strong>{query || '…'}</strong>
      </div>
      {results.status === 'idle' && <p className="citation-picker-hint">Type to search passages, annotations and papers. ↑↓ to choose, Enter to insert, Esc to close.</p>}
      {results.status === 'loading' && <p className="citation-picker-hint">Searching…</p>}
      {results.status === 'error' && <p className="citation-picker-hint is-error">Search failed: {results.message}</p>}
      {results.status === 'ready' && list.length === 0 && <p className="citation-picker-hint">Nothing found for “{query}”.</p>}
      {list.length > 0 && (
        <ul ref={listRef} role="listbox" className="citation-picker-results">
          {list.map((result, index) => (
            <li
              key={result.id}
              role="option"
              aria-selected={index === active}
              className="citation-picker-result"
              data-result-id={result.document.sourceId}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(result)}
            >
              <span className="citation-picker-kind">
                {typeLabels[result.type] ?? result.type}
                {result.document.page !== undefined && result.type !== 'document' ? ` · p. ${result.document.page}` : ''}
                {result.type !== 'document' && paperTitle(result.docId) ? <span className="citation-picker-paper"> · {paperTitle(result.docId)}</span> : null}
              </span>
              {/* A passage's title is often its own text: show it once. */}
              {(result.type === 'document' || !result.snippet.text.startsWith(result.title.slice(0, 40))) && (
                <span className="citation-picker-title">
                  <Highlighted text={result.title} ranges={result.titleHighlights} />
                </span>
              )}
              {result.type !== 'document' && (
                <span className="citation-picker-snippet">
                  <Highlighted text={result.snippet.text} ranges={result.snippet.highlights} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
