import type { CorpusDocument, Passage } from '../corpus/schema';
import type { CitationSources, CitationTarget, ResolvedSource } from './types';

/** The part of an annotation a citation needs: which document, and which page its quote is on. */
export interface AnnotationLocation {
  id: string;
  docId: string;
  page?: number;
}

export interface CorpusSourceData {
  documents: readonly CorpusDocument[];
  passages: readonly Pick<Passage, 'id' | 'docId' | 'page'>[];
  annotations?: readonly AnnotationLocation[];
}

/**
 * Resolves citation targets against in-memory corpus data. A target whose document or
 * passage is gone resolves to undefined, so the draft shows it as missing instead of failing.
 */
export function createCorpusSources(data: CorpusSourceData): CitationSources {
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const passages = new Map(data.passages.map((p) => [p.id, p]));
  const annotations = new Map((data.annotations ?? []).map((a) => [a.id, a]));

  return {
    resolve(target: CitationTarget): ResolvedSource | undefined {
      if (target.kind === 'document') {
        const document = documents.get(target.id);
        return document ? { document } : undefined;
      }
      const located = target.kind === 'passage' ? passages.get(target.id) : annotations.get(target.id);
      if (!located) return undefined;
      const document = documents.get(located.docId);
      if (!document) return undefined;
      return located.page === undefined ? { document } : { document, page: located.page };
    },
  };
}
