import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal `<dialog>`: focus stays inside, Escape means `onCancel`. Every question the
 * import asks uses it, so they all look and behave alike.
 */
export function ModalDialog({ labelledBy, onCancel, className, children }: { labelledBy: string; onCancel: () => void; className?: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`import-dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
