import { readFile, stat } from 'node:fs/promises';
import type { Area, CoreContext } from '../core-context';
import type { ImportResult } from '../import';
import { MAX_REFERENCE_FILE_BYTES, ReferenceLibrary } from './reference-library';
import type { referencesMethods } from './methods';
import { jsonKind, notCslJson, referenceFormatOfName, type ReferenceFormat } from './read-reference-file';

export interface ReferencesArea extends Area<typeof referencesMethods> {
  face: ReferenceLibrary;
  /**
   * Whether a file given to `import.file` / `import.bytes` is a reference file: `.bib`,
   * `.ris`, or a `.json` holding CSL-JSON. `'annotations'` hands a `.json` of W3C or
   * Hypothesis annotations to the exchange area; a `.json` that is neither is refused here.
   */
  formatOf(filePath: string, fileName: string): Promise<ReferenceFormat | 'annotations' | undefined>;
  /** Imports a reference file; the answer is an import result with the `references` summary. */
  importFile(filePath: string, fileName: string, format: ReferenceFormat): Promise<ImportResult>;
}

/**
 * The reference library: works from Zotero, JabRef or any reference manager, cited by key.
 * Its parsers (citation-js) load with the first reference file.
 */
export function createReferencesArea(context: CoreContext): ReferencesArea {
  const library = new ReferenceLibrary(context.workspace, () => context.corpus.allDocuments().map((document) => document.id));
  const stop = library.records.subscribe((changes) => context.publish('references.changed', { ids: changes.map((change) => change.id) }));
  return {
    face: library,
    formatOf: async (filePath, fileName) => {
      const byName = referenceFormatOfName(fileName);
      if (byName || !/\.json$/i.test(fileName)) return byName;
      // A .json bigger than a reference file can be is left to the annotation importer's own limits.
      if ((await stat(filePath)).size > MAX_REFERENCE_FILE_BYTES) return 'annotations';
      let value: unknown;
      try {
        value = JSON.parse((await readFile(filePath, 'utf8')).replace(/^\uFEFF/, ''));
      } catch {
        // Not JSON at all: the annotation importer says so in its own words.
        return 'annotations';
      }
      const kind = jsonKind(value);
      if (kind === 'neither') throw notCslJson(fileName);
      return kind;
    },
    importFile: async (filePath, fileName, format) => {
      const summary = await library.importFile(filePath, fileName, format);
      return {
        jobId: '',
        status: 'imported',
        documentId: '',
        title: fileName,
        pages: 0,
        passages: 0,
        hasTextLayer: false,
        ocrPages: [],
        references: summary,
      };
    },
    handlers: {
      'references.list': ({ query }) => library.list(query),
      'references.delete': ({ id, cited }) => library.delete(id, cited),
      'references.citedIn': ({ id }) => library.citedIn(id),
      'references.undo': () => library.undoLast(),
    },
    close: async () => stop(),
  };
}
