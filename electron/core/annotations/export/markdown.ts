import type { Topic, TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';
import { byDocumentPosition } from '../annotation-filter';
import { codingFields } from './coding-fields';

export interface MarkdownExportOptions {
  heading?: string;
  /** Names the quotes' topics by their full paths; without it topics are listed by id. */
  topics?: TopicTree;
  /** The export is one topic's quotes: its definition (memo) opens the file. */
  topic?: Topic;
  /** The note on a whole document, written under its heading before its quotes. */
  documentNote?: (docId: string) => string | undefined;
  /** Documents whose section is written even with no quotes (one document's export shows its note). */
  documents?: readonly string[];
}

/**
 * Quotes grouped by paper, in reading order: each a block quote with its citation
 * "(Title, p. N)", then its note as an ordinary paragraph, then what it was coded with
 * (speaker, topics as full paths, entities, recommendations) as a list.
 */
export function exportAnnotationsMarkdown(annotations: readonly Annotation[], lookup: CorpusLookup, options: MarkdownExportOptions = {}): string {
  const byDocument = new Map<string, Annotation[]>();
  for (const docId of options.documents ?? []) if (options.documentNote?.(docId)?.trim()) byDocument.set(docId, []);
  for (const annotation of [...annotations].sort(byDocumentPosition)) {
    const list = byDocument.get(annotation.docId) ?? [];
    list.push(annotation);
    byDocument.set(annotation.docId, list);
  }
  const heading = options.heading ?? (options.topic ? (options.topics?.path(options.topic.id) || options.topic.name) : 'Annotations');
  const out: string[] = [`# ${escapeInline(heading)}`, ''];
  const definition = options.topic?.description.trim();
  if (definition) out.push(...paragraphs(definition), '');
  for (const [docId, list] of byDocument) {
    const title = lookup.documentTitle?.(docId) ?? docId;
    out.push(`## ${escapeInline(title)}`, '');
    const documentNote = options.documentNote?.(docId)?.trim();
    if (documentNote) out.push('**Document note**', '', ...paragraphs(documentNote), '');
    for (const annotation of list) {
      const page = annotation.target.selectors.page?.page;
      const citation = page ? `(${title}, p. ${page})` : `(${title})`;
      const quoteLines = annotation.target.selectors.quote.exact.split(/\r?\n/);
      out.push(...quoteLines.map((line) => (line.trim() ? `> ${escapeInline(line)}` : '>')));
      out.push('>', `> ${escapeInline(citation)}`, '');
      // Notes are plain text (the app shows them as typed), so they are escaped like the
      // quotes: nothing in a note becomes a link, raw HTML or a heading in the export.
      if (annotation.note.trim()) out.push(annotation.note.trim().split(/\r?\n/).map(escapeInline).join('\n'), '');
      const coding = codingFields(annotation, options.topics, lookup);
      const items = [
        coding.speaker ? `Speaker: ${coding.speaker}` : '',
        coding.topics.length > 0 ? `Topics: ${coding.topics.join('; ')}` : '',
        coding.entities.length > 0 ? `Entities: ${coding.entities.join('; ')}` : '',
        coding.recommendations.length > 0 ? `Recommendations: ${coding.recommendations.join('; ')}` : '',
        ...Object.entries(coding.attributes).map(([name, value]) => `${name}: ${value}`),
      ].filter(Boolean);
      if (items.length > 0) out.push(...items.map((item) => `- ${escapeInline(item)}`), '');
      if (annotation.anchorStatus === 'orphan') out.push('_This quote could no longer be found in the current text of the paper._', '');
    }
  }
  return out.join('\n');
}

/** Plain text (a memo) as escaped Markdown paragraphs, its line breaks kept. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap((block, index) => [...(index > 0 ? [''] : []), block.split(/\r?\n/).map((line) => escapeInline(line.trim())).join('  \n')]);
}

/** Keeps quoted text from turning into headings, lists or emphasis. */
function escapeInline(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3')
    // A line of only = or - under text would make that text a heading.
    .replace(/^(\s*)([=-])(?=[=-]*\s*$)/, '$1\\$2');
}
