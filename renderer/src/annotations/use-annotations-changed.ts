import { useEffect, useRef } from 'react';
import type { AnnotationsChangedEvent } from '../../../electron/core/api/methods/annotations';
import { api } from '../api/client';

/**
 * Calls `listener` whenever core reports a change to annotations or topics (from this
 * window, an undo, or a re-anchoring), so open views reload what they show.
 */
export function useAnnotationsChanged(listener: (event: AnnotationsChangedEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.subscribe('annotations.changed', (event) => latest.current(event)), []);
}
