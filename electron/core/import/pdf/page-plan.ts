/**
 * How a PDF's pages are shared among worker threads: in chunks handed out as workers ask, so
 * a worker that started late or met slow pages (OCR takes seconds a page) simply takes
 * fewer. Chunks shrink once OCR is seen, to keep the last worker from finishing long after
 * the others.
 */
export class PagePlan {
  private next = 1;

  constructor(readonly pageCount: number) {}

  /** The next pages to read, or undefined when every page has been handed out. */
  take(ocrSeen: boolean): number[] | undefined {
    if (this.next > this.pageCount) return undefined;
    const size = ocrSeen ? OCR_CHUNK : TEXT_CHUNK;
    const pages: number[] = [];
    for (; pages.length < size && this.next <= this.pageCount; this.next++) pages.push(this.next);
    return pages;
  }

  get remaining(): number {
    return this.pageCount - this.next + 1;
  }
}

const TEXT_CHUNK = 8;
const OCR_CHUNK = 1;

/**
 * A helper worker pays for itself once enough pages are left: starting one costs about as
 * much as reading a dozen text pages, but less than recognising one scanned page.
 */
export function helperWorthwhile(remaining: number, ocrSeen: boolean): boolean {
  return ocrSeen ? remaining >= 2 : remaining >= 24;
}
