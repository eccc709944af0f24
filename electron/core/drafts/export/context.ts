import { CitationFormatter, type FormattedCitation, type FormattedDraft } from '../../citations/formatter';
import { CslRepository } from '../../citations/styles';
import type { CitationRef, CitationSources } from '../../citations/types';
import { collectCitations } from '../content';
import type { Draft } from '../model';
import { placeNotesAfterPunctuation } from './note-placement';

/** Everything an export needs besides the draft: where citations resolve, and where the CSL files are. */
export interface DraftExportContext {
  sources: CitationSources;
  csl?: CslRepository;
}

/** A draft with its citations formatted in the draft's style, ready for any exporter. */
export interface PreparedDraft {
  draft: Draft;
  refs: CitationRef[];
  formatted: FormattedDraft;
  /** Exporters meet citations in document order; this hands them out in that order. */
  nextCitation(): { ref: CitationRef; formatted: FormattedCitation };
}

const formatterCache = new WeakMap<CslRepository, Map<string, Promise<CitationFormatter>>>();
const sharedRepository = new CslRepository();

export async function formatterFor(style: Draft['style'], csl: CslRepository = sharedRepository): Promise<CitationFormatter> {
  let byStyle = formatterCache.get(csl);
  if (!byStyle) formatterCache.set(csl, (byStyle = new Map()));
  let formatter = byStyle.get(style);
  if (!formatter) byStyle.set(style, (formatter = CitationFormatter.create(style, csl)));
  return formatter;
}

export async function prepareDraft(draft: Draft, context: DraftExportContext): Promise<PreparedDraft> {
  const refs = collectCitations(draft.content);
  const formatter = await formatterFor(draft.style, context.csl);
  const formatted = formatter.format(refs, context.sources);
  let cursor = 0;
  return {
    // Note markers go after the punctuation that follows them; in-text citations stay where written.
    draft: formatter.kind === 'note' ? { ...draft, content: placeNotesAfterPunctuation(draft.content) } : draft,
    refs,
    formatted,
    nextCitation() {
      const index = cursor++;
      const ref = refs[index];
      const citation = formatted.citations[index];
      if (!ref || !citation) throw new Error(`Exporter asked for citation ${index + 1} of ${refs.length}: it walked the draft differently from collectCitations.`);
      return { ref, formatted: citation };
    },
  };
}

/** The heading over the bibliography: author-date styles call it References (APA) or References (Chicago). */
export function bibliographyHeading(formatted: FormattedDraft): string {
  return formatted.kind === 'note' ? 'Bibliography' : 'References';
}
