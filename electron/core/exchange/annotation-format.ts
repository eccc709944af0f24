import { z } from 'zod';
import { isColorKey, parseWorkbenchIri, type ColorKey } from '../annotations';
import { WorkbenchError } from '../api/errors';

/**
 * Annotations made elsewhere, as the W3C Web Annotation data model (JSON-LD: one
 * annotation, a list, an AnnotationPage or an AnnotationCollection with its pages embedded)
 * or Hypothesis writes them (its API's `{rows}`, the client's export `{annotations}`, or
 * a list), read into one shape: what it quotes, where, and what it says.
 */
export interface IncomingAnnotation {
  /** How the annotation is named in the report of those that anchor nowhere. */
  label: string;
  /** The target's source IRI or the page's address. */
  sources: string[];
  /** The title of the document annotated, when the file says it (Hypothesis does). */
  title?: string;
  quote?: { exact: string; prefix: string; suffix: string };
  /**
   * Where the quote was, in what unit: the W3C model counts Unicode code points, Hypothesis's
   * client counts the UTF-16 units of the page's text.
   */
  position?: { start: number; end: number; unit: 'code-point' | 'utf-16' };
  note: string;
  tags: string[];
  /** Links to our entities and recommendations (by our IRIs), as our own export writes them. */
  entityIds: string[];
  recommendationIds: string[];
  /** A highlight colour of ours named as the target's style class. */
  color?: ColorKey;
  /** `key` is the creator's IRI or account; `userId` the id our own IRI names. */
  creator?: { key: string; name: string; userId?: string };
  created?: string;
  modified?: string;
}

export interface IncomingAnnotations {
  format: 'w3c' | 'hypothesis';
  annotations: IncomingAnnotation[];
}

const text = z.string().max(1_000_000);
const quoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: text, prefix: text.optional(), suffix: text.optional() });
const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) });
/** Any selector: those we cannot use (RangeSelector's XPaths, CSS, fragments) are read past. */
const selector = z.object({ type: z.string().max(200) }).loose();
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).max(1000)]);

const agent = z.union([
  z.string().max(2000),
  z.object({ id: z.string().max(2000).optional(), name: z.string().max(2000).optional(), nickname: z.string().max(2000).optional() }).loose(),
]);
const resource = z.union([z.string().max(4000), z.object({ id: z.string().max(4000).optional(), label: z.string().max(4000).optional() }).loose()]);
const w3cBody = z.union([
  z.string().max(2000),
  z
    .object({
      type: oneOrMany(z.string().max(200)).optional(),
      value: z.string().max(1_000_000).optional(),
      purpose: oneOrMany(z.string().max(200)).optional(),
      source: resource.optional(),
    })
    .loose(),
]);
const w3cTarget = z.union([
  z.string().max(4000),
  z.object({ source: z.string().max(4000).optional(), selector: oneOrMany(selector).optional(), styleClass: oneOrMany(z.string().max(200)).optional() }).loose(),
]);
const w3cAnnotation = z
  .object({
    id: z.string().max(4000).optional(),
    type: oneOrMany(z.string().max(200)),
    motivation: oneOrMany(z.string().max(200)).optional(),
    body: oneOrMany(w3cBody).optional(),
    bodyValue: z.string().max(1_000_000).optional(),
    target: oneOrMany(w3cTarget),
    creator: oneOrMany(agent).optional(),
    created: z.string().max(100).optional(),
    modified: z.string().max(100).optional(),
  })
  .loose()
  .refine((value) => typeOf(value.type).includes('Annotation'), 'the type must be Annotation');

const hypothesisAnnotation = z
  .object({
    id: z.string().max(200).optional(),
    uri: z.string().max(4000),
    text: z.string().max(1_000_000).default(''),
    tags: z.array(z.string().max(2000)).max(1000).default([]),
    user: z.string().max(2000).optional(),
    user_info: z.object({ display_name: z.string().max(2000).nullish() }).loose().nullish(),
    created: z.string().max(100).optional(),
    target: z.array(z.object({ source: z.string().max(4000).optional(), selector: z.array(selector).max(100).optional() }).loose()).max(100).default([]),
    document: z.object({ title: z.union([z.string().max(4000), z.array(z.string().max(4000))]).optional() }).loose().nullish(),
    references: z.array(z.string()).optional(),
  })
  .loose();

function typeOf(type: string | string[] | undefined): string[] {
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Reads parsed JSON as W3C or Hypothesis annotations; anything else is refused with the reason. */
export function readAnnotationsJson(json: unknown, fileName: string): IncomingAnnotations {
  const items = annotationItems(json);
  if (!items) {
    throw new WorkbenchError(
      'UNSUPPORTED',
      `“${fileName}” holds JSON, but not annotations the workbench can read: import W3C Web Annotations (JSON-LD: an Annotation, a list of them, an AnnotationPage or AnnotationCollection) or Hypothesis's JSON export. Nothing was imported.`,
      { fileName },
    );
  }
  const hypothesis = items.length > 0 && items.every((item) => isObject(item) && typeof item.uri === 'string' && !('@context' in item) && item.type === undefined);
  const schema = hypothesis ? hypothesisAnnotation : w3cAnnotation;
  const annotations: IncomingAnnotation[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = (schema as z.ZodType).safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      throw new WorkbenchError(
        'BAD_REQUEST',
        `Annotation ${index + 1} in “${fileName}” is not a ${hypothesis ? 'Hypothesis' : 'W3C Web'} annotation: ${issue.message}${where}. Nothing was imported.`,
        { fileName, index },
      );
    }
    annotations.push(hypothesis ? fromHypothesis(parsed.data as z.infer<typeof hypothesisAnnotation>, index) : fromW3c(parsed.data as z.infer<typeof w3cAnnotation>, index));
  }
  return { format: hypothesis ? 'hypothesis' : 'w3c', annotations };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The annotations of a file, wherever its shape keeps them; undefined when it is no shape we know. */
function annotationItems(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return undefined;
  const types = typeOf(json.type as string | string[] | undefined);
  if (types.includes('Annotation')) return [json];
  if (types.includes('AnnotationCollection')) {
    // Pages embedded, as our export and most servers' exports write them.
    const pages: unknown[] = [];
    for (let page: unknown = json.first, hops = 0; isObject(page) && hops < 10_000; page = page.next, hops++) pages.push(...list(page.items as unknown[] | undefined));
    if (!isObject(json.first) && json.total !== 0 && json.first !== undefined) return undefined;
    return pages;
  }
  if (types.includes('AnnotationPage') && Array.isArray(json.items)) return json.items;
  if (Array.isArray(json.rows)) return json.rows; // Hypothesis's API: {total, rows}
  if (Array.isArray(json.annotations)) return json.annotations; // the Hypothesis client's export
  if (typeof json.uri === 'string') return [json];
  return undefined;
}

function selectorsOf(selectors: Array<z.infer<typeof selector>>, unit: 'code-point' | 'utf-16'): Pick<IncomingAnnotation, 'quote' | 'position'> {
  const found: Pick<IncomingAnnotation, 'quote' | 'position'> = {};
  for (const candidate of selectors) {
    const quote = quoteSelector.safeParse(candidate);
    if (quote.success && !found.quote) found.quote = { exact: quote.data.exact, prefix: quote.data.prefix ?? '', suffix: quote.data.suffix ?? '' };
    const position = positionSelector.safeParse(candidate);
    if (position.success && !found.position && position.data.end > position.data.start) found.position = { start: position.data.start, end: position.data.end, unit };
  }
  return found;
}

function shortQuote(quote: string | undefined): string | undefined {
  if (!quote) return undefined;
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `“${flat.slice(0, 57)}…”` : `“${flat}”`;
}

function fromW3c(annotation: z.infer<typeof w3cAnnotation>, index: number): IncomingAnnotation {
  const targets = list(annotation.target);
  const sources: string[] = [];
  let found: Pick<IncomingAnnotation, 'quote' | 'position'> = {};
  let color: ColorKey | undefined;
  for (const target of targets) {
    if (typeof target === 'string') {
      sources.push(target);
      continue;
    }
    if (target.source) sources.push(target.source);
    if (!found.quote) found = selectorsOf(list(target.selector), 'code-point');
    color ??= list(target.styleClass).find(isColorKey);
  }
  const notes: string[] = [];
  const tags: string[] = [];
  const entityIds: string[] = [];
  const recommendationIds: string[] = [];
  if (annotation.bodyValue?.trim()) notes.push(annotation.bodyValue);
  for (const body of list(annotation.body)) {
    // A body that is only an IRI: one of our entities or recommendations, else nothing we keep.
    if (typeof body === 'string') {
      link(parseWorkbenchIri(body));
      continue;
    }
    const purposes = list(body.purpose);
    if (body.source !== undefined) {
      const source = typeof body.source === 'string' ? { id: body.source } : body.source;
      const ours = source.id === undefined ? undefined : parseWorkbenchIri(source.id);
      if (link(ours)) continue;
      // A semantic tag (a concept with a label) is a tag like any other.
      if (source.label?.trim() && (purposes.includes('tagging') || purposes.includes('classifying'))) tags.push(source.label.trim());
      continue;
    }
    if (body.value === undefined || !body.value.trim()) continue;
    if (purposes.includes('tagging')) tags.push(body.value.trim());
    else notes.push(body.value);
  }
  function link(iri: ReturnType<typeof parseWorkbenchIri>): boolean {
    if (iri?.kind === 'entity') entityIds.push(iri.id);
    else if (iri?.kind === 'recommendation') recommendationIds.push(iri.id);
    else return false;
    return true;
  }
  const agents = list(annotation.creator);
  const first = agents[0];
  const creator = first === undefined ? undefined : typeof first === 'string' ? { key: first, name: nameFromAccount(first) } : { key: first.id ?? first.name ?? first.nickname ?? '', name: first.name ?? first.nickname ?? nameFromAccount(first.id ?? '') };
  const ourUser = creator ? parseWorkbenchIri(creator.key) : undefined;
  return {
    label: shortQuote(found.quote?.exact) ?? sources[0] ?? annotation.id ?? `annotation ${index + 1}`,
    sources,
    ...found,
    note: notes.join('\n\n'),
    tags,
    entityIds: [...new Set(entityIds)],
    recommendationIds: [...new Set(recommendationIds)],
    ...(color ? { color } : {}),
    ...(creator && creator.key && creator.name ? { creator: { ...creator, ...(ourUser?.kind === 'user' ? { userId: ourUser.id } : {}) } } : {}),
    ...(annotation.created ? { created: annotation.created } : {}),
    ...(annotation.modified ? { modified: annotation.modified } : {}),
  };
}

function fromHypothesis(annotation: z.infer<typeof hypothesisAnnotation>, index: number): IncomingAnnotation {
  const sources = [annotation.uri, ...annotation.target.flatMap((target) => (target.source ? [target.source] : []))];
  const found = selectorsOf(annotation.target.flatMap((target) => target.selector ?? []), 'utf-16');
  const titles = annotation.document?.title;
  const title = (Array.isArray(titles) ? titles[0] : titles)?.trim();
  const name = annotation.user_info?.display_name?.trim() || (annotation.user ? nameFromAccount(annotation.user) : '');
  return {
    label: [title || annotation.uri, shortQuote(found.quote?.exact) ?? (annotation.references?.length ? 'a reply' : `annotation ${index + 1}`)].join(': '),
    sources: [...new Set(sources)],
    ...(title ? { title } : {}),
    ...found,
    note: annotation.text,
    tags: annotation.tags.map((tag) => tag.trim()).filter(Boolean),
    entityIds: [],
    recommendationIds: [],
    ...(annotation.user && name ? { creator: { key: annotation.user, name } } : {}),
    ...(annotation.created ? { created: annotation.created } : {}),
  };
}

/** "acct:amina.berisha@hypothes.is" → "amina.berisha"; "mailto:x@y" → "x"; anything else as it is. */
function nameFromAccount(account: string): string {
  const match = /^(?:acct:|mailto:)([^@]+)@/.exec(account);
  return (match ? match[1]! : account).trim();
}
