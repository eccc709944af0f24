import type { DocumentSummary } from '../../../../electron/core/api/methods/corpus';
import type { Footnote } from '../../../../electron/core/corpus/schema';
import { DocumentNote } from '../../annotations/DocumentNote';
import { CaseAttributes } from '../../interviews/CaseAttributes';
import { EditDetailsButton } from '../../metadata/EditDetailsButton';
import { ExternalLink } from './ExternalLink';
import { MetadataFields } from './MetadataFields';
import { formatClock } from '../../media/clock';
import './DocumentInfo.css';

const kindLabels: Record<string, string> = {
  report: 'Report',
  'policy-paper': 'Policy paper',
  'policy-brief': 'Policy brief',
  'discussion-paper': 'Discussion paper',
  article: 'Article',
  book: 'Book',
  transcript: 'Transcript',
  other: 'Document',
};

/** The paper's metadata, how its PDF came to be, and every source its notes cite. */
export function DocumentInfo({ document, footnotes, onClose }: { document: DocumentSummary; footnotes: Footnote[]; onClose: () => void }) {
  const sources = footnotes.flatMap((footnote) => footnote.urls.map((url) => ({ number: footnote.number, url })));
  const rows: Array<[string, string | undefined]> = [
    ['Kind', kindLabels[document.kind] ?? document.kind],
    ['Pages', document.pageCount && !document.media ? String(document.pageCount) : undefined],
    // A recording: what was read from its own headers, and the transcript kept with it.
    ['Recording', document.media ? `${formatClock(document.media.duration)}, ${document.media.video ? 'video' : 'audio'} (${document.media.codec}, ${document.media.container})` : undefined],
    ['Transcript', document.media ? (document.media.transcriptFile ?? 'none yet') : undefined],
    ['Passages', String(document.passageCount)],
    ['Notes', String(document.footnoteCount)],
  ];
  return (
    <aside className="document-info" aria-label="Document info">
      <header className="document-info-header">
        <h2>About this paper</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close document info">
          ×
        </button>
      </header>
      <p className="document-info-title">{document.title}</p>
      {document.subtitle ? <p className="document-info-subtitle">{document.subtitle}</p> : null}
      <DocumentNote docId={document.id} />
      {/* Interviews are cases (and their speakers): bundled papers are not. */}
      {document.origin === 'bundled' ? null : <CaseAttributes docId={document.id} />}
      <div className="document-info-section-head">
        <h3>Bibliographic details and their sources</h3>
        <EditDetailsButton document={document} />
      </div>
      <MetadataFields document={document} />
      <dl className="document-info-meta">
        {rows
          .filter((row): row is [string, string] => !!row[1])
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {document.note ? (
        <p className="document-note" role="note">
          {document.note}
        </p>
      ) : null}
      <h3>Sources cited in the notes</h3>
      {sources.length === 0 ? (
        <p className="muted">The notes cite no web addresses.</p>
      ) : (
        <ol className="source-list">
          {sources.map((source) => (
            <li key={`${source.number}-${source.url}`}>
              <span className="source-number">{source.number}</span>
              <ExternalLink url={source.url} />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
