import type { ReferenceView } from '../../../electron/core/references';
import { foldCase } from '../../../electron/common/text/fold';
import type { CitationAttrs } from '../../../electron/common/drafts/citation-node';

/** The words of a reference people type to find it: key, authors, year, title and type. */
function wordsOf(reference: ReferenceView): string[] {
  return foldCase(`${reference.citationKey} ${reference.authors} ${reference.year ?? ''} ${reference.item.title} ${reference.item.type}`).split(/[^\p{L}\p{N}]+/u);
}

/**
 * References matching a query (the Library's filter, the `@` picker): every word typed is
 * the start of one of theirs. A key typed whole or begun ("judah20") ranks first, then by
 * first author and year as the Library lists them.
 */
export function matchReferences(references: readonly ReferenceView[], query: string, limit = Infinity): ReferenceView[] {
  const typed = foldCase(query.trim());
  const words = typed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return references.slice(0, limit);
  const matches = references.filter((reference) => {
    const own = wordsOf(reference);
    return words.every((word) => own.some((candidate) => candidate.startsWith(word)));
  });
  const keyRank = (reference: ReferenceView) => (foldCase(reference.citationKey).startsWith(typed) ? 0 : 1);
  return matches.sort((a, b) => keyRank(a) - keyRank(b)).slice(0, limit);
}

/** Citing a reference: the whole work, no page until the author gives one. */
export function citationOfReference(reference: Pick<ReferenceView, 'id'>): CitationAttrs {
  return { targetKind: 'reference', targetId: reference.id, docId: reference.id, locator: null, prefix: null, suffix: null, suppressAuthor: false };
}

/** "Judah, Tim; Kosovar Centre…" shortened for one line. */
export function shortAuthors(reference: Pick<ReferenceView, 'authors'>, max = 3): string {
  const names = reference.authors.split('; ').filter(Boolean);
  if (names.length === 0) return 'No author';
  return names.length > max ? `${names.slice(0, max).join('; ')} et al.` : names.join('; ');
}
