import type { DraftExportFormat, ExportedDraftFile, MarkdownKeyMode, draftsMethods } from '../methods';
import { WorkbenchError } from '../../api/errors';
import type { AreaHandlers } from '../../core-context';
import { bibliographyFileExtension } from '../../citations/bibliography-formats';
import type { CslRepository } from '../../citations/styles';
import { exportDraftBibliography } from '../export/bibliography';
import { exportDraftHtml } from '../export/html';
import { exportDraftMarkdown } from '../export/markdown';
import { chromiumCliPrinter, localChromiumPath, printHtmlToPdf } from '../export/print-pdf';
import type { DraftService } from '../draft-service';
import type { Draft } from '../model';
import type { WorkspaceSources } from './workspace-sources';

const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
} as const;

/** A file name from the draft's title: letters, digits and dashes, never empty. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'draft';
}

function textFile(fileName: string, mimeType: string, text: string, companions: ExportedDraftFile['companions'] = []): ExportedDraftFile {
  return { fileName, mimeType, encoding: 'utf8', data: text, bytes: Buffer.byteLength(text), companions };
}

export function binaryFile(fileName: string, mimeType: string, bytes: Uint8Array): ExportedDraftFile {
  return { fileName, mimeType, encoding: 'base64', data: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength, companions: [] };
}

export async function exportDraftFile(draft: Draft, format: DraftExportFormat, sources: WorkspaceSources, csl: CslRepository, keys?: MarkdownKeyMode): Promise<ExportedDraftFile> {
  const stem = fileStem(draft.title);
  switch (format) {
    case 'docx': {
      // The docx library (0.5 MB) loads with the first DOCX export, not with the core.
      const { exportDraftDocx } = await import('../export/docx');
      return binaryFile(`${stem}.docx`, mimeTypes.docx, await exportDraftDocx(draft, { sources, csl }));
    }
    case 'html':
      return textFile(`${stem}.html`, mimeTypes.html, await exportDraftHtml(draft, { sources, csl }));
    case 'md': {
      // The front matter names the CSL-JSON file; it travels with the Markdown as a companion.
      const bibliographyFile = `${stem}.json`;
      const exported = exportDraftMarkdown(draft, sources, { bibliographyFile, ...(keys ? { keys } : {}) });
      return textFile(`${stem}.md`, mimeTypes.md, exported.markdown, [{ fileName: bibliographyFile, mimeType: 'application/json', data: exported.bibliographyJson }]);
    }
    case 'csl-json':
    case 'bibtex':
    case 'ris':
      return textFile(`${stem}.${bibliographyFileExtension[format]}`, mimeTypes[format], exportDraftBibliography(draft, sources, format));
  }
}

/** Exports to every format; PDF without a host prints with a local Chromium if there is one. */
export function exportHandlers(service: DraftService, sources: WorkspaceSources, csl: CslRepository): AreaHandlers<Pick<typeof draftsMethods, 'drafts.export' | 'drafts.exportPdf'>> {
  return {
    'drafts.export': ({ id, format, keys }) => exportDraftFile(service.get(id), format, sources, csl, keys),
    'drafts.exportPdf': async ({ id }) => {
      const draft = service.get(id);
      const chromium = localChromiumPath();
      if (!chromium) {
        throw new WorkbenchError('UNSUPPORTED', 'Printing to PDF needs the desktop app or a Chromium browser (set WORKBENCH_CHROMIUM to its path). Export HTML and print it from a browser instead.');
      }
      const html = await exportDraftHtml(draft, { sources, csl });
      return binaryFile(`${fileStem(draft.title)}.pdf`, mimeTypes.pdf, await printHtmlToPdf(html, chromiumCliPrinter(chromium)));
    },
  };
}
