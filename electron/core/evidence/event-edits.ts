import { randomBytes } from 'node:crypto';
import { WorkbenchError } from '../api/errors';
import type { AnnotationsFace } from '../annotations/index';
import type { CoreContext } from '../core-context';
import { applyEventEdits, formatEventDate } from '../corpus/events/index';
import type { CorpusEvent, EventKind, EventSource } from '../corpus/schema';
import type { RecordSet } from '../store';
import { runCommand, type UndoStack } from '../undo';
import { readDate } from './read-date';
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
  /** How the date it sets reads ("late 2013"), for a redate, an add or a split with its own date. */
  dateLabel?: string;
  /** A removal: the event as it was before it was removed, so a list of removed events can name it. */
  removed?: { title: string; dateLabel: string };
}

/** What removing an event did: a person's own event is deleted, an extracted one hidden by a correction. */
export interface RemovedEvent {
  eventId: string;
  outcome: 'deleted' | 'hidden';
  /** The correction that hides it (`hidden`). */
  edit?: EventEditView;
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
    /** The core's one undo stack: corrections are undone and redone with every other edit. */
    private readonly undoStack?: UndoStack,
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
    const ordered = this.ordered();
    const beforeRemoval = this.beforeRemoval(ordered);
    return ordered.map((record) => {
      const date = dateSet(record.edit);
      const removed = record.edit.type === 'remove' ? beforeRemoval.get(record.edit.eventId) : undefined;
      return {
        id: record.id,
        edit: record.edit,
        createdAt: record.createdAt,
        author: this.records.entry(record.id)?.author ?? 'unknown',
        ...(skipped.has(record.id) ? { skipped: skipped.get(record.id)! } : {}),
        ...(date ? { dateLabel: formatEventDate(date) } : {}),
        ...(removed ? { removed: { title: removed.title, dateLabel: formatEventDate(removed.date) } } : {}),
      };
    });
  }

  /** The events that removals took away, as they would be without any removal. */
  private beforeRemoval(ordered: readonly EventEditRecord[]): Map<string, { title: string; date: string }> {
    if (!ordered.some((record) => record.edit.type === 'remove')) return new Map();
    const kept = applyEventEdits(this.context.corpus.corpus.events, ordered.filter((record) => record.edit.type !== 'remove').map((record) => record.edit));
    return new Map(kept.events.map((event) => [event.id, { title: event.title, date: event.date }]));
  }

  /** Checks the edit against the events as they are now, then keeps it. Nothing is written if it cannot apply. */
  async add(request: EventEditRequest): Promise<EventEditView> {
    this.writable();
    const edit = EventEditSchema.parse(this.complete(request));
    const trial = applyEventEdits(this.current().events, [edit]);
    if (trial.skipped.length > 0) {
      throw new WorkbenchError('BAD_REQUEST', `This correction cannot be made: ${trial.skipped[0]!.reason}. List the events with \`workbench events\` and check the ids.`);
    }
    const record: EventEditRecord = { id: `eedit-${randomBytes(6).toString('hex')}`, edit, createdAt: new Date().toISOString() };
    // Undo takes the record away, redo writes the same record again: the events come out the same.
    await runCommand(this.undoStack, { label: commandLabels[edit.type], do: () => this.write([record], []), undo: () => this.write([], [record]) });
    return this.list().find((view) => view.id === record.id)!;
  }

  /**
   * Removes an event from the timeline. A person's own event (added from an annotation) is
   * deleted, with the corrections of it alone; an extracted one is hidden by a `remove`
   * correction, which the list of corrections shows and which can be taken back. Undoable.
   */
  async remove(eventId: string): Promise<RemovedEvent> {
    this.writable();
    if (!this.current().events.some((event) => event.id === eventId)) {
      throw new WorkbenchError('NOT_FOUND', `There is no event ${eventId} on the timeline. List the events with \`workbench events\`.`);
    }
    const ordered = this.ordered();
    const added = ordered.find((record) => record.edit.type === 'add' && record.edit.event.id === eventId);
    const others = ordered.filter((record) => record !== added && touchedIds(record.edit).concat(mentionedIds(record.edit)).includes(eventId));
    // Deleting an added event whose passages a split or merge moved would change other events: hide it instead.
    if (!added || others.some((record) => !singleEvent(record.edit))) return { eventId, outcome: 'hidden', edit: await this.add({ type: 'remove', eventId }) };
    const gone = [added, ...others];
    await runCommand(this.undoStack, { label: 'Delete an added event', do: () => this.write([], gone), undo: () => this.write(gone, []) });
    return { eventId, outcome: 'deleted' };
  }

  /** Takes a correction back; the events are as if it had never been made. Undoable: undo puts it back. */
  async undo(editId: string): Promise<void> {
    this.writable();
    const record = this.records.get(editId);
    if (!record) throw new WorkbenchError('NOT_FOUND', `There is no event correction ${editId}. List them with \`workbench event edits\`.`);
    await runCommand(this.undoStack, { label: 'Take back a correction of the events', do: () => this.write([], [record]), undo: () => this.write([record], []) });
  }

  private writable(): void {
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'The events cannot be corrected: this workspace is open read-only.');
  }

  /** One transaction: the records put back or kept, the others taken away. */
  private async write(put: readonly EventEditRecord[], remove: readonly EventEditRecord[]): Promise<void> {
    await this.context.workspace.transact((tx) => {
      for (const record of put) tx.put(eventEditsCollection, record);
      for (const record of remove) tx.delete(eventEditsCollection, record.id);
    });
  }

  private ordered(): EventEditRecord[] {
    return [...this.records.all()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  private complete(request: EventEditRequest): StoredEventEdit {
    // A date as EDTF or in words ("late 2013"), read as the papers' dates are; kept as EDTF.
    if ('date' in request && request.date !== undefined) request = { ...request, date: readDate(request.date).date };
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

const commandLabels: Record<StoredEventEdit['type'], string> = {
  split: 'Split an event',
  merge: 'Merge events',
  redate: 'Correct the date of an event',
  retitle: 'Retitle an event',
  reclassify: 'Change the kind of an event',
  add: 'Add an event',
  remove: 'Remove an event',
};

/** The date an edit gives an event, if it gives one. */
function dateSet(edit: StoredEventEdit): string | undefined {
  if (edit.type === 'redate') return edit.date;
  if (edit.type === 'add') return edit.event.date;
  if (edit.type === 'split') return edit.date;
  return undefined;
}

/** Corrections of one event that go with it when it is deleted. */
function singleEvent(edit: StoredEventEdit): boolean {
  return edit.type === 'redate' || edit.type === 'retitle' || edit.type === 'reclassify' || edit.type === 'remove';
}

/** Every event an edit names (a merge names all it joins, a split the one it splits). */
function mentionedIds(edit: StoredEventEdit): string[] {
  if (edit.type === 'merge') return [...edit.eventIds];
  if (edit.type === 'split') return [edit.eventId, edit.newEventId];
  if (edit.type === 'remove') return [edit.eventId];
  return [];
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
