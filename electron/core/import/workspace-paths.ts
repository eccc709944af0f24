import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';

/** Where imported documents live: `<workspace>/documents/<docId>/`. */
export function documentsDir(workspaceDir: string): string {
  return path.join(workspaceDir, 'documents');
}

const IMPORTED_ID = /^imp-[a-z0-9]+(?:-[0-9]+)?$/;

/** The folder of one imported document; refuses ids that could point outside the workspace. */
export function documentDir(workspaceDir: string, docId: string): string {
  if (!IMPORTED_ID.test(docId)) {
    throw new WorkbenchError('BAD_REQUEST', `“${docId}” is not the id of an imported document.`, { docId });
  }
  return path.join(documentsDir(workspaceDir), docId);
}

export const DOCUMENT_FILE = 'document.json';
/** Word boxes of OCR'd pages, for the PDF view's text layer. */
export const OCR_TEXT_FILE = 'ocr-text.json';
/** For photos: the PDF made to show them. */
export const DISPLAY_PDF_FILE = 'display.pdf';
export const TEMP_PREFIX = '.tmp-';
export const TRASH_PREFIX = '.trash-';
/** A document's files as they were before a colleague's version replaced them in a conflict (kept, never sent). */
export const SUPERSEDED_PREFIX = '.superseded-';
