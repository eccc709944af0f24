import type { Footnote } from '../../../../electron/core/corpus/schema';
import { Popover } from '../../components/Popover';
import { ExternalLink } from './ExternalLink';
import './FootnotePopover.css';

/** A footnote's text and its sources, opened from its marker; Escape or a click elsewhere closes it. */
export function FootnotePopover({ footnote, anchor, onClose }: { footnote: Footnote; anchor: HTMLElement; onClose: () => void }) {
  // The URLs are shown as links of their own, so the text is shown without them.
  let text = footnote.text;
  for (const url of footnote.urls) text = text.replace(url, '').trim();
  text = text.replace(/[,\s]+$/, '');
  return (
    <Popover anchor={anchor} label={`Footnote ${footnote.number}`} className="footnote-popover" onDismiss={onClose} keepOpenInside="dialog">
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
