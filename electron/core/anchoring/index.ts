/** Pure text anchoring: no storage, no I/O. Used by annotations and by citations. */
export type { TextQuoteSelector, TextPositionSelector, PageSelector, Selectors, AnchorStatus, AnchorResult } from './types';
export { describe, contextLength } from './describe';
export { anchor, defaultMinSimilarity, defaultFuzzyWindow } from './anchor';
export type { AnchorOptions } from './anchor';
export { bestApproximateMatch } from './approximate-match';
export type { ApproximateMatch } from './approximate-match';
export { buildDocumentText, passageOffsetToDocument, documentRangeToPassages, passageSeparator } from './document-text';
export type { DocumentText, PassageSpan, PassageRange } from './document-text';
