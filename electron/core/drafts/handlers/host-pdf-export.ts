import type { ExportedDraftFile } from '../methods';
import { invokeOrThrow, type Dispatch } from '../../api/invoke';
import { printHtmlToPdf, type HtmlPrinter } from '../export/print-pdf';
import { binaryFile } from './export-handlers';

/**
 * `drafts.exportPdf` for a host that can print (the Electron shell with printToPDF, the test
 * harness with Playwright): core renders the draft's HTML export, the host's printer turns
 * it into PDF. `dispatch` is looked up per call because the host builds its handlers before
 * the core exists.
 */
export function hostPdfExport(dispatch: () => Dispatch, print: HtmlPrinter): (args: { id: string }) => Promise<ExportedDraftFile> {
  return async ({ id }) => {
    const html = (await invokeOrThrow(dispatch(), 'drafts.export', { id, format: 'html' })) as ExportedDraftFile;
    const pdf = await printHtmlToPdf(html.data, print);
    return binaryFile(html.fileName.replace(/\.html$/, '.pdf'), 'application/pdf', pdf);
  };
}
