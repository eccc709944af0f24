/**
 * A selection as the renderer sends it: each end is a passage and an offset in that
 * passage's own text (UTF-16 code units, as the DOM counts). Core alone knows how it joins
 * passages into a document's text, so it turns these ends into its anchors; the renderer
 * never computes document offsets.
 */
export interface PassagePoint {
  passageId: string;
  offset: number;
}

/** From `start` to `end` (exclusive), in reading order; the two ends may be in different passages. */
export interface PassageSelection {
  start: PassagePoint;
  end: PassagePoint;
}
