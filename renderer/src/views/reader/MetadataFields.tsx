import { useState } from 'react';
import type { DocumentSummary } from '../../../../electron/core/api/methods/corpus';
import type { MetadataFieldView } from '../../../../electron/core/metadata/describe';
import { passageHref } from '../../app/routes';
import { cslTypeLabel } from '../../metadata/csl-type-labels';
import './MetadataFields.css';

const labels: Record<MetadataFieldView['field'], string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  authors: 'Authors',
  editors: 'Editors',
  publishers: 'Published by',
  year: 'Year',
  place: 'Place',
  isbn: 'ISBN',
  doi: 'DOI',
  url: 'Web address',
  type: 'Type',
  language: 'Language',
};

/** A year the document does not print is shown the way citations print it: "[2024]". */
export function displayValue(field: MetadataFieldView): string {
  if (field.value === null) return '—';
  if (field.field === 'type') return cslTypeLabel(String(field.value));
  const text = Array.isArray(field.value) ? field.value.join(field.field === 'publishers' ? '; ' : ', ') : String(field.value);
  return field.field === 'year' && field.source === 'inferred' ? `[${text}]` : text;
}

function Evidence({ docId, field }: { docId: string; field: MetadataFieldView }) {
  const [open, setOpen] = useState(false);
  const evidence = field.evidence ?? [];
  if (evidence.length === 0) return null;
  return (
    <div className="metadata-evidence">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {open ? 'Hide the evidence' : `Why ${displayValue(field)}? ${evidence.length === 1 ? 'One dated sentence' : `${evidence.length} dated sentences`}`}
      </button>
      {open ? (
        <ol className="metadata-evidence-list">
          {evidence.map((item) => (
            <li key={`${item.passageId}-${item.date}`}>
              <a href={passageHref(docId, item.passageId)}>
                <span className="metadata-evidence-date">{item.page === undefined ? item.date : `p. ${item.page} · ${item.date}`}</span>
                <q>{item.text}</q>
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/**
 * Each metadata field with where it came from: printed where, read from the file's own
 * metadata, inferred (with the dated sentences a click away), or not found. Empty fields are
 * listed, so nothing is silently missing. Title and subtitle head the panel, so they are
 * shown here only for their source.
 */
export function MetadataFields({ document }: { document: DocumentSummary }) {
  return (
    <dl className="document-info-meta metadata-fields">
      {document.metadataFields.map((field) => (
        <div key={field.field} data-field={field.field} className={field.value === null ? 'metadata-missing' : undefined}>
          <dt>{labels[field.field]}</dt>
          <dd>
            {field.field === 'title' || field.field === 'subtitle' ? null : <span className="metadata-value">{displayValue(field)}</span>}
            <span className={`metadata-source metadata-source-${field.source ?? 'none'}`} title={field.printed ? `As given: “${field.printed}”` : undefined}>
              {field.explanation}
            </span>
            {field.source === 'inferred' ? <Evidence docId={document.id} field={field} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
