import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { HighlightColoring } from '../../../electron/core/settings/methods';
import { annotationTint } from './highlight-pieces';

/** An annotation's stretch of one PDF page's text (offsets in the page text as pdf.js joins it). */
export interface PageHighlight {
  annotationId: string;
  start: number;
  end: number;
  className: string;
  /** The colour to draw it in when not its own (see annotationTint). */
  tint?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for a quote as it may appear in a PDF page: words separated by any white
 * space, and a word may be split at a line end by a hyphen ("Excel- lence").
 */
function pdfPattern(quote: string): RegExp | undefined {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const word = (text: string) => [...text].map(escape).join('(?:-\\s+)?');
  return new RegExp(words.map(word).join('(?:\\s+|-\\s*)'), 'u');
}

/**
 * Where the annotations of a page lie in its text, for the PDF text layer. An annotation
 * is looked for on the page its selector names (and the next, for a quote that runs over).
 */
export function pageHighlights(pageText: string, page: number, annotations: readonly AnnotationView[], coloring: HighlightColoring = 'annotation'): PageHighlight[] {
  const found: PageHighlight[] = [];
  for (const annotation of annotations) {
    const first = annotation.target.selectors.page?.page;
    if (annotation.anchorStatus === 'orphan' || first === undefined || (page !== first && page !== first + 1)) continue;
    const pattern = pdfPattern(annotation.target.selectors.quote.exact);
    const match = pattern?.exec(pageText);
    if (!match) continue;
    const tint = annotationTint(annotation, coloring);
    found.push({ annotationId: annotation.id, start: match.index, end: match.index + match[0].length, className: `annotation-highlight color-${annotation.color}`, ...(tint ? { tint } : {}) });
  }
  return found;
}
