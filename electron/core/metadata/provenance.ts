import type { CorpusDocument, FieldProvenance, MetadataField, Provenance } from '../corpus/schema';

/**
 * Small pure helpers over a document's metadata provenance, shared by the corpus build, the
 * import, citations and the CLI.
 */

export function provenanceOf(document: Pick<CorpusDocument, 'provenance'>, field: MetadataField): FieldProvenance | undefined {
  return document.provenance?.[field];
}

/** A year the document does not print: citations print it as a supplied date. */
export function isYearSupplied(document: Pick<CorpusDocument, 'year' | 'provenance'>): boolean {
  if (document.year === undefined) return false;
  const source = document.provenance?.year?.source;
  return source === 'inferred' || source === 'curated';
}

/**
 * Fills in the page of each provenance entry that names a passage, once the typesetter (or
 * the import) has given passages their pages.
 */
export function withPrintedPages<D extends Pick<CorpusDocument, 'provenance'>>(document: D, pageOf: (passageId: string) => number | undefined): D {
  if (!document.provenance) return document;
  const provenance: Provenance = {};
  for (const [field, entry] of Object.entries(document.provenance) as Array<[MetadataField, FieldProvenance]>) {
    const page = entry.passageId === undefined ? undefined : pageOf(entry.passageId);
    provenance[field] = page === undefined ? entry : { ...entry, page };
  }
  return { ...document, provenance };
}
