import { createContext, useContext } from 'react';

/** What the reader's player offers to what is shown beside it (annotation cards). */
export interface PlayerControls {
  /** The recording's document: only its own quotes play in it. */
  docId: string;
  /** Plays from `start` and stops at `end`. */
  playSpan(span: { start: number; end: number }): void;
}

export const PlayerContext = createContext<PlayerControls | undefined>(undefined);

export function usePlayer(docId: string): PlayerControls | undefined {
  const player = useContext(PlayerContext);
  return player && player.docId === docId ? player : undefined;
}
