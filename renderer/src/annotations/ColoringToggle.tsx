import { useEffect, useState } from 'react';
import { usePreferences, useSetPreferences } from '../api/use-preferences';

/** Draws highlights in their topic's colour instead of their own (a preference kept in the workspace). */
export function ColoringToggle() {
  const { highlightColoring } = usePreferences();
  const setPreferences = useSetPreferences();
  // The box follows the click at once; the shared preference catches up a moment later.
  const [clicked, setClicked] = useState<boolean>();
  const saved = highlightColoring === 'topic';
  const checked = clicked ?? saved;
  useEffect(() => {
    if (clicked === saved) setClicked(undefined);
  }, [clicked, saved]);
  return (
    <label className="coloring-toggle">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          const byTopic = event.target.checked;
          setClicked(byTopic);
          // Not kept: the box shows what the workspace holds again.
          setPreferences({ highlightColoring: byTopic ? 'topic' : 'annotation' }).catch(() => setClicked(undefined));
        }}
      />
      Colour highlights by topic
    </label>
  );
}
