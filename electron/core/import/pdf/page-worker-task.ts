import type { TaskContext } from '../../workers/serve-tasks.js';

import { LazyOcr } from '../ocr/lazy-ocr.js';
import type { OcrSetup } from '../ocr/ocr-engine.js';
import type { PdfExtraction } from '../types.js';
import type { FromPageWorker, PageProgress, PagesReadNote, ToPageWorker } from '../worker-notes.js';
import { finishExtraction, readFileMetadata } from './extract-pdf.js';
import { openPdf, translatePdfError } from './open-pdf.js';
import { readPdfPages } from './read-pages.js';
import { structurePdf } from './structure-pdf.js';

export interface PageTaskInput {
  bytes: Uint8Array;
  fileName: string;
  password?: string;
  ocr?: OcrSetup;
  /** The lead builds the document from every worker's pages; helpers only read. */
  lead: boolean;
}

/**
 * One PDF worker's side of `extractPdfInWorkers`: opens the file, reads the pages it is
 * handed until told to finish, and (the lead) assembles the document from all of them.
 */
export async function pageWorkerTask(input: PageTaskInput, context: TaskContext<PageProgress>): Promise<PdfExtraction | null> {
  const { fileName } = input;
  const { doc, task } = await openPdf(input.bytes, fileName, input.password);
  const ocr = input.ocr ? new LazyOcr(input.ocr) : undefined;
  const own: PagesReadNote[] = [];
  try {
    const opened: FromPageWorker = { type: 'opened', pageCount: doc.numPages };
    context.send(opened);
    for (;;) {
      const note = (await context.nextNote()) as ToPageWorker;
      if (note.type === 'finish') {
        if (!input.lead) return null;
        const reads = [...own, ...note.others];
        const pages = reads.flatMap((r) => r.pages).sort((a, b) => a.page - b.page);
        const unreadable = reads.flatMap((r) => r.unreadable);
        if (pages.length === 0 && unreadable.length > 0) throw Object.assign(new Error(reads.find((r) => r.lastError)?.lastError?.message ?? 'no page could be read'), reads.find((r) => r.lastError)?.lastError ?? {});
        const structure = structurePdf(pages, await readFileMetadata(doc), fileName, doc.numPages);
        // The languages are the setup's whichever worker recognised the pages (a helper may
        // have read every scanned page while the lead never started its engine).
        return finishExtraction(structure, { unreadable, textLayers: reads.flatMap((r) => r.textLayers) }, ocr);
      }
      const read = await readPdfPages(doc, note.numbers, { fileName, ...(ocr ? { ocr } : {}), onPage: () => context.progress({ recognising: false }), onRecognising: () => context.progress({ recognising: true }) });
      const error = read.lastError as { name?: string; message?: string; code?: number } | undefined;
      const readNote: PagesReadNote = {
        pages: read.pages,
        unreadable: read.unreadable,
        textLayers: read.textLayers,
        ...(error ? { lastError: { name: String(error.name ?? 'Error'), message: String(error.message ?? error), ...(typeof error.code === 'number' ? { code: error.code } : {}) } } : {}),
      };
      if (input.lead) own.push(readNote);
      const reply: FromPageWorker = { type: 'read', read: input.lead ? { ...readNote, pages: [], textLayers: [] } : readNote };
      context.send(reply);
    }
  } catch (error) {
    throw translatePdfError(error, fileName, input.password);
  } finally {
    await ocr?.close();
    await task.destroy().catch(() => undefined);
  }
}

