import { useRef, useState } from 'react';
import type { EventEditView } from '../../../../electron/core/evidence/index';
import { Popover } from '../../components/Popover';
import { useTeamUsers } from '../../team/TeamUsersProvider';
import { describeEdit, eventIdsOf, formatWhen } from './edit-description';

/** Every correction of the events, newest first, with who made it and when; each can be taken back. */
export function EditHistory({ edits, titleOf, onUndo, onOpen }: { edits: readonly EventEditView[]; titleOf: (eventId: string) => string | undefined; onUndo: (edit: EventEditView) => void; onOpen: (eventId: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const team = useTeamUsers();
  const newestFirst = [...edits].reverse();
  return (
    <>
      <button ref={button} type="button" className="evidence-history-button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        Corrections{edits.length > 0 ? <span className="count"> {edits.length}</span> : null}
      </button>
      {open && button.current ? (
        <Popover anchor={button.current} label="Corrections of the events" className="evidence-history" onDismiss={() => setOpen(false)}>
          <h2>Corrections of the events</h2>
          {newestFirst.length === 0 ? (
            <p className="muted">None yet. Open an event to correct its date, title or kind, split it or merge it with another; an annotation can become an event from the Annotations view.</p>
          ) : (
            <ol>
              {newestFirst.map((edit) => {
                const target = eventIdsOf(edit.edit).find((id) => titleOf(id) !== undefined);
                return (
                  <li key={edit.id} data-edit-id={edit.id} data-edit-type={edit.edit.type} data-skipped={edit.skipped ? 'true' : undefined}>
                    <p>
                      {target ? (
                        <button type="button" className="link-button" onClick={() => onOpen(target)}>
                          {describeEdit(edit, titleOf)}
                        </button>
                      ) : (
                        describeEdit(edit, titleOf)
                      )}
                    </p>
                    <p className="muted">
                      by {team.nameOf(edit.author)}, {formatWhen(edit.createdAt)}
                      {edit.skipped ? ` · no longer applies: ${edit.skipped}` : ''}
                    </p>
                    <button type="button" className="link-button" onClick={() => onUndo(edit)}>
                      Undo
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </Popover>
      ) : null}
    </>
  );
}
