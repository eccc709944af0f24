import type { AnnotationsFace } from '../../annotations';
import type { CitationSources, CitationTarget, ResolvedSource } from '../../citations/types';
import type { CorpusIndex } from '../../corpus/corpus-index';
import type { CslItem } from '../../citations/csl-item';
import type { ReferenceLibrary } from '../../references';

/** A cited quote deleted with its citations kept. `passageId`: its first passage, when it still exists, to cite instead. */
export interface DeletedQuote {
  quote: string;
  deletedAt: string;
  passageId?: string;
}

/** Resolves citation targets and the places they link to, against the live corpus and workspace. */
export interface WorkspaceSources extends CitationSources {
  /** The passage a click on the citation opens: the passage itself, or an annotation's first passage. */
  passageOf(target: CitationTarget): string | undefined;
  /** The citation cites an annotation deleted while drafts cited it (it resolves through the tombstone): its quote, when. */
  deletedQuote(target: CitationTarget): DeletedQuote | undefined;
  /** Pandoc citation keys in imported Markdown: a passage, annotation or document id, or a reference's citation key. */
  resolveKey(key: string): CitationTarget | undefined;
}

/**
 * Looked up at each call rather than copied once: imports add documents to the corpus index
 * and annotations come and go while drafts stay open, and a citation must follow them.
 */
export function workspaceSources(corpus: CorpusIndex, annotations: AnnotationsFace['annotations'], references: Pick<ReferenceLibrary, 'get' | 'byKey' | 'cslItem'>): WorkspaceSources {
  // A cited annotation deleted with its citations kept still resolves, through its tombstone.
  const annotation = (annotationId: string) => annotations.get(annotationId) ?? annotations.tombstone(annotationId)?.annotation;

  const resolve = (target: CitationTarget): ResolvedSource | undefined => {
    if (target.kind === 'reference') {
      const record = references.get(target.id);
      return record ? { reference: references.cslItem(record) as unknown as CslItem } : undefined;
    }
    if (target.kind === 'document') {
      return corpus.hasDocument(target.id) ? { document: corpus.document(target.id) } : undefined;
    }
    if (target.kind === 'passage') {
      const passage = corpus.findPassage(target.id);
      if (!passage || !corpus.hasDocument(passage.docId)) return undefined;
      return { document: corpus.document(passage.docId), page: passage.page };
    }
    const found = annotation(target.id);
    if (!found || !corpus.hasDocument(found.docId)) return undefined;
    const page = found.target.selectors.page?.page ?? pageOfPassage(corpus, found.target.passageIds[0]);
    const document = corpus.document(found.docId);
    return page === undefined ? { document } : { document, page };
  };

  return {
    resolve,
    passageOf(target) {
      if (target.kind === 'passage') return corpus.findPassage(target.id)?.id;
      if (target.kind === 'annotation') return annotation(target.id)?.target.passageIds[0];
      return undefined;
    },
    deletedQuote(target) {
      if (target.kind !== 'annotation' || annotations.get(target.id)) return undefined;
      const tombstone = annotations.tombstone(target.id);
      if (!tombstone) return undefined;
      const passageId = tombstone.annotation.target.passageIds[0];
      return { quote: tombstone.annotation.target.selectors.quote.exact, deletedAt: tombstone.deletedAt, ...(passageId && corpus.findPassage(passageId) ? { passageId } : {}) };
    },
    resolveKey(key) {
      const passage = corpus.findPassage(key);
      if (passage) return { kind: 'passage', id: passage.id, docId: passage.docId };
      const found = annotations.get(key);
      if (found) return { kind: 'annotation', id: found.id, docId: found.docId };
      if (corpus.hasDocument(key)) return { kind: 'document', id: key, docId: key };
      const reference = references.byKey(key);
      return reference ? { kind: 'reference', id: reference.id, docId: reference.id } : undefined;
    },
  };
}

function pageOfPassage(corpus: CorpusIndex, passageId: string | undefined): number | undefined {
  return passageId === undefined ? undefined : corpus.findPassage(passageId)?.page;
}
