import type { DraftFormatResult, draftsMethods } from '../methods';
import type { AreaHandlers } from '../../core-context';
import { cslHtmlToRuns, type StyledRun } from '../../citations/csl-html';
import type { CslRepository } from '../../citations/styles';
import { collectCitations } from '../content';
import { bibliographyHeading, formatterFor } from '../export/context';
import type { DraftContent } from '../model';
import type { CitationTarget } from '../../citations/types';
import type { DeletedQuote, WorkspaceSources } from './workspace-sources';

/**
 * Live rendering: the editor sends its current (maybe unsaved) document and style, and gets
 * every citation's text and the bibliography back. The whole draft is formatted each time,
 * because one new citation can change others (ibid., disambiguation, note numbers).
 */
export function formatHandler(sources: WorkspaceSources, csl: CslRepository): AreaHandlers<Pick<typeof draftsMethods, 'drafts.format'>> {
  return {
    'drafts.format': async ({ content, style }) => formatDraftContent(content, style, sources, csl),
  };
}

export async function formatDraftContent(content: DraftContent, style: DraftFormatResult['style'], sources: WorkspaceSources, csl: CslRepository): Promise<DraftFormatResult> {
  const refs = collectCitations(content);
  const formatted = (await formatterFor(style, csl)).format(refs, sources);
  return {
    style,
    kind: formatted.kind,
    citations: formatted.citations.map((citation, index) => {
      const target = refs[index]!.target;
      const passageId = sources.passageOf(target);
      return {
        id: citation.id,
        text: citation.text,
        runs: citation.missing ? [{ text: citation.text }] : trimRuns(cslHtmlToRuns(citation.html)),
        ...(citation.noteNumber !== undefined ? { noteNumber: citation.noteNumber } : {}),
        ...(citation.groupedWithPrevious ? { groupedWithPrevious: true as const } : {}),
        ...(citation.missing ? { missing: true } : {}),
        ...deletedQuoteOf(sources, target),
        docId: target.docId,
        ...(passageId ? { passageId } : {}),
        ...(target.kind === 'reference' ? { referenceId: target.id } : {}),
      };
    }),
    bibliography: {
      heading: bibliographyHeading(formatted),
      entries: formatted.bibliography.entries.map((entry) => ({ itemId: entry.itemId, text: entry.text, runs: trimRuns(cslHtmlToRuns(entry.html)) })),
    },
  };
}

function deletedQuoteOf(sources: WorkspaceSources, target: CitationTarget): { quoteDeleted?: DeletedQuote } {
  const deleted = sources.deletedQuote(target);
  return deleted ? { quoteDeleted: deleted } : {};
}

/** citeproc pads its HTML with newlines and indentation that must not show. */
function trimRuns(runs: StyledRun[]): StyledRun[] {
  const out = runs.map((run) => ({ ...run, text: run.text.replace(/\s+/g, ' ') }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((run) => run.text !== '');
}
