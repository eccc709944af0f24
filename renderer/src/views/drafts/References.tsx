import type { DraftFormatResult } from '../../../../electron/core/api/methods/drafts';
import { passageHref, referenceHref, routeHref } from '../../app/routes';
import { StyledRuns } from './StyledRuns';
import './References.css';

/** Note styles: the footnotes the citations become, numbered as in the exports. */
export function Footnotes({ result, onOpen }: { result: DraftFormatResult; onOpen: (href: string) => void }) {
  // A group of citations is one note, listed at its first citation.
  const notes = result.citations.filter((citation) => citation.noteNumber !== undefined && !citation.groupedWithPrevious);
  if (result.kind !== 'note' || notes.length === 0) return null;
  return (
    <section className="draft-footnotes" aria-labelledby="draft-notes-heading">
      <h2 id="draft-notes-heading">Notes</h2>
      <ol>
        {notes.map((note) => {
          const href = note.referenceId ? referenceHref(note.referenceId) : note.passageId ? passageHref(note.docId, note.passageId) : routeHref('reader', [note.docId]);
          return (
            <li key={note.id} value={note.noteNumber}>
              <a
                href={href}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(href);
                }}
              >
                <StyledRuns runs={note.runs} />
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The bibliography at the end of the draft, rebuilt whenever the citations change. */
export function Bibliography({ result }: { result: DraftFormatResult }) {
  const entries = result.bibliography.entries;
  return (
    <section className="draft-bibliography" aria-labelledby="draft-bibliography-heading">
      <h2 id="draft-bibliography-heading">{result.bibliography.heading}</h2>
      {entries.length === 0 ? (
        <p className="muted">Cite a passage or a reference (type @) and its work is listed here.</p>
      ) : (
        <div className="bibliography-entries">
          {entries.map((entry) => (
            <p key={entry.itemId} className="csl-entry" data-item-id={entry.itemId}>
              <StyledRuns runs={entry.runs} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
