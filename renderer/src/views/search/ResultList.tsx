import { useEffect, useRef } from 'react';
import type { SearchResult, SearchResultGroup } from '../../../../electron/core/search/types';
import { Highlighted } from './Highlighted';
import { typeLabels } from './facet-filters';
import { resultHref } from './result-href';
import type { FacetLabels } from './use-facet-labels';

export const resultElementId = (index: number) => `search-result-${index}`;

/**
 * Results grouped by type, groups in the order of their best result. `active` indexes the
 * results as displayed (group after group), which is the order Up and Down move through.
 */
export function ResultList({
  groups,
  active,
  labels,
  onOpen,
}: {
  groups: readonly SearchResultGroup[];
  active: number;
  labels: FacetLabels;
  onOpen: (result: SearchResult) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector(`#${resultElementId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  let index = 0;
  return (
    <div ref={list} className="search-results" role="listbox" aria-label="Results" id="search-results">
      {groups.map((group) => (
        <section key={group.type} className="search-group" role="group" aria-labelledby={`search-group-${group.type}`}>
          <h2 id={`search-group-${group.type}`}>
            {typeLabels[group.type].many} <span className="search-group-count">{group.results.length}</span>
          </h2>
          <ul>
            {group.results.map((result) => {
              const n = index++;
              return <ResultItem key={result.id} result={result} index={n} active={n === active} labels={labels} onOpen={onOpen} />;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ResultItem({ result, index, active, labels, onOpen }: { result: SearchResult; index: number; active: boolean; labels: FacetLabels; onOpen: (result: SearchResult) => void }) {
  const paper = result.docId && result.type !== 'document' ? labels.document.get(result.docId) : undefined;
  const page = result.document.page;
  return (
    <li id={resultElementId(index)} role="option" aria-selected={active} className="search-result" data-type={result.type} data-id={result.document.sourceId} data-doc-id={result.docId}>
      <a
        href={resultHref(result)}
        tabIndex={-1}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          onOpen(result);
        }}
      >
        <span className="search-result-title">
          <Highlighted text={result.title} ranges={result.titleHighlights} />
        </span>
        <span className="search-result-meta">
          {typeLabels[result.type].one}
          {paper ? ` · ${paper}` : ''}
          {page !== undefined ? ` · p. ${page}` : ''}
        </span>
        {result.snippet.text && result.snippet.text !== result.title ? (
          <span className="search-result-snippet">
            <Highlighted text={result.snippet.text} ranges={result.snippet.highlights} />
          </span>
        ) : null}
      </a>
    </li>
  );
}
