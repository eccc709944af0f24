import type { Selectors } from './types';

/** How much text either side of a quote is kept to disambiguate it (as Hypothesis does). */
export const contextLength = 32;

/** The selectors for the span [start, end) of `docText`, on `page` when known. */
export function describe(docText: string, start: number, end: number, page?: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > docText.length || start >= end) {
    throw new RangeError(`Cannot describe the range ${start}-${end} of a text of length ${docText.length}.`);
  }
  const selectors: Selectors = {
    quote: {
      type: 'TextQuoteSelector',
      exact: docText.slice(start, end),
      prefix: docText.slice(Math.max(0, start - contextLength), start),
      suffix: docText.slice(end, end + contextLength),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
  if (page !== undefined) selectors.page = { type: 'PageSelector', page };
  return selectors;
}
