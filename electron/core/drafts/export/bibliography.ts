import { formatBibliographyFile, type BibliographyFormat } from '../../citations/bibliography-formats';
import type { CslItem } from '../../citations/csl-item';
import { sourceCslItem, sourceItemId } from '../../citations/source-item';
import { citationStyles } from '../../citations/styles';
import type { CitationSources } from '../../citations/types';
import { collectCitations } from '../content';
import type { Draft } from '../model';

/**
 * The works a draft cites, one CSL item per document (keyed by document id) or reference (by
 * its citation key), in first-cited
 * order. A supplied year takes the draft style's form, so the file prints in that style the
 * way the draft does.
 */
export function draftBibliographyItems(draft: Draft, sources: CitationSources): CslItem[] {
  const items = new Map<string, CslItem>();
  for (const ref of collectCitations(draft.content)) {
    const source = sources.resolve(ref.target);
    if (source && !items.has(sourceItemId(source))) items.set(sourceItemId(source), sourceCslItem(source, sourceItemId(source), { suppliedYear: citationStyles[draft.style].suppliedYear }));
  }
  return [...items.values()];
}

/** The bibliography alone, as a file for a reference manager. */
export function exportDraftBibliography(draft: Draft, sources: CitationSources, format: BibliographyFormat): string {
  return formatBibliographyFile(draftBibliographyItems(draft, sources), format);
}
