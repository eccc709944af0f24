/**
 * The drafts area's public surface: model and collection, service, citation node, import
 * and exports, API methods and CLI commands.
 */
import { draftsCollection } from './model';

export { collectCitations, countWords, citationIdAt } from './content';
export { DraftService, type CreateDraftInput, type DraftServiceOptions, type SaveContentResult } from './draft-service';
export {
  DraftSchema,
  DraftContentSchema,
  CitationAttrsSchema,
  draftsCollection,
  emptyDraftContent,
  type Draft,
  type DraftContent,
  type DraftSummary,
  type TiptapNode,
  type TiptapMark,
  type CitationAttrs,
} from './model';
export { markdownToDraftContent, type CitationKeyResolver, type MarkdownImport } from './markdown-import';
export { prepareDraft, type DraftExportContext, type PreparedDraft } from './export/context';
export { exportDraftDocx } from './export/docx';
export { exportDraftHtml } from './export/html';
export { exportDraftMarkdown, type MarkdownExport, type MarkdownExportOptions } from './export/markdown';
export { exportDraftBibliography, draftBibliographyItems } from './export/bibliography';
export { plainText } from './content';
export { createDraftsArea } from './area';
export { CitedTableSchema, citedTableBlocks, type CitedTable } from './cited-table';
export { hostPdfExport } from './handlers/host-pdf-export';
export { draftsMethods, draftExportFormats, markdownKeyModes } from './methods';
export type { ExportedDraftFile, DraftExportFormat, DraftFormatResult, DraftsChangedEvent, FormattedCitationView } from './methods';
export { registerDraftsCommands } from './cli';

/** The collections this area owns. */
export const draftsCollections = [draftsCollection] as const;
