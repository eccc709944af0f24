import { WorkbenchError } from '../../api/errors';
import type { TopicService } from '../../topics/topic-service';
import type { CorpusLookup } from '../corpus-lookup';
import { locateQuote } from '../locate-quote';
import { shorten } from '../record-helpers';

/**
 * Checks, before anything is written, what the annotation service would otherwise only
 * find out after topics named by path had been created: a command either does all of its
 * work or none of it.
 */
export function assertQuoteInPassage(lookup: CorpusLookup, passageId: string, quote: string, offsetInPassage?: number): void {
  const passage = lookup.getPassage(passageId);
  if (!passage) throw new WorkbenchError('NOT_FOUND', `There is no passage with id ${passageId}.`, { passageId });
  if (!quote.trim()) throw new WorkbenchError('BAD_REQUEST', 'Select some text to annotate: the quote is empty.');
  if (!locateQuote(passage.text, quote, offsetInPassage)) {
    throw new WorkbenchError('BAD_REQUEST', `The quote "${shorten(quote)}" is not in passage ${passageId}. Select the text again.`, { passageId });
  }
}

export function assertRangeInDocument(lookup: CorpusLookup, docId: string, start: number, end: number): void {
  const doc = lookup.getDocumentText(docId);
  if (!doc) throw new WorkbenchError('NOT_FOUND', `There is no document with id ${docId}.`, { docId });
  if (end > doc.text.length || !doc.text.slice(start, end).trim()) {
    throw new WorkbenchError('BAD_REQUEST', `The selection ${start}-${end} is not a range of text within document ${docId}.`);
  }
}

export function assertReferencesExist(
  lookup: CorpusLookup,
  topics: TopicService,
  refs: { topicIds?: readonly string[]; entityIds?: readonly string[]; recommendationIds?: readonly string[] },
): void {
  const missing = [
    ...(refs.topicIds ?? []).filter((id) => !topics.get(id)).map((id) => `topic ${id}`),
    ...(refs.entityIds ?? []).filter((id) => !lookup.entityExists(id)).map((id) => `entity ${id}`),
    ...(refs.recommendationIds ?? []).filter((id) => !lookup.recommendationExists(id)).map((id) => `recommendation ${id}`),
  ];
  if (missing.length > 0) throw new WorkbenchError('NOT_FOUND', `Unknown ${missing.join(', ')}.`, { missing });
}
