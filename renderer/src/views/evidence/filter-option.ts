/** One choice of a multiple-choice filter (chips or a menu); none chosen means all. */
export interface FilterOption<T extends string> {
  value: T;
  label: string;
  count?: number;
  /** An entity type whose colour marks the choice. */
  swatch?: string;
}

export interface FilterProps<T extends string> {
  label: string;
  options: ReadonlyArray<FilterOption<T>>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
}

export function toggled<T>(selected: readonly T[], value: T): T[] {
  return selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
}
