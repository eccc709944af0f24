import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

export interface ReadPdf {
  numPages: number;
  /** The page's text as pdf.js extracts it, whitespace collapsed to single spaces. */
  pageText(page: number): Promise<string>;
  /** Text items in drawing order. */
  pageItems(page: number): Promise<string[]>;
  linkUrls(page: number): Promise<string[]>;
  outline(): Promise<OutlineNode[]>;
  info(): Promise<Record<string, unknown>>;
}

/** Opens typesetter output with pdf.js, the library the reader uses, to see what a reader gets. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const items = async (n: number) => {
    const content = await (await pdf.getPage(n)).getTextContent();
    return content.items.flatMap((item) => ('str' in item ? [{ str: item.str, eol: item.hasEOL }] : []));
  };
  return {
    numPages: pdf.numPages,
    async pageText(n) {
      const list = await items(n);
      return list
        .map((i) => i.str + (i.eol ? ' ' : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    },
    async pageItems(n) {
      return (await items(n)).map((i) => i.str).filter((s) => s.trim().length > 0);
    },
    async linkUrls(n) {
      const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string }[];
      return annotations.filter((a) => a.subtype === 'Link').map((a) => a.url ?? a.unsafeUrl ?? '');
    },
    async outline() {
      const strip = (nodes: { title: string; items: unknown[] }[]): OutlineNode[] =>
        nodes.map((n) => ({ title: n.title, items: strip(n.items as { title: string; items: unknown[] }[]) }));
      return strip(((await pdf.getOutline()) ?? []) as { title: string; items: unknown[] }[]);
    },
    async info() {
      return (await pdf.getMetadata()).info as Record<string, unknown>;
    },
  };
}
