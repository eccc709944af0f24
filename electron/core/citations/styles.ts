import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkoutResourcesDir } from '../paths';
import type { SuppliedYearForm } from './csl-item';

/**
 * The bundled CSL styles (official files from the CSL project, CC BY-SA 3.0, kept
 * unmodified in resources/csl/ — see THIRD_PARTY_NOTICES.md).
 */
export const citationStyleIds = ['chicago-author-date', 'apa', 'chicago-note-bibliography'] as const;
export type CitationStyleId = (typeof citationStyleIds)[number];

export interface CitationStyleInfo {
  id: CitationStyleId;
  label: string;
  /** Note styles put citations in footnotes; in-text styles print them in the sentence. */
  kind: 'in-text' | 'note';
  file: string;
  /**
   * How the style prints a year the document does not print (see `SuppliedYearForm`).
   * APA 7 gives an estimated date as "ca. 2024" and its CSL file prints `circa` that way.
   * The Chicago Manual brackets a date supplied from outside the title page: "[2024]", in the
   * text citation and the reference list alike. chicago-author-date.csl ignores `circa`
   * (it would print a bare "2024", as if printed) and chicago-note-bibliography.csl prints
   * "[2024?]", Chicago's form for a doubtful guess; both are given the bracketed year.
   */
  suppliedYear: SuppliedYearForm;
}

export const citationStyles: Record<CitationStyleId, CitationStyleInfo> = {
  'chicago-author-date': { id: 'chicago-author-date', label: 'Chicago (author-date)', kind: 'in-text', file: 'chicago-author-date.csl', suppliedYear: 'brackets' },
  apa: { id: 'apa', label: 'APA (7th edition)', kind: 'in-text', file: 'apa.csl', suppliedYear: 'circa' },
  'chicago-note-bibliography': { id: 'chicago-note-bibliography', label: 'Chicago (notes and bibliography)', kind: 'note', file: 'chicago-note-bibliography.csl', suppliedYear: 'brackets' },
};

export const defaultCitationStyle: CitationStyleId = 'chicago-author-date';

const localeFiles: Record<string, string> = { 'en-US': 'locales-en-US.xml' };

/** resources/csl of a source checkout; the packaged app passes its own directory to `CslRepository`. */
export function defaultCslDirectory(): string {
  return path.join(checkoutResourcesDir(), 'csl');
}

/** Reads style and locale XML once and keeps it: the files are a few tens of kB and never change at run time. */
export class CslRepository {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly directory: string = defaultCslDirectory()) {}

  style(id: CitationStyleId): Promise<string> {
    return this.read(citationStyles[id].file);
  }

  locale(lang: string): Promise<string> {
    const file = localeFiles[lang] ?? localeFiles['en-US']!;
    return this.read(file);
  }

  private read(file: string): Promise<string> {
    let pending = this.cache.get(file);
    if (!pending) {
      pending = readFile(path.join(this.directory, file), 'utf8');
      // A failed read must not poison the cache: the next call tries again.
      pending.catch(() => this.cache.delete(file));
      this.cache.set(file, pending);
    }
    return pending;
  }
}
