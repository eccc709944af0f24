import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { HighlightColoring } from '../../../electron/core/settings/methods';

/** One annotation's stretch of a passage's text. */
export interface HighlightRange {
  annotationId: string;
  color: AnnotationView['color'];
  note: string;
  start: number;
  end: number;
  /** Drawn in this colour instead of the annotation's own (its topic's, when the user asked for that). */
  tint?: string;
}

/** The colour an annotation is drawn in: its topic's when the user colours by topic and it has one. */
export function annotationTint(annotation: Pick<AnnotationView, 'topics'>, coloring: HighlightColoring): string | undefined {
  return coloring === 'topic' ? annotation.topics[0]?.color : undefined;
}

/** A run of text and the annotations over it (innermost, i.e. shortest, last). */
export interface HighlightPiece {
  text: string;
  start: number;
  highlights: HighlightRange[];
}

/** The ranges of every annotation falling in one passage. */
export function passageHighlights(annotations: readonly AnnotationView[], passageId: string): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const annotation of annotations) {
    for (const range of annotation.ranges) {
      if (range.passageId === passageId) ranges.push({ annotationId: annotation.id, color: annotation.color, note: annotation.note, start: range.start, end: range.end });
    }
  }
  return ranges;
}

/** Groups every annotation's ranges by passage, for a whole document at once. */
export function highlightsByPassage(annotations: readonly AnnotationView[], coloring: HighlightColoring = 'annotation'): Map<string, HighlightRange[]> {
  const byPassage = new Map<string, HighlightRange[]>();
  for (const annotation of annotations) {
    const tint = annotationTint(annotation, coloring);
    for (const range of annotation.ranges) {
      const list = byPassage.get(range.passageId) ?? [];
      list.push({ annotationId: annotation.id, color: annotation.color, note: annotation.note, start: range.start, end: range.end, ...(tint ? { tint } : {}) });
      byPassage.set(range.passageId, list);
    }
  }
  return byPassage;
}

/**
 * Cuts `text` (which starts at `offset` in its passage) at every highlight edge. Text views
 * that already cut a passage into runs (links, footnotes, mentions) call this per run.
 */
export function highlightPieces(text: string, ranges: readonly HighlightRange[], offset = 0): HighlightPiece[] {
  const end = offset + text.length;
  const inside = ranges.filter((range) => range.end > offset && range.start < end);
  if (inside.length === 0) return [{ text, start: offset, highlights: [] }];
  const cuts = new Set<number>([offset, end]);
  for (const range of inside) {
    cuts.add(Math.max(offset, range.start));
    cuts.add(Math.min(end, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: HighlightPiece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const highlights = inside
      .filter((range) => range.start <= from && range.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.annotationId.localeCompare(b.annotationId));
    pieces.push({ text: text.slice(from - offset, to - offset), start: from, highlights });
  }
  return pieces;
}

/** What hovering a highlight shows: the notes of every annotation over it. */
export function highlightTitle(highlights: readonly HighlightRange[]): string {
  const notes = highlights.map((range) => range.note.trim()).filter(Boolean);
  if (notes.length > 0) return notes.join('\n—\n');
  return highlights.length > 1 ? `${highlights.length} overlapping annotations` : 'Annotation';
}
