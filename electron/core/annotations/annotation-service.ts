import { randomUUID } from 'node:crypto';
import { documentNotesCollection } from './document-notes';
import type { DocumentText } from '../anchoring/document-text';
import { WorkbenchError } from '../api/errors';
import type { RecordSet, Transaction, Workspace } from '../store';
import { topicsCollection, type RecodeReceipt, type Topic, type TopicReferences, type TopicService } from '../topics';
import { runCommand, type UndoStack } from '../undo/undo-stack';
import { filterAnnotations, byDocumentPosition, type AnnotationFilter } from './annotation-filter';
import { AnnotationsByDocument } from './annotation-index';
import { AnnotationSchema, annotationsCollection, type Annotation } from './annotation-schema';
import { requireDocumentText, resolveTarget, type TargetInput } from './annotation-target';
import { annotationsCodedWithBoth, cooccurrenceMatrix, topicCounts, type CooccurrenceMatrix, type TopicCount } from './coding-statistics';
import type { CorpusLookup } from './corpus-lookup';
import { reanchorDocument, type ReanchorReport } from './reanchor';
import { definedOnly, union, unique, without } from './record-helpers';
import { defaultColor, type ColorKey } from './palette';
import { topicPageQuote, type TopicPage, type TopicPageQuote } from './topic-page';
import { annotationTombstonesCollection, type AnnotationTombstone, type CitedDeleteChoice, type CitingDraft, type CitingDraftsQuery } from './tombstones';

/** What an annotation carries besides its target. */
export interface AnnotationContent {
  color?: ColorKey;
  note?: string;
  topicIds?: string[];
  /** New topics by path ("Security / Trust in police"), created with their parents in the same change. */
  topicPaths?: string[];
  entityIds?: string[];
  recommendationIds?: string[];
}

export type CreateAnnotationInput = TargetInput & AnnotationContent;

/** An annotation read from another tool's file: document offsets (UTF-16, as `DocumentText`), its coder and time. */
export interface ImportedAnnotationInput {
  docId: string;
  start: number;
  end: number;
  topicIds: string[];
  note?: string;
  color?: ColorKey;
  /** Links kept by a W3C round trip; each must exist here (`linkExists`). */
  entityIds?: string[];
  recommendationIds?: string[];
  createdBy?: string;
  createdAt: string;
  /** When it was last changed where it came from; the creation time when absent. */
  updatedAt?: string;
}

/**
 * One edit of an annotation: the fields given replace the stored ones (lists are the new
 * lists); `topicPaths` adds topics, created if missing. One transaction, one undo step.
 */
export interface AnnotationEdit {
  note?: string;
  color?: ColorKey;
  topicIds?: string[];
  topicPaths?: string[];
  entityIds?: string[];
  recommendationIds?: string[];
}

export type { ReanchorReport } from './reanchor';

export interface AnnotationServiceOptions {
  undo?: UndoStack;
  now?: () => Date;
  newId?: () => string;
}

/** What becomes of the annotations of a document that is removed. */
export type RemovedDocumentAnnotations = 'delete' | 'keep-as-orphans';

/**
 * Annotations: create, edit, delete, query. Every user change is validated here, once, in
 * full; it is one transaction (with the topics it creates) and one command on the undo stack.
 */
export class AnnotationService implements TopicReferences {
  private readonly records: RecordSet<Annotation>;
  private readonly tombstones: RecordSet<AnnotationTombstone>;
  private citingDrafts: CitingDraftsQuery = () => [];
  private readonly byDocument: AnnotationsByDocument;
  private readonly undo: UndoStack | undefined;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly workspace: Workspace,
    private readonly topics: TopicService,
    private readonly lookup: CorpusLookup,
    options: AnnotationServiceOptions = {},
  ) {
    this.records = workspace.records(annotationsCollection);
    this.tombstones = workspace.records(annotationTombstonesCollection);
    this.byDocument = new AnnotationsByDocument(this.records);
    this.undo = options.undo;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `ann-${randomUUID()}`);
    topics.attachReferences(this);
  }

  get(id: string): Annotation | undefined {
    return this.records.get(id);
  }

  /** The user id of the annotation's coder: who made it, or for annotations older than users, who last wrote it. */
  coderOf(annotation: Annotation): string {
    return annotation.createdBy ?? this.records.entry(annotation.id)?.author ?? 'unknown';
  }

  /** The user id of whoever wrote the annotation's latest revision. */
  lastEditorOf(annotation: Annotation): string {
    return this.records.entry(annotation.id)?.author ?? this.coderOf(annotation);
  }

  require(id: string): Annotation {
    const annotation = this.records.get(id);
    if (!annotation) throw new WorkbenchError('NOT_FOUND', `There is no annotation with id ${id}. It may have been deleted.`, { annotationId: id });
    return annotation;
  }

  /** Every annotation, in no particular order. Do not change the list or its records. */
  all(): readonly Annotation[] {
    return this.records.all();
  }

  list(filter: AnnotationFilter = {}): Annotation[] {
    if (filter.topicId !== undefined) this.topics.require(filter.topicId);
    const candidates = filter.docId !== undefined ? this.byDocument.ofDocument(filter.docId) : this.all();
    return filterAnnotations(candidates, filter, { topics: this.topics.tree(), lookup: this.lookup, coderOf: (annotation) => this.coderOf(annotation) });
  }

  ofDocument(docId: string): Annotation[] {
    return this.byDocument.ofDocument(docId);
  }

  /** Documents that have annotations. */
  documentIds(): string[] {
    return this.byDocument.documentIds();
  }

  get count(): number {
    return this.records.size;
  }

  /** Annotates a quote in a passage or a range of a document, with its topics (new ones created), links and note. */
  async create(input: CreateAnnotationInput): Promise<Annotation> {
    const { docId, target } = resolveTarget(this.lookup, input);
    const id = this.newId();
    const timestamp = this.now().toISOString();
    let created: Topic[] = [];
    return runCommand(this.undo, {
      label: 'Create annotation',
      do: () =>
        this.workspace.transact((tx) => {
          const staged = this.topics.stagePaths(tx, input.topicPaths ?? []);
          created = staged.created;
          const annotation = this.validated({
            id,
            docId,
            target,
            color: input.color ?? defaultColor,
            note: input.note ?? '',
            topicIds: unique([...(input.topicIds ?? []), ...staged.ids]),
            entityIds: unique(input.entityIds ?? []),
            recommendationIds: unique(input.recommendationIds ?? []),
            createdAt: timestamp,
            updatedAt: timestamp,
            anchorStatus: 'anchored',
            createdBy: this.workspace.user.id,
          });
          this.assertReferencesExist(annotation, created);
          tx.put(annotationsCollection, annotation);
          return annotation;
        }),
      undo: () =>
        this.workspace.transact((tx) => {
          tx.delete(annotationsCollection, id);
          for (const topic of created) tx.delete(topicsCollection, topic.id);
        }),
    });
  }

  /** Annotates a quote in one passage (the reader's text view and the PDF text layer). */
  createFromQuote(input: Extract<TargetInput, { passageId: string }> & AnnotationContent): Promise<Annotation> {
    return this.create(input);
  }

  /** Annotates a selection between two passage points, or a range of a document's text; either may run over several passages. */
  createFromSelection(input: Exclude<TargetInput, { passageId: string }> & AnnotationContent): Promise<Annotation> {
    return this.create(input);
  }

  /** Applies one edit (note, colour, topics, links) as one change and one undo step. */
  async edit(id: string, edit: AnnotationEdit, label = 'Edit annotation'): Promise<Annotation> {
    const current = this.require(id);
    const newTopics = (edit.topicPaths ?? []).length > 0;
    if (!newTopics && isUnchanged(current, edit)) return current;
    let before = current;
    let created: Topic[] = [];
    return runCommand(this.undo, {
      label,
      do: () =>
        this.workspace.transact((tx) => {
          // Read through the transaction: an edit made just before in the same batch counts.
          before = tx.get(annotationsCollection, id) ?? this.require(id);
          const staged = this.topics.stagePaths(tx, edit.topicPaths ?? []);
          created = staged.created;
          const after = this.validated({
            ...before,
            ...definedOnly({
              note: edit.note,
              color: edit.color,
              entityIds: edit.entityIds && unique(edit.entityIds),
              recommendationIds: edit.recommendationIds && unique(edit.recommendationIds),
            }),
            topicIds: unique([...(edit.topicIds ?? before.topicIds), ...staged.ids]),
            updatedAt: this.now().toISOString(),
          });
          this.assertReferencesExist(after, created);
          tx.put(annotationsCollection, after);
          return after;
        }),
      undo: () =>
        this.workspace.transact((tx) => {
          tx.put(annotationsCollection, before);
          for (const topic of created) tx.delete(topicsCollection, topic.id);
        }),
    });
  }

  /** Changes the note and/or colour. */
  update(id: string, patch: Pick<AnnotationEdit, 'note' | 'color'>): Promise<Annotation> {
    return this.edit(id, patch);
  }

  code(id: string, topicIds: string[], topicPaths: string[] = []): Promise<Annotation> {
    const before = this.require(id);
    return this.edit(id, { topicIds: union(before.topicIds, topicIds), topicPaths }, 'Code annotation');
  }

  uncode(id: string, topicIds: string[]): Promise<Annotation> {
    const before = this.require(id);
    return this.edit(id, { topicIds: without(before.topicIds, topicIds) }, 'Uncode annotation');
  }

  link(id: string, links: { entityIds?: string[]; recommendationIds?: string[] }): Promise<Annotation> {
    const before = this.require(id);
    return this.edit(
      id,
      { entityIds: union(before.entityIds, links.entityIds ?? []), recommendationIds: union(before.recommendationIds, links.recommendationIds ?? []) },
      'Link annotation',
    );
  }

  unlink(id: string, links: { entityIds?: string[]; recommendationIds?: string[] }): Promise<Annotation> {
    const before = this.require(id);
    return this.edit(
      id,
      { entityIds: without(before.entityIds, links.entityIds ?? []), recommendationIds: without(before.recommendationIds, links.recommendationIds ?? []) },
      'Unlink annotation',
    );
  }

  /** The drafts area answers which drafts cite an annotation (it attaches itself when it starts). */
  attachCitations(query: CitingDraftsQuery): void {
    this.citingDrafts = query;
  }

  /** The drafts that cite the annotation (deleted or not), trashed ones included and marked. */
  citedIn(id: string): CitingDraft[] {
    return this.citingDrafts(id);
  }

  /** What is left of an annotation deleted while drafts cited it, so their citations still resolve. */
  tombstone(id: string): AnnotationTombstone | undefined {
    return this.tombstones.get(id);
  }

  /**
   * Deletes an annotation. One that drafts cite is deleted only when the caller says what
   * becomes of those citations (`citedIn: 'keep-tombstone'`): they keep resolving to its
   * document and passage through a tombstone, marked as a deleted quote, until the author
   * decides in each draft. Without it, CONFLICT names the drafts (`details.citedIn`), so the
   * app and the CLI can warn. Undo brings the annotation back and takes the tombstone away.
   */
  async delete(id: string, options: { citedIn?: CitedDeleteChoice } = {}): Promise<{ citedIn: CitingDraft[] }> {
    const annotation = this.require(id);
    const citing = this.citedIn(id);
    if (citing.length > 0 && options.citedIn !== 'keep-tombstone') throw citedError(annotation, citing);
    const previousTombstone = this.tombstones.get(id);
    const tombstone: AnnotationTombstone | undefined =
      citing.length === 0 ? undefined : { id, annotation, deletedAt: this.now().toISOString(), deletedBy: this.workspace.user.id };
    await runCommand(this.undo, {
      label: 'Delete annotation',
      do: () =>
        this.workspace.transact((tx) => {
          if (!tx.get(annotationsCollection, id)) this.require(id);
          tx.delete(annotationsCollection, id);
          if (tombstone) tx.put(annotationTombstonesCollection, tombstone);
        }),
      undo: () =>
        this.workspace.transact((tx) => {
          tx.put(annotationsCollection, annotation);
          if (previousTombstone) tx.put(annotationTombstonesCollection, previousTombstone);
          else if (tx.get(annotationTombstonesCollection, id)) tx.delete(annotationTombstonesCollection, id);
        }),
    });
    return { citedIn: citing };
  }

  /**
   * Finds every annotation of a document again after its text changed. Orphans keep their
   * last selectors (so a later text may still find them) and are never deleted. Not an
   * undoable command: it follows the document, not a user's edit. One transaction.
   */
  async reanchorAll(docId: string): Promise<ReanchorReport> {
    const doc = requireDocumentText(this.lookup, docId);
    const { report, changes } = reanchorDocument(docId, this.ofDocument(docId), doc);
    if (changes.size > 0) {
      await this.workspace.transact((tx) => {
        for (const next of changes.values()) if (tx.get(annotationsCollection, next.id)) tx.put(annotationsCollection, next);
      });
    }
    return report;
  }

  /**
   * Stages an annotation brought in from elsewhere (a REFI-QDA project) inside the caller's
   * transaction: a range of a document's text, with its coder and creation time kept.
   * Topics may be staged in the same transaction. Not an undoable command.
   */
  stageImported(tx: Transaction, input: ImportedAnnotationInput): Annotation {
    const { docId, target } = resolveTarget(this.lookup, { docId: input.docId, start: input.start, end: input.end }, { keepEdgeWhiteSpace: true });
    const missingTopics = input.topicIds.filter((id) => !tx.get(topicsCollection, id));
    if (missingTopics.length > 0) throw new WorkbenchError('NOT_FOUND', `Unknown topic ${missingTopics.join(', ')}.`, { missing: missingTopics });
    const annotation = this.validated({
      id: this.newId(),
      docId,
      target,
      color: input.color ?? defaultColor,
      note: input.note ?? '',
      topicIds: unique(input.topicIds),
      entityIds: unique(input.entityIds ?? []),
      recommendationIds: unique(input.recommendationIds ?? []),
      createdAt: input.createdAt,
      updatedAt: input.updatedAt && input.updatedAt >= input.createdAt ? input.updatedAt : input.createdAt,
      anchorStatus: 'anchored',
      createdBy: input.createdBy ?? this.workspace.user.id,
    });
    const missingLinks = [
      ...annotation.entityIds.filter((id) => !this.linkExists('entity', id)).map((id) => `entity ${id}`),
      ...annotation.recommendationIds.filter((id) => !this.linkExists('recommendation', id)).map((id) => `recommendation ${id}`),
    ];
    if (missingLinks.length > 0) throw new WorkbenchError('NOT_FOUND', `Unknown ${missingLinks.join(', ')}.`, { missing: missingLinks });
    tx.put(annotationsCollection, annotation);
    return annotation;
  }

  /** Whether an entity (bundled or a user's) or a recommendation with this id exists here. */
  linkExists(kind: 'entity' | 'recommendation', id: string): boolean {
    return kind === 'entity' ? this.lookup.entityExists(id) : this.lookup.recommendationExists(id);
  }

  /**
   * Inside another area's change (a document anonymised): puts an annotation rewritten by
   * that area (its quote and note with names replaced) as given, checked against the schema.
   * The caller's command takes care of undo.
   */
  stageReplacement(tx: Transaction, annotation: Annotation): void {
    if (!tx.get(annotationsCollection, annotation.id)) this.require(annotation.id);
    tx.put(annotationsCollection, this.validated(annotation));
  }

  /** What is left of a document's deleted, cited annotations (their tombstones keep the quote). */
  tombstonesOf(docId: string): AnnotationTombstone[] {
    return this.tombstones.all().filter((tombstone) => tombstone.annotation.docId === docId);
  }

  /** Inside another area's change (a document anonymised): puts a tombstone whose annotation that area rewrote. */
  stageTombstone(tx: Transaction, tombstone: AnnotationTombstone): void {
    if (tx.get(annotationTombstonesCollection, tombstone.id)) tx.put(annotationTombstonesCollection, { ...tombstone, annotation: this.validated(tombstone.annotation) });
  }

  /** Inside another area's change (auto-coding taken back): deletes an annotation it made. */
  stageDeletion(tx: Transaction, id: string): void {
    if (tx.get(annotationsCollection, id)) tx.delete(annotationsCollection, id);
  }

  /** Inside the removal of an imported document: its annotations deleted, or kept as orphans. */
  stageDocumentRemoval(tx: Transaction, docId: string, choice: RemovedDocumentAnnotations): number {
    const affected = this.ofDocument(docId).flatMap((stored) => tx.get(annotationsCollection, stored.id) ?? []);
    for (const annotation of affected) {
      if (choice === 'delete') tx.delete(annotationsCollection, annotation.id);
      else tx.put(annotationsCollection, { ...annotation, anchorStatus: 'orphan' });
    }
    // The document's own note goes with its annotations; kept, it waits for the document to come back.
    if (choice === 'delete' && tx.get(documentNotesCollection, docId)) tx.delete(documentNotesCollection, docId);
    return affected.length;
  }

  // --- TopicReferences: called by the topic service inside its own transaction ---

  recode(tx: Transaction, fromTopicId: string, toTopicId: string | undefined): RecodeReceipt {
    const receipt: RecodeReceipt = { previous: [] };
    for (const stored of this.records.values()) {
      const annotation = tx.get(annotationsCollection, stored.id);
      if (!annotation?.topicIds.includes(fromTopicId)) continue;
      receipt.previous.push({ annotationId: annotation.id, topicIds: [...annotation.topicIds] });
      const kept = annotation.topicIds.filter((id) => id !== fromTopicId);
      const topicIds = toTopicId === undefined || kept.includes(toTopicId) ? kept : [...kept, toTopicId];
      tx.put(annotationsCollection, { ...annotation, topicIds });
    }
    return receipt;
  }

  restore(tx: Transaction, receipt: RecodeReceipt): void {
    for (const { annotationId, topicIds } of receipt.previous) {
      const annotation = tx.get(annotationsCollection, annotationId);
      if (annotation) tx.put(annotationsCollection, { ...annotation, topicIds: [...topicIds] });
    }
  }

  // --- Coding analysis ---

  /** Co-occurrence of the given topics (all topics by default) over the filtered annotations. */
  cooccurrence(topicIds?: string[], filter: AnnotationFilter = {}): CooccurrenceMatrix {
    return cooccurrenceMatrix(this.list(filter), topicIds ?? this.topics.list().map((topic) => topic.id));
  }

  quotesForPair(topicA: string, topicB: string, filter: Pick<AnnotationFilter, 'speaker' | 'attribute'> = {}): Annotation[] {
    this.topics.require(topicA);
    this.topics.require(topicB);
    const candidates = filter.speaker !== undefined || filter.attribute !== undefined ? this.list(filter) : this.all();
    return annotationsCodedWithBoth(candidates, topicA, topicB).sort(byDocumentPosition);
  }

  topicCounts(options: { includeDescendants?: boolean } = {}): TopicCount[] {
    const tree = this.topics.tree();
    return topicCounts(this.all(), tree, this.topics.list().map((topic) => topic.id), options.includeDescendants);
  }

  /** Every quote under a topic with its document, speaker, context and note. */
  topicPage(topicId: string, options: { includeDescendants?: boolean } & Pick<AnnotationFilter, 'speaker' | 'attribute'> = {}): TopicPage {
    const topic = this.topics.require(topicId);
    const texts = new Map<string, DocumentText | undefined>();
    const documentText = (docId: string) => {
      if (!texts.has(docId)) texts.set(docId, this.lookup.getDocumentText(docId));
      return texts.get(docId);
    };
    const quotes: TopicPageQuote[] = this.list({ ...options, topicId, includeDescendants: options.includeDescendants ?? false }).map((annotation) =>
      topicPageQuote(annotation, this.lookup, documentText),
    );
    return { topic, path: this.topics.path(topicId), quotes };
  }

  close(): void {
    this.byDocument.close();
  }

  // --- internals ---

  private validated(candidate: unknown): Annotation {
    const parsed = AnnotationSchema.safeParse(candidate);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'annotation'}: ${issue.message}`).join('; ');
      throw new WorkbenchError('BAD_REQUEST', `The annotation is not valid: ${problems}`);
    }
    return parsed.data;
  }

  /** NOT_FOUND naming every unknown id, so the caller can fix them all at once. */
  private assertReferencesExist(annotation: Annotation, stagedTopics: readonly Topic[]): void {
    const staged = new Set(stagedTopics.map((topic) => topic.id));
    const missing = [
      ...annotation.topicIds.filter((id) => !staged.has(id) && !this.topics.get(id)).map((id) => `topic ${id}`),
      ...annotation.entityIds.filter((id) => !this.lookup.entityExists(id)).map((id) => `entity ${id}`),
      ...annotation.recommendationIds.filter((id) => !this.lookup.recommendationExists(id)).map((id) => `recommendation ${id}`),
    ];
    if (missing.length > 0) throw new WorkbenchError('NOT_FOUND', `Unknown ${missing.join(', ')}.`, { missing });
  }
}

function citedError(annotation: Annotation, citing: CitingDraft[]): WorkbenchError {
  const quote = annotation.target.selectors.quote.exact;
  const short = quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
  const drafts = citing
    .map((draft) => `"${draft.title}" (${draft.citations} citation${draft.citations === 1 ? '' : 's'}${draft.trashed ? ', in the trash' : ''})`)
    .join(', ');
  return new WorkbenchError(
    'CONFLICT',
    `The annotation "${short}" is cited in ${citing.length === 1 ? 'a draft' : `${citing.length} drafts`}: ${drafts}. ` +
      'Deleting it keeps those citations (and their bibliography entries) pointing at its passage, marked "quote deleted", until you decide in each draft. ' +
      'To delete it anyway, confirm with citedIn: "keep-tombstone".',
    { annotationId: annotation.id, citedIn: citing },
  );
}

function isUnchanged(current: Annotation, edit: AnnotationEdit): boolean {
  const sameList = (next: string[] | undefined, stored: string[]) => next === undefined || (next.length === stored.length && next.every((id, index) => id === stored[index]));
  return (
    (edit.note === undefined || edit.note === current.note) &&
    (edit.color === undefined || edit.color === current.color) &&
    sameList(edit.topicIds === undefined ? undefined : unique(edit.topicIds), current.topicIds) &&
    sameList(edit.entityIds === undefined ? undefined : unique(edit.entityIds), current.entityIds) &&
    sameList(edit.recommendationIds === undefined ? undefined : unique(edit.recommendationIds), current.recommendationIds)
  );
}
