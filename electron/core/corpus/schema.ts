import { z } from 'zod';
import { EVENT_DATE_PATTERN, datePrecisions } from './events/event-date';

/**
 * The structured corpus: the contract between the corpus build (scripts/build-corpus.ts),
 * everything in core that reads `resources/corpus/corpus.json`, and the renderer (type-only).
 * Imported documents use the same Document/Passage/Footnote shapes.
 */

export const documentKinds = ['report', 'policy-paper', 'policy-brief', 'discussion-paper', 'article', 'book', 'transcript', 'other'] as const;
export const documentOrigins = ['bundled', 'imported-pdf', 'imported-text', 'imported-transcript', 'imported-docx', 'imported-photo'] as const;

/** The bibliographic fields whose origin a document records (see `provenance`). */
export const metadataFields = ['title', 'subtitle', 'authors', 'editors', 'publishers', 'year', 'place', 'isbn', 'doi', 'url', 'type', 'language'] as const;

/**
 * The item types of CSL 1.0.2, what citations and reference managers know a work as. A
 * document's `type` is one of them when a person chose it; otherwise its kind gives one
 * (`metadata/document-type.ts`).
 */
export const cslTypes = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
] as const;
export type CslType = (typeof cslTypes)[number];
export type MetadataField = (typeof metadataFields)[number];

/**
 * Where a metadata value came from. `printed`: the document prints it (see `location`);
 * `pdf-info`/`xmp`/`docx-core`/`front-matter`: the file's own metadata; `inferred`: worked out
 * from the content (a year from the latest dated content, with `evidence`); `file-name`: nothing
 * better was found; `curated`: the bundled paper's metadata file gives it although the paper
 * does not print it; `user`: typed by the user.
 */
export const metadataSources = ['printed', 'pdf-info', 'xmp', 'docx-core', 'front-matter', 'inferred', 'file-name', 'curated', 'user'] as const;
export type MetadataSource = (typeof metadataSources)[number];

/** Where in the document a printed value stands. */
export const printedLocations = ['cover', 'byline', 'colophon', 'cip', 'copyright-line', 'running-header', 'closing-note', 'first-heading', 'first-page', 'text'] as const;
export type PrintedLocation = (typeof printedLocations)[number];

/** A dated sentence that supports an inferred year. */
export const DateEvidenceSchema = z.object({
  passageId: z.string(),
  /** ISO 8601, partial where the text is: 2024, 2024-03, 2024-03-04. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** The sentence that carries the date, as it stands in the passage. */
  text: z.string().min(1),
});
export type DateEvidence = z.infer<typeof DateEvidenceSchema>;

export const FieldProvenanceSchema = z.object({
  source: z.enum(metadataSources),
  location: z.enum(printedLocations).optional(),
  /** The page it is printed on (the typeset PDF's page for bundled papers). */
  page: z.number().int().positive().optional(),
  /** The passage that prints it, when the words are part of one. */
  passageId: z.string().optional(),
  /** The words as printed or stored, before clean-up ("Prishtinë : QKSS, 2026"). */
  printed: z.string().optional(),
  /** For an inferred value: the passages and dates that justify it, latest first. */
  evidence: z.array(DateEvidenceSchema).optional(),
  /** One sentence for a person, e.g. why the value was chosen over another. */
  note: z.string().optional(),
  /** For a user's edit: when (ISO 8601). */
  editedAt: z.string().optional(),
  /** For a user's edit kept as a record: who (the workspace user id that wrote it). */
  editedBy: z.string().optional(),
});
export type FieldProvenance = z.infer<typeof FieldProvenanceSchema>;
export const ProvenanceSchema = z.partialRecord(z.enum(metadataFields), FieldProvenanceSchema);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const DocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  authors: z.array(z.string()),
  editors: z.array(z.string()).default([]),
  publishers: z.array(z.string()),
  year: z.number().int().optional(),
  isbn: z.string().optional(),
  /** Where it was published (the CIP record's "Prishtinë"). */
  place: z.string().optional(),
  doi: z.string().optional(),
  /** The document's own web address (not its publisher's home page). */
  url: z.string().optional(),
  /** Where each metadata field came from; a field without an entry predates provenance. */
  provenance: ProvenanceSchema.optional(),
  kind: z.enum(documentKinds),
  /** The CSL type a person chose (`metadata.set`); without it the kind gives one. */
  type: z.enum(cslTypes).optional(),
  /** A BCP 47 tag: "en", "sq", "sr-Latn". */
  language: z.string().default('en'),
  origin: z.enum(documentOrigins),
  /** Source text file in seeds/ (bundled) or the original file name (imported). */
  source: z.string(),
  /** Path of the PDF relative to resources/ (bundled) or the document folder (imported); absent for text-only imports. */
  pdf: z.string().optional(),
  pageCount: z.number().int().nonnegative(),
  /** Shown in the document's info, e.g. that the PDF was typeset from the source text. */
  note: z.string().optional(),
  /** Set on an imported document whose saved data cannot be read: it stays listed, marked, so it can be removed or imported again. */
  damaged: z.string().optional(),
  /** An imported recording: its media file (kept in the document folder) and what was read from it. */
  media: z
    .object({
      /** File name inside the document folder (`media.ogg`), served to the player. */
      file: z.string().regex(/^media\.[a-z0-9]{2,5}$/),
      mimeType: z.string(),
      /** Seconds, read from the file's own headers (music-metadata), never guessed. */
      duration: z.number().nonnegative(),
      container: z.string(),
      codec: z.string(),
      video: z.boolean(),
      /** The transcript file kept beside it (`transcript.vtt`), if one was given. */
      transcriptFile: z.string().optional(),
    })
    .optional(),
});
export type CorpusDocument = z.infer<typeof DocumentSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  docId: z.string(),
  title: z.string(),
  level: z.number().int().min(1).max(6),
  order: z.number().int().nonnegative(),
  parentId: z.string().optional(),
  page: z.number().int().positive(),
  /** Back matter (colophon, CIP data, "About KCSS") is kept apart from the body. */
  backMatter: z.boolean().default(false),
});
export type Section = z.infer<typeof SectionSchema>;

export const passageKinds = ['heading', 'paragraph', 'list-item', 'table-row', 'quote', 'footnote'] as const;
export type PassageKind = (typeof passageKinds)[number];

export const InlineLinkSchema = z.object({
  text: z.string(),
  url: z.string(),
  /** Offsets into the passage text (UTF-16 code units, end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type InlineLink = z.infer<typeof InlineLinkSchema>;

export const FootnoteRefSchema = z.object({
  number: z.number().int().positive(),
  /** Offset in the passage text where the marker stood. */
  offset: z.number().int().nonnegative(),
});
export type FootnoteRef = z.infer<typeof FootnoteRefSchema>;

export const PassageSchema = z.object({
  /** Stable: the same seed text always yields the same id. */
  id: z.string(),
  docId: z.string(),
  sectionId: z.string().optional(),
  /** Section titles from the top level down to the passage's own section. */
  sectionPath: z.array(z.string()),
  kind: z.enum(passageKinds),
  text: z.string().min(1),
  /** Table rows keep their cells; `text` joins them with tabs. */
  cells: z.array(z.string()).optional(),
  /** Heading level for kind 'heading'. */
  level: z.number().int().min(1).max(6).optional(),
  page: z.number().int().positive(),
  order: z.number().int().nonnegative(),
  footnoteRefs: z.array(FootnoteRefSchema).default([]),
  links: z.array(InlineLinkSchema).default([]),
  backMatter: z.boolean().default(false),
  /** Transcript turns carry who said them. */
  speaker: z.string().optional(),
  /** Recognised by OCR from a page image (a scan or a photo), with its mean word confidence, 0-1. */
  ocr: z.boolean().optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** A timed transcript's passage: when it is said in the document's recording, in seconds. */
  start: z.number().nonnegative().optional(),
  end: z.number().nonnegative().optional(),
});
export type Passage = z.infer<typeof PassageSchema>;

export const FootnoteSchema = z.object({
  docId: z.string(),
  number: z.number().int().positive(),
  text: z.string(),
  urls: z.array(z.string()),
  /** Passage ids whose text carries this footnote's marker. */
  citedBy: z.array(z.string()),
  page: z.number().int().positive().optional(),
});
export type Footnote = z.infer<typeof FootnoteSchema>;

export const entityTypes = ['person', 'organisation', 'place', 'event', 'law-or-agreement', 'strategy'] as const;
export type EntityType = (typeof entityTypes)[number];

export const EntitySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  type: z.enum(entityTypes),
  aliases: z.array(z.string()),
  description: z.string(),
  /** true for entities a user added in their workspace. */
  userDefined: z.boolean().default(false),
});
export type Entity = z.infer<typeof EntitySchema>;

export const MentionSchema = z.object({
  entityId: z.string(),
  passageId: z.string(),
  docId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text as it stands in the passage (the alias actually used). */
  text: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const RecommendationSchema = z.object({
  id: z.string(),
  docId: z.string(),
  ordinal: z.number().int().positive(),
  title: z.string(),
  text: z.string(),
  addressees: z.array(z.string()),
  themes: z.array(z.string()).default([]),
  passageId: z.string(),
  /** Further passages of a recommendation that runs over several paragraphs. */
  passageIds: z.array(z.string()).default([]),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const eventKinds = ['security-incident', 'military', 'agreement', 'election', 'diplomatic', 'legal', 'institutional', 'economic', 'meeting', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];

/** Where one paper speaks of an event: its passages, and the sentences in them. */
export const EventSourceSchema = z.object({
  docId: z.string(),
  /** In reading order. */
  passageIds: z.array(z.string()).min(1),
  /** The sentences that mention the event (offsets in their passage's text). */
  quotes: z.array(z.object({ passageId: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).min(1),
});
export type EventSource = z.infer<typeof EventSourceSchema>;

export const EventSchema = z.object({
  /** Stable: derived from the date and the event's name or title, so rebuilding the corpus keeps it. */
  id: z.string().regex(/^event-[a-z0-9-]+$/),
  /** EDTF (ISO 8601-2) at the precision the papers give: 2023, 2023-09, 2023-09-24, 2013-39 (late 2013), 2015/2016. */
  date: z.string().regex(EVENT_DATE_PATTERN),
  precision: z.enum(datePrecisions),
  /** The days the date covers, both inclusive (a month is a span, not its first day). */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(eventKinds),
  /** A noun phrase or a clause: "Banjska attack", "Kenya recognizes Kosovo". */
  title: z.string().min(1),
  entityIds: z.array(z.string()),
  /** One per paper, in corpus order. */
  sources: z.array(EventSourceSchema).min(1),
});
export type CorpusEvent = z.infer<typeof EventSchema>;

export const StatisticSchema = z.object({
  id: z.string(),
  docId: z.string(),
  passageId: z.string(),
  /** The figure as printed, e.g. "92 percent", "up to 1,000 more troops", and its numeric value. */
  label: z.string(),
  value: z.number(),
  /** "percent", "EUR", "USD", or what is counted, one word for one thing ("troops" for troops and soldiers). */
  unit: z.string(),
  /** What about it is counted: "injured", "additional", "requested", "imports"…, '' for a plain count or amount. */
  measure: z.string().default(''),
  /** Whose figure it is: "KFOR" for "KFOR has about 5,200 troops". */
  entityId: z.string().optional(),
  /** The date the figure refers to (EDTF), from its sentence or the passage before it. */
  asOf: z.string().regex(EVENT_DATE_PATTERN).optional(),
  /** What the figure measures, from the sentence around it. */
  claim: z.string(),
  source: z.string().optional(),
  year: z.number().int().optional(),
});
export type Statistic = z.infer<typeof StatisticSchema>;

export const CorpusSchema = z.object({
  /** 2: events carry precision, kind, span and their sources per paper. */
  schemaVersion: z.literal(2),
  documents: z.array(DocumentSchema),
  sections: z.array(SectionSchema),
  passages: z.array(PassageSchema),
  footnotes: z.array(FootnoteSchema),
  entities: z.array(EntitySchema),
  mentions: z.array(MentionSchema),
  recommendations: z.array(RecommendationSchema),
  events: z.array(EventSchema),
  statistics: z.array(StatisticSchema),
});
export type Corpus = z.infer<typeof CorpusSchema>;
