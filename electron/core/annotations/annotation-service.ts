import { randomUUID } from 'node:crypto';
import { describe } from '../anchoring/describe';
import { documentRangeToPassages, passageOffsetToDocument, type DocumentText } from '../anchoring/document-text';
import { WorkbenchError } from '../api/errors';
import type { CollectionHandle } from '../store/types';
import type { TopicService } from '../topics/topic-service';
import type { RecodeReceipt, TopicReferences } from '../topics/topic-references';
import { runCommand, type UndoStack } from '../undo/undo-stack';
import { AnnotationIndex } from './annotation-index';
import { filterAnnotations, byDocumentPosition, type AnnotationFilter } from './annotation-filter';
import { AnnotationSchema, type Annotation, type AnnotationsData } from './annotation-schema';
import { annotationsCodedWithBoth, cooccurrenceMatrix, topicCounts, type CooccurrenceMatrix, type TopicCount } from './coding-statistics';
import type { CorpusLookup } from './corpus-lookup';
import { locateQuote } from './locate-quote';
import { reanchorDocument, type ReanchorReport } from './reanchor';
import { definedOnly, removeById, shorten, union, unique, without } from './record-helpers';
import { defaultColor, type ColorKey } from './palette';
import { topicPageQuote, type TopicPage, type TopicPageQuote } from './topic-page';

/** What a new annotation carries besides its target. */
export interface AnnotationContent {
  color?: ColorKey;
  note?: string;
  topicIds?: string[];
  entityIds?: string[];
  recommendationIds?: string[];
}

export interface CreateFromQuoteInput extends AnnotationContent {
  passageId: string;
  /** The selected text; it must occur in the passage. */
  quote: string;
  /** Where in the passage the selection started, to pick among repeated quotes. */
  offsetInPassage?: number;
}

export interface CreateFromSelectionInput extends AnnotationContent {
  docId: string;
  /** Offsets in the document text (see anchoring/document-text), end exclusive. */
  start: number;
  end: number;
}

export type { ReanchorReport } from './reanchor';

export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'note' | 'topicIds' | 'entityIds' | 'recommendationIds'>>;

export interface AnnotationServiceOptions {
  undo?: UndoStack;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Annotations: create, edit, link, code, delete, query. Every user change is validated in
 * full before anything is written, is one write to the annotations file, and is one
 * command on the undo stack.
 */
export class AnnotationService implements TopicReferences {
  private readonly index: AnnotationIndex;
  private readonly undo: UndoStack | undefined;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly handle: CollectionHandle<AnnotationsData>,
    private readonly topics: TopicService,
    private readonly lookup: CorpusLookup,
    options: AnnotationServiceOptions = {},
  ) {
    this.index = new AnnotationIndex(() => this.handle.get().annotations);
    this.undo = options.undo;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `ann-${randomUUID()}`);
    topics.attachReferences(this);
  }

  get(id: string): Annotation | undefined {
    return this.index.get(id);
  }

  require(id: string): Annotation {
    const annotation = this.index.get(id);
    if (!annotation) throw new WorkbenchError('NOT_FOUND', `There is no annotation with id ${id}. It may have been deleted.`, { annotationId: id });
    return annotation;
  }

  list(filter: AnnotationFilter = {}): Annotation[] {
    if (filter.topicId !== undefined) this.topics.require(filter.topicId);
    const candidates = filter.docId !== undefined ? this.index.ofDocument(filter.docId) : this.index.all();
    return filterAnnotations(candidates, filter, { topics: this.topics.tree(), lookup: this.lookup });
  }

  get count(): number {
    return this.index.all().length;
  }

  /** Annotates `quote` where it occurs in one passage. */
  async createFromQuote(input: CreateFromQuoteInput): Promise<Annotation> {
    const passage = this.lookup.getPassage(input.passageId);
    if (!passage) throw new WorkbenchError('NOT_FOUND', `There is no passage with id ${input.passageId}.`, { passageId: input.passageId });
    if (!input.quote.trim()) throw new WorkbenchError('BAD_REQUEST', 'Select some text to annotate: the quote is empty.');
    const found = locateQuote(passage.text, input.quote, input.offsetInPassage);
    if (!found) {
      throw new WorkbenchError('BAD_REQUEST', `The quote "${shorten(input.quote)}" is not in passage ${passage.id}. Select the text again.`, { passageId: passage.id });
    }
    const doc = this.requireDocumentText(passage.docId);
    const start = passageOffsetToDocument(doc, passage.id, found.start);
    if (start === undefined) throw new WorkbenchError('NOT_FOUND', `Passage ${passage.id} is not part of the text of document ${passage.docId}.`);
    return this.insert(this.build(passage.docId, doc, start, start + (found.end - found.start), input));
  }

  /** Annotates a document-text range, which may run over several passages. */
  async createFromSelection(input: CreateFromSelectionInput): Promise<Annotation> {
    const doc = this.requireDocumentText(input.docId);
    if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.start < 0 || input.end > doc.text.length || input.start >= input.end) {
      throw new WorkbenchError('BAD_REQUEST', `The selection ${input.start}-${input.end} is not a range within document ${input.docId}.`);
    }
    // Leading or trailing blank lines come from dragging over a paragraph break; drop them.
    let { start, end } = input;
    while (start < end && /\s/.test(doc.text[start]!)) start += 1;
    while (end > start && /\s/.test(doc.text[end - 1]!)) end -= 1;
    if (start >= end) throw new WorkbenchError('BAD_REQUEST', 'Select some text to annotate: the selection is only white space.');
    return this.insert(this.build(input.docId, doc, start, end, input));
  }

  async update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    const before = this.require(id);
    const after = this.validated({ ...before, ...definedOnly(patch), updatedAt: this.now().toISOString() });
    this.assertReferencesExist(after);
    return this.replace('Edit annotation', before, after);
  }

  async code(id: string, topicIds: string[]): Promise<Annotation> {
    const before = this.require(id);
    return this.changeLinks('Code annotation', before, { topicIds: union(before.topicIds, topicIds) });
  }

  async uncode(id: string, topicIds: string[]): Promise<Annotation> {
    const before = this.require(id);
    return this.changeLinks('Uncode annotation', before, { topicIds: without(before.topicIds, topicIds) });
  }

  async link(id: string, links: { entityIds?: string[]; recommendationIds?: string[] }): Promise<Annotation> {
    const before = this.require(id);
    return this.changeLinks('Link annotation', before, {
      entityIds: union(before.entityIds, links.entityIds ?? []),
      recommendationIds: union(before.recommendationIds, links.recommendationIds ?? []),
    });
  }

  async unlink(id: string, links: { entityIds?: string[]; recommendationIds?: string[] }): Promise<Annotation> {
    const before = this.require(id);
    return this.changeLinks('Unlink annotation', before, {
      entityIds: without(before.entityIds, links.entityIds ?? []),
      recommendationIds: without(before.recommendationIds, links.recommendationIds ?? []),
    });
  }

  async delete(id: string): Promise<void> {
    const annotation = this.require(id);
    const position = this.index.position(id) ?? this.count;
    await runCommand(this.undo, {
      label: 'Delete annotation',
      do: () => this.write((data) => removeById(data, id)),
      undo: () =>
        this.write((data) => {
          data.annotations.splice(Math.min(position, data.annotations.length), 0, structuredClone(annotation));
        }),
    });
  }

  /**
   * Finds every annotation of a document again after its text changed. Orphans keep their
   * last selectors (so a later text may still find them) and are never deleted. Not an
   * undoable command: it follows the document, not a user's edit. One write.
   */
  async reanchorAll(docId: string): Promise<ReanchorReport> {
    const doc = this.requireDocumentText(docId);
    const { report, changes } = reanchorDocument(docId, this.index.ofDocument(docId), doc);
    if (changes.size > 0) {
      await this.write((data) => {
        data.annotations.forEach((annotation, position) => {
          const next = changes.get(annotation.id);
          if (next) data.annotations[position] = next;
        });
      }, false);
    }
    return report;
  }

  // --- TopicReferences: called by the topic service inside its own undoable command ---

  async recode(fromTopicId: string, toTopicId: string | undefined): Promise<RecodeReceipt> {
    const receipt: RecodeReceipt = { previous: [] };
    const affected = this.index.all().filter((annotation) => annotation.topicIds.includes(fromTopicId));
    if (affected.length === 0) return receipt;
    await this.write((data) => {
      // Records are replaced, not mutated: caches keyed by record (search text) stay honest.
      data.annotations.forEach((annotation, position) => {
        if (!annotation.topicIds.includes(fromTopicId)) return;
        receipt.previous.push({ annotationId: annotation.id, topicIds: [...annotation.topicIds] });
        const kept = annotation.topicIds.filter((id) => id !== fromTopicId);
        const topicIds = toTopicId === undefined || kept.includes(toTopicId) ? kept : [...kept, toTopicId];
        data.annotations[position] = { ...annotation, topicIds };
      });
    }, false);
    return receipt;
  }

  async restore(receipt: RecodeReceipt): Promise<void> {
    if (receipt.previous.length === 0) return;
    const previous = new Map(receipt.previous.map((entry) => [entry.annotationId, entry.topicIds]));
    await this.write((data) => {
      data.annotations.forEach((annotation, position) => {
        const topicIds = previous.get(annotation.id);
        if (topicIds) data.annotations[position] = { ...annotation, topicIds: [...topicIds] };
      });
    }, false);
  }

  // --- Coding analysis ---

  /** Co-occurrence of the given topics (all topics by default) over the filtered annotations. */
  cooccurrence(topicIds?: string[], filter: AnnotationFilter = {}): CooccurrenceMatrix {
    return cooccurrenceMatrix(this.list(filter), topicIds ?? this.topics.list().map((topic) => topic.id));
  }

  quotesForPair(topicA: string, topicB: string): Annotation[] {
    this.topics.require(topicA);
    this.topics.require(topicB);
    return annotationsCodedWithBoth(this.index.all(), topicA, topicB).sort(byDocumentPosition);
  }

  topicCounts(options: { includeDescendants?: boolean } = {}): TopicCount[] {
    const tree = this.topics.tree();
    return topicCounts(this.index.all(), tree, this.topics.list().map((topic) => topic.id), options.includeDescendants);
  }

  /** Every quote under a topic with its document, speaker, context and note. */
  topicPage(topicId: string, options: { includeDescendants?: boolean } = {}): TopicPage {
    const topic = this.topics.require(topicId);
    const texts = new Map<string, DocumentText | undefined>();
    const documentText = (docId: string) => {
      if (!texts.has(docId)) texts.set(docId, this.lookup.getDocumentText(docId));
      return texts.get(docId);
    };
    const quotes: TopicPageQuote[] = this.list({ topicId, includeDescendants: options.includeDescendants ?? false }).map((annotation) =>
      topicPageQuote(annotation, this.lookup, documentText),
    );
    return { topic, path: this.topics.path(topicId), quotes };
  }

  // --- internals ---

  private build(docId: string, doc: DocumentText, start: number, end: number, content: AnnotationContent): Annotation {
    const passageIds = documentRangeToPassages(doc, start, end).map((range) => range.passageId);
    const firstPassage = passageIds[0] === undefined ? undefined : this.lookup.getPassage(passageIds[0]);
    const timestamp = this.now().toISOString();
    const annotation = this.validated({
      id: this.newId(),
      docId,
      target: { selectors: describe(doc.text, start, end, firstPassage?.page), passageIds },
      color: content.color ?? defaultColor,
      note: content.note ?? '',
      topicIds: unique(content.topicIds ?? []),
      entityIds: unique(content.entityIds ?? []),
      recommendationIds: unique(content.recommendationIds ?? []),
      createdAt: timestamp,
      updatedAt: timestamp,
      anchorStatus: 'anchored',
    });
    this.assertReferencesExist(annotation);
    return annotation;
  }

  private insert(annotation: Annotation): Promise<Annotation> {
    return runCommand(this.undo, {
      label: 'Create annotation',
      do: async () => {
        const written = this.handle.update((data) => {
          data.annotations.push(structuredClone(annotation));
        });
        // The store applies the mutation at once; index it now, before the disk write ends.
        this.index.appended(annotation);
        await written;
        return annotation;
      },
      undo: () => this.write((data) => removeById(data, annotation.id)),
    });
  }

  private changeLinks(label: string, before: Annotation, patch: AnnotationPatch): Promise<Annotation> {
    const after = this.validated({ ...before, ...patch, updatedAt: this.now().toISOString() });
    this.assertReferencesExist(after);
    return this.replace(label, before, after);
  }

  private replace(label: string, before: Annotation, after: Annotation): Promise<Annotation> {
    const put = (record: Annotation) => () =>
      this.write((data) => {
        const position = this.index.position(record.id);
        if (position !== undefined) data.annotations[position] = structuredClone(record);
      }, false);
    return runCommand(this.undo, {
      label,
      do: async () => {
        await put(after)();
        return after;
      },
      undo: put(before),
    });
  }

  /**
   * One write. `shiftsPositions` says records were inserted or removed in the middle, so
   * the index must rebuild on next use; replacing records in place keeps it valid.
   */
  private async write(mutator: (data: AnnotationsData) => void, shiftsPositions = true): Promise<void> {
    const pending = this.handle.update(mutator);
    if (shiftsPositions) this.index.invalidate();
    await pending;
  }

  private requireDocumentText(docId: string): DocumentText {
    const doc = this.lookup.getDocumentText(docId);
    if (!doc) throw new WorkbenchError('NOT_FOUND', `There is no document with id ${docId}.`, { docId });
    return doc;
  }

  private validated(candidate: unknown): Annotation {
    const parsed = AnnotationSchema.safeParse(candidate);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'annotation'}: ${issue.message}`).join('; ');
      throw new WorkbenchError('BAD_REQUEST', `The annotation is not valid: ${problems}`);
    }
    return parsed.data;
  }

  /** NOT_FOUND naming every unknown id, so the caller can fix them all at once. */
  private assertReferencesExist(annotation: Annotation): void {
    const missing = [
      ...annotation.topicIds.filter((id) => !this.topics.get(id)).map((id) => `topic ${id}`),
      ...annotation.entityIds.filter((id) => !this.lookup.entityExists(id)).map((id) => `entity ${id}`),
      ...annotation.recommendationIds.filter((id) => !this.lookup.recommendationExists(id)).map((id) => `recommendation ${id}`),
    ];
    if (missing.length > 0) throw new WorkbenchError('NOT_FOUND', `Unknown ${missing.join(', ')}.`, { missing });
  }
}
