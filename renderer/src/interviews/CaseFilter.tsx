import { useId } from 'react';
import { useApi } from '../api/use-api';
import './CaseFilter.css';

/** What a topic page or the co-occurrence heatmap is narrowed to. */
export interface CaseFilterValue {
  speaker?: string;
  attribute?: { name: string; value: string };
}

/** The arguments the API takes for it (no empty keys). */
export function caseFilterArgs(filter: CaseFilterValue): CaseFilterValue {
  return { ...(filter.speaker ? { speaker: filter.speaker } : {}), ...(filter.attribute ? { attribute: filter.attribute } : {}) };
}

const SEPARATOR = '\u0000';

/**
 * Narrows quotes to one speaker or one case attribute's value (municipality = Mitrovica),
 * and, where `groupBy` is given, groups them by speaker or by an attribute. Hidden when the
 * workspace has neither speakers nor attributes.
 */
export function CaseFilter({
  value,
  onChange,
  groupBy,
  onGroupBy,
}: {
  value: CaseFilterValue;
  onChange: (next: CaseFilterValue) => void;
  groupBy?: string;
  onGroupBy?: (next: string) => void;
}) {
  const speakers = useApi('cases.speakers', {});
  const attributes = useApi('cases.attributes', {});
  const id = useId();
  if (!speakers.value || !attributes.value || (speakers.value.length === 0 && attributes.value.length === 0)) return null;
  const attributeValue = value.attribute ? `${value.attribute.name}${SEPARATOR}${value.attribute.value}` : '';
  return (
    <div className="case-filter" role="group" aria-label="Narrow by speaker or case attribute">
      {speakers.value.length > 0 ? (
        <label htmlFor={`${id}-speaker`}>
          Speaker
          <select id={`${id}-speaker`} value={value.speaker ?? ''} onChange={(event) => onChange({ ...value, ...(event.target.value ? { speaker: event.target.value } : { speaker: undefined }) })}>
            <option value="">Any</option>
            {speakers.value.map((speaker) => (
              <option key={speaker.speaker} value={speaker.speaker}>
                {speaker.speaker}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {attributes.value.length > 0 ? (
        <label htmlFor={`${id}-attribute`}>
          Attribute
          <select
            id={`${id}-attribute`}
            value={attributeValue}
            onChange={(event) => {
              const [name, chosen] = event.target.value.split(SEPARATOR);
              onChange({ ...value, attribute: name && chosen ? { name, value: chosen } : undefined });
            }}
          >
            <option value="">Any</option>
            {attributes.value.map((attribute) => (
              <optgroup key={attribute.name} label={attribute.name}>
                {attribute.values.map((option) => (
                  <option key={option} value={`${attribute.name}${SEPARATOR}${option}`}>
                    {attribute.name} = {option}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      ) : null}
      {onGroupBy ? (
        <label htmlFor={`${id}-group`}>
          Group by
          <select id={`${id}-group`} value={groupBy ?? ''} onChange={(event) => onGroupBy(event.target.value)}>
            <option value="">Nothing</option>
            <option value="speaker">Speaker</option>
            {attributes.value.map((attribute) => (
              <option key={attribute.name} value={`attribute:${attribute.name}`}>
                {attribute.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
