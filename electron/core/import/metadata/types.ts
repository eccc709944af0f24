import type { Provenance } from '../../corpus/schema';

/**
 * What an import learns about a document's bibliography, each field with where it came from
 * (`provenance`). The title is never empty: with nothing better it is the file's name, and
 * the provenance says so.
 */
export interface ImportedMetadata {
  title: string;
  authors: string[];
  year?: number;
  publisher?: string;
  place?: string;
  isbn?: string;
  doi?: string;
  url?: string;
  provenance: Provenance;
}

/** A file name made readable: "trace_monkey-v2.pdf" → "trace monkey v2". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base || fileName;
}

/** The file name as a title, and a provenance saying what was looked for first. `readable: false` keeps the name as typed (transcripts are often named by convention). */
export function fileNameTitle(fileName: string, looked: string, readable = true): Pick<ImportedMetadata, 'title'> & { provenance: Provenance } {
  const bare = fileName.replace(/\.[^.]+$/, '').trim() || fileName;
  return {
    title: readable ? titleFromFileName(fileName) : bare,
    provenance: { title: { source: 'file-name', printed: fileName, note: `No title was found ${looked}; the document is named after its file.` } },
  };
}
