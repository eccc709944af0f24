import { formatBibliographyFile, type BibliographyFormat } from '../../citations/bibliography-formats';
import { documentToCslItem, type CslItem } from '../../citations/csl-item';
import { citationStyles } from '../../citations/styles';
import type { CitationSources } from '../../citations/types';
import { collectCitations } from '../content';
import type { Draft } from '../model';

/**
 * The works a draft cites, one CSL item per document (keyed by document id), in first-cited
 * order. A supplied year takes the draft style's form, so the file prints in that style the
 * way the draft does.
 */
export function draftBibliographyItems(draft: Draft, sources: CitationSources): CslItem[] {
  const items = new Map<string, CslItem>();
  for (const ref of collectCitations(draft.content)) {
    const source = sources.resolve(ref.target);
    if (source && !items.has(source.document.id)) items.set(source.document.id, documentToCslItem(source.document, source.document.id, { suppliedYear: citationStyles[draft.style].suppliedYear }));
  }
  return [...items.values()];
}

/** The bibliography alone, as a file for a reference manager. */
export function exportDraftBibliography(draft: Draft, sources: CitationSources, format: BibliographyFormat): string {
  return formatBibliographyFile(draftBibliographyItems(draft, sources), format);
}
