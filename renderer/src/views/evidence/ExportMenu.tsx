import { useState } from 'react';
import { api } from '../../api/client';
import type { ArgsOf } from '../../../../electron/core/api/contract';
import type { EvidenceView } from '../../../../electron/core/evidence/image-export';
import { downloadExport } from '../drafts/download';

export interface Picture {
  format: 'png' | 'svg';
  /** PNG as base64 (no data: prefix), SVG as markup. */
  data: string;
}

/**
 * PNG, SVG and CSV of a view. The view draws its own pictures (its library knows how); core
 * checks them and names the file, and makes the CSV from the same filters the view shows.
 */
export function ExportMenu({ view, draw, csv }: { view: EvidenceView; draw: (format: 'png' | 'svg') => Promise<Picture>; csv: ArgsOf<'evidence.exportCsv'> }) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = (label: string, task: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    task()
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(undefined));
  };
  const picture = (format: 'png' | 'svg') =>
    run(format.toUpperCase(), async () => {
      const drawn = await draw(format);
      const file = await api.invoke('evidence.exportImage', { view, format: drawn.format, data: drawn.data });
      downloadExport({ ...file, companions: [] });
    });
  return (
    <div className="evidence-export" role="group" aria-label="Export">
      <span className="evidence-export-label">Export</span>
      <button type="button" onClick={() => picture('png')} disabled={busy !== undefined}>
        PNG
      </button>
      <button type="button" onClick={() => picture('svg')} disabled={busy !== undefined}>
        SVG
      </button>
      <button
        type="button"
        disabled={busy !== undefined}
        onClick={() =>
          run('CSV', async () => {
            const file = await api.invoke('evidence.exportCsv', csv);
            downloadExport({ fileName: file.fileName, mimeType: `${file.mimeType};charset=utf-8`, data: file.text, encoding: 'utf8', companions: [] });
          })
        }
      >
        CSV
      </button>
      {busy ? <span className="muted" role="status">Exporting {busy}…</span> : null}
      {error ? <span className="evidence-export-error" role="alert">{error}</span> : null}
    </div>
  );
}
