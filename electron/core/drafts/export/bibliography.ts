import { formatBibliographyFile, type BibliographyFormat } from '../../citations/bibliography-formats';
import { documentToCslItem, type CslItem } from '../../citations/csl-item';
import type { CitationSources } from '../../citations/types';
import { collectCitations } from '../content';
import type { Draft } from '../model';

/** The works a draft cites, one CSL item per document (keyed by document id), in first-cited order. */
export function draftBibliographyItems(draft: Draft, sources: CitationSources): CslItem[] {
  const items = new Map<string, CslItem>();
  for (const ref of collectCitations(draft.content)) {
    const source = sources.resolve(ref.target);
    if (source && !items.has(source.document.id)) items.set(source.document.id, documentToCslItem(source.document));
  }
  return [...items.values()];
}

/** The bibliography alone, as a file for a reference manager. */
export function exportDraftBibliography(draft: Draft, sources: CitationSources, format: BibliographyFormat): string {
  return formatBibliographyFile(draftBibliographyItems(draft, sources), format);
}
