import { toggled, type FilterProps } from './filter-option';

/** A row of toggle buttons for a multiple choice filter with few, short choices: none pressed means all. */
export function Chips<T extends string>({ label, options, selected, onChange }: FilterProps<T>) {
  const toggle = (value: T) => onChange(toggled(selected, value));
  return (
    <div className="evidence-chips" role="group" aria-label={label}>
      <span className="evidence-chips-label">{label}</span>
      {options.map((option) => (
        <button key={option.value} type="button" className="evidence-chip" aria-pressed={selected.includes(option.value)} onClick={() => toggle(option.value)} data-value={option.value}>
          {option.swatch ? <span className={`evidence-swatch type-${option.swatch}`} aria-hidden="true" /> : null}
          {option.label}
          {option.count !== undefined ? <span className="count">{option.count}</span> : null}
        </button>
      ))}
      {selected.length > 0 ? (
        <button type="button" className="evidence-chip-clear" onClick={() => onChange([])}>
          All
        </button>
      ) : null}
    </div>
  );
}
