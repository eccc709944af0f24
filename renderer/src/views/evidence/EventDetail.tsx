import { useState } from 'react';
import { passageHref, routeHref } from '../../app/routes';
import type { EventEditView, EvidenceEvent, RemovedEvent } from '../../../../electron/core/evidence/index';
import { CiteTable } from './CiteTable';
import { removeEvent } from './use-event-edits';
import { useTeamUsers } from '../../team/TeamUsersProvider';
import { describeEdit, eventIdsOf, formatWhen } from './edit-description';
import { KindSelect, MergeDialog, RedateDialog, RetitleDialog, SplitDialog, type Saved } from './EventEditDialogs';
import { kindLabels, precisionLabels } from './labels';

type Editing = 'date' | 'title' | 'split' | 'merge' | undefined;

/**
 * An event and what each paper says of it, the papers side by side; below the heading, the
 * corrections a person can make (date, title, kind, split, merge) and those made, each with
 * who made it and when, and a button that takes it back.
 */
export function EventDetail({
  event,
  entityName,
  events,
  edits,
  titleOf,
  onSaved,
  onUndo,
  onError,
  onRemoved,
  expectChange,
}: {
  event: EvidenceEvent;
  entityName: (id: string) => string;
  /** Every event, for the merge picker. */
  events: readonly EvidenceEvent[];
  edits: readonly EventEditView[];
  titleOf: (eventId: string) => string | undefined;
  onSaved: Saved;
  onUndo: (edit: EventEditView) => void;
  onError: (message: string) => void;
  onRemoved: (removed: RemovedEvent) => void;
  /** Called before a removal, so the timeline reports it as such rather than as an undo; returns what to call if it fails. */
  expectChange: () => () => void;
}) {
  const [editing, setEditing] = useState<Editing>();
  const team = useTeamUsers();
  const own = edits.filter((edit) => !edit.skipped && eventIdsOf(edit.edit).includes(event.id));
  const saved: Saved = (made, message) => {
    setEditing(undefined);
    onSaved(made, message);
  };
  const passages = event.sources.reduce((n, source) => n + source.passageIds.length, 0);
  const [removing, setRemoving] = useState(false);
  const remove = () => {
    setRemoving(true);
    const failed = expectChange();
    removeEvent(event.id).then(onRemoved, (failure: Error) => {
      failed();
      setRemoving(false);
      onError(`Not removed: ${failure.message}`);
    });
  };
  const ownEvent = edits.some((edit) => edit.edit.type === 'add' && edit.edit.event.id === event.id);
  return (
    <article className="evidence-event-detail" aria-labelledby="evidence-event-title" data-event-id={event.id} data-edited={event.edited}>
      <header>
        <p className="eyebrow">
          {event.dateLabel} · {kindLabels[event.kind]} · dated to the {precisionLabels[event.precision]}
          {event.edited ? <span className="evidence-edited-tag">corrected</span> : null}
        </p>
        <h2 id="evidence-event-title">{event.title}</h2>
        {event.entityIds.length > 0 ? (
          <p className="evidence-entities">
            {event.entityIds.slice(0, 8).map((id) => (
              <a key={id} className="chip" href={routeHref('entities', [id])}>
                {entityName(id)}
              </a>
            ))}
          </p>
        ) : null}
        <p className="muted">
          {event.sources.length === 1 ? 'One paper speaks of it.' : `${event.sources.length} papers speak of it.`}
        </p>
        <div className="evidence-event-actions" role="group" aria-label="Correct this event">
          <button type="button" onClick={() => setEditing('date')}>
            Correct date…
          </button>
          <button type="button" onClick={() => setEditing('title')}>
            Retitle…
          </button>
          <KindSelect event={event} onSaved={saved} onError={onError} />
          <button type="button" onClick={() => setEditing('split')} disabled={passages < 2} title={passages < 2 ? 'One passage speaks of it: there is nothing to split.' : 'Move some passages to a new event'}>
            Split…
          </button>
          <button type="button" onClick={() => setEditing('merge')}>
            Merge with…
          </button>
          <button
            type="button"
            className="evidence-remove-event"
            onClick={remove}
            disabled={removing}
            title={ownEvent ? 'Delete this event you added (Ctrl+Z brings it back)' : 'Hide this event: it is listed under Hidden and can be shown again'}
          >
            {ownEvent ? 'Delete' : 'Remove'}
          </button>
          <CiteTable of={{ of: 'event', eventId: event.id }} label={`Cite “${event.title}” in a draft`} what={`${event.title} (${event.dateLabel}): ${event.sources.length === 1 ? 'one paper' : `${event.sources.length} papers`}, as a table citing each paper's passages.`} />
        </div>
        {own.length > 0 ? (
          <ul className="evidence-event-edits" aria-label="Corrections of this event">
            {own.map((edit) => (
              <li key={edit.id} data-edit-id={edit.id} data-edit-type={edit.edit.type}>
                <span>
                  {describeEdit(edit, titleOf)}
                  <span className="muted">
                    {' '}
                    · by {team.nameOf(edit.author)}, {formatWhen(edit.createdAt)}
                  </span>
                </span>
                <button type="button" className="link-button" onClick={() => onUndo(edit)}>
                  Undo
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <div className="evidence-sources" data-count={event.sources.length}>
        {event.sources.map((source) => (
          <section key={source.docId} className="evidence-source" data-doc-id={source.docId} aria-label={source.docTitle}>
            <h3 title={source.docTitle}>{source.docTitle}</h3>
            <ul>
              {source.quotes.map((quote) => (
                <li key={`${quote.passageId}-${quote.start}`}>
                  <blockquote>{quote.text}</blockquote>
                  <a href={passageHref(source.docId, quote.passageId)} className="evidence-passage-link">
                    Open at p. {quote.page}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {editing === 'date' ? <RedateDialog event={event} onClose={() => setEditing(undefined)} onSaved={saved} /> : null}
      {editing === 'title' ? <RetitleDialog event={event} onClose={() => setEditing(undefined)} onSaved={saved} /> : null}
      {editing === 'split' ? <SplitDialog event={event} onClose={() => setEditing(undefined)} onSaved={saved} /> : null}
      {editing === 'merge' ? <MergeDialog event={event} events={events.filter((e) => e.id !== event.id)} onClose={() => setEditing(undefined)} onSaved={saved} /> : null}
    </article>
  );
}
