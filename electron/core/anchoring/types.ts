/**
 * Selectors after the W3C Web Annotation data model (and Hypothesis): several independent
 * descriptions of the same span, so that when a document's text changes at least one of
 * them can still find it.
 */

/** The quoted text with some context either side, to tell repeated quotes apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets into the document text (UTF-16 code units, end exclusive). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The PDF page the span starts on (1-based); a hint for the reader, not used to anchor. */
export interface PageSelector {
  type: 'PageSelector';
  page: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  page?: PageSelector;
}

export type AnchorStatus = 'anchored' | 'fuzzy' | 'orphan';

export type AnchorResult =
  | { status: 'anchored' | 'fuzzy'; start: number; end: number }
  | { status: 'orphan'; start?: undefined; end?: undefined };
