import type { importMethods } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';
import type { AreaHandlers } from '../../core-context.js';
import type { ImportContext } from './import-context.js';
import { withBytesAsFile } from './bytes-as-file.js';
import type { ImportJobs } from './import-jobs.js';
import { removeDocument } from './remove-document.js';
import { runImport, type RunImportOptions } from './run-import.js';
import { updateMetadata } from './update-metadata.js';

export function importHandlers(context: ImportContext, jobs: ImportJobs, options: RunImportOptions): AreaHandlers<typeof importMethods> {
  return {
    'import.file': ({ path, password, onDuplicate, jobId }) =>
      runImport(context, jobs, { filePath: path, password, onDuplicate, jobId }, options),
    'import.bytes': ({ fileName, base64, password, onDuplicate, jobId }) =>
      withBytesAsFile(fileName, base64, (filePath) =>
        runImport(context, jobs, { filePath, fileName, password, onDuplicate, jobId }, options),
      ),
    'import.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'import.updateMetadata': (edit) => updateMetadata(context, edit),
    'import.remove': ({ docId, annotations }) => removeDocument(context, docId, annotations),
    'import.pickFiles': () => {
      throw new WorkbenchError('UNSUPPORTED', 'The file dialog is only available in the desktop app. Drop files onto the window instead.');
    },
  };
}

