import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { hasExactLabel, rankOptions, type TypeAheadOption } from './type-ahead-ranking';
import './TypeAhead.css';

export type { TypeAheadOption } from './type-ahead-ranking';

interface Props {
  label: string;
  placeholder?: string;
  options: readonly TypeAheadOption[];
  /** Ids already chosen: not offered again. */
  exclude?: readonly string[];
  onPick: (option: TypeAheadOption) => void;
  /** With this, a name that matches nothing exactly can be created ("New topic “…”"). */
  onCreate?: (name: string) => void;
  createLabel?: string;
  /** How many matches are listed. */
  limit?: number;
}

type Entry = { kind: 'option'; option: TypeAheadOption } | { kind: 'create'; name: string };

/**
 * A combobox that suggests options as one types: exact matches first, then names starting
 * with the text, then names with a word starting with it, then the rest. The highlighted
 * option is always visible and is the only one Enter takes; arrows move the highlight,
 * Escape clears the text. Picking never happens by surprise: what Enter takes is on screen.
 */
export function TypeAhead({ label, placeholder, options, exclude = [], onPick, onCreate, createLabel = 'Create', limit = 8 }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const typed = text.trim();

  const entries = useMemo((): Entry[] => {
    const matches = rankOptions(options, typed, new Set(exclude), limit).map((option): Entry => ({ kind: 'option', option }));
    const canCreate = Boolean(onCreate && typed && !hasExactLabel(options, typed));
    return canCreate ? [...matches, { kind: 'create', name: typed }] : matches;
  }, [options, exclude, typed, limit, onCreate]);
  const open = focused && entries.length > 0;
  const highlighted = Math.min(active, entries.length - 1);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, open]);

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.kind === 'option') onPick(entry.option);
    else onCreate?.(entry.name);
    setText('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = entries.length;
    if (event.key === 'ArrowDown' && count > 0) setActive((highlighted + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0) setActive((highlighted - 1 + count) % count);
    else if (event.key === 'Enter' && open) choose(entries[highlighted]);
    else if (event.key === 'Escape' && text) {
      setText('');
      setActive(0);
    } else return;
    event.preventDefault();
    // Keys the list used are not also the surrounding form's (Enter saves, Escape closes).
    event.stopPropagation();
    event.nativeEvent.stopImmediatePropagation();
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="type-ahead">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(highlighted) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul ref={list} id={listId} role="listbox" className="type-ahead-options" aria-label={label}>
          {entries.map((entry, index) => (
            <li
              key={entry.kind === 'option' ? entry.option.id : `create:${entry.name}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlighted}
              className={entry.kind === 'create' ? 'type-ahead-create' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== highlighted && setActive(index)}
              onClick={() => choose(entry)}
            >
              {entry.kind === 'option' ? (
                <>
                  {entry.option.label}
                  {entry.option.detail ? <span className="type-ahead-detail"> · {entry.option.detail}</span> : null}
                </>
              ) : (
                <>
                  {createLabel} “{entry.name}”
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
