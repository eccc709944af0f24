import { useEffect, useRef } from 'react';

/**
 * Exchange bundles dropped on the window: the window's drop handler (the import's) hands
 * them here and opens Team → Exchange, whose panel merges them. A bundle dropped while the
 * panel is not shown waits until it is.
 */
const waiting: File[] = [];
const takers = new Set<(file: File) => void>();

export const isExchangeBundle = (file: File) => /\.fwx$/i.test(file.name);

export function offerDroppedBundle(file: File): void {
  const [taker] = takers;
  if (taker) taker(file);
  else waiting.push(file);
}

/** Calls `take` with each bundle dropped while the caller is mounted, and with those that waited for it. */
export function useDroppedBundles(take: (file: File) => void): void {
  const latest = useRef(take);
  latest.current = take;
  useEffect(() => {
    const taker = (file: File) => latest.current(file);
    takers.add(taker);
    for (const file of waiting.splice(0)) taker(file);
    return () => {
      takers.delete(taker);
    };
  }, []);
}
