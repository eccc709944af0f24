import { useEffect, useRef } from 'react';
import { toggled, type FilterProps } from './filter-option';

/**
 * A compact multiple-choice filter: a button that opens a list of checkboxes (a disclosure, so
 * it works from the keyboard and Escape closes it). Nothing ticked means all.
 */
export function FilterMenu<T extends string>({ label, options, selected, onChange }: FilterProps<T>) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const summary =
    selected.length === 0 ? 'All' : selected.length === 1 ? (options.find((o) => o.value === selected[0])?.label ?? selected[0]) : `${selected.length} of ${options.length}`;
  return (
    <details
      ref={details}
      className="evidence-filter-menu"
      data-filter={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="evidence-filter-name">{label}:</span> <span className="evidence-filter-value">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} data-value={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={() => onChange(toggled(selected, option.value))}
            />
            {option.swatch ? <span className={`evidence-swatch type-${option.swatch}`} aria-hidden="true" /> : null}
            <span className="evidence-filter-option">{option.label}</span>
            {option.count !== undefined ? <span className="count">{option.count}</span> : null}
          </label>
        ))}
        {selected.length > 0 ? (
          <button type="button" className="evidence-chip-clear" onClick={() => onChange([])}>
            Show all
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
