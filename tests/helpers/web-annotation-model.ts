import { z } from 'zod';

/**
 * The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/, Recommendation
 * of 23 February 2017) as zod schemas, written from the specification's MUSTs and value
 * lists, not from our exporter: what a consumer may rely on. Section numbers say where each
 * rule comes from. Terms the model does not define pass through (JSON-LD allows extension).
 */

const annoContext = 'http://www.w3.org/ns/anno.jsonld';

/** An IRI: a scheme, a colon, and no spaces (RFC 3987 in short). */
const iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, 'an IRI');

/** §3.1: one or more values, the anno.jsonld context among them; a single value is a string. */
export const contextSchema = z.union([
  z.literal(annoContext),
  z
    .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
    .min(2)
    .refine((values) => values.includes(annoContext), `${annoContext} must be one of the contexts`),
]);

/** §3.3.3: xsd:dateTime, which SHOULD carry a timezone (we require it: a time without one is ambiguous). */
const dateTime = z.string().regex(/^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, 'an xsd:dateTime with a timezone');

/** §3.3.5: the motivations (and so purposes) the model defines. */
export const motivations = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
const motivation = z.enum(motivations);
const oneOrMore = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

/** §3.3.1: an Agent is an IRI or a node; Person, Organization and Software are its classes; name, nickname are strings. */
const agent = z.union([
  iri,
  z
    .object({
      id: iri.optional(),
      type: oneOrMore(z.enum(['Person', 'Organization', 'Software'])).optional(),
      name: oneOrMore(z.string().min(1)).optional(),
      nickname: z.string().min(1).optional(),
    })
    .loose(),
]);

/** §3.2.4: a TextualBody has exactly one value; format and language optional. */
const textualBody = z
  .object({
    id: iri.optional(),
    type: z.literal('TextualBody'),
    value: z.string(),
    purpose: oneOrMore(motivation).optional(),
    format: z.string().optional(),
    language: z.string().optional(),
  })
  .loose();

/** §4.3 TextQuoteSelector: exactly one exact; prefix and suffix at most one each. */
export const textQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() }).loose();
/** §4.2.4 TextPositionSelector: start and end, non-negative integers counted in code points, end ≥ start. */
export const textPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .loose()
  .refine((selector) => selector.end >= selector.start, 'end must not come before start');
const otherSelector = z
  .object({ type: z.string() })
  .loose()
  .refine((selector) => selector.type !== 'TextQuoteSelector' && selector.type !== 'TextPositionSelector', 'a text selector of the wrong shape');
const selector = z.union([textQuoteSelector, textPositionSelector, otherSelector]);

/** §4 Specific Resources: exactly one source; selectors, purpose, styleClass optional. */
const specificResource = z
  .object({
    id: iri.optional(),
    type: z.literal('SpecificResource'),
    source: z.union([iri, z.object({ id: iri }).loose()]),
    purpose: oneOrMore(motivation).optional(),
    selector: oneOrMore(selector).optional(),
    styleClass: oneOrMore(z.string().regex(/^-?[_a-zA-Z][_a-zA-Z0-9-]*$/, 'a CSS class name')).optional(),
  })
  .loose();

/** §3.2 bodies and targets: an IRI, an external resource, a TextualBody or a SpecificResource. */
const externalResource = z.object({ id: iri }).loose();
const body = z.union([iri, textualBody, specificResource, externalResource]);
const target = z.union([iri, specificResource, externalResource]);

/** §4.4 Styles: a CssStylesheet is a resource, embedded with a value or referenced. */
const stylesheet = z.union([iri, z.object({ type: z.literal('CssStylesheet'), value: z.string().min(1) }).loose()]);

/** §3.1 Annotations: an IRI id, type Annotation, one or more targets; the rest optional. */
export const annotationSchema = z
  .object({
    '@context': contextSchema.optional(),
    id: iri,
    type: z.union([z.literal('Annotation'), z.array(z.string()).refine((types) => types.includes('Annotation'))]),
    body: oneOrMore(body).optional(),
    bodyValue: z.string().optional(),
    target: oneOrMore(target),
    motivation: oneOrMore(motivation).optional(),
    creator: oneOrMore(agent).optional(),
    created: dateTime.optional(),
    modified: dateTime.optional(),
    generator: oneOrMore(agent).optional(),
    stylesheet: stylesheet.optional(),
  })
  .loose()
  .refine((annotation) => !(annotation.body !== undefined && annotation.bodyValue !== undefined), 'bodyValue and body must not both be given (§3.2.5)');

/** §6 Collections: an AnnotationPage has items; partOf, next, prev, startIndex optional. */
export type AnnotationPageShape = { type: 'AnnotationPage'; items: unknown[]; next?: string | AnnotationPageShape; [key: string]: unknown };
export const annotationPageSchema: z.ZodType<AnnotationPageShape> = z.lazy(() =>
  z
    .object({
      id: iri.optional(),
      type: z.literal('AnnotationPage'),
      partOf: z.union([iri, z.object({ id: iri }).loose()]).optional(),
      items: z.array(annotationSchema),
      next: z.union([iri, annotationPageSchema]).optional(),
      prev: iri.optional(),
      startIndex: z.number().int().nonnegative().optional(),
    })
    .loose(),
) as z.ZodType<AnnotationPageShape>;

/** §6.1 AnnotationCollection: an IRI id; label, total, first, last optional; total a non-negative integer. */
export const annotationCollectionSchema = z
  .object({
    '@context': contextSchema,
    id: iri,
    type: z.union([z.literal('AnnotationCollection'), z.array(z.string()).refine((types) => types.includes('AnnotationCollection'))]),
    label: z.string().optional(),
    total: z.number().int().nonnegative().optional(),
    first: z.union([iri, annotationPageSchema]).optional(),
    last: iri.optional(),
  })
  .loose();
