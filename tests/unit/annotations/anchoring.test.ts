import { describe as suite, expect, it } from 'vitest';
import { anchor, bestApproximateMatch, contextLength, describe } from '../../../electron/core/anchoring';
import { buildDocumentText, documentRangeToPassages, passageOffsetToDocument } from '../../../electron/core/anchoring/document-text';
import { natoBriefFile, seedPassages, seedText } from './helpers/seed-corpus';

const brief = seedText(natoBriefFile);
const quote = 'Kosovo could propose establishing a Centre of Excellence in an area where it has gained practical experience';
const inserted = 'An editor added this sentence to the top of the paper after it was annotated. ';

function selectorsFor(text: string, exact: string, from = 0) {
  const start = text.indexOf(exact, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, selectors: describe(text, start, start + exact.length, 3) };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

suite('describe', () => {
  it('keeps the quote, up to 32 characters of context either side, the position and the page', () => {
    const { start, selectors } = selectorsFor(brief, quote);
    expect(selectors.quote.exact).toBe(quote);
    expect(selectors.quote.prefix).toBe(brief.slice(start - contextLength, start));
    expect(selectors.quote.suffix).toBe(brief.slice(start + quote.length, start + quote.length + contextLength));
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });
    expect(selectors.page).toEqual({ type: 'PageSelector', page: 3 });
  });

  it('clips the context at the ends of the text and refuses empty or out-of-range spans', () => {
    const selectors = describe(brief, 0, 10);
    expect(selectors.quote.prefix).toBe('');
    expect(() => describe(brief, 5, 5)).toThrow(RangeError);
    expect(() => describe(brief, 0, brief.length + 1)).toThrow(RangeError);
  });
});

suite('anchor', () => {
  it('finds an unchanged text at its old position', () => {
    const { start, selectors } = selectorsFor(brief, quote);
    expect(anchor(brief, selectors)).toEqual({ status: 'anchored', start, end: start + quote.length });
  });

  it('follows the quote when text is inserted before it', () => {
    const { start, selectors } = selectorsFor(brief, quote);
    const edited = inserted + brief;
    expect(anchor(edited, selectors)).toEqual({ status: 'anchored', start: start + inserted.length, end: start + inserted.length + quote.length });
  });

  it('finds a slightly edited quote by fuzzy matching, and reports it as fuzzy', () => {
    const { selectors } = selectorsFor(brief, quote);
    const editedQuote = quote.replace('propose establishing', 'propose setting up');
    const edited = inserted + brief.replace(quote, editedQuote);
    const result = anchor(edited, selectors);
    expect(result.status).toBe('fuzzy');
    expect(edited.slice(result.start, result.end)).toBe(editedQuote);
  });

  it('makes an orphan of a quote whose paragraph was deleted', () => {
    const { selectors } = selectorsFor(brief, quote);
    const paragraphStart = brief.lastIndexOf('\n', brief.indexOf(quote));
    const paragraphEnd = brief.indexOf('\n', brief.indexOf(quote));
    const edited = brief.slice(0, paragraphStart) + brief.slice(paragraphEnd);
    expect(edited).not.toContain('gained practical experience');
    expect(anchor(edited, selectors)).toEqual({ status: 'orphan' });
  });

  it('makes an orphan rather than accept a rewrite below the similarity threshold', () => {
    const { selectors } = selectorsFor(brief, quote);
    const rewritten = 'Pristina might suggest hosting an institute on a subject in which it has real practical know-how';
    const edited = brief.replace(quote, rewritten);
    expect(anchor(edited, selectors)).toEqual({ status: 'orphan' });
    // The same rewrite is found when the caller accepts much weaker matches: the threshold decides.
    expect(anchor(edited, selectors, { minSimilarity: 0.2 }).status).toBe('fuzzy');
  });

  it('chooses among repeated quotes by their context before their nearness to the old position', () => {
    const repeated = 'Centres of Excellence';
    const at = occurrences(brief, repeated);
    expect(at.length).toBeGreaterThanOrEqual(4);
    const { selectors } = selectorsFor(brief, repeated, at[2]);
    expect(selectors.position.start).toBe(at[2]);
    // Shift the text so that the second occurrence now lies nearer the old position than the third.
    const shift = at[2]! - at[1]! - 5;
    const edited = 'x'.repeat(shift) + brief;
    expect(Math.abs(at[1]! + shift - at[2]!)).toBeLessThan(Math.abs(at[2]! + shift - at[2]!));
    expect(anchor(edited, selectors)).toEqual({ status: 'anchored', start: at[2]! + shift, end: at[2]! + shift + repeated.length });
  });

  it('chooses among repeated quotes with the same context by nearness to the old position', () => {
    const paragraph = brief.split('\n').find((line) => line.includes(quote))!;
    const doc = ['Opening.', paragraph, paragraph, 'Closing.'].join('\n\n');
    const secondCopy = doc.indexOf(quote, doc.indexOf(quote) + 1);
    const { selectors } = selectorsFor(doc, quote, secondCopy);
    const edited = inserted + doc;
    expect(anchor(edited, selectors)).toEqual({ status: 'anchored', start: secondCopy + inserted.length, end: secondCopy + inserted.length + quote.length });
    // And the first copy, described from its own position, stays the first.
    const first = selectorsFor(doc, quote).selectors;
    expect(anchor(edited, first).start).toBe(doc.indexOf(quote) + inserted.length);
  });
});

suite('bestApproximateMatch', () => {
  it('counts edits and finds the span starting nearest the expected offset among equal matches', () => {
    const text = 'alpha beta gamma -- alpha beta gamma';
    expect(bestApproximateMatch(text, 'alpha bota', { from: 0, to: text.length }, 25)).toEqual({ start: 20, end: 30, distance: 1 });
    expect(bestApproximateMatch(text, 'alpha bota', { from: 0, to: text.length }, 0)).toEqual({ start: 0, end: 10, distance: 1 });
  });

  it('looks only inside its window', () => {
    const text = 'alpha beta gamma -- alpha beta gamma';
    expect(bestApproximateMatch(text, 'gamma', { from: 0, to: 15 }, 0)?.distance).toBeGreaterThan(0);
  });
});

suite('document text', () => {
  const passages = seedPassages('nato-brief', natoBriefFile).slice(0, 6);
  const doc = buildDocumentText(passages);

  it('joins passages with a blank line and records where each one lies', () => {
    expect(doc.text).toBe(passages.map((passage) => passage.text).join('\n\n'));
    for (const [index, span] of doc.spans.entries()) {
      expect(doc.text.slice(span.start, span.end)).toBe(passages[index]!.text);
    }
  });

  it('maps a selection inside one passage to document offsets and back', () => {
    const passage = passages[3]!;
    const offset = passage.text.indexOf('NATO');
    const start = passageOffsetToDocument(doc, passage.id, offset)!;
    expect(doc.text.slice(start, start + 4)).toBe('NATO');
    expect(documentRangeToPassages(doc, start, start + 4)).toEqual([{ passageId: passage.id, start: offset, end: offset + 4 }]);
    expect(passageOffsetToDocument(doc, 'no-such-passage', 0)).toBeUndefined();
    expect(passageOffsetToDocument(doc, passage.id, passage.text.length + 1)).toBeUndefined();
  });

  it('maps a selection across several passages to each covered part', () => {
    const start = doc.spans[1]!.end - 10;
    const end = doc.spans[3]!.start + 7;
    expect(documentRangeToPassages(doc, start, end)).toEqual([
      { passageId: passages[1]!.id, start: passages[1]!.text.length - 10, end: passages[1]!.text.length },
      { passageId: passages[2]!.id, start: 0, end: passages[2]!.text.length },
      { passageId: passages[3]!.id, start: 0, end: 7 },
    ]);
    // A range wholly inside a separator belongs to no passage.
    expect(documentRangeToPassages(doc, doc.spans[0]!.end, doc.spans[1]!.start)).toEqual([]);
  });
});
