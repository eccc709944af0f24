import { useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchResponse } from '../../../../electron/core/search/types';
import { api } from '../../api/client';

/** Long enough to skip most keystrokes of a word typed at speed, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;

export interface SearchState {
  /** The latest response, for the query it answered; kept while the next one is on its way. */
  response: SearchResponse | undefined;
  answered: string;
  pending: boolean;
  error: Error | undefined;
}

/**
 * Searches as the query changes, debounced, and again when a document's text changed
 * (imported, anonymised, corrected, here, by the CLI or from a colleague): results shown
 * must not keep words the document no longer has. Responses can arrive out of order (a short
 * query matches more and may answer later than the longer one typed after it), so only the
 * newest request's answer is ever shown.
 */
export function useSearch(query: string, filters: SearchFilters = {}, limit = 50): SearchState {
  const [state, setState] = useState<SearchState>({ response: undefined, answered: '', pending: false, error: undefined });
  const latest = useRef(0);
  const filtersKey = JSON.stringify(filters);
  const [textsChanged, setTextsChanged] = useState(0);

  useEffect(() => api.subscribe('library.changed', () => setTextsChanged((count) => count + 1)), []);

  useEffect(() => {
    const request = ++latest.current;
    const trimmed = query.trim();
    if (!trimmed) {
      setState({ response: undefined, answered: '', pending: false, error: undefined });
      return;
    }
    setState((previous) => ({ ...previous, pending: true }));
    const timer = window.setTimeout(() => {
      api.invoke('search.query', { query: trimmed, limit, filters: JSON.parse(filtersKey) as SearchFilters }).then(
        (response) => {
          if (request === latest.current) setState({ response, answered: trimmed, pending: false, error: undefined });
        },
        (error: Error) => {
          if (request === latest.current) setState({ response: undefined, answered: trimmed, pending: false, error });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, filtersKey, limit, textsChanged]);

  return state;
}
