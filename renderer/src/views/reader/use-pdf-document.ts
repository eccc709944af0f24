import { useEffect, useState } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { api } from '../../api/client';
import { openPdf } from './pdfjs';
import { ocrTextContent } from './ocr-text-content';
import { joinPageText } from './page-text';
import type { PageText } from './page-text';
import type { PageSize } from './zoom';

export interface OutlineEntry {
  title: string;
  depth: number;
  page: number;
  /** Distance from the page's top edge, in points, when the destination gives one. */
  pointFromTop?: number;
}

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  /**
   * A page's extracted text, loaded on demand and kept: `content` feeds the text layer and
   * `text` is the same items joined, for find and passage highlights (item i = span i).
   */
  pageText(page: number): Promise<PageContent>;
}

export interface PageContent {
  content: TextContent;
  text: PageText;
}

export type PdfState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  /** An encrypted PDF (an import opened with its password): the reader asks for it again. */
  | { status: 'password'; incorrect: boolean; submit: (password: string) => void }
  | { status: 'ready'; pdf: LoadedPdf };

/** pdf.js's PasswordException: code 1 means a password is needed, 2 that the one given is wrong. */
function passwordProblem(error: unknown): 'needed' | 'incorrect' | undefined {
  if (!(error instanceof Error) || error.name !== 'PasswordException') return undefined;
  return (error as Error & { code?: number }).code === 2 ? 'incorrect' : 'needed';
}

type RawOutline = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>;

async function resolveOutline(doc: PDFDocumentProxy, sizes: PageSize[], items: RawOutline | null, depth = 0): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  for (const item of items ?? []) {
    try {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') {
        const page = (await doc.getPageIndex(ref as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1;
        // XYZ destinations carry the top edge in PDF coordinates (from the bottom).
        const top = typeof dest?.[3] === 'number' ? (dest[3] as number) : undefined;
        const height = sizes[page - 1]?.height ?? 0;
        entries.push({ title: item.title, depth, page, ...(top !== undefined ? { pointFromTop: Math.max(0, height - top) } : {}) });
      }
    } catch {
      // A broken destination leaves out that entry; the rest of the outline still works.
    }
    entries.push(...(await resolveOutline(doc, sizes, item.items, depth + 1)));
  }
  return entries;
}

/**
 * A page's text content; for a scanned page of an imported document (no text of its own),
 * the words OCR recognised when it was imported.
 */
async function pageContent(proxy: PDFPageProxy, page: number, docId: string | undefined): Promise<TextContent> {
  const content = await proxy.getTextContent();
  if (!docId || content.items.some((item) => 'str' in item && item.str.trim() !== '')) return content;
  const layer = await api.invoke('import.ocrTextLayer', { docId, page }).catch(() => null);
  return layer ? ocrTextContent(layer, proxy.getViewport({ scale: 1 })) : content;
}

/**
 * Opens the PDF at `url`, with its page sizes and outline; closes it when the paper closes.
 * `docId` names an imported document whose scanned pages have an OCR text layer.
 */
export function usePdfDocument(url: string | undefined, docId?: string): PdfState {
  const [state, setState] = useState<PdfState>({ status: 'loading' });
  const [password, setPassword] = useState<string | undefined>();
  useEffect(() => {
    if (!url) return;
    let current = true;
    setState({ status: 'loading' });
    const opened = openPdf(url, password);
    opened.promise
      .then(async (doc) => {
        // All page sizes at once (the worker answers them in parallel); they place every page.
        const sizes: PageSize[] = await Promise.all(
          Array.from({ length: doc.numPages }, (_, index) =>
            doc.getPage(index + 1).then((page) => {
              const viewport = page.getViewport({ scale: 1 });
              return { width: viewport.width, height: viewport.height };
            }),
          ),
        );
        const texts = new Map<number, Promise<PageContent>>();
        const pageText = (page: number) => {
          let text = texts.get(page);
          if (!text) {
            text = doc
              .getPage(page)
              .then((proxy) => pageContent(proxy, page, docId))
              .then((content) => ({ content, text: joinPageText(content.items.filter((item) => 'str' in item)) }));
            texts.set(page, text);
          }
          return text;
        };
        if (current) setState({ status: 'ready', pdf: { doc, sizes, pageText } });
      })
      .catch((error: Error) => {
        if (!current) return;
        const problem = passwordProblem(error);
        if (problem) setState({ status: 'password', incorrect: problem === 'incorrect', submit: setPassword });
        else setState({ status: 'error', error });
      });
    return () => {
      current = false;
      void opened.destroy();
    };
  }, [url, password, docId]);
  return state;
}

/** The PDF's outline with each entry's page; loaded after the paper opens, as the first page does not need it. */
export function usePdfOutline(pdf: LoadedPdf | undefined): OutlineEntry[] | undefined {
  const [outline, setOutline] = useState<OutlineEntry[] | undefined>();
  useEffect(() => {
    if (!pdf) return;
    let current = true;
    void pdf.doc
      .getOutline()
      .then((items) => resolveOutline(pdf.doc, pdf.sizes, items))
      .then(
        (entries) => current && setOutline(entries),
        () => current && setOutline([]),
      );
    return () => {
      current = false;
    };
  }, [pdf]);
  return outline;
}
