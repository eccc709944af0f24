import type { AreaHandlers } from '../../core-context';
import type { CodingServices } from '../coding-services';
import type { CorpusLookup } from '../corpus-lookup';
import type { DocumentNotes } from '../document-notes';
import { exportAnnotationsCsv, exportAnnotationsMarkdown, exportRefiQdaCodebook, exportWebAnnotations } from '../export';
import type { annotationsMethods, ExportedText } from '../methods';
import { undoStateOf } from './change-events';

type ExportHandlerNames = 'annotations.export' | 'topics.exportCodebook' | 'undo.state' | 'undo.undo' | 'undo.redo';

/** Exports return text; whoever asked (the CLI, a save dialog) decides where it goes. */
export interface WebAnnotationExportContext {
  /** Names the W3C export's collection (`urn:field-workbench:project:<id>:annotations`). */
  projectId: string;
  /** Users' names by id, as the team area knows them when the export runs. */
  userNames: ReadonlyMap<string, string>;
}

export function exportAndUndoHandlers(
  services: CodingServices,
  lookup: CorpusLookup,
  documentNotes?: Pick<DocumentNotes, 'text'>,
  web?: () => WebAnnotationExportContext,
): Pick<AreaHandlers<typeof annotationsMethods>, ExportHandlerNames> {
  const { annotations, topics, undo } = services;
  return {
    'annotations.export': ({ format, filter, bom }): ExportedText => {
      const list = annotations.list(filter ?? {});
      const tree = topics.tree();
      if (format === 'md') {
        // One topic's quotes open with that topic's definition (its memo).
        const topic = filter?.topicId ? topics.require(filter.topicId) : undefined;
        const fileName = topic ? `${fileSlug(tree.path(topic.id) || topic.name)}.md` : 'annotations.md';
        // A document's own note opens its section; one document's export shows it even with no quotes yet.
        const notes = documentNotes ? { documentNote: (docId: string) => documentNotes.text(docId), ...(filter?.docId && !topic ? { documents: [filter.docId] } : {}) } : {};
        return { text: exportAnnotationsMarkdown(list, lookup, { topics: tree, ...(topic ? { topic } : {}), ...notes }), fileName, mimeType: 'text/markdown', count: list.length };
      }
      if (format === 'csv') return { text: exportAnnotationsCsv(list, { topics: tree, lookup }, { bom: bom ?? false }), fileName: 'annotations.csv', mimeType: 'text/csv', count: list.length };
      const context = web?.();
      const text = exportWebAnnotations(list, {
        topics: tree,
        collectionIri: `urn:field-workbench:project:${encodeURIComponent(context?.projectId ?? 'workspace')}:annotations`,
        documentText: (docId) => lookup.getDocumentText(docId)?.text,
        ...(lookup.entityName ? { entityName: (entityId: string) => lookup.entityName?.(entityId) } : {}),
        ...(lookup.recommendationLabel ? { recommendationLabel: (recommendationId: string) => lookup.recommendationLabel?.(recommendationId) } : {}),
        coderOf: (annotation) => annotations.coderOf(annotation),
        ...(context ? { userName: (userId: string) => context.userNames.get(userId) } : {}),
      });
      return { text, fileName: 'annotations.jsonld', mimeType: 'application/ld+json', count: list.length };
    },
    'topics.exportCodebook': () => ({
      text: exportRefiQdaCodebook(topics.list()),
      fileName: 'codebook.qdc',
      mimeType: 'application/xml',
      count: topics.list().length,
    }),
    'undo.state': () => undoStateOf(undo),
    'undo.undo': async () => ({ done: await undo.undo(), ...undoStateOf(undo) }),
    'undo.redo': async () => ({ done: await undo.redo(), ...undoStateOf(undo) }),
  };
}

/** A file name from a topic's path: "Security / Trust in police" → "security-trust-in-police". */
function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'topic'
  );
}
