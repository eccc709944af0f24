import { CodePointIndex } from '../../text/code-points';
import type { TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import { palette } from '../palette';
import { annotationIri, defaultSourceIri, webAnnotationContext, workbenchContext, workbenchIri } from './web-annotation-vocabulary';

export interface TextualBody {
  /** A topic's IRI when the body is that topic (tagging); absent for a note. */
  id?: string;
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

/** A link to something with an IRI of its own: an entity or a recommendation. */
export interface LinkingBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: { id: string; type: 'fw:Entity' | 'fw:Recommendation'; label: string };
}

export type WebAnnotationBody = TextualBody | LinkingBody;

export interface WebAnnotationTarget {
  type: 'SpecificResource';
  source: string;
  /** The highlight colour, as the model styles a target: a class of the annotation's stylesheet. */
  styleClass: string;
  /** The PDF page the quote starts on (our vocabulary). */
  'fw:page'?: number;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
}

export interface WebAnnotation {
  '@context'?: typeof webAnnotationContext | typeof workbenchContext;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  creator?: { id: string; type: 'Person'; name: string };
  stylesheet: { type: 'CssStylesheet'; value: string };
  body?: WebAnnotationBody[];
  target: WebAnnotationTarget;
}

export interface WebAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  items: WebAnnotation[];
  next?: WebAnnotationPage;
  prev?: string;
}

export interface WebAnnotationCollection {
  '@context': typeof workbenchContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: WebAnnotationPage;
  last: string;
}

export interface WebAnnotationOptions {
  topics: TopicTree;
  /**
   * The document text the annotations' positions refer to (`buildDocumentText`, the text the
   * `.qdpx` export also writes): TextPositionSelector counts Unicode code points in it. Without
   * it positions are written as stored (UTF-16 units), right only for texts without emoji.
   */
  documentText?(docId: string): string | undefined;
  entityName?(entityId: string): string | undefined;
  recommendationLabel?(recommendationId: string): string | undefined;
  /** Who made the annotation (its coder's user id), and that user's name. */
  coderOf?(annotation: Annotation): string;
  userName?(userId: string): string | undefined;
  /** The IRI of a document; by default a URN built from its stable id. */
  sourceIri?: (docId: string) => string;
}

export interface WebAnnotationCollectionOptions extends WebAnnotationOptions {
  /** The collection's IRI; its pages are named after it. */
  collectionIri: string;
  label?: string;
  pageSize?: number;
}

/**
 * A page holds this many annotations, as annotation servers page theirs; a very large export
 * gets larger pages instead of more, because the pages of a file nest (`next` embedded) and
 * JSON readers, ours included, give up somewhere past a few thousand levels.
 */
export const defaultPageSize = 100;
export const maxPages = 500;

/**
 * One annotation in the W3C Web Annotation data model. The note is a commenting body, each
 * topic a tagging body (its path as the tag, its IRI as the body's id), each linked entity and
 * recommendation a linking body with its IRI; the colour is the target's style class; the
 * page is `fw:page`; positions count code points in the document text.
 */
export function toWebAnnotation(annotation: Annotation, options: WebAnnotationOptions, positions?: CodePointIndex): WebAnnotation {
  const { quote, position, page } = annotation.target.selectors;
  const body: WebAnnotationBody[] = [];
  if (annotation.note.trim()) body.push({ type: 'TextualBody', value: annotation.note, purpose: 'commenting', format: 'text/plain' });
  for (const topicId of annotation.topicIds) {
    body.push({ id: workbenchIri('topic', topicId), type: 'TextualBody', value: options.topics.path(topicId) || topicId, purpose: 'tagging' });
  }
  for (const entityId of annotation.entityIds) {
    body.push({ type: 'SpecificResource', purpose: 'linking', source: { id: workbenchIri('entity', entityId), type: 'fw:Entity', label: options.entityName?.(entityId) ?? entityId } });
  }
  for (const recommendationId of annotation.recommendationIds) {
    body.push({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: workbenchIri('recommendation', recommendationId), type: 'fw:Recommendation', label: options.recommendationLabel?.(recommendationId) ?? recommendationId },
    });
  }
  const index = positions ?? codePointIndex(options, annotation.docId);
  const coder = options.coderOf?.(annotation) ?? annotation.createdBy;
  return {
    '@context': webAnnotationContext,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note.trim() ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(coder ? { creator: { id: workbenchIri('user', coder), type: 'Person' as const, name: options.userName?.(coder) ?? coder } } : {}),
    stylesheet: { type: 'CssStylesheet', value: `.${annotation.color} { background-color: ${palette[annotation.color].hex}; }` },
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: (options.sourceIri ?? defaultSourceIri)(annotation.docId),
      styleClass: annotation.color,
      ...(page ? { 'fw:page': page.page } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        {
          type: 'TextPositionSelector',
          start: index ? index.toCodePoints(position.start) : position.start,
          end: index ? index.toCodePoints(position.end) : position.end,
        },
      ],
    },
  };
}

function codePointIndex(options: WebAnnotationOptions, docId: string): CodePointIndex | undefined {
  const text = options.documentText?.(docId);
  return text === undefined ? undefined : new CodePointIndex(text);
}

/**
 * Every annotation as a W3C `AnnotationCollection` (Web Annotation Data Model §6, paged as the
 * Protocol pages a container): `total`, the `first` page embedded, each page's `next` embedded
 * in it so one file holds them all, `last` naming the final page. The annotations inside the
 * pages carry no `@context` of their own; the collection's covers them.
 */
export function toWebAnnotationCollection(annotations: readonly Annotation[], options: WebAnnotationCollectionOptions): WebAnnotationCollection {
  const indexes = new Map<string, CodePointIndex | undefined>();
  const items = annotations.map((annotation) => {
    if (!indexes.has(annotation.docId)) indexes.set(annotation.docId, codePointIndex(options, annotation.docId));
    const { '@context': _context, ...item } = toWebAnnotation(annotation, options, indexes.get(annotation.docId));
    return item;
  });
  const pageSize = Math.max(options.pageSize ?? defaultPageSize, Math.ceil(items.length / maxPages));
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const pageIri = (number: number) => `${options.collectionIri}:page:${number + 1}`;
  // Built from the last page back, so each can embed the one after it.
  let next: WebAnnotationPage | undefined;
  for (let number = pageCount - 1; number >= 0; number--) {
    next = {
      id: pageIri(number),
      type: 'AnnotationPage',
      partOf: options.collectionIri,
      startIndex: number * pageSize,
      items: items.slice(number * pageSize, (number + 1) * pageSize),
      ...(number > 0 ? { prev: pageIri(number - 1) } : {}),
      ...(next ? { next } : {}),
    };
  }
  return {
    '@context': workbenchContext,
    id: options.collectionIri,
    type: 'AnnotationCollection',
    label: options.label ?? 'Field Workbench annotations',
    total: items.length,
    first: next!,
    last: pageIri(pageCount - 1),
  };
}

/**
 * The collection as a JSON-LD file: one annotation a line. (Indenting the whole would indent
 * each nested page further: 10,000 annotations made 63 MB, mostly spaces.)
 */
export function exportWebAnnotations(annotations: readonly Annotation[], options: WebAnnotationCollectionOptions): string {
  const { first, ...collection } = toWebAnnotationCollection(annotations, options);
  const parts = ['{\n', ...Object.entries(collection).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`), '  "first": '];
  // Each page opens here and closes at the end, after the pages it holds: one join, no copying per level.
  let depth = 0;
  for (let page: WebAnnotationPage | undefined = first; page; page = page.next, depth++) {
    const { items, next: _next, ...fields } = page;
    parts.push('{', ...Object.entries(fields).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}, `), '"items": [');
    items.forEach((item, index) => parts.push(index === 0 ? '\n' : ',\n', JSON.stringify(item)));
    parts.push(items.length > 0 ? '\n]' : ']', page.next ? ', "next": ' : '');
  }
  parts.push('}'.repeat(depth), '\n}\n');
  return parts.join('');
}
