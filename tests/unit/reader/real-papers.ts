import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { joinPageText } from '../../../renderer/src/views/reader/page-text';
import type { PageText } from '../../../renderer/src/views/reader/page-text';
import type { Corpus } from '../../../electron/core/corpus/schema';

/** The bundled corpus and its typeset PDFs, read the way the reader reads them (pdf.js). */
const resourcesDir = resolve(import.meta.dirname, '../../../resources');

let corpus: Promise<Corpus> | undefined;
export function bundledCorpus(): Promise<Corpus> {
  corpus ??= readFile(join(resourcesDir, 'corpus', 'corpus.json'), 'utf8').then((text) => JSON.parse(text) as Corpus);
  return corpus;
}

const pageTexts = new Map<string, Promise<PageText[]>>();
/** Every page's text of a bundled paper, as pdf.js extracts it for the text layer. */
export function paperPageTexts(docId: string): Promise<PageText[]> {
  let texts = pageTexts.get(docId);
  if (!texts) {
    texts = (async () => {
      const { documents } = await bundledCorpus();
      const document = documents.find((item) => item.id === docId)!;
      const data = new Uint8Array(await readFile(join(resourcesDir, document.pdf!)));
      const pdf = await getDocument({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
      const pages: PageText[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        pages.push(joinPageText(content.items.filter((item) => 'str' in item)));
      }
      await pdf.destroy();
      return pages;
    })();
    pageTexts.set(docId, texts);
  }
  return texts;
}
