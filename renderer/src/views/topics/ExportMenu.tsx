import { useState } from 'react';
import { api } from '../../api/client';
import { downloadText } from '../../annotations/download-text';
import { downloadExport } from '../drafts/download';
import './ExportMenu.css';

type Choice = 'md' | 'csv' | 'w3c' | 'qdc' | 'qdpx';

const labels: Record<Choice, string> = {
  md: 'Quotes as Markdown',
  csv: 'Quotes as CSV (spreadsheet)',
  w3c: 'Annotations as W3C JSON-LD',
  qdc: 'Codebook for NVivo / ATLAS.ti (.qdc)',
  qdpx: 'Project for NVivo / ATLAS.ti (.qdpx)',
};

/** Exports every quote, the codebook, or the whole project (REFI-QDA .qdpx) as a file. */
export function ExportMenu() {
  const [error, setError] = useState<string>();
  const run = async (choice: Choice) => {
    setError(undefined);
    try {
      if (choice === 'qdpx') {
        const project = await api.invoke('exchange.exportProject', { format: 'qdpx' });
        downloadExport({ fileName: project.fileName ?? 'project.qdpx', mimeType: project.mimeType ?? 'application/zip', encoding: 'base64', data: project.data ?? '', companions: [] });
        return;
      }
      downloadText(choice === 'qdc' ? await api.invoke('topics.exportCodebook', { format: 'qdc' }) : await api.invoke('annotations.export', { format: choice }));
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <div className="export-menu">
      <select
        aria-label="Export"
        value=""
        onChange={(event) => {
          if (event.target.value) void run(event.target.value as Choice);
        }}
      >
        <option value="">Export…</option>
        {(Object.keys(labels) as Choice[]).map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
