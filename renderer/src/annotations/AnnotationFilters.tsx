import { useMemo } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { useApi } from '../api/use-api';
import { useTeamUsers } from '../team/TeamUsersProvider';
import { filterDimensions, type AnnotationFilter, type DimensionKey } from './annotation-filter';
import './AnnotationFilters.css';

interface Props {
  annotations: readonly AnnotationView[];
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  /** Which dimensions to offer (the reader's sidebar has no "paper": it shows one). */
  dimensions: readonly DimensionKey[];
  /** Offer the "made from / to" days. */
  dates?: boolean;
}

/** The filter row of a list of annotations: words, a menu per dimension, and optionally days. */
export function AnnotationFilters({ annotations, filter, onChange, dimensions, dates = false }: Props) {
  const palette = useApi('annotations.palette', {}).value ?? [];
  const { nameOf } = useTeamUsers();
  const menus = useMemo(
    () => filterDimensions.filter((dimension) => dimensions.includes(dimension.key)).map((dimension) => ({ dimension, choices: dimension.choices(annotations, { palette, nameOf }) })),
    [annotations, dimensions, palette, nameOf],
  );
  const pick = (key: DimensionKey, value: string) => {
    const picks = { ...filter.picks };
    if (value) picks[key] = value;
    else delete picks[key];
    onChange({ ...filter, picks });
  };
  return (
    <div className="annotation-filters">
      <input type="search" className="annotation-filters-text" aria-label="Filter annotations" placeholder="Filter by words…" value={filter.text} onChange={(event) => onChange({ ...filter, text: event.target.value })} />
      {menus.map(({ dimension, choices }) =>
        // A menu with nothing to choose from (no topics yet) is left out, unless it holds a pick.
        choices.length === 0 && !filter.picks[dimension.key] ? null : (
          <select key={dimension.key} aria-label={`Filter by ${dimension.noun}`} value={filter.picks[dimension.key] ?? ''} onChange={(event) => pick(dimension.key, event.target.value)}>
            <option value="">Any {dimension.noun}</option>
            {choices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        ),
      )}
      {dates ? (
        <span className="annotation-filters-dates">
          <label>
            <span>From</span>
            <input type="date" aria-label="Made on or after" value={filter.from ?? ''} max={filter.to} onChange={(event) => onChange({ ...filter, from: event.target.value || undefined })} />
          </label>
          <label>
            <span>to</span>
            <input type="date" aria-label="Made on or before" value={filter.to ?? ''} min={filter.from} onChange={(event) => onChange({ ...filter, to: event.target.value || undefined })} />
          </label>
        </span>
      ) : null}
    </div>
  );
}
