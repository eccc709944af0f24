import type { EventEditView } from '../../../../electron/core/evidence/index';
import { kindLabels } from './labels';

type StoredEdit = EventEditView['edit'];

/** The ids of the events a correction made, changed or took away. */
export function eventIdsOf(edit: StoredEdit): string[] {
  switch (edit.type) {
    case 'split':
      return [edit.eventId, edit.newEventId];
    case 'merge':
      return [...edit.eventIds];
    case 'add':
      return [edit.event.id];
    default:
      return [edit.eventId];
  }
}

/** What a correction did, in a sentence: "Date corrected to September 2023" (dates as core labels them). */
export function describeEdit(view: Pick<EventEditView, 'edit' | 'dateLabel' | 'removed'>, titleOf: (eventId: string) => string | undefined): string {
  const { edit } = view;
  const formatDate = (date: string) => view.dateLabel ?? date;
  const named = (id: string) => {
    const title = titleOf(id) ?? (edit.type === 'remove' ? view.removed?.title : undefined);
    return title ? `“${title}”` : 'an event no longer listed';
  };
  switch (edit.type) {
    case 'redate':
      return `Date of ${named(edit.eventId)} corrected to ${formatDate(edit.date)}`;
    case 'retitle':
      return `Retitled “${edit.title}”`;
    case 'reclassify':
      return `Kind of ${named(edit.eventId)} changed to ${kindLabels[edit.kind]}`;
    case 'split':
      return `“${edit.title}” split from ${named(edit.eventId)} (${edit.passageIds.length} ${edit.passageIds.length === 1 ? 'passage' : 'passages'})`;
    case 'merge':
      return `${edit.eventIds.length} events merged into ${named(edit.eventIds[0]!)}`;
    case 'add':
      return `“${edit.event.title}” added${edit.annotationId ? ' from an annotation' : ''}, ${formatDate(edit.event.date)}`;
    case 'remove':
      return `${named(edit.eventId)} removed`;
  }
}

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "5 Dec 2026, 10:20". */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.valueOf()) ? iso : whenFormat.format(date);
}
