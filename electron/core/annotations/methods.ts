import { z } from 'zod';
import type { PassagePoint } from '../../common/api/selection';
import { method } from '../api/method';
import type { Topic } from '../topics';
import type { Annotation } from './annotation-schema';
import { colorKeys, type PaletteEntry } from './palette';
import type { TopicPage, TopicPageQuote } from './topic-page';
import { citedDeleteChoices, type CitingDraft } from './tombstones';
import { DOCUMENT_NOTE_MAX, type DocumentNoteView } from './document-notes';

export type { DocumentNoteView } from './document-notes';

/**
 * Annotations, the codebook (topics), coding analysis, undo and exports. Every argument
 * is checked here before a handler runs, so a bad call changes nothing.
 */

const id = z.string().min(1).max(200);
const ids = z.array(id).max(500);
const color = z.enum(colorKeys);
const note = z.string().max(100_000);
const topicName = z.string().trim().min(1, 'a topic needs a name').max(200);
/** "Security / Trust in police": a topic by its path, created (with its parents) if missing. */
const topicPath = z.string().trim().min(1).max(1000);
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour is written #RRGGBB');

/** One end of a selection: a passage and an offset (UTF-16 code units) in its text. */
const passagePoint = z
  .object(
    { passageId: id, offset: z.number().int('an offset is a whole number of characters').nonnegative('an offset cannot be negative') },
    // A caller still sending document offsets (numbers) is told what an end is now.
    { error: (issue) => (issue.code === 'invalid_type' ? 'each end of a selection is { passageId, offset }, an offset in that passage' : undefined) },
  )
  .strict() satisfies z.ZodType<PassagePoint>;

const content = {
  color: color.optional(),
  note: note.optional(),
  topicIds: ids.optional(),
  /** Topics named by path; missing ones are created, but only once everything else is valid. */
  topicPaths: z.array(topicPath).max(100).optional(),
  entityIds: ids.optional(),
  recommendationIds: ids.optional(),
};

const filter = z
  .object({
    docId: id.optional(),
    topicId: id.optional(),
    includeDescendants: z.boolean().optional(),
    entityId: id.optional(),
    recommendationId: id.optional(),
    color: color.optional(),
    anchorStatus: z.enum(['anchored', 'fuzzy', 'orphan']).optional(),
    /** Only this coder's annotations (a user id). */
    coder: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a coder is a user id').optional(),
    text: z.string().max(500).optional(),
    /** Only this speaker's quotes (transcript turns). */
    speaker: z.string().trim().min(1).max(200).optional(),
    /** Only quotes of cases with this attribute value (their document's or their speaker's). */
    attribute: z.object({ name: z.string().trim().min(1).max(60), value: z.string().trim().min(1).max(200) }).strict().optional(),
  })
  .strict();

/** Topic pages and co-occurrence narrowed to one speaker or one attribute value. */
const caseFilter = { speaker: z.string().trim().min(1).max(200).optional(), attribute: z.object({ name: z.string().trim().min(1).max(60), value: z.string().trim().min(1).max(200) }).strict().optional() };

export type AnnotationListFilter = z.infer<typeof filter>;

/** An annotation with the names the interface shows next to it. */
export interface AnnotationView extends Annotation {
  documentTitle: string;
  topics: Array<{ id: string; path: string; color: string }>;
  entities: Array<{ id: string; name: string }>;
  recommendations: Array<{ id: string; label: string }>;
  /** Who said it, for transcript passages. */
  speaker?: string;
  /** The user id of the coder who made it (`team.users` gives names). */
  coder: string;
  /** The user id of whoever wrote its latest revision. */
  editedBy: string;
  /** Where the quote lies in each passage it covers (offsets in the passage text), for highlights. */
  ranges: Array<{ passageId: string; start: number; end: number }>;
  /** On a timed transcript: when the quote is said in the recording, in seconds. */
  timeSpan?: { start: number; end: number };
}

/** A codebook entry as the tree and the pickers show it. */
export interface TopicSummary extends Topic {
  path: string;
  depth: number;
  /** Quotes and documents coded with this topic itself. */
  quotes: number;
  documents: number;
  /** Counting quotes coded with any subtopic too. */
  quotesWithSubtopics: number;
}

export interface TopicPageData extends TopicPage {
  quotesWithSubtopics: number;
  documents: number;
  children: TopicSummary[];
}

export interface CooccurrenceData {
  topics: Array<{ id: string; path: string; color: string }>;
  /** counts[i][j]: annotations coded with both topics i and j; the diagonal is each topic's own count. */
  counts: number[][];
  max: number;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
}

export interface ExportedText {
  text: string;
  fileName: string;
  mimeType: string;
  count: number;
}

export const annotationExportFormats = ['md', 'csv', 'w3c'] as const;

export const annotationsMethods = {
  'annotations.list': method<AnnotationView[]>()(filter),
  'annotations.get': method<AnnotationView>()(z.object({ id }).strict()),
  /** Annotates `quote` where it occurs in one passage (the reader's text view and the PDF text layer). */
  'annotations.create': method<AnnotationView>()(
    z
      .object({
        passageId: id,
        quote: z.string().min(1, 'select some text to annotate').max(20_000),
        offsetInPassage: z.number().int().nonnegative().optional(),
        ...content,
      })
      .strict(),
  ),
  /**
   * Annotates a selection that may run over several passages, each end given as a passage and
   * an offset in its text (`PassageSelection`, common): core turns the ends into its anchors,
   * so callers never need to know how core joins passages into a document's text.
   */
  'annotations.createFromSelection': method<AnnotationView>()(z.object({ start: passagePoint, end: passagePoint, ...content }).strict()),
  /**
   * One edit, as the annotation editor's Save makes it: the fields given replace the stored
   * ones (lists are the whole new lists), `topicPaths` adds new topics. One call, one
   * change on disk, one undo step.
   */
  'annotations.edit': method<AnnotationView>()(
    z
      .object({
        id,
        note: note.optional(),
        color: color.optional(),
        topicIds: ids.optional(),
        topicPaths: content.topicPaths,
        entityIds: ids.optional(),
        recommendationIds: ids.optional(),
      })
      .strict(),
  ),
  'annotations.update': method<AnnotationView>()(
    z
      .object({ id, note: note.optional(), color: color.optional() })
      .strict()
      .refine((args) => args.note !== undefined || args.color !== undefined, { message: 'give a note or a colour to change' }),
  ),
  'annotations.code': method<AnnotationView>()(z.object({ id, topicIds: ids.optional(), topicPaths: content.topicPaths }).strict()),
  'annotations.uncode': method<AnnotationView>()(z.object({ id, topicIds: ids.min(1) }).strict()),
  'annotations.link': method<AnnotationView>()(z.object({ id, entityIds: ids.optional(), recommendationIds: ids.optional() }).strict()),
  'annotations.unlink': method<AnnotationView>()(z.object({ id, entityIds: ids.optional(), recommendationIds: ids.optional() }).strict()),
  /**
   * An annotation drafts cite is deleted only with `citedIn: 'keep-tombstone'`: their
   * citations keep resolving (marked "quote deleted") until the author decides. Without it,
   * CONFLICT names the drafts (`details.citedIn`). Answers the drafts that cite it.
   */
  'annotations.delete': method<{ citedIn: CitingDraft[] }>()(z.object({ id, citedIn: z.enum(citedDeleteChoices).optional() }).strict()),
  /** The drafts that cite an annotation (also one deleted with its citations kept), to warn before deleting it. */
  'annotations.citedIn': method<CitingDraft[]>()(z.object({ id }).strict()),
  /** The eight highlight colours with what the user says each means. */
  'annotations.palette': method<PaletteEntry[]>()(z.object({}).strict()),
  'annotations.setColorMeaning': method<PaletteEntry[]>()(z.object({ color, meaning: z.string().max(200) }).strict()),
  /** `bom`: CSV only, start with a UTF-8 byte order mark so that Excel reads the text as UTF-8. */
  'annotations.export': method<ExportedText>()(z.object({ format: z.enum(annotationExportFormats), filter: filter.optional(), bom: z.boolean().optional() }).strict()),

  /** The note on a whole document (bundled or imported), or null when it has none. */
  'annotations.documentNote': method<DocumentNoteView | null>()(z.object({ docId: id }).strict()),
  /** Every document's note (the Library marks the documents that have one). */
  'annotations.documentNotes': method<DocumentNoteView[]>()(z.object({}).strict()),
  /** Writes a document's note (with its author and time); empty text removes it. Answers the note, or null. */
  'annotations.setDocumentNote': method<DocumentNoteView | null>()(
    z.object({ docId: id, text: z.string().max(DOCUMENT_NOTE_MAX, `a document's note holds at most ${DOCUMENT_NOTE_MAX} characters`) }).strict(),
  ),

  'topics.list': method<TopicSummary[]>()(z.object({}).strict()),
  /** Up to nine topics, most recently used first: keys 1–9 apply them to a selection. */
  'topics.recent': method<TopicSummary[]>()(z.object({}).strict()),
  'topics.create': method<TopicSummary>()(
    z.object({ name: topicName, parentId: id.optional(), color: hexColor.optional(), description: z.string().max(10_000).optional() }).strict(),
  ),
  'topics.rename': method<TopicSummary>()(z.object({ id, name: topicName }).strict()),
  'topics.edit': method<TopicSummary>()(z.object({ id, color: hexColor.optional(), description: z.string().max(10_000).optional() }).strict()),
  /** `parentId: null` moves the topic to the top level. */
  'topics.move': method<TopicSummary>()(z.object({ id, parentId: id.nullable() }).strict()),
  'topics.merge': method<void>()(z.object({ sourceId: id, targetId: id }).strict()),
  'topics.delete': method<void>()(
    z.discriminatedUnion('quotes', [
      z.object({ id, quotes: z.literal('uncode') }).strict(),
      z.object({ id, quotes: z.literal('move-to-parent') }).strict(),
      z.object({ id, quotes: z.literal('move-to'), targetId: id }).strict(),
    ]),
  ),
  'topics.page': method<TopicPageData>()(z.object({ topicId: id, includeDescendants: z.boolean().optional(), ...caseFilter }).strict()),
  'topics.cooccurrence': method<CooccurrenceData>()(z.object({ topicIds: ids.optional(), docId: id.optional(), ...caseFilter }).strict()),
  'topics.pairQuotes': method<TopicPageQuote[]>()(z.object({ topicA: id, topicB: id, ...caseFilter }).strict()),
  'topics.exportCodebook': method<ExportedText>()(z.object({ format: z.literal('qdc') }).strict()),

  'undo.state': method<UndoState>()(z.object({}).strict()),
  'undo.undo': method<UndoState & { done: boolean }>()(z.object({}).strict()),
  'undo.redo': method<UndoState & { done: boolean }>()(z.object({}).strict()),
};

/** What changed, so open views (reader, sidebar, topics, evidence panels) refresh. */
export interface AnnotationsChangedEvent {
  docIds: string[];
  topicsChanged: boolean;
  undo: UndoState;
}

declare module '../api/contract' {
  interface EventPayloads {
    'annotations.changed': AnnotationsChangedEvent;
    /** A document's note written or removed (here or by another process). */
    'documentNotes.changed': { docIds: string[] };
  }
}
