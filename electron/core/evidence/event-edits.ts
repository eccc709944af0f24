import { randomBytes } from 'node:crypto';
import { WorkbenchError } from '../api/errors';
import type { AnnotationsFace } from '../annotations/index';
import type { CoreContext } from '../core-context';
import { applyEventEdits, isValidEventDate } from '../corpus/events/index';
import type { CorpusEvent, EventKind, EventSource } from '../corpus/schema';
import type { RecordSet } from '../store';
import { EventEditSchema, eventEditsCollection, type EventEditRecord, type StoredEventEdit } from './event-edit-record';

/** What a person asks for; ids of new events are made here. */
export type EventEditRequest =
  | Exclude<StoredEventEdit, { type: 'split' } | { type: 'add' }>
  | { type: 'split'; eventId: string; passageIds: string[]; title: string; date?: string }
  | { type: 'add'; annotationId: string; date: string; title: string; kind: EventKind };

export interface EventEditView {
  id: string;
  edit: StoredEventEdit;
  createdAt: string;
  author: string;
  /** Why it no longer applies (its event is gone after a corpus rebuild), when it does not. */
  skipped?: string;
}

export interface EditedEvents {
  events: CorpusEvent[];
  /** Ids of the events a person's edit made or changed. */
  edited: Set<string>;
  skipped: Map<string, string>;
}

const newEventId = () => `event-user-${randomBytes(5).toString('hex')}`;

/**
 * People's corrections of the extracted events, kept as records in the workspace and applied
 * over the corpus's events in the order they were made; the corpus build stays deterministic.
 */
export class EventEdits {
  readonly records: RecordSet<EventEditRecord>;
  private cached: EditedEvents | undefined;

  constructor(
    private readonly context: CoreContext,
    private readonly annotations: AnnotationsFace,
  ) {
    this.records = context.workspace.records(eventEditsCollection);
    this.records.subscribe((changes) => {
      this.cached = undefined;
      context.publish('evidence.changed', { editIds: changes.map((change) => change.id) });
    });
  }

  /** The corpus's events with every edit applied. */
  current(): EditedEvents {
    if (this.cached) return this.cached;
    const ordered = this.ordered();
    const outcome = applyEventEdits(this.context.corpus.corpus.events, ordered.map((record) => record.edit));
    const skipped = new Map(outcome.skipped.map(({ index, reason }) => [ordered[index]!.id, reason]));
    const edited = new Set(ordered.filter((record) => !skipped.has(record.id)).flatMap((record) => touchedIds(record.edit)));
    this.cached = { events: outcome.events, edited, skipped };
    return this.cached;
  }

  list(): EventEditView[] {
    const { skipped } = this.current();
    return this.ordered().map((record) => ({
      id: record.id,
      edit: record.edit,
      createdAt: record.createdAt,
      author: this.records.entry(record.id)?.author ?? 'unknown',
      ...(skipped.has(record.id) ? { skipped: skipped.get(record.id)! } : {}),
    }));
  }

  /** Checks the edit against the events as they are now, then keeps it. Nothing is written if it cannot apply. */
  async add(request: EventEditRequest): Promise<EventEditView> {
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'The events cannot be corrected: this workspace is open read-only.');
    const edit = EventEditSchema.parse(this.complete(request));
    const trial = applyEventEdits(this.current().events, [edit]);
    if (trial.skipped.length > 0) {
      throw new WorkbenchError('BAD_REQUEST', `This correction cannot be made: ${trial.skipped[0]!.reason}. List the events with \`workbench events\` and check the ids.`);
    }
    const record: EventEditRecord = { id: `eedit-${randomBytes(6).toString('hex')}`, edit, createdAt: new Date().toISOString() };
    await this.context.workspace.transact((tx) => tx.put(eventEditsCollection, record));
    return this.list().find((view) => view.id === record.id)!;
  }

  /** Takes a correction back; the events are as if it had never been made. */
  async undo(editId: string): Promise<void> {
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'The events cannot be corrected: this workspace is open read-only.');
    if (!this.records.has(editId)) throw new WorkbenchError('NOT_FOUND', `There is no event correction ${editId}. List them with \`workbench event edits\`.`);
    await this.context.workspace.transact((tx) => tx.delete(eventEditsCollection, editId));
  }

  private ordered(): EventEditRecord[] {
    return [...this.records.all()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  private complete(request: EventEditRequest): StoredEventEdit {
    if ('date' in request && request.date !== undefined && !isValidEventDate(request.date)) {
      throw new WorkbenchError('BAD_REQUEST', `“${request.date}” is not a date the timeline can place. Use YYYY, YYYY-MM, YYYY-MM-DD, a season or part of a year (2013-39 is late 2013) or a range (2015/2016).`);
    }
    if (request.type === 'split') return { ...request, newEventId: newEventId() };
    if (request.type !== 'add') return request;
    return { type: 'add', annotationId: request.annotationId, event: { id: newEventId(), date: request.date, title: request.title, kind: request.kind, ...this.fromAnnotation(request.annotationId) } };
  }

  /** The annotated sentences as an event's source, and the entities the annotation or its words name. */
  private fromAnnotation(annotationId: string): { entityIds: string[]; sources: EventSource[] } {
    const annotation = this.annotations.annotations.get(annotationId);
    if (!annotation) throw new WorkbenchError('NOT_FOUND', `There is no annotation ${annotationId}.`);
    const { corpus } = this.context;
    const exact = annotation.target.selectors.quote.exact;
    const quotes = annotation.target.passageIds.flatMap((passageId) => {
      const passage = corpus.findPassage(passageId);
      if (!passage) return [];
      const at = passage.text.indexOf(exact);
      return [at >= 0 ? { passageId, start: at, end: at + exact.length } : { passageId, start: 0, end: passage.text.length }];
    });
    if (quotes.length === 0) throw new WorkbenchError('BAD_REQUEST', `The annotation ${annotationId} no longer finds its passage in the document, so it cannot source an event.`);
    const named = corpus
      .mentionsInDocument(annotation.docId)
      .filter((mention) => quotes.some((quote) => quote.passageId === mention.passageId && mention.start < quote.end && mention.end > quote.start))
      .map((mention) => mention.entityId);
    return {
      entityIds: [...new Set([...annotation.entityIds, ...named])],
      sources: [{ docId: annotation.docId, passageIds: quotes.map((quote) => quote.passageId), quotes }],
    };
  }
}

function touchedIds(edit: StoredEventEdit): string[] {
  switch (edit.type) {
    case 'split':
      return [edit.eventId, edit.newEventId];
    case 'merge':
      return [edit.eventIds[0]!];
    case 'add':
      return [edit.event.id];
    case 'remove':
      return [];
    default:
      return [edit.eventId];
  }
}
