import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';
import { byDocumentPosition } from '../annotation-filter';

/**
 * Quotes grouped by paper, in reading order: each a block quote with its citation
 * "(Title, p. N)", then its note as an ordinary paragraph.
 */
export function exportAnnotationsMarkdown(annotations: readonly Annotation[], lookup: CorpusLookup, options: { heading?: string } = {}): string {
  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of [...annotations].sort(byDocumentPosition)) {
    const list = byDocument.get(annotation.docId) ?? [];
    list.push(annotation);
    byDocument.set(annotation.docId, list);
  }
  const out: string[] = [`# ${escapeInline(options.heading ?? 'Annotations')}`, ''];
  for (const [docId, list] of byDocument) {
    const title = lookup.documentTitle?.(docId) ?? docId;
    out.push(`## ${escapeInline(title)}`, '');
    for (const annotation of list) {
      const page = annotation.target.selectors.page?.page;
      const citation = page ? `(${title}, p. ${page})` : `(${title})`;
      const quoteLines = annotation.target.selectors.quote.exact.split(/\r?\n/);
      out.push(...quoteLines.map((line) => (line.trim() ? `> ${escapeInline(line)}` : '>')));
      out.push('>', `> ${escapeInline(citation)}`, '');
      // Notes are plain text (the app shows them as typed), so they are escaped like the
      // quotes: nothing in a note becomes a link, raw HTML or a heading in the export.
      if (annotation.note.trim()) out.push(annotation.note.trim().split(/\r?\n/).map(escapeInline).join('\n'), '');
      if (annotation.anchorStatus === 'orphan') out.push('_This quote could no longer be found in the current text of the paper._', '');
    }
  }
  return out.join('\n');
}

/** Keeps quoted text from turning into headings, lists or emphasis. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)([-+])(\s)/, '$1\\$2$3').replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3');
}
