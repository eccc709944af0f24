import { useEffect, useRef } from 'react';

/**
 * Asks before a link leaves the app. The app itself fetches nothing; on "Open" the host
 * opens the address in the system browser.
 */
export function ExternalLinkDialog({ url, onConfirm, onCancel }: { url: string; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    return () => element.close();
  }, []);
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // Show the address as it is.
  }
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="external-link-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="external-link-title">Open in your browser?</h2>
      <p>
        This link leads to <strong>{host}</strong>, outside Field Workbench. It will open in your system browser; the app itself does not connect.
      </p>
      <p className="confirm-url">{url}</p>
      <div className="confirm-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm} autoFocus>
          Open in browser
        </button>
      </div>
    </dialog>
  );
}
