import { useCallback, useState } from 'react';
import { stepZoom, type ZoomMode } from './zoom';

/** The PDF's zoom: a mode (fit width, fit page, custom) and the value the pane resolved it to. */
export function useZoom() {
  const [mode, setMode] = useState<ZoomMode>('fit-width');
  const [custom, setCustom] = useState(1);
  const [zoom, setZoom] = useState(1);
  const onResolved = useCallback((value: number) => setZoom(value), []);
  const onMode = (next: ZoomMode) => {
    if (next === 'custom') setCustom(zoom);
    setMode(next);
  };
  const onStep = (direction: 1 | -1) => {
    setCustom(stepZoom(zoom, direction));
    setMode('custom');
  };
  return { mode, custom, zoom, onResolved, onMode, onStep };
}
