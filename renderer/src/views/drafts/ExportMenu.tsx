import { useState } from 'react';
import { api } from '../../api/client';
import { downloadExport } from './download';
import './ExportMenu.css';

const formats = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown', title: 'Markdown with Pandoc citations keyed by paper, and its CSL-JSON' },
  // Keyed by the cited passage: a draft made from the file again (`workbench draft create --markdown`) cites the same passages.
  { format: 'md-passages', label: 'Markdown (passages)', title: 'Markdown whose citations name the cited passages: a draft made from it again cites the same passages' },
  { format: 'html', label: 'HTML' },
  { format: 'csl-json', label: 'CSL-JSON' },
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'ris', label: 'RIS' },
] as const;

type Format = (typeof formats)[number]['format'];

/** Export buttons: the draft is saved first, so the file holds exactly what is on screen. */
export function ExportMenu({ draftId, beforeExport }: { draftId: string; beforeExport: () => Promise<void> }) {
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<string>();

  const run = async (format: Format) => {
    setBusy(format);
    setError(undefined);
    try {
      await beforeExport();
      const file =
        format === 'pdf'
          ? await api.invoke('drafts.exportPdf', { id: draftId })
          : format === 'md-passages'
            ? await api.invoke('drafts.export', { id: draftId, format: 'md', keys: 'passage' })
            : await api.invoke('drafts.export', { id: draftId, format });
      downloadExport(file);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="export-menu" role="group" aria-label="Export">
      <span className="export-label">Export</span>
      {formats.map(({ format, label, ...rest }) => (
        <button key={format} type="button" data-format={format} title={'title' in rest ? rest.title : undefined} disabled={busy !== undefined} aria-busy={busy === format} onClick={() => void run(format)}>
          {busy === format ? `${label}…` : label}
        </button>
      ))}
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
