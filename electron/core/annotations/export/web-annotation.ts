import type { TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import { deterministicUuid } from './deterministic-uuid';

export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context': typeof webAnnotationContext;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  body?: WebAnnotationBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  created: string;
  modified: string;
}

export interface WebAnnotationOptions {
  topics: TopicTree;
  /** The IRI of a document; by default a URN built from its stable id. */
  sourceIri?: (docId: string) => string;
}

export function annotationIri(annotationId: string): string {
  return `urn:uuid:${deterministicUuid('field-workbench:annotation', annotationId)}`;
}

export function defaultSourceIri(docId: string): string {
  return `urn:field-workbench:document:${encodeURIComponent(docId)}`;
}

/**
 * One annotation in the W3C Web Annotation data model: the model requires `@context`, an
 * IRI `id`, `type` Annotation and a target; bodies are optional. The note becomes a
 * commenting body, each topic a tagging body carrying its path.
 */
export function toWebAnnotation(annotation: Annotation, options: WebAnnotationOptions): WebAnnotation {
  const { quote, position } = annotation.target.selectors;
  const body: WebAnnotationBody[] = [];
  if (annotation.note.trim()) body.push({ type: 'TextualBody', value: annotation.note, purpose: 'commenting', format: 'text/plain' });
  for (const topicId of annotation.topicIds) {
    body.push({ type: 'TextualBody', value: options.topics.path(topicId) || topicId, purpose: 'tagging' });
  }
  return {
    '@context': webAnnotationContext,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note.trim() ? 'commenting' : 'highlighting',
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: (options.sourceIri ?? defaultSourceIri)(annotation.docId),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}

/** A JSON-LD document holding many annotations (an array of complete annotations). */
export function exportWebAnnotations(annotations: readonly Annotation[], options: WebAnnotationOptions): string {
  return `${JSON.stringify(annotations.map((annotation) => toWebAnnotation(annotation, options)), null, 2)}\n`;
}
