import { basename } from 'node:path';
import type { ImportResult, importMethods } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';
import type { AreaHandlers } from '../../core-context.js';
import type { ImportContext } from './import-context.js';
import { addTranscript } from './add-transcript.js';
import { withBytesAsFile } from './bytes-as-file.js';
import type { ImportJobs } from './import-jobs.js';
import { ocrLanguages, ocrTextLayer } from './ocr-handlers.js';
import { bundledWarmUpSample, warmPdfWorkers } from '../extract-in-workers.js';
import { removeDocument } from './remove-document.js';
import { runImport, type RunImportOptions, type RunImportRequest } from './run-import.js';
import { updateMetadata } from './update-metadata.js';

/**
 * Project and codebook files of REFI-QDA tools, W3C or Hypothesis annotations, and reference
 * files (BibTeX, RIS, CSL-JSON): read by the exchange area or the reference library, not
 * extracted as a document.
 */
export function isExchangeFile(fileName: string): boolean {
  return /\.(qdpx|qdc|jsonld|json|bib|bibtex|ris)$/i.test(fileName);
}

export function importHandlers(
  context: ImportContext,
  jobs: ImportJobs,
  options: RunImportOptions,
  projects: { importer?: (filePath: string, fileName: string) => Promise<ImportResult> },
): AreaHandlers<typeof importMethods> {
  let samplePdf: { path: string | undefined } | undefined;
  const importAny = (filePath: string, fileName: string, choices: Omit<RunImportRequest, 'filePath' | 'fileName'>): Promise<ImportResult> => {
    if (!isExchangeFile(fileName)) return runImport(context, jobs, { filePath, fileName, ...choices }, options);
    if (!projects.importer) throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is a REFI-QDA project or codebook, a file of annotations or of references, which this core cannot read.`);
    if (context.workspace.readOnly) throw new WorkbenchError('LOCKED', `“${fileName}” cannot be imported: this workspace is open read-only.`);
    // The caller's job id names the outcome, as for any import.
    return projects.importer(filePath, fileName).then((result) => (choices.jobId === undefined ? result : { ...result, jobId: choices.jobId }));
  };
  return {
    'import.file': ({ path: filePath, transcript, ...choices }) =>
      importAny(filePath, basename(filePath), { ...choices, ...(transcript === undefined ? {} : { transcriptPath: transcript, transcriptFileName: basename(transcript) }) }),
    'import.bytes': ({ fileName, base64, transcript, ...choices }) =>
      withBytesAsFile(fileName, base64, (filePath) =>
        transcript === undefined
          ? importAny(filePath, fileName, choices)
          : withBytesAsFile(transcript.fileName, transcript.base64, (transcriptPath) => importAny(filePath, fileName, { ...choices, transcriptPath, transcriptFileName: transcript.fileName })),
      ),
    'import.addTranscript': ({ docId, path: transcriptPath }) => addTranscript(context, docId, transcriptPath, basename(transcriptPath), options),
    'import.addTranscriptBytes': ({ docId, fileName, base64 }) => withBytesAsFile(fileName, base64, (transcriptPath) => addTranscript(context, docId, transcriptPath, fileName, options)),
    'import.ocrLanguages': () => ocrLanguages(context),
    'import.ocrTextLayer': ({ docId, page }) => ocrTextLayer(context, docId, page),
    'import.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'import.updateMetadata': (edit) => updateMetadata(context, edit),
    'import.remove': ({ docId, annotations }) => removeDocument(context, docId, annotations),
    'import.prepare': () => {
      // The bundled papers do not change while the app runs: looked for once.
      samplePdf ??= { path: bundledWarmUpSample(context.resourcesDir) };
      return { warming: warmPdfWorkers({ ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}), ...(samplePdf.path ? { samplePdf: samplePdf.path } : {}) }).starting };
    },
    'import.pickFiles': () => {
      throw new WorkbenchError('UNSUPPORTED', 'The file dialog is only available in the desktop app. Drop files onto the window instead.');
    },
  };
}

