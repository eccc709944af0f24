/**
 * The slice of citeproc-js (CommonJS, no bundled types) that the formatter uses.
 * Kept beside its only consumer so the surface we depend on stays visible.
 */
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }

  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
  }

  export interface CiteprocCitation {
    citationID: string;
    citationItems: CiteprocCitationItem[];
    properties: { noteIndex: number };
  }

  export interface CiteprocBibliographyParams {
    bibstart: string;
    bibend: string;
    entry_ids: string[][];
  }

  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: 'in-text' | 'note' };
    rebuildProcessorState(citations: CiteprocCitation[], mode: 'html' | 'text', uncited?: string[]): Array<[string, number, string]>;
    makeBibliography(): false | [CiteprocBibliographyParams, string[]];
    setOutputFormat(mode: 'html' | 'text'): void;
    updateItems(ids: string[]): void;
    /** Formats one cluster against the registered items; positions come from each item's `position`. */
    makeCitationCluster(items: Array<CiteprocCitationItem & Record<string, unknown>>): string;
  }

  const CSL: { Engine: typeof Engine };
  export default CSL;
}
