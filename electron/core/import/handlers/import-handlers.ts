import type { importMethods } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';
import type { AreaHandlers } from '../../core-context.js';
import type { ImportContext } from './import-context.js';
import { withBytesAsFile } from './bytes-as-file.js';
import type { ImportJobs } from './import-jobs.js';
import { ocrLanguages, ocrTextLayer } from './ocr-handlers.js';
import { removeDocument } from './remove-document.js';
import { runImport, type RunImportOptions } from './run-import.js';
import { updateMetadata } from './update-metadata.js';

export function importHandlers(context: ImportContext, jobs: ImportJobs, options: RunImportOptions): AreaHandlers<typeof importMethods> {
  return {
    'import.file': ({ path, ...choices }) => runImport(context, jobs, { filePath: path, ...choices }, options),
    'import.bytes': ({ fileName, base64, ...choices }) =>
      withBytesAsFile(fileName, base64, (filePath) => runImport(context, jobs, { filePath, fileName, ...choices }, options)),
    'import.ocrLanguages': () => ocrLanguages(context),
    'import.ocrTextLayer': ({ docId, page }) => ocrTextLayer(context, docId, page),
    'import.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'import.updateMetadata': (edit) => updateMetadata(context, edit),
    'import.remove': ({ docId, annotations }) => removeDocument(context, docId, annotations),
    'import.pickFiles': () => {
      throw new WorkbenchError('UNSUPPORTED', 'The file dialog is only available in the desktop app. Drop files onto the window instead.');
    },
  };
}

