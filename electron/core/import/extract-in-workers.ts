import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';
import { IdleWorkers } from '../workers/idle-workers.js';
import { startLimitedWorker, type LimitedWorker, type WorkerBudget } from '../workers/limited-worker.js';
import { siblingEntry, type WorkerEntry } from '../workers/worker-entry.js';
import { cancelledError } from './cancellation.js';
import type { ExtractOptions, Extraction } from './extract-any.js';
import type { ImportFormat } from './file-format.js';
import { helperWorthwhile, PagePlan } from './pdf/page-plan.js';
import type { PageTaskInput } from './pdf/page-worker-task.js';
import type { PdfExtraction } from './types.js';
import type { ExtractProgress, ExtractTaskInput } from './worker.js';
import type { WarmUpInput } from './pdf/warm-up.js';
import type { RecordingExtraction, RecordingTaskInput } from './recording/read-recording.js';
import type { FromPageWorker, PageProgress, ToPageWorker } from './worker-notes.js';

export interface WorkerOptions {
  /** A bundled app's built extraction worker (`worker.js`); by default the one beside this module. */
  workerUrl?: URL;
  /** Most worker threads one PDF may use; default: the machine's cores. */
  maxWorkers?: number;
  /** Told each time a PDF worker starts (1 for the lead), for diagnostics. */
  onWorkerStart?(count: number): void;
}

/**
 * The budgets of each extractor. Text and Word files are read in seconds; PDFs get time
 * for OCR, which takes seconds a page, and are judged stuck only after minutes of silence.
 */
export const BUDGETS: Record<'pdf' | 'photo' | 'docx' | 'text' | 'recording', WorkerBudget> = {
  pdf: { heapMb: 1024, idleMs: 3 * 60_000, totalMs: 60 * 60_000 },
  photo: { heapMb: 512, idleMs: 3 * 60_000, totalMs: 20 * 60_000 },
  docx: { heapMb: 512, idleMs: 60_000, totalMs: 2 * 60_000 },
  text: { heapMb: 1024, idleMs: 60_000, totalMs: 2 * 60_000 },
  // music-metadata streams the recording (a 2-hour MP3 without a length header is read
  // frame by frame); the transcript is at most 16 MB of text.
  recording: { heapMb: 1024, idleMs: 2 * 60_000, totalMs: 10 * 60_000 },
};

/** Reads a recording's headers and its transcript on a worker thread with limits. */
export function readRecordingInWorker(input: RecordingTaskInput, options: { fileName: string; signal?: AbortSignal } & WorkerOptions): Promise<RecordingExtraction> {
  const transfer = input.transcript ? [input.transcript.bytes.buffer as ArrayBuffer] : [];
  return startLimitedWorker<RecordingExtraction, never>({
    entry: entry(options),
    task: 'recording',
    input,
    transfer,
    budget: BUDGETS.recording,
    fileName: options.fileName,
    ...(options.signal ? { signal: options.signal } : {}),
    cancelledError: () => cancelledError(options.fileName),
  }).result;
}

/**
 * PDF workers kept a minute after an import that went well, for the next: a new worker
 * spends about half a second of CPU loading pdf.js and getting its code optimised before it
 * reads at full speed, which on two busy cores was most of a 300-page book's import.
 */
const keptPdfWorkers = new IdleWorkers({ idleMs: 60_000, max: availableParallelism() });

/** Ends the PDF workers kept for the next import (tests that count threads; nothing else needs to). */
export function endKeptPdfWorkers(): void {
  keptPdfWorkers.endAll();
}

/** How many PDF workers are kept for the next import. */
export function keptPdfWorkerCount(): number {
  return keptPdfWorkers.count();
}

let warming = 0;
/** Settles when the warm-ups started so far have (each one's failure costs nothing but its thread). */
let warmUpsDone: Promise<void> = Promise.resolve();
let pdfThreadsStarted = 0;

/** How many PDF worker threads this process has started (kept ones taken again are not counted). */
export function pdfWorkerThreadsStarted(): number {
  return pdfThreadsStarted;
}

/**
 * Gets PDF workers ready before an import needs them (the app asks as its file dialog opens
 * or a file is dragged over the window, `import.prepare`): each loads pdf.js and reads a
 * PDF (`samplePdf`, or a small one of its own) a few times, so its code is optimised, then
 * waits among the kept workers for the
 * import. Starts only what is missing (none while enough are kept or warming); `ready`
 * settles when they are (a warm-up that fails costs nothing but its thread).
 */
export function warmPdfWorkers(options: Pick<WorkerOptions, 'workerUrl' | 'maxWorkers'> & WarmUpInput = {}): { starting: number; ready: Promise<void> } {
  const wanted = Math.max(1, options.maxWorkers ?? availableParallelism());
  const starting = Math.max(0, wanted - keptPdfWorkers.count() - warming);
  const runs: Array<Promise<unknown>> = [];
  for (let i = 0; i < starting; i++) {
    warming += 1;
    const run = startLimitedWorker<null>({
      entry: entry(options),
      task: 'pdf-warm',
      input: (options.samplePdf === undefined ? {} : { samplePdf: options.samplePdf }) satisfies WarmUpInput,
      budget: BUDGETS.pdf,
      fileName: 'warm-up.pdf',
      keep: keptPdfWorkers,
      cancelledError: () => new WorkbenchError('CANCELLED', 'The warm-up was cancelled.'),
      onNewThread: () => (pdfThreadsStarted += 1),
    }).result;
    runs.push(run.catch(() => undefined).finally(() => (warming -= 1)));
  }
  const ready = Promise.all(runs).then(() => undefined);
  if (starting > 0) warmUpsDone = Promise.all([warmUpsDone, ready]).then(() => undefined);
  return { starting, ready };
}

/** A bundled paper to warm up on (`resources/corpus/pdf`), the same one every time; none if there is none. */
export function bundledWarmUpSample(resourcesDir: string): string | undefined {
  try {
    const folder = path.join(resourcesDir, 'corpus', 'pdf');
    const first = readdirSync(folder).filter((name) => name.endsWith('.pdf')).sort()[0];
    return first ? path.join(folder, first) : undefined;
  } catch {
    return undefined;
  }
}

/** The longest an import waits for workers warming up before it starts its own. */
const WARM_UP_WAIT_MS = 3000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Chunks of pages handed to a worker ahead of its reading them. */
const CHUNKS_AHEAD = 2;
/** From this size a PDF's helpers start with its lead (below it, once the page count shows they pay). */
const EAGER_HELPER_BYTES = 256 * 1024;

function entry(options: WorkerOptions): WorkerEntry {
  return siblingEntry(import.meta.url, 'worker', options.workerUrl);
}

/** Extracts any supported file on worker threads; PDFs share their pages among several. */
export function extractInWorkers(format: ImportFormat, bytes: Uint8Array, options: ExtractOptions & WorkerOptions): Promise<Extraction> {
  if (format === 'pdf') {
    return extractPdfInWorkers(bytes, options).then((pdf) => ({ origin: 'imported-pdf', kind: 'other', ...pdf }));
  }
  const budget = format === 'docx' ? BUDGETS.docx : format === 'txt' || format === 'md' ? BUDGETS.text : BUDGETS.photo;
  const input: ExtractTaskInput = {
    format,
    bytes: bytes.slice(),
    fileName: options.fileName,
    ...(options.ocr ? { ocr: options.ocr } : {}),
  };
  return startLimitedWorker<Extraction, ExtractProgress>({
    entry: entry(options),
    task: 'extract',
    input,
    transfer: [input.bytes.buffer as ArrayBuffer],
    budget,
    fileName: options.fileName,
    ...(options.signal ? { signal: options.signal } : {}),
    cancelledError: () => cancelledError(options.fileName),
    onProgress: (p) => options.onPage?.(p.page, p.total, p.recognising),
  }).result;
}

/**
 * A PDF read by several worker threads at once. The first (the lead) opens the file and
 * reports its page count; pages are then handed out in chunks to it and to helpers started
 * while enough pages are left; the helpers' pages go on to the lead as they are read, and
 * when all are read the lead builds the document. Any failure or a cancel ends every worker.
 */
export function extractPdfInWorkers(bytes: Uint8Array, options: ExtractOptions & WorkerOptions): Promise<PdfExtraction> {
  // Workers still warming up are ready within a moment: waited for, they read the file at
  // full speed, where new threads beside them would share the cores with them from cold.
  // A warm-up that hangs holds nothing up for long.
  if (warming > 0) return Promise.race([warmUpsDone, delay(WARM_UP_WAIT_MS)]).then(() => readPdfInWorkers(bytes, options));
  return readPdfInWorkers(bytes, options);
}

function readPdfInWorkers(bytes: Uint8Array, options: ExtractOptions & WorkerOptions): Promise<PdfExtraction> {
  const { fileName } = options;
  const maxWorkers = Math.max(1, options.maxWorkers ?? availableParallelism());
  const stop = new AbortController();
  const onCallerAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.signal?.aborted) stop.abort();

  let plan: PagePlan | undefined;
  let ocrSeen = false;
  let pagesDone = 0;
  let outstanding = 0;
  const workers: Array<LimitedWorker<PdfExtraction | null>> = [];
  let lead!: LimitedWorker<PdfExtraction | null>;
  let failure: WorkbenchError | undefined;
  let finishing = false;

  const give = (worker: LimitedWorker<PdfExtraction | null>) => {
    const numbers = plan!.take(ocrSeen);
    if (numbers) {
      outstanding += 1;
      worker.send({ type: 'pages', numbers } satisfies ToPageWorker);
      if (workers.length < maxWorkers && helperWorthwhile(plan!.remaining, ocrSeen)) start(false);
    } else if (worker !== lead) {
      worker.send({ type: 'finish' } satisfies ToPageWorker);
    }
    if (!numbers && outstanding === 0 && !finishing) {
      finishing = true;
      lead.send({ type: 'finish' } satisfies ToPageWorker);
    }
  };

  const start = (isLead: boolean): LimitedWorker<PdfExtraction | null> => {
    const input: PageTaskInput = {
      bytes: bytes.slice(),
      fileName,
      lead: isLead,
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.ocr ? { ocr: options.ocr } : {}),
    };
    const worker: LimitedWorker<PdfExtraction | null> = startLimitedWorker<PdfExtraction | null, PageProgress>({
      entry: entry(options),
      task: 'pdf-pages',
      input,
      transfer: [input.bytes.buffer as ArrayBuffer],
      budget: BUDGETS.pdf,
      fileName,
      signal: stop.signal,
      keep: keptPdfWorkers,
      onNewThread: () => (pdfThreadsStarted += 1),
      cancelledError: () => failure ?? cancelledError(fileName),
      onProgress: (progress) => {
        if (progress.recognising) {
          ocrSeen = true;
          options.onPage?.(pagesDone + 1, plan?.pageCount ?? 0, true);
        } else {
          pagesDone += 1;
          options.onPage?.(pagesDone, plan?.pageCount ?? 0);
        }
      },
      onNote: (raw) => {
        const note = raw as FromPageWorker;
        if (note.type === 'opened') {
          plan ??= new PagePlan(note.pageCount);
          give(worker);
          // On a long document a second chunk waits in the worker's queue, so it never
          // idles for the round trip (a short one is left for the other workers).
          for (let i = 1; i < CHUNKS_AHEAD && helperWorthwhile(plan.remaining, ocrSeen); i++) give(worker);
        } else {
          outstanding -= 1;
          // On to the lead at once: it takes them in between its own pages, not after the last.
          if (worker !== lead) lead.send({ type: 'others', read: note.read } satisfies ToPageWorker);
          give(worker);
        }
      },
    });
    workers.push(worker);
    options.onWorkerStart?.(workers.length);
    // The first real failure ends the others; they then report the same error.
    worker.result.catch((error: WorkbenchError) => {
      failure ??= error;
      stop.abort();
    });
    return worker;
  };

  lead = start(true);
  // A file this size is worth a helper whatever its page count: started now, it opens the
  // file beside the lead instead of after it (a third of a second on a 300-page book).
  if (bytes.byteLength >= EAGER_HELPER_BYTES) while (workers.length < maxWorkers) start(false);
  return lead.result
    .then(async (extraction) => {
      await Promise.allSettled(workers.map((w) => w.result));
      if (!extraction) throw new WorkbenchError('INTERNAL', `Reading “${fileName}” ended without a result. Try the import again.`);
      return extraction;
    })
    .catch((error: unknown) => {
      stop.abort();
      throw failure ?? error;
    })
    .finally(() => options.signal?.removeEventListener('abort', onCallerAbort));
}
