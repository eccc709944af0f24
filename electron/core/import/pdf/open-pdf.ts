import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { WorkbenchError } from '../../api/errors.js';
import { loadPdfJs, pdfJsResourceDirs } from './pdfjs.js';

/** pdf.js PasswordException codes (PasswordResponses in pdf.js). */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

/**
 * Opens a PDF, turning pdf.js failures into errors a person can act on. pdf.js repairs
 * damaged cross-reference tables by itself (stopAtErrors stays false), so a file only fails
 * here when nothing could be recovered.
 */
export async function openPdf(bytes: Uint8Array, fileName: string, password?: string): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given; the caller keeps its own copy.
    data: bytes.slice(),
    password,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    ...pdfJsResourceDirs(),
  });
  try {
    const doc = await task.promise;
    return { doc, task };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw translatePdfError(error, fileName, password);
  }
}

export function translatePdfError(error: unknown, fileName: string, password?: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const name = (error as { name?: string } | null)?.name;
  const code = (error as { code?: number } | null)?.code;
  if (name === 'PasswordException') {
    if (code === INCORRECT_PASSWORD || (code === NEED_PASSWORD && password)) {
      return new WorkbenchError(
        'PASSWORD_INCORRECT',
        `The password for “${fileName}” is not correct. Check it (passwords are case-sensitive) and try again.`,
        { fileName },
      );
    }
    return new WorkbenchError(
      'PASSWORD_REQUIRED',
      `“${fileName}” is protected by a password. Enter the password to import it.`,
      { fileName },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new WorkbenchError(
    'CORRUPT',
    `“${fileName}” could not be read as a PDF: the file is damaged or not a PDF (${detail}). ` +
      'If you have another copy, or can re-save it from the program that made it, import that instead.',
    { fileName },
  );
}
