import { useId } from 'react';
import { Modal } from '../components/Modal';
import { shortcutGroups } from './shortcut-list';
import './ShortcutHelp.css';

/** Every keyboard shortcut, grouped by where it works. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  return (
    <Modal
      title="Keyboard shortcuts"
      titleId={titleId}
      onCancel={onClose}
      className="shortcut-help"
      actions={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      {shortcutGroups().map((group) => (
        <section key={group.title} className="shortcut-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.does}>
                <dt>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? ' or ' : ''}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}
