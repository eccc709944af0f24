import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { AutocodeDialog } from '../interviews/AutocodeDialog';
import type { SearchFilters, SearchResult } from '../../../electron/core/search/types';
import { api } from '../api/client';
import type { Route } from '../app/routes';
import { routeHref } from '../app/routes';
import { navigate } from '../app/use-route';
import { ErrorState } from '../components/States';
import { FacetPanels } from './search/FacetPanels';
import { toggleFilter, type FacetDimension } from './search/facet-filters';
import { ResultList, resultElementId } from './search/ResultList';
import { NoResults, RecentSearches } from './search/SearchEmpty';
import { resultHref } from './search/result-href';
import { useFacetLabels } from './search/use-facet-labels';
import { useSearch } from './search/use-search';
import { SEARCH_INPUT_ID } from './search/use-search-shortcut';
import './SearchView.css';

const RESULT_LIMIT = 100;

/** `#/search?q=…`: everything searchable, as you type, grouped, faceted and highlighted. */
export function SearchView({ route }: { route: Route }) {
  const routeQuery = route.query.get('q') ?? '';
  const [query, setQuery] = useState(routeQuery);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<string[]>([]);
  const labels = useFacetLabels();
  const search = useSearch(query, filters, RESULT_LIMIT);

  // Arriving with another ?q= (from the palette, a link, Back) replaces what was typed.
  useEffect(() => setQuery(routeQuery), [routeQuery]);

  // The address keeps the query without a history entry per keystroke, so Back from a
  // result returns here with the same search.
  useEffect(() => {
    const href = routeHref('search', [], { q: query.trim() || undefined });
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [query]);

  useEffect(() => {
    void api.invoke('search.recent', {}).then(setRecent, () => setRecent([]));
  }, []);

  const response = search.response;
  const ordered = useMemo(() => response?.groups.flatMap((group) => group.results) ?? [], [response]);
  useEffect(() => setActive(0), [response]);

  const open = useCallback(
    (result: SearchResult) => {
      void api.invoke('search.remember', { query: query.trim() }).catch(() => undefined);
      navigate(resultHref(result));
    },
    [query],
  );

  const onToggle = (dimension: FacetDimension, value: string) => setFilters((current) => toggleFilter(current, dimension, value));
  const narrowed = Object.keys(filters).length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (ordered.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(ordered.length - 1, Math.max(0, current + step)));
    } else if (event.key === 'Enter') {
      const result = ordered[active];
      if (result) {
        event.preventDefault();
        open(result);
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const showing = query.trim() !== '' && search.answered !== '';
  const [autocoding, setAutocoding] = useState(false);
  return (
    <section className="view search-view" aria-labelledby="search-title">
      <header className="view-header">
        <h1 id="search-title">Search</h1>
        <p className="view-subtitle">
          Papers, footnotes, entities, recommendations and your own annotations, topics, drafts and imports. <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>F</kbd> from anywhere.
        </p>
      </header>
      <div className="search-box">
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Search everything…"
          aria-label="Search everything"
          role="combobox"
          aria-expanded={ordered.length > 0}
          aria-controls="search-results"
          aria-activedescendant={ordered.length > 0 ? resultElementId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        {showing && ordered.length > 0 ? (
          <button type="button" className="search-autocode" onClick={() => setAutocoding(true)} title="Code every imported passage with these words with a topic">
            Auto-code passages…
          </button>
        ) : null}
        <span className="search-status" aria-live="polite">
          {showing && response ? `${response.total} result${response.total === 1 ? '' : 's'}${response.total > ordered.length ? `, best ${ordered.length} shown` : ''}` : ''}
          {search.pending ? <span className="search-pending"> · searching…</span> : null}
        </span>
      </div>

      {autocoding ? <AutocodeDialog initialQuery={query.trim()} {...(filters.docId ? { initialDocId: filters.docId } : {})} onClose={() => setAutocoding(false)} /> : null}
      {!query.trim() ? <RecentSearches recent={recent} onPick={setQuery} /> : null}
      {query.trim() && search.error ? <ErrorState error={search.error} /> : null}
      {showing && response ? (
        <>
          {response.fuzzy ? (
            <p className="search-fuzzy" role="status">
              No exact matches — showing close spellings.
            </p>
          ) : null}
          <div className="search-layout">
            <FacetPanels facets={response.facets} filters={filters} labels={labels} onToggle={onToggle} />
            {ordered.length > 0 ? (
              <ResultList groups={response.groups} active={active} labels={labels} onOpen={open} />
            ) : (
              <NoResults query={search.answered} narrowed={narrowed} onClearFilters={() => setFilters({})} />
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
