import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { WorkbenchError } from '../../api/errors.js';
import type { OcrLanguageFile } from './ocr-languages.js';
import type { OcrLine, OcrPageText, OcrWord } from './ocr-types.js';

/** Where OCR finds everything it needs on this machine; passed into the extraction worker. */
export interface OcrSetup {
  languages: OcrLanguageFile[];
  /** `offline-tesseract-worker.cjs`, the thread the engine runs on. */
  workerPath: string;
}

/** An image of one page for the engine, and how its pixels map to the page's points. */
export interface PageImage {
  /** PGM, PNG or JPEG bytes. */
  image: Uint8Array;
  page: number;
  /** Page size in points. */
  width: number;
  height: number;
  pointsPerPixel: number;
}

/** Words this unsure are mostly specks and rules read as letters. */
const MIN_WORD_CONFIDENCE = 30;

/**
 * tesseract.js's options with every path local. Its defaults fetch the WebAssembly core and
 * the language data from a CDN and cache the data in the current folder: here the data is
 * read from `languageDir`, nothing is cached, and the engine's thread has no network anyway.
 */
export function tesseractOptions(languageDir: string, workerPath: string): Partial<Tesseract.WorkerOptions> {
  const core = path.dirname(createRequire(import.meta.url).resolve('tesseract.js-core/package.json'));
  return {
    corePath: core,
    langPath: languageDir,
    cachePath: languageDir,
    cacheMethod: 'none',
    gzip: false,
    workerPath,
    workerBlobURL: false,
    legacyCore: false,
    legacyLang: false,
    logger: () => undefined,
  };
}

/** One tesseract engine for the pages of one import; `close` ends its thread and removes its files. */
export class OcrEngine {
  private constructor(
    private readonly worker: Tesseract.Worker,
    private readonly languageDir: string,
    readonly languages: string[],
  ) {}

  static async start(setup: OcrSetup): Promise<OcrEngine> {
    // tesseract reads `<langPath>/<code>.traineddata`, gzipped or not, from one folder: the
    // bundled and the workspace's models are put side by side in a private one.
    const languageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workbench-ocr-'));
    try {
      for (const language of setup.languages) await fs.copyFile(language.file, path.join(languageDir, `${language.code}.traineddata`));
      const codes = setup.languages.map((l) => l.code);
      // tesseract.js never settles createWorker when a model fails to load (it reports the
      // failure to errorHandler only), so that report ends the wait. The engine's thread
      // then lingers until the extraction worker that started it is ended.
      let failed: (reason: Error) => void = () => undefined;
      const failure = new Promise<never>((_, reject) => (failed = reject));
      const worker = await Promise.race([
        Tesseract.createWorker(codes.join('+'), Tesseract.OEM.LSTM_ONLY, {
          ...tesseractOptions(languageDir, setup.workerPath),
          errorHandler: (detail: unknown) => failed(new WorkbenchError('CORRUPT', `OCR could not start with the language models ${codes.join(', ')} (${String(detail)}). A model file in the workspace's ocr-languages folder may be damaged; replace or remove it.`, { languages: codes })),
        }),
        failure,
      ]);
      return new OcrEngine(worker, languageDir, codes);
    } catch (error) {
      await fs.rm(languageDir, { recursive: true, force: true });
      throw error;
    }
  }

  async recognize(input: PageImage): Promise<OcrPageText> {
    await this.worker.setParameters({ user_defined_dpi: String(Math.round(72 / input.pointsPerPixel)) });
    const { data } = await this.worker.recognize(Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength), {}, { blocks: true, text: false });
    const scale = input.pointsPerPixel;
    const paragraphs: OcrLine[][] = [];
    let confidenceSum = 0;
    let wordCount = 0;
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        const lines: OcrLine[] = [];
        for (const line of paragraph.lines) {
          const words: OcrWord[] = line.words
            .map((w) => ({ text: w.text.trim(), x0: w.bbox.x0 * scale, y0: w.bbox.y0 * scale, x1: w.bbox.x1 * scale, y1: w.bbox.y1 * scale, confidence: w.confidence }))
            .filter((w) => w.text !== '' && w.confidence >= MIN_WORD_CONFIDENCE);
          if (!words.some((w) => /[\p{L}\p{N}]/u.test(w.text))) continue;
          for (const w of words) {
            confidenceSum += w.confidence;
            wordCount += 1;
          }
          const middle = (line.baseline.y0 + line.baseline.y1) / 2;
          lines.push({
            words,
            x0: Math.min(...words.map((w) => w.x0)),
            y0: Math.min(...words.map((w) => w.y0)),
            x1: Math.max(...words.map((w) => w.x1)),
            y1: Math.max(...words.map((w) => w.y1)),
            baseline: middle > 0 ? middle * scale : Math.max(...words.map((w) => w.y1)),
            rowHeight: (line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0) * scale,
          });
        }
        if (lines.length > 0) paragraphs.push(lines);
      }
    }
    return { page: input.page, width: input.width, height: input.height, paragraphs, confidence: wordCount ? confidenceSum / wordCount : 0 };
  }

  async close(): Promise<void> {
    await this.worker.terminate().catch(() => undefined);
    await fs.rm(this.languageDir, { recursive: true, force: true });
  }
}
