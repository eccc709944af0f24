import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useSyncExternalStore } from 'react';
import { passageHref, referenceHref, routeHref } from '../../app/routes';
import type { CitationStorage } from './citation-extension';
import { citationKey, citationIndexAt } from './formatting-store';
import { StyledRuns } from './StyledRuns';
import './CitationView.css';

/**
 * A citation in the editor, shown as the style formats it ("(Ilazi et al. 2025, 3)", or a
 * note number for note styles). A click opens the source at the passage; Alt+click (or
 * selecting it with the arrow keys) selects it for editing.
 */
export function CitationView({ node, editor, getPos, selected, extension }: NodeViewProps) {
  const storage = extension.storage as CitationStorage;
  useSyncExternalStore(storage.formatting.subscribe, storage.formatting.get);
  const pos = getPos();
  const formatted = pos === undefined ? undefined : storage.formatting.citationAt(citationIndexAt(editor.state.doc, pos), citationKey(node.attrs));
  const docId = String(node.attrs.docId ?? '');
  const href =
    node.attrs.targetKind === 'reference' ? referenceHref(String(node.attrs.targetId)) : formatted?.passageId ? passageHref(formatted.docId, formatted.passageId) : routeHref('reader', [docId]);
  const deleted = formatted?.quoteDeleted;
  // Citations side by side are one group ("(A 2024, 2; B 2025, 3)", one note): the first shows
  // it, each later one is a small "+" that still opens its own source and can be edited.
  const grouped = formatted?.groupedWithPrevious === true;
  const classes = ['citation-chip', grouped ? 'is-grouped' : '', grouped && formatted?.noteNumber !== undefined ? 'is-note' : '', selected ? 'is-selected' : '', formatted?.missing ? 'is-missing' : '', deleted ? 'is-quote-deleted' : '', formatted ? '' : 'is-pending'].filter(Boolean).join(' ');
  const select = () => {
    if (pos !== undefined) editor.chain().focus().setNodeSelection(pos).run();
  };
  const title = formatted?.missing
    ? 'The cited source is no longer in the library'
    : deleted
      ? `${formatted?.text ?? ''} · The quote this cited was deleted (“${short(deleted.quote)}”); it still cites its passage. Alt+click to cite the passage instead or remove it`
      : grouped
        ? `Cited together with the citation before it: ${formatted?.text ?? ''} · click to open this source, Alt+click to edit`
        : `${formatted?.text ?? 'Formatting…'} · click to open the source, Alt+click to edit`;

  return (
    <NodeViewWrapper as="span" className="citation-node" data-citation="" data-target-id={node.attrs.targetId} data-doc-id={docId}>
      <a
        className={classes}
        href={href}
        contentEditable={false}
        draggable={false}
        title={title}
        onClick={(event) => {
          event.preventDefault();
          if (event.altKey && pos !== undefined) {
            select();
            return;
          }
          storage.onOpen?.(href);
        }}
      >
        {formatted === undefined ? (
          <span className="citation-pending">[…]</span>
        ) : grouped ? (
          <span className="citation-group-more" aria-label="and">
            +
          </span>
        ) : formatted.noteNumber !== undefined ? (
          <sup className="citation-note-ref">{formatted.noteNumber}</sup>
        ) : (
          <StyledRuns runs={formatted.runs} />
        )}
      </a>
      {deleted ? (
        <button
          type="button"
          className="citation-deleted-mark"
          contentEditable={false}
          draggable={false}
          title={`The quote this cited was deleted: “${short(deleted.quote)}”. Choose: cite the passage instead, or remove the citation.`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            event.preventDefault();
            select();
          }}
        >
          quote deleted
        </button>
      ) : null}
    </NodeViewWrapper>
  );
}

function short(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 77)}…` : quote;
}
