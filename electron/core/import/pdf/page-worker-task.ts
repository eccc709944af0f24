import type { TaskContext } from '../../workers/serve-tasks.js';

import { LazyOcr } from '../ocr/lazy-ocr.js';
import type { OcrSetup } from '../ocr/ocr-engine.js';
import type { PdfExtraction } from '../types.js';
import type { FromPageWorker, PageProgress, PagesReadNote, ToPageWorker } from '../worker-notes.js';
import { finishExtraction, readFileMetadata } from './extract-pdf.js';
import { openPdf, translatePdfError } from './open-pdf.js';
import { savePdfJsCodeCache } from './pdfjs.js';
import { readPdfPages } from './read-pages.js';
import { structurePdf } from './structure-pdf.js';
import { BodyVocabulary } from './body-vocabulary.js';

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
 * handed until told to finish, and (the lead) assembles the document from all of them. The
 * helpers' pages reach the lead while it is still reading its own, and every worker gathers
 * the words of what it read, so little is left to do after the last page.
 */
export async function pageWorkerTask(input: PageTaskInput, context: TaskContext<PageProgress>): Promise<PdfExtraction | null> {
  const { fileName } = input;
  const { doc, task } = await openPdf(input.bytes, fileName, input.password);
  const ocr = input.ocr ? new LazyOcr(input.ocr) : undefined;
  const vocabulary = new BodyVocabulary();
  const reads: PagesReadNote[] = [];
  try {
    const opened: FromPageWorker = { type: 'opened', pageCount: doc.numPages };
    context.send(opened);
    for (;;) {
      const note = (await context.nextNote()) as ToPageWorker;
      if (note.type === 'others') {
        reads.push(note.read);
        continue;
      }
      if (note.type === 'finish') {
        // After the answer has gone, the first workers after an install leave pdf.js's
        // compiled code for the next ones (see `savePdfJsCodeCache`).
        if (!input.lead) {
          setImmediate(savePdfJsCodeCache);
          return null;
        }
        const pages = reads.flatMap((r) => r.pages).sort((a, b) => a.page - b.page);
        const unreadable = reads.flatMap((r) => r.unreadable);
        if (pages.length === 0 && unreadable.length > 0) throw Object.assign(new Error(reads.find((r) => r.lastError)?.lastError?.message ?? 'no page could be read'), reads.find((r) => r.lastError)?.lastError ?? {});
        const structure = structurePdf(pages, await readFileMetadata(doc), fileName, doc.numPages, reads.flatMap((r) => r.words));
        // The languages are the setup's whichever worker recognised the pages (a helper may
        // have read every scanned page while the lead never started its engine).
        setImmediate(savePdfJsCodeCache);
        return finishExtraction(structure, { unreadable, textLayers: reads.flatMap((r) => r.textLayers) }, ocr);
      }
      const read = await readPdfPages(doc, note.numbers, { fileName, ...(ocr ? { ocr } : {}), onPage: () => context.progress({ recognising: false }), onRecognising: () => context.progress({ recognising: true }) });
      for (const page of read.pages) vocabulary.addPage(page);
      const error = read.lastError as { name?: string; message?: string; code?: number } | undefined;
      const readNote: PagesReadNote = {
        pages: read.pages,
        unreadable: read.unreadable,
        textLayers: read.textLayers,
        words: vocabulary.takeNew(),
        ...(error ? { lastError: { name: String(error.name ?? 'Error'), message: String(error.message ?? error), ...(typeof error.code === 'number' ? { code: error.code } : {}) } } : {}),
      };
      if (input.lead) reads.push(readNote);
      const reply: FromPageWorker = { type: 'read', read: input.lead ? { ...readNote, pages: [], textLayers: [], words: [] } : readNote };
      context.send(reply);
    }
  } catch (error) {
    throw translatePdfError(error, fileName, input.password);
  } finally {
    await ocr?.close();
    await task.destroy().catch(() => undefined);
  }
}
