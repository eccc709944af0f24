import { useState } from 'react';
import type { SearchDocumentType, SearchFacets, SearchFilters } from '../../../../electron/core/search/types';
import { facetDimensions, typeLabels, type FacetDimension } from './facet-filters';
import { facetLabel, type FacetLabels } from './use-facet-labels';

const SHOWN_AT_FIRST = 8;

/**
 * One panel per facet. Each count is the number of results its click narrows to (core counts
 * a dimension over the results passing the other dimensions' filters).
 */
export function FacetPanels({
  facets,
  filters,
  labels,
  onToggle,
}: {
  facets: SearchFacets;
  filters: SearchFilters;
  labels: FacetLabels;
  onToggle: (dimension: FacetDimension, value: string) => void;
}) {
  return (
    <aside className="search-facets" aria-label="Narrow the results">
      {facetDimensions.map((dimension) => (
        <FacetPanel key={dimension.facet} dimension={dimension} counts={facets[dimension.facet]} selected={filters[dimension.filter]} labels={labels} onToggle={onToggle} />
      ))}
    </aside>
  );
}

function FacetPanel({
  dimension,
  counts,
  selected,
  labels,
  onToggle,
}: {
  dimension: FacetDimension;
  counts: Record<string, number>;
  selected: string | undefined;
  labels: FacetLabels;
  onToggle: (dimension: FacetDimension, value: string) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const name = (value: string) => (dimension.facet === 'type' ? typeLabels[value as SearchDocumentType]?.many ?? value : facetLabel(labels, dimension.facet, value));
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0])));
  // A chosen value stays visible (with its count, even 0) so it can be un-chosen.
  if (selected !== undefined && !entries.some(([value]) => value === selected)) entries.unshift([selected, 0]);
  if (entries.length === 0) return null;
  const shown = showAll ? entries : entries.slice(0, SHOWN_AT_FIRST);
  const headingId = `facet-${dimension.facet}`;
  return (
    <section className="facet-panel" aria-labelledby={headingId} data-facet={dimension.facet}>
      <h2 id={headingId}>{dimension.label}</h2>
      <ul>
        {shown.map(([value, count]) => (
          <li key={value}>
            <button type="button" className="facet-value" aria-pressed={selected === value} data-value={value} onClick={() => onToggle(dimension, value)} title={name(value)}>
              <span className="facet-name">{name(value)}</span>
              <span className="facet-count">{count}</span>
            </button>
          </li>
        ))}
      </ul>
      {entries.length > SHOWN_AT_FIRST ? (
        <button type="button" className="facet-more" onClick={() => setShowAll((value) => !value)}>
          {showAll ? 'Show fewer' : `Show all ${entries.length}`}
        </button>
      ) : null}
    </section>
  );
}
