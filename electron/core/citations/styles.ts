import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkoutResourcesDir } from '../paths';

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
}

export const citationStyles: Record<CitationStyleId, CitationStyleInfo> = {
  'chicago-author-date': { id: 'chicago-author-date', label: 'Chicago (author-date)', kind: 'in-text', file: 'chicago-author-date.csl' },
  apa: { id: 'apa', label: 'APA (7th edition)', kind: 'in-text', file: 'apa.csl' },
  'chicago-note-bibliography': { id: 'chicago-note-bibliography', label: 'Chicago (notes and bibliography)', kind: 'note', file: 'chicago-note-bibliography.csl' },
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
