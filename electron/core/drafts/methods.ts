import { z } from 'zod';
import { method } from '../api/method';
import { citationStyleIds } from '../citations/styles';
import type { CitationStyleInfo } from '../citations/styles';
import type { StyledRun } from '../citations/csl-html';
import { CitationAttrsSchema, DraftContentSchema } from './model';
import { CitedTableSchema } from './cited-table';
import type { Draft, DraftSummary } from './model';

/**
 * Drafts: papers the user writes, with citations that point at passages, annotations or
 * documents. Every argument is checked here, so a bad call changes nothing.
 */

const id = z.string().min(1).max(200);
const style = z.enum(citationStyleIds);
const title = z.string().max(500, 'a title is at most 500 characters');
/** The editor's whole document; its citation nodes are checked attribute by attribute. */
const content = DraftContentSchema;

/** Formats a draft can be exported to besides PDF (which needs a printer: `drafts.exportPdf`). */
export const draftExportFormats = ['docx', 'md', 'html', 'csl-json', 'bibtex', 'ris'] as const;
export type DraftExportFormat = (typeof draftExportFormats)[number];
/** How the Markdown export keys citations: by paper (for Pandoc) or by passage (for a round trip). */
export const markdownKeyModes = ['document', 'passage'] as const;
export type MarkdownKeyMode = (typeof markdownKeyModes)[number];

/** An exported file. Binary files (DOCX, PDF) travel as base64 over the API. */
export interface ExportedDraftFile {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  data: string;
  /** Size of the decoded file. */
  bytes: number;
  /** Files that belong with this one: Markdown's CSL-JSON bibliography, which its front matter names. */
  companions: Array<{ fileName: string; mimeType: string; data: string }>;
}

/** One citation as the editor shows it, in document order (`cite-1`, `cite-2`, ...). */
export interface FormattedCitationView {
  id: string;
  text: string;
  runs: StyledRun[];
  /** Note styles: the footnote number the citation becomes (one per group). */
  noteNumber?: number;
  /**
   * A citation after the first of a group (citations side by side, Pandoc's `[@a; @b]`):
   * the group's text is shown at its first citation; `text` and `runs` are the group's.
   */
  groupedWithPrevious?: true;
  missing?: boolean;
  /**
   * The cited annotation was deleted with its citations kept: the citation still resolves to
   * its document and passage; the editor marks it and offers to cite the passage or remove it.
   */
  quoteDeleted?: { quote: string; deletedAt: string; passageId?: string };
  /** Where a click on the citation goes: the document and, when there is one, the passage. */
  docId: string;
  passageId?: string;
  /** A reference of the reference library: a click shows it in the Library instead of a reader. */
  referenceId?: string;
}

export interface DraftFormatResult {
  style: (typeof citationStyleIds)[number];
  kind: 'in-text' | 'note';
  citations: FormattedCitationView[];
  bibliography: { heading: string; entries: Array<{ itemId: string; text: string; runs: StyledRun[] }> };
}

export const draftsMethods = {
  /** Drafts not in the trash, most recently edited first. */
  'drafts.list': method<DraftSummary[]>()(z.object({}).strict()),
  'drafts.listTrash': method<DraftSummary[]>()(z.object({}).strict()),
  'drafts.get': method<Draft>()(z.object({ id }).strict()),
  /** `markdown` may hold Pandoc citations (`[@passage-id, p. 3]`) keyed by passage, annotation or document id. */
  'drafts.create': method<Draft>()(
    z.object({ title: title.optional(), style: style.optional(), markdown: z.string().max(2_000_000, 'the Markdown is larger than 2 MB').optional() }).strict(),
  ),
  'drafts.rename': method<Draft>()(z.object({ id, title }).strict()),
  'drafts.duplicate': method<Draft>()(z.object({ id }).strict()),
  /** Moves to the trash; `drafts.restore` brings it back, `drafts.purge` deletes it for good. */
  'drafts.trash': method<Draft>()(z.object({ id }).strict()),
  'drafts.restore': method<Draft>()(z.object({ id }).strict()),
  'drafts.purge': method<void>()(z.object({ id }).strict()),
  /** Autosave: replaces the draft's content with the editor's document. */
  'drafts.save': method<{ id: string; updatedAt: string; wordCount: number }>()(z.object({ id, content }).strict()),
  /**
   * Adds a citation at the end of a draft, in a paragraph of its own (what "Cite in draft…"
   * does from the Recommendations view). The target must exist and belong to `docId`.
   */
  'drafts.appendCitation': method<Draft>()(z.object({ id, citation: CitationAttrsSchema.extend({ targetId: id, docId: id }).strict() }).strict()),
  /**
   * Adds a table at the end of a draft whose rows cite their sources (a figure group, an
   * event's papers, a link's passages: `evidence.citationTable` makes them). Every citation
   * must resolve and belong to its `docId`; a trashed draft is refused.
   */
  'drafts.appendTable': method<Draft>()(z.object({ id, table: CitedTableSchema }).strict()),
  'drafts.setStyle': method<Draft>()(z.object({ id, style }).strict()),
  'drafts.styles': method<CitationStyleInfo[]>()(z.object({}).strict()),
  /** Citations and bibliography of (possibly unsaved) content in a style, for live rendering. */
  'drafts.format': method<DraftFormatResult>()(z.object({ content, style }).strict()),
  /**
   * `keys` (Markdown only): `document` (the default) keys each citation by its paper, for
   * Pandoc; `passage` by the cited passage or annotation, so that importing the file again
   * cites the same passages.
   */
  'drafts.export': method<ExportedDraftFile>()(
    z
      .object({ id, format: z.enum(draftExportFormats), keys: z.enum(markdownKeyModes).optional() })
      .strict()
      .refine((args) => args.keys === undefined || args.format === 'md', { message: 'keys applies to the Markdown export only (format md)', path: ['keys'] }),
  ),
  /**
   * PDF needs a browser engine to print the HTML export. The desktop app and the test
   * harness implement this with Chromium's printToPDF (`hostHandlers`); without a host, core
   * prints with a local Chromium binary if there is one, else answers UNSUPPORTED.
   */
  'drafts.exportPdf': method<ExportedDraftFile>()(z.object({ id }).strict()),
};

/** Which drafts changed (here or in another process), so open lists refresh. */
export interface DraftsChangedEvent {
  draftIds: string[];
}

declare module '../api/contract' {
  interface EventPayloads {
    'drafts.changed': DraftsChangedEvent;
  }
}
