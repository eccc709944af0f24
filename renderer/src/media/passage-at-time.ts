/** A passage with the times it is said at, as the player needs it. */
export interface TimedPassage {
  id: string;
  start: number;
  end: number;
}

/** The timed passages of a transcript, in time order (untimed ones, like headings, left out). */
export function timedPassages(passages: ReadonlyArray<{ id: string; start?: number | undefined; end?: number | undefined }>): TimedPassage[] {
  return passages
    .flatMap((p) => (p.start !== undefined && p.end !== undefined ? [{ id: p.id, start: p.start, end: p.end }] : []))
    .sort((a, b) => a.start - b.start);
}

/**
 * The passage being said at `time`: the last one started by then that has not ended. When
 * people talk over each other, the one that started last wins, as a listener follows the
 * new voice. Between passages (a pause) there is none. Binary search: a two-hour interview
 * has thousands of cues, and this runs on every time update.
 */
export function passageAtTime(passages: readonly TimedPassage[], time: number): TimedPassage | undefined {
  let low = 0;
  let high = passages.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (passages[middle]!.start <= time) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Overlapping cues: look back a little for one still running.
  for (let index = last; index >= 0 && index > last - 8; index -= 1) {
    const passage = passages[index]!;
    if (time < passage.end) return passage;
  }
  return undefined;
}
