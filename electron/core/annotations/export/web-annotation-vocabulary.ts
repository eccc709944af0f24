import { deterministicUuid } from './deterministic-uuid';

/**
 * The names our W3C Web Annotation export gives things, shared by the exporter and the
 * importer (exchange area) so that a round trip recognises its own links. Documented for
 * other readers in docs/web-annotations.md.
 */
export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';

/** Our own terms (the PDF page of a target): `fw:page` expands to `urn:field-workbench:vocab:page`. */
export const workbenchVocabulary = 'urn:field-workbench:vocab:';
export const workbenchContext = [webAnnotationContext, { fw: workbenchVocabulary }] as const;

const prefix = 'urn:field-workbench:';
const kinds = ['document', 'user', 'topic', 'entity', 'recommendation'] as const;
export type WorkbenchIriKind = (typeof kinds)[number];

/** `urn:field-workbench:<kind>:<id>`, the id percent-encoded so any id makes a valid IRI. */
export function workbenchIri(kind: WorkbenchIriKind, id: string): string {
  return `${prefix}${kind}:${encodeURIComponent(id)}`;
}

/** The kind and id of one of our IRIs; undefined for anybody else's. */
export function parseWorkbenchIri(iri: string): { kind: WorkbenchIriKind; id: string } | undefined {
  if (!iri.startsWith(prefix)) return undefined;
  const rest = iri.slice(prefix.length);
  const colon = rest.indexOf(':');
  const kind = rest.slice(0, colon) as WorkbenchIriKind;
  if (colon < 1 || !kinds.includes(kind)) return undefined;
  try {
    const id = decodeURIComponent(rest.slice(colon + 1));
    return id ? { kind, id } : undefined;
  } catch {
    return undefined;
  }
}

/** An annotation's IRI: a UUID derived from its id, so the same annotation always exports the same IRI. */
export function annotationIri(annotationId: string): string {
  return `urn:uuid:${deterministicUuid('field-workbench:annotation', annotationId)}`;
}

export function defaultSourceIri(docId: string): string {
  return workbenchIri('document', docId);
}
