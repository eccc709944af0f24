import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { SearchResult } from '../../../../electron/core/search/types';
import type { Recommendation } from '../../../../electron/core/corpus/schema';
import type { PickerState } from './citation-suggestion';
import { citableTypes, citationFromResult } from './citation-targets';
import { floatingPosition } from './floating-position';
import { citationOfRecommendation, matchRecommendations, parseRecommendationQuery } from './recommendation-matches';
import { citationOfReference, matchReferences, shortAuthors } from '../../references/reference-matches';
import type { ReferenceView } from '../../../../electron/core/references';
import './CitationPicker.css';

type Results = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; query: string; results: SearchResult[] } | { status: 'error'; message: string };

/** One row of the picker: a search hit, a recommendation (cited through its passage), or a reference of the reference library. */
type Item = { kind: 'result'; result: SearchResult } | { kind: 'recommendation'; recommendation: Recommendation } | { kind: 'reference'; reference: ReferenceView };

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
  const recommendations = useApi('corpus.recommendations', {});
  const references = useApi('references.list', {});
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
          setResults({ status: 'ready', query, results: response.results.filter((result) => citationFromResult(result)) });
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

  // Recommendations are matched here, by number ("rec 3") or by words: the 53 of them are
  // already loaded, and search does not know their numbers. Named ("rec …"), they come first.
  const matchedRecommendations = useMemo(
    () => (recommendations.status === 'ready' && query ? matchRecommendations(recommendations.data, query) : []),
    [recommendations, query],
  );
  const recommendationsFirst = parseRecommendationQuery(query).explicit;
  // References are matched here too (the library is loaded); like recommendations found by
  // words, they come after this query's search hits, so Enter never takes one ahead of a hit.
  const matchedReferences = useMemo(() => (references.status === 'ready' && query ? matchReferences(references.data, query, 4) : []), [references, query]);
  // The pages of the recommendations' passages, fetched as they are listed, for the locator.
  // A passage without a page (or not found) is remembered too, so it is asked for once.
  const [pages, setPages] = useState<ReadonlyMap<string, number | undefined>>(new Map());
  useEffect(() => {
    const missing = matchedRecommendations.map((item) => item.passageId).filter((passageId) => !pages.has(passageId));
    if (missing.length === 0) return;
    let current = true;
    void Promise.all(
      missing.map((passageId) =>
        api.invoke('corpus.passage', { passageId }).then(
          (passage): [string, number | undefined] => [passageId, passage.page],
          (): [string, number | undefined] => [passageId, undefined],
        ),
      ),
    ).then((found) => {
      if (current) setPages((previous) => new Map([...previous, ...found]));
    });
    return () => {
      current = false;
    };
  }, [matchedRecommendations, pages]);
  const list = useMemo<Item[]>(() => {
    const hits: Item[] = (results.status === 'ready' ? results.results : []).map((result) => ({ kind: 'result', result }));
    const recs: Item[] = matchedRecommendations.map((recommendation) => ({ kind: 'recommendation', recommendation }));
    const refs: Item[] = matchedReferences.map((reference) => ({ kind: 'reference', reference }));
    const settled = results.status === 'ready' && results.query === query;
    if (recommendationsFirst) return settled ? [...recs, ...hits, ...refs] : [...recs, ...hits];
    // Found by words, they follow this query's search hits, never jump ahead of hits on their way.
    return settled ? [...hits, ...recs.slice(0, 3), ...refs] : hits;
  }, [results, matchedRecommendations, matchedReferences, recommendationsFirst, query]);
  const pick = (item: Item | undefined) => {
    if (!item) return;
    const attrs =
      item.kind === 'recommendation'
        ? citationOfRecommendation(item.recommendation, pages.get(item.recommendation.passageId))
        : item.kind === 'reference'
          ? citationOfReference(item.reference)
          : citationFromResult(item.result);
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
      {results.status === 'idle' && <p className="citation-picker-hint">Type to search passages, annotations, papers, recommendations (“rec 3”) and references (author, title or key). ↑↓ to choose, Enter to insert, Esc to close.</p>}
      {results.status === 'loading' && list.length === 0 && <p className="citation-picker-hint">Searching…</p>}
      {results.status === 'error' && <p className="citation-picker-hint is-error">Search failed: {results.message}</p>}
      {results.status === 'ready' && list.length === 0 && <p className="citation-picker-hint">Nothing found for “{query}”.</p>}
      {list.length > 0 && (
        <ul ref={listRef} role="listbox" className="citation-picker-results">
          {list.map((item, index) =>
            item.kind === 'reference' ? (
              <li
                key={`reference:${item.reference.id}`}
                role="option"
                aria-selected={index === active}
                className="citation-picker-result is-reference"
                data-reference-id={item.reference.id}
                data-citation-key={item.reference.citationKey}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(item)}
              >
                <span className="citation-picker-kind">
                  Reference · <code>{item.reference.citationKey}</code>
                </span>
                <span className="citation-picker-title">{item.reference.item.title}</span>
                <span className="citation-picker-snippet">
                  {shortAuthors(item.reference, 2)} ({item.reference.year ?? 'n.d.'})
                </span>
              </li>
            ) : item.kind === 'recommendation' ? (
              <li
                key={`recommendation:${item.recommendation.id}`}
                role="option"
                aria-selected={index === active}
                className="citation-picker-result is-recommendation"
                data-result-id={item.recommendation.passageId}
                data-recommendation-id={item.recommendation.id}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(item)}
              >
                <span className="citation-picker-kind">
                  Recommendation {item.recommendation.ordinal}
                  {pages.get(item.recommendation.passageId) !== undefined ? ` · p. ${pages.get(item.recommendation.passageId)}` : ''}
                  {paperTitle(item.recommendation.docId) ? <span className="citation-picker-paper"> · {paperTitle(item.recommendation.docId)}</span> : null}
                </span>
                <span className="citation-picker-snippet">{item.recommendation.text}</span>
              </li>
            ) : (
              <ResultRow key={item.result.id} result={item.result} selected={index === active} paper={paperTitle(item.result.docId)} onHover={() => setActive(index)} onPick={() => pick(item)} />
            ),
          )}
        </ul>
      )}
    </div>
  );
}

function ResultRow({ result, selected, paper, onHover, onPick }: { result: SearchResult; selected: boolean; paper: string | undefined; onHover: () => void; onPick: () => void }) {
  return (
    <li role="option" aria-selected={selected} className="citation-picker-result" data-result-id={result.document.sourceId} onMouseEnter={onHover} onClick={onPick}>
      <span className="citation-picker-kind">
        {typeLabels[result.type] ?? result.type}
        {result.document.page !== undefined && result.type !== 'document' ? ` · p. ${result.document.page}` : ''}
        {result.type !== 'document' && paper ? <span className="citation-picker-paper"> · {paper}</span> : null}
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
  );
}
