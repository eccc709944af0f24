import type { OcrEngine, OcrSetup, PageImage } from './ocr-engine.js';
import type { OcrPageText } from './ocr-types.js';

/**
 * Starts the OCR engine when the first page needs it (most PDFs have text on every page and
 * never pay the second it takes), and ends it once the pages are read.
 */
export class LazyOcr {
  private engine: Promise<OcrEngine> | undefined;

  constructor(private readonly setup: OcrSetup) {}

  get languages(): string[] {
    return this.setup.languages.map((l) => l.code);
  }

  recognize(image: PageImage): Promise<OcrPageText> {
    // Loaded here: a PDF worker that meets no scanned page never loads tesseract.js.
    this.engine ??= import('./ocr-engine.js').then(({ OcrEngine }) => OcrEngine.start(this.setup));
    return this.engine.then((engine) => engine.recognize(image));
  }

  get used(): boolean {
    return this.engine !== undefined;
  }

  async close(): Promise<void> {
    const engine = await this.engine?.catch(() => undefined);
    await engine?.close();
  }
}
