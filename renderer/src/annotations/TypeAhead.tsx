import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';

export interface TypeAheadOption {
  id: string;
  label: string;
  /** Shown after the label, muted: a type, a paper. */
  detail?: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A text field that suggests matching options as one types (accents ignored); Enter or a
 * click picks one. With `onCreate`, a name that matches nothing exactly can be created.
 */
export function TypeAhead({
  label,
  placeholder,
  options,
  exclude = [],
  onPick,
  onCreate,
  createLabel = 'Create',
}: {
  label: string;
  placeholder?: string;
  options: readonly TypeAheadOption[];
  exclude?: readonly string[];
  onPick: (option: TypeAheadOption) => void;
  onCreate?: (name: string) => void;
  createLabel?: string;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const needle = fold(text.trim());
  const matches = useMemo(() => {
    if (!needle) return [];
    const excluded = new Set(exclude);
    return options.filter((option) => !excluded.has(option.id) && fold(`${option.label} ${option.detail ?? ''}`).includes(needle)).slice(0, 8);
  }, [options, exclude, needle]);
  const canCreate = Boolean(onCreate && text.trim() && !options.some((option) => fold(option.label) === needle));
  const count = matches.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    if (index < matches.length) onPick(matches[index]!);
    else if (canCreate) onCreate!(text.trim());
    else return;
    setText('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && count > 0) setActive((active + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0) setActive((active - 1 + count) % count);
    else if (event.key === 'Enter' && count > 0) choose(Math.min(active, count - 1));
    else return;
    event.preventDefault();
  };

  return (
    <div className="type-ahead">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={count > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {count > 0 ? (
        <ul id={listId} role="listbox" className="type-ahead-options" aria-label={label}>
          {matches.map((option, index) => (
            <li key={option.id} role="option" aria-selected={index === active} onMouseDown={(event) => event.preventDefault()} onClick={() => choose(index)}>
              {option.label}
              {option.detail ? <span className="muted"> · {option.detail}</span> : null}
            </li>
          ))}
          {canCreate ? (
            <li role="option" className="type-ahead-create" aria-selected={active === matches.length} onMouseDown={(event) => event.preventDefault()} onClick={() => choose(matches.length)}>
              {createLabel} “{text.trim()}”
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
