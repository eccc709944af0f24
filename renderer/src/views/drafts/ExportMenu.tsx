import { useState } from 'react';
import { api } from '../../api/client';
import { downloadExport } from './download';
import './ExportMenu.css';

const formats = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
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
      const file = format === 'pdf' ? await api.invoke('drafts.exportPdf', { id: draftId }) : await api.invoke('drafts.export', { id: draftId, format });
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
      {formats.map(({ format, label }) => (
        <button key={format} type="button" data-format={format} disabled={busy !== undefined} aria-busy={busy === format} onClick={() => void run(format)}>
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
