import type { CorpusDocument } from '../corpus/schema';
import type { CslItem } from './csl-item';
import type { CitationTargetKind } from '../../common/drafts/citation-attrs';

/** What a citation points at (the kinds are the citation node's, in common). */
export { citationTargetKinds, type CitationTargetKind } from '../../common/drafts/citation-attrs';

export interface CitationTarget {
  kind: CitationTargetKind;
  id: string;
  docId: string;
}

/** One citation as it stands in a draft, in document order. */
export interface CitationRef {
  /** Positional id (`cite-1`, `cite-2`, ...) in document order; see drafts/content.ts. */
  id: string;
  target: CitationTarget;
  /** A page or page range; when absent the cited passage's own page is used. */
  locator?: string;
  prefix?: string;
  suffix?: string;
  suppressAuthor?: boolean;
  /**
   * Citations with the same cluster number, next to each other, are one citation group
   * (Pandoc's `[@a; @b]`): one parenthesis in author-date styles, one note in note styles.
   * Absent: a cluster of its own.
   */
  cluster?: number;
}

/** The document a target belongs to, and the page the target sits on when it has one. */
export interface DocumentSource {
  document: CorpusDocument;
  page?: number;
  reference?: undefined;
}

/** A reference resolves to its CSL item as stored, whose `id` is its citation key. */
export interface ReferenceSource {
  reference: CslItem;
  document?: undefined;
  page?: undefined;
}

export type ResolvedSource = DocumentSource | ReferenceSource;

/** How citations find their sources. Core passes the corpus plus the workspace's annotations and imports. */
export interface CitationSources {
  resolve(target: CitationTarget): ResolvedSource | undefined;
}
