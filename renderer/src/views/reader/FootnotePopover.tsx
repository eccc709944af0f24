import { useEffect } from 'react';
import type { Footnote } from '../../../../electron/core/corpus/schema';
import { ExternalLink } from './ExternalLink';
import { Popover } from './Popover';

/** A footnote's text and its sources, opened from its marker; Escape or a click elsewhere closes it. */
export function FootnotePopover({ footnote, anchor, onClose }: { footnote: Footnote; anchor: HTMLElement; onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onClose();
        anchor.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!anchor.contains(target) && !(target as HTMLElement).closest?.('.footnote-popover, .confirm-dialog')) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [anchor, onClose]);
  // The URLs are shown as links of their own, so the text is shown without them.
  let text = footnote.text;
  for (const url of footnote.urls) text = text.replace(url, '').trim();
  text = text.replace(/[,\s]+$/, '');
  return (
    <Popover anchor={anchor} label={`Footnote ${footnote.number}`} className="footnote-popover">
      <p className="popover-kicker">Note {footnote.number}</p>
      <p className="footnote-text">{text}</p>
      {footnote.urls.length > 0 ? (
        <ul className="footnote-urls">
          {footnote.urls.map((url) => (
            <li key={url}>
              <ExternalLink url={url} />
            </li>
          ))}
        </ul>
      ) : null}
    </Popover>
  );
}
