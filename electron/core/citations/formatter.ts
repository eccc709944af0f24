import type { CiteprocCitation, CiteprocCitationItem, Engine as CiteprocEngine } from 'citeproc';
import type { CslItem } from './csl-item';
import { sourceCslItem, sourceItemId } from './source-item';
import { cslHtmlToText } from './csl-html';
import { CslRepository, citationStyles, type CitationStyleId } from './styles';
import type { CitationRef, CitationSources, ResolvedSource } from './types';

export interface FormattedCitation {
  /** The citation's id from the draft (`cite-n`). */
  id: string;
  /** citeproc's HTML: the in-text citation, or for note styles the footnote's text. */
  html: string;
  text: string;
  /** Note styles: the footnote number this citation becomes. */
  noteNumber?: number;
  /** The CSL item (document or reference) it cites; absent when the source could not be found. */
  itemId?: string;
  missing?: boolean;
}

export interface BibliographyEntry {
  itemId: string;
  html: string;
  text: string;
}

export interface FormattedBibliography {
  entries: BibliographyEntry[];
  /** The whole bibliography as citeproc's HTML block. Empty string when nothing is cited. */
  html: string;
  /** One entry per line. */
  text: string;
}

export interface FormattedDraft {
  style: CitationStyleId;
  kind: 'in-text' | 'note';
  citations: FormattedCitation[];
  bibliography: FormattedBibliography;
  /** The CSL items cited, in first-cited order, one per document. */
  items: CslItem[];
}

/** What a citation shows when its passage or document has gone (say, an imported document was deleted). */
export const missingCitationText = '[source not found]';

export interface FormatOptions {
  /**
   * Let citeproc track positions itself (`rebuildProcessorState`). It is the reference
   * behaviour, but quadratic: every cluster is re-checked against all earlier ones
   * (2 s for 200 notes). The default computes positions here in one pass and formats each
   * cluster with `makeCitationCluster`; tests hold the two to identical output.
   */
  exact?: boolean;
}

/**
 * Formats a draft's citations and bibliography in one CSL style. Each call formats the
 * whole list from scratch with a fresh engine: positions (ibid., subsequent notes) and
 * disambiguation depend on every citation before and after, so a change anywhere can
 * change any citation, and no state survives from an earlier version of the draft.
 */
export class CitationFormatter {
  private constructor(
    readonly style: CitationStyleId,
    private readonly styleXml: string,
    private readonly localeXml: string,
    private readonly lang: string,
    private readonly Engine: typeof CiteprocEngine,
  ) {}

  static async create(style: CitationStyleId, repository: CslRepository = new CslRepository(), lang = 'en-US'): Promise<CitationFormatter> {
    // citeproc is large (0.7 MB); it loads with the first formatter, not with the core.
    const [styleXml, localeXml, citeproc] = await Promise.all([repository.style(style), repository.locale(lang), import('citeproc')]);
    return new CitationFormatter(style, styleXml, localeXml, lang, citeproc.default.Engine);
  }

  get kind(): 'in-text' | 'note' {
    return citationStyles[this.style].kind;
  }

  format(refs: readonly CitationRef[], sources: CitationSources, options: FormatOptions = {}): FormattedDraft {
    const items = new Map<string, CslItem>();
    const resolved: Array<{ ref: CitationRef; source: ResolvedSource } | { ref: CitationRef; source: undefined }> = refs.map((ref) => {
      const source = sources.resolve(ref.target);
      if (source && !items.has(sourceItemId(source))) items.set(sourceItemId(source), sourceCslItem(source, sourceItemId(source), { suppliedYear: citationStyles[this.style].suppliedYear }));
      return { ref, source };
    });

    const engine = new this.Engine(
      {
        retrieveLocale: () => this.localeXml,
        // citeproc mutates the objects it is given; hand it copies so our items stay clean.
        retrieveItem: (id: string) => structuredClone(items.get(id)),
      },
      this.styleXml,
      this.lang,
    );

    const isNote = this.kind === 'note';
    const clusters: CiteprocCitation[] = [];
    const noteNumberById = new Map<string, number>();
    for (const { ref, source } of resolved) {
      if (!source) continue;
      const noteIndex = isNote ? clusters.length + 1 : 0;
      if (isNote) noteNumberById.set(ref.id, noteIndex);
      clusters.push({ citationID: ref.id, citationItems: [citationItem(ref, source)], properties: { noteIndex } });
    }

    const htmlById = options.exact
      ? new Map(engine.rebuildProcessorState(clusters, 'html').map(([id, , html]) => [id, html]))
      : formatInOnePass(engine, clusters, [...items.keys()], nearNoteDistance(this.styleXml));
    const bibliography = makeBibliography(engine);

    const citations = resolved.map(({ ref, source }): FormattedCitation => {
      if (!source) return { id: ref.id, html: missingCitationText, text: missingCitationText, missing: true };
      const html = htmlById.get(ref.id) ?? '';
      const formatted: FormattedCitation = { id: ref.id, html, text: cslHtmlToText(html), itemId: sourceItemId(source) };
      const noteNumber = noteNumberById.get(ref.id);
      if (noteNumber !== undefined) formatted.noteNumber = noteNumber;
      return formatted;
    });

    return { style: this.style, kind: this.kind, citations, bibliography, items: [...items.values()] };
  }
}

/** citeproc's position codes (CSL.POSITION_*). */
const position = { first: 0, subsequent: 1, ibid: 2, ibidWithLocator: 3 } as const;

function nearNoteDistance(styleXml: string): number {
  const declared = /near-note-distance="(\d+)"/.exec(styleXml)?.[1];
  return declared === undefined ? 5 : Number(declared);
}

/**
 * Positions per the CSL specification, for drafts whose clusters hold one cite each:
 * first; ibid when the previous cluster cites the same item with the same (or no)
 * locator; ibid-with-locator when only this cite names a locator or the locators differ;
 * subsequent otherwise (including when only the previous cite had a locator). near-note
 * holds when the item was cited within `near-note-distance` notes.
 */
function formatInOnePass(engine: CiteprocEngine, clusters: CiteprocCitation[], itemIds: string[], distance: number): Map<string, string> {
  engine.updateItems(itemIds);
  const seen = new Map<string, { firstNote: number; lastNote: number }>();
  const out = new Map<string, string>();
  let previous: CiteprocCitationItem | undefined;
  for (const cluster of clusters) {
    const cite: CiteprocCitationItem & Record<string, unknown> = { ...cluster.citationItems[0]! };
    const noteIndex = cluster.properties.noteIndex;
    const history = seen.get(cite.id);
    if (!history) {
      cite.position = position.first;
    } else {
      if (previous?.id === cite.id) {
        if (!previous.locator) cite.position = cite.locator ? position.ibidWithLocator : position.ibid;
        else if (!cite.locator) cite.position = position.subsequent;
        else cite.position = cite.locator === previous.locator ? position.ibid : position.ibidWithLocator;
      } else {
        cite.position = position.subsequent;
      }
      cite['first-reference-note-number'] = history.firstNote;
      cite['near-note'] = noteIndex - history.lastNote <= distance;
    }
    out.set(cluster.citationID, engine.makeCitationCluster([cite]));
    seen.set(cite.id, { firstNote: history?.firstNote ?? noteIndex, lastNote: noteIndex });
    previous = cluster.citationItems[0];
  }
  return out;
}

function citationItem(ref: CitationRef, source: ResolvedSource): CiteprocCitationItem {
  const item: CiteprocCitationItem = { id: sourceItemId(source) };
  const locator = ref.locator?.trim() || (source.page === undefined ? undefined : String(source.page));
  if (locator) {
    item.locator = locator;
    item.label = 'page';
  }
  // Authors type "see" and "emphasis added"; the printed citation needs the spaces between.
  const prefix = ref.prefix?.trim();
  if (prefix) item.prefix = /[([{]$/.test(prefix) ? prefix : `${prefix} `;
  const suffix = ref.suffix?.trim();
  if (suffix) item.suffix = /^[,.;:)\]}]/.test(suffix) ? suffix : ` ${suffix}`;
  if (ref.suppressAuthor) item['suppress-author'] = true;
  return item;
}

function makeBibliography(engine: CiteprocEngine): FormattedBibliography {
  const result = engine.makeBibliography();
  if (!result) return { entries: [], html: '', text: '' };
  const [params, htmlEntries] = result;
  const entries = htmlEntries.map((html, index): BibliographyEntry => ({
    itemId: params.entry_ids[index]?.[0] ?? '',
    html: html.trim(),
    text: cslHtmlToText(html).trim(),
  }));
  return {
    entries,
    html: params.bibstart + htmlEntries.join('') + params.bibend,
    text: entries.map((entry) => entry.text).join('\n'),
  };
}
