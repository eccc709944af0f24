import { useId } from 'react';
import { Modal } from '../../components/Modal';
import './ExternalLinkDialog.css';

/**
 * Asks before a link leaves the app. The app itself fetches nothing; on "Open" the host
 * opens the address in the system browser.
 */
export function ExternalLinkDialog({ url, onConfirm, onCancel }: { url: string; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // Show the address as it is.
  }
  return (
    <Modal
      title="Open in your browser?"
      titleId={titleId}
      className="confirm-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={onConfirm} autoFocus>
            Open in browser
          </button>
        </>
      }
    >
      <p>
        This link leads to <strong>{host}</strong>, outside Field Workbench. It will open in your system browser; the app itself does not connect.
      </p>
      <p className="confirm-url">{url}</p>
    </Modal>
  );
}
