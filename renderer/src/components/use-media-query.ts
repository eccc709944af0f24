import { useSyncExternalStore } from 'react';

/** The width below which the frame folds: the sidebar to icons, side panels over the content. */
export const narrowWindow = '(max-width: 1100px)';

/** Whether a CSS media query holds now, kept current as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}
