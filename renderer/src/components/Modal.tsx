import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { tabbable } from 'tabbable';
import './Modal.css';

interface Props {
  /** The heading; also the dialog's accessible name. */
  title: ReactNode;
  titleId: string;
  /** Escape, the Cancel button, or anything else that means "no". */
  onCancel: () => void;
  /** The body; it scrolls when the window is short. */
  children: ReactNode;
  /** The buttons; they stay in view however long the body is. */
  actions: ReactNode;
  /** Errors and warnings about what the buttons would do: kept beside them, never scrolled out of sight. */
  alerts?: readonly string[];
  /** With this the dialog is a form: Enter in a field submits. */
  onSubmit?: () => void;
  className?: string;
}

/**
 * The one modal dialog of the app: a native `<dialog>` (the page behind is inert), Tab
 * and Shift+Tab cycle inside it, Escape cancels, and focus goes back where it was when it
 * closes. Never taller than the window: the body scrolls, the buttons stay visible.
 */
export function Modal({ title, titleId, onCancel, children, actions, alerts = [], onSubmit, className }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  const closedByUs = useRef(false);

  useLayoutEffect(() => {
    const element = dialog.current!;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    return () => {
      closedByUs.current = true;
      element.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    const element = dialog.current!;
    // Escape pressed twice without a click in between may close the dialog without a
    // cancelable event (the browser's close watcher): treat that close as a cancel too.
    const onClose = () => {
      if (!closedByUs.current) cancel.current();
    };
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const stops = tabbable(dialog.current!);
    if (stops.length === 0) return;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const body = (
    <>
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="modal-body">{children}</div>
      {alerts.length > 0 ? (
        <div className="modal-alerts">
          {alerts.map((alert) => (
            <p key={alert} className="form-error" role="alert">
              {alert}
            </p>
          ))}
        </div>
      ) : null}
      <footer className="modal-actions">{actions}</footer>
    </>
  );
  return (
    <dialog
      ref={dialog}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {onSubmit ? (
        <form
          className="modal-frame"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <div className="modal-frame">{body}</div>
      )}
    </dialog>
  );
}
