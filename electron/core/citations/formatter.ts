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
  /** Note styles: the footnote number this citation becomes (shared by a group's citations). */
  noteNumber?: number;
  /**
   * Set on every citation of a group but the first: the group prints once, where its first
   * citation stands (`html` and `text` are the whole group's), and these print nothing.
   */
  groupedWithPrevious?: true;
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

    // Citations of one group (the same `cluster`, side by side) become one citeproc cluster.
    const isNote = this.kind === 'note';
    const groups: Array<Array<{ ref: CitationRef; source: ResolvedSource }>> = [];
    for (const { ref, source } of resolved) {
      if (!source) continue;
      const current = groups.at(-1);
      if (current && ref.cluster !== undefined && current[0]!.ref.cluster === ref.cluster) current.push({ ref, source });
      else groups.push([{ ref, source }]);
    }
    const clusters: CiteprocCitation[] = groups.map((group, index) => ({
      citationID: group[0]!.ref.id,
      citationItems: group.map(({ ref, source }) => citationItem(ref, source)),
      properties: { noteIndex: isNote ? index + 1 : 0 },
    }));
    const groupOf = new Map<string, { citationID: string; index: number; first: boolean }>();
    groups.forEach((group, index) => group.forEach(({ ref }, at) => groupOf.set(ref.id, { citationID: group[0]!.ref.id, index, first: at === 0 })));

    const htmlById = options.exact
      ? new Map(engine.rebuildProcessorState(clusters, 'html').map(([id, , html]) => [id, html]))
      : formatInOnePass(engine, clusters, [...items.keys()], nearNoteDistance(this.styleXml));
    const bibliography = makeBibliography(engine);

    const citations = resolved.map(({ ref, source }): FormattedCitation => {
      if (!source) return { id: ref.id, html: missingCitationText, text: missingCitationText, missing: true };
      const group = groupOf.get(ref.id)!;
      const html = collapsePunctuation(htmlById.get(group.citationID) ?? '');
      const formatted: FormattedCitation = { id: ref.id, html, text: cslHtmlToText(html), itemId: sourceItemId(source) };
      if (!group.first) formatted.groupedWithPrevious = true;
      if (isNote) formatted.noteNumber = group.index + 1;
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
 * Positions per the CSL specification: first; ibid when the preceding cite (the one before
 * it in its group, or for a group's first cite the previous group when that held one cite
 * only) is of the same item with the same (or no) locator; ibid-with-locator when only this
 * cite names a locator or the locators differ; subsequent otherwise (including when only the
 * previous cite had a locator). near-note holds when the item was cited within
 * `near-note-distance` notes.
 */
function formatInOnePass(engine: CiteprocEngine, clusters: CiteprocCitation[], itemIds: string[], distance: number): Map<string, string> {
  engine.updateItems(itemIds);
  const seen = new Map<string, { firstNote: number; lastNote: number }>();
  const out = new Map<string, string>();
  let previousCluster: CiteprocCitationItem[] = [];
  for (const cluster of clusters) {
    const noteIndex = cluster.properties.noteIndex;
    const cites = cluster.citationItems.map((item, index) => {
      const cite: CiteprocCitationItem & Record<string, unknown> = { ...item };
      const previous = index > 0 ? cluster.citationItems[index - 1] : previousCluster.length === 1 ? previousCluster[0] : undefined;
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
      seen.set(cite.id, { firstNote: history?.firstNote ?? noteIndex, lastNote: noteIndex });
      return cite;
    });
    out.set(cluster.citationID, engine.makeCitationCluster(cites));
    previousCluster = cluster.citationItems;
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

/**
 * A question or exclamation mark ends a title that a comma or full stop would follow inside
 * the quotation marks ("Relations?,” 3"): the mark stands alone, as the Chicago Manual and
 * Pandoc's citeproc print it ("Relations?” 3"). citeproc-js leaves both.
 */
export function collapsePunctuation(html: string): string {
  return html.replace(/([?!])[,.](?=[”’"]|&#8221;|&#8217;)/g, '$1');
}

function makeBibliography(engine: CiteprocEngine): FormattedBibliography {
  const result = engine.makeBibliography();
  if (!result) return { entries: [], html: '', text: '' };
  const [params, htmlEntries] = result;
  const entries = htmlEntries.map((raw, index): BibliographyEntry => {
    const html = collapsePunctuation(raw);
    return { itemId: params.entry_ids[index]?.[0] ?? '', html: html.trim(), text: cslHtmlToText(html).trim() };
  });
  return {
    entries,
    html: params.bibstart + htmlEntries.map(collapsePunctuation).join('') + params.bibend,
    text: entries.map((entry) => entry.text).join('\n'),
  };
}
