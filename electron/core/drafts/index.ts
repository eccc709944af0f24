/** The drafts area's public surface: model, service, citation node, import and exports. */
export { CitationNode, citationNodeName, type CitationNodeAttrs } from './citation-node';
export { collectCitations, countWords, citationIdAt } from './content';
export { DraftService, type CreateDraftInput, type DraftServiceOptions, type SaveContentResult } from './draft-service';
export {
  DraftSchema,
  DraftContentSchema,
  CitationAttrsSchema,
  draftsCollectionDefaults,
  emptyDraftContent,
  type Draft,
  type DraftContent,
  type DraftSummary,
  type DraftsCollection,
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
