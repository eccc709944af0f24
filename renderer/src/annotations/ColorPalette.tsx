import { useState } from 'react';
import type { ColorKey, PaletteEntry } from '../../../electron/common/palette';
import { api } from '../api/client';
import { useInvalidate } from '../api/use-api';
import './ColorPalette.css';
import './highlights.css';

/** The eight highlight colours, each with the meaning the user gave it; the chosen one can be (re)named. */
export function ColorPalette({ palette, value, onChange }: { palette: PaletteEntry[]; value: ColorKey; onChange: (color: ColorKey) => void }) {
  const invalidate = useInvalidate();
  const [naming, setNaming] = useState(false);
  const chosen = palette.find((entry) => entry.key === value);
  const [meaning, setMeaning] = useState('');
  return (
    <div className="color-palette">
      <div className="color-swatches" role="radiogroup" aria-label="Colour">
        {palette.map((entry) => (
          <button
            key={entry.key}
            type="button"
            role="radio"
            aria-checked={entry.key === value}
            aria-label={entry.meaning ? `${entry.label}: ${entry.meaning}` : entry.label}
            title={entry.meaning ? `${entry.label}: ${entry.meaning}` : entry.label}
            className={`color-swatch color-${entry.key}`}
            onClick={() => onChange(entry.key)}
          />
        ))}
      </div>
      {naming ? (
        <form
          className="color-meaning-form"
          onSubmit={(event) => {
            event.preventDefault();
            void api.invoke('annotations.setColorMeaning', { color: value, meaning }).then(() => {
              setNaming(false);
              // No event reports a renamed colour: every view showing the palette asks again.
              void invalidate('annotations.palette');
            });
          }}
        >
          <input type="text" aria-label={`What ${chosen?.label ?? value} means`} value={meaning} maxLength={200} onChange={(event) => setMeaning(event.target.value)} autoFocus />
          <button type="submit">Save</button>
        </form>
      ) : (
        <p className="color-meaning">
          <span>{chosen ? (chosen.meaning ? `${chosen.label}: ${chosen.meaning}` : chosen.label) : ''}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setMeaning(chosen?.meaning ?? '');
              setNaming(true);
            }}
          >
            {chosen?.meaning ? 'Rename' : 'Name this colour'}
          </button>
        </p>
      )}
    </div>
  );
}
