import type { CorpusDocument, Passage } from '../../corpus/schema';
import { inferYearFromContent } from '../../metadata/infer-year';
import type { ImportedMetadata } from './types';

/**
 * The document's metadata fields once its passages have ids: a year nothing printed or
 * recorded is inferred from the latest dated content, with the sentences as evidence.
 */
export function importedDocumentFields(
  metadata: ImportedMetadata,
  passages: ReadonlyArray<Pick<Passage, 'id' | 'kind' | 'text'>>,
): Pick<CorpusDocument, 'title' | 'authors' | 'publishers' | 'provenance'> & Partial<Pick<CorpusDocument, 'year' | 'place' | 'isbn' | 'doi' | 'url'>> {
  const provenance = { ...metadata.provenance };
  let year = metadata.year;
  if (year === undefined) {
    const inferred = inferYearFromContent(passages);
    if (inferred) {
      year = inferred.year;
      provenance.year = {
        source: 'inferred',
        evidence: inferred.evidence,
        note: `The document gives no year; its latest dated content is from ${inferred.year}, so it was written then or later.`,
      };
    }
  }
  return {
    title: metadata.title,
    authors: metadata.authors,
    publishers: metadata.publisher ? [metadata.publisher] : [],
    ...(year === undefined ? {} : { year }),
    ...(metadata.place ? { place: metadata.place } : {}),
    ...(metadata.isbn ? { isbn: metadata.isbn } : {}),
    ...(metadata.doi ? { doi: metadata.doi } : {}),
    ...(metadata.url ? { url: metadata.url } : {}),
    provenance,
  };
}
