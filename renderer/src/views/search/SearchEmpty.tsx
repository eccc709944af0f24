import { EmptyState } from '../../components/States';

/** Before typing: the recent searches, one click to run again. */
export function RecentSearches({ recent, onPick }: { recent: readonly string[]; onPick: (query: string) => void }) {
  if (recent.length === 0) {
    return (
      <EmptyState title="Search everything">
        Passages, footnotes, entities, recommendations, your annotations, topics, drafts and imported documents. Accents are optional (<kbd>vucic</kbd> finds
        Vučić), aliases count (<kbd>KSF</kbd>), and <kbd>"quotes"</kbd> find a phrase.
      </EmptyState>
    );
  }
  return (
    <section className="search-recent" aria-labelledby="search-recent-title">
      <h2 id="search-recent-title">Recent searches</h2>
      <ul>
        {recent.map((query) => (
          <li key={query}>
            <button type="button" onClick={() => onPick(query)}>
              {query}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Nothing found, even with close spellings: what to try instead. */
export function NoResults({ query, narrowed, onClearFilters }: { query: string; narrowed: boolean; onClearFilters: () => void }) {
  return (
    <EmptyState title={`Nothing found for “${query}”`}>
      <ul className="search-advice">
        {narrowed ? (
          <li>
            <button type="button" className="link-button" onClick={onClearFilters}>
              Clear the filters
            </button>{' '}
            — they may hide what you are looking for.
          </li>
        ) : null}
        <li>Every word must match: try fewer words.</li>
        <li>Check the spelling, or try another name for the same thing (an abbreviation, a full name).</li>
        <li>Remove quotes to find the words apart rather than as a phrase.</li>
      </ul>
    </EmptyState>
  );
}
