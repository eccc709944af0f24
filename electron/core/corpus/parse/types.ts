import type { CorpusDocument, Footnote, Passage, Recommendation, Section } from '../schema.js';
import type { Span } from './inline.js';

/**
 * What `seeds/<name>.meta.json` holds: the display forms of what the paper prints (title
 * casing, who is author and who editor, the publisher's full name). Year, place and ISBN are
 * read from the paper itself (corpus/metadata), or the year inferred from its content.
 */
export interface SeedMeta {
  id: string;
  title: string;
  subtitle?: string;
  authors: string[];
  editors?: string[];
  publishers: string[];
  kind: CorpusDocument['kind'];
  language?: string;
  /** The seed text file this metadata describes. */
  source: string;
}

export interface ParsedSeed {
  document: CorpusDocument;
  sections: Section[];
  passages: Passage[];
  footnotes: Footnote[];
  recommendations: Recommendation[];
}

/** Kinds of block the line reader recognises before headings and page breaks are resolved. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'footnote' | 'toc';

/** How a heading candidate was spotted; the heading pass decides what it really is. */
export type HeadingStyle = 'markdown' | 'flat' | 'flat-group' | 'numbered' | 'caps' | 'cip';

export interface Block {
  kind: BlockKind;
  /** Source text of the block, lines joined, markup still in place. */
  raw: string;
  /** 1-based line number of the block's first line, for messages and tests. */
  line: number;
  headingStyle?: HeadingStyle;
  /** `#` count of a markdown heading. */
  mdLevel?: number;
  /** Number printed before a numbered heading or list item. */
  number?: number;
  /** Raw cells of a table row or a table-of-contents entry. */
  cells?: string[];
  backMatter?: boolean;
}

/** A passage together with what the recommendation extractor needs to know about its source. */
export interface BuiltPassage {
  passage: Passage;
  bold: Span[];
  /** Number printed before a numbered heading (one recommendation per heading in some briefs). */
  number?: number;
}
