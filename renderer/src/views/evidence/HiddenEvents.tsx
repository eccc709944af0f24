import { useRef, useState } from 'react';
import type { EventEditView } from '../../../../electron/core/evidence/index';
import { Popover } from '../../components/Popover';
import { useTeamUsers } from '../../team/TeamUsersProvider';
import { formatWhen } from './edit-description';
import { undoEventEdit } from './use-event-edits';

/**
 * The extracted events people hid (a `remove` correction each), with who hid them and when;
 * "Show again" takes the correction back. Hidden events are never lost, only set aside.
 */
export function HiddenEvents({
  edits,
  onShown,
  onError,
  expectChange,
}: {
  edits: readonly EventEditView[];
  onShown: (edit: EventEditView) => void;
  onError: (message: string) => void;
  /** Called before the correction is taken back, so the timeline says "shown again" rather than "undone"; returns what to call if it fails. */
  expectChange: () => () => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const team = useTeamUsers();
  const hidden = edits.filter((edit) => edit.edit.type === 'remove' && !edit.skipped).reverse();
  const show = (edit: EventEditView) => {
    const failed = expectChange();
    undoEventEdit(edit.id).then(
      () => {
        setOpen(false);
        onShown(edit);
      },
      (failure: Error) => {
        failed();
        onError(`Not shown again: ${failure.message}`);
      },
    );
  };
  return (
    <>
      <button ref={button} type="button" className="evidence-hidden-button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        Hidden{hidden.length > 0 ? <span className="count"> {hidden.length}</span> : null}
      </button>
      {open && button.current ? (
        <Popover anchor={button.current} label="Hidden events" className="evidence-history evidence-hidden" onDismiss={() => setOpen(false)}>
          <h2>Hidden events</h2>
          {hidden.length === 0 ? (
            <p className="muted">None. An event that is not one can be removed from its panel (Remove); events the papers yielded are hidden here rather than deleted, and can be shown again.</p>
          ) : (
            <ol>
              {hidden.map((edit) => (
                <li key={edit.id} data-edit-id={edit.id} data-event-id={edit.edit.type === 'remove' ? edit.edit.eventId : undefined}>
                  <p>
                    {edit.removed ? `“${edit.removed.title}”, ${edit.removed.dateLabel}` : 'An event no longer listed'}
                  </p>
                  <p className="muted">
                    hidden by {team.nameOf(edit.author)}, {formatWhen(edit.createdAt)}
                  </p>
                  <button type="button" className="link-button" onClick={() => show(edit)}>
                    Show again
                  </button>
                </li>
              ))}
            </ol>
          )}
        </Popover>
      ) : null}
    </>
  );
}
