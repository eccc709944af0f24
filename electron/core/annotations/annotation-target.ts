import { describe } from '../anchoring/describe';
import { documentRangeToPassages, passageOffsetToDocument, type DocumentText } from '../anchoring/document-text';
import { WorkbenchError } from '../api/errors';
import type { PassagePoint, PassageSelection } from '../../common/api/selection';
import type { AnnotationTarget } from './annotation-schema';
import type { CorpusLookup } from './corpus-lookup';
import { locateQuote } from './locate-quote';
import { shorten } from './record-helpers';

/**
 * Where a new annotation goes: a quote in one passage, a selection between two passage
 * points (what the renderer sends), or a range of a document's text (core's own offsets,
 * as imports that bring positions use).
 */
export type TargetInput =
  | {
      passageId: string;
      /** The selected text; it must occur in the passage. */
      quote: string;
      /** Where in the passage the selection started, to pick among repeated quotes. */
      offsetInPassage?: number;
    }
  | {
      docId: string;
      /** Offsets in the document text (see anchoring/document-text), end exclusive. */
      start: number;
      end: number;
    }
  | PassageSelection;

/** Finds the target in the corpus, or fails saying what is wrong with the selection. */
export function resolveTarget(lookup: CorpusLookup, input: TargetInput, options: { keepEdgeWhiteSpace?: boolean } = {}): { docId: string; target: AnnotationTarget } {
  if ('passageId' in input) {
    const passage = lookup.getPassage(input.passageId);
    if (!passage) throw new WorkbenchError('NOT_FOUND', `There is no passage with id ${input.passageId}.`, { passageId: input.passageId });
    if (!input.quote.trim()) throw new WorkbenchError('BAD_REQUEST', 'Select some text to annotate: the quote is empty.');
    const found = locateQuote(passage.text, input.quote, input.offsetInPassage);
    if (!found) {
      throw new WorkbenchError('BAD_REQUEST', `The quote "${shorten(input.quote)}" is not in passage ${passage.id}. Select the text again.`, { passageId: passage.id });
    }
    const doc = requireDocumentText(lookup, passage.docId);
    const start = passageOffsetToDocument(doc, passage.id, found.start);
    if (start === undefined) throw new WorkbenchError('NOT_FOUND', `Passage ${passage.id} is not part of the text of document ${passage.docId}.`);
    return { docId: passage.docId, target: targetFor(lookup, doc, start, start + (found.end - found.start)) };
  }
  return resolveDocumentRange(lookup, 'docId' in input ? input : documentRangeOf(lookup, input), options);
}

function resolveDocumentRange(lookup: CorpusLookup, input: { docId: string; start: number; end: number }, options: { keepEdgeWhiteSpace?: boolean }): { docId: string; target: AnnotationTarget } {
  const doc = requireDocumentText(lookup, input.docId);
  if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.start < 0 || input.end > doc.text.length || input.start >= input.end) {
    throw new WorkbenchError('BAD_REQUEST', `The selection ${input.start}-${input.end} is not a range within document ${input.docId}.`);
  }
  // Leading or trailing blank lines come from dragging over a paragraph break; drop them.
  // (A selection made elsewhere, a REFI-QDA project's, is kept as it was made.)
  let { start, end } = input;
  while (!options.keepEdgeWhiteSpace && start < end && /\s/.test(doc.text[start]!)) start += 1;
  while (!options.keepEdgeWhiteSpace && end > start && /\s/.test(doc.text[end - 1]!)) end -= 1;
  if (/^\s*$/.test(doc.text.slice(start, end))) start = end;
  if (start >= end) throw new WorkbenchError('BAD_REQUEST', 'Select some text to annotate: the selection is only white space.');
  return { docId: input.docId, target: targetFor(lookup, doc, start, end) };
}

/** The document range between two passage points, or a clear error when either end is not in the text. */
function documentRangeOf(lookup: CorpusLookup, selection: PassageSelection): { docId: string; start: number; end: number } {
  const startPassage = requirePassage(lookup, selection.start);
  const endPassage = requirePassage(lookup, selection.end);
  if (startPassage.docId !== endPassage.docId) {
    throw new WorkbenchError('BAD_REQUEST', `The selection starts in document ${startPassage.docId} and ends in document ${endPassage.docId}; select within one document.`);
  }
  const doc = requireDocumentText(lookup, startPassage.docId);
  const start = documentOffsetOf(doc, selection.start, startPassage.text.length);
  const end = documentOffsetOf(doc, selection.end, endPassage.text.length);
  if (end <= start) throw new WorkbenchError('BAD_REQUEST', 'The selection ends where or before it starts. Select the text again.');
  return { docId: startPassage.docId, start, end };
}

function requirePassage(lookup: CorpusLookup, point: PassagePoint): { docId: string; text: string } {
  const passage = lookup.getPassage(point.passageId);
  if (!passage) throw new WorkbenchError('NOT_FOUND', `There is no passage with id ${point.passageId}.`, { passageId: point.passageId });
  return passage;
}

function documentOffsetOf(doc: DocumentText, point: PassagePoint, passageLength: number): number {
  if (!Number.isInteger(point.offset) || point.offset < 0 || point.offset > passageLength) {
    throw new WorkbenchError('BAD_REQUEST', `Offset ${point.offset} is not within passage ${point.passageId}, whose text is ${passageLength} characters long.`, { passageId: point.passageId });
  }
  const offset = passageOffsetToDocument(doc, point.passageId, point.offset);
  if (offset === undefined) throw new WorkbenchError('NOT_FOUND', `Passage ${point.passageId} is not part of the text of its document.`, { passageId: point.passageId });
  return offset;
}

function targetFor(lookup: CorpusLookup, doc: DocumentText, start: number, end: number): AnnotationTarget {
  const passageIds = documentRangeToPassages(doc, start, end).map((range) => range.passageId);
  const firstPassage = passageIds[0] === undefined ? undefined : lookup.getPassage(passageIds[0]);
  return { selectors: describe(doc.text, start, end, firstPassage?.page), passageIds };
}

export function requireDocumentText(lookup: CorpusLookup, docId: string): DocumentText {
  const doc = lookup.getDocumentText(docId);
  if (!doc) throw new WorkbenchError('NOT_FOUND', `There is no document with id ${docId}.`, { docId });
  return doc;
}
