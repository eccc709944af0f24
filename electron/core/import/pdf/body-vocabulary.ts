import { collectVocabulary } from './join-lines.js';
import type { LineSegment } from './line-segments.js';
import { marginCandidates, type PageSegments } from './page-furniture.js';

/**
 * The words of a document's lines outside its margins, gathered by the workers as they read
 * pages, so the document's vocabulary (which decides line-end hyphens, see join-lines.ts)
 * is mostly built while pages are still being read instead of after. Furniture is only ever
 * found among the margin lines (see page-furniture.ts), so the vocabulary of the lines kept
 * is these words plus those of the margin lines that are not furniture, which
 * `keptLineWords` adds once furniture is known: the same set as collecting every kept line.
 */
export class BodyVocabulary {
  private readonly words = new Set<string>();
  private fresh: string[] = [];

  /** Adds the words of a page's lines outside its margins. */
  addPage(page: PageSegments): void {
    const margins = new Set(marginCandidates(page));
    const lines = page.segments.filter((s) => !margins.has(s)).map((s) => s.text);
    for (const word of collectVocabulary(lines)) {
      if (this.words.has(word)) continue;
      this.words.add(word);
      this.fresh.push(word);
    }
  }

  /** The words added since the last call: each crosses to the lead once. */
  takeNew(): string[] {
    const taken = this.fresh;
    this.fresh = [];
    return taken;
  }
}

/** The gathered words plus those of the margin lines that are not furniture: the words of every line kept. */
export function keptLineWords(bodyWords: Iterable<string>, pages: PageSegments[], furniture: ReadonlySet<LineSegment>): Set<string> {
  const words = new Set(bodyWords);
  const margins = pages.flatMap((p) => marginCandidates(p).filter((s) => !furniture.has(s)).map((s) => s.text));
  for (const word of collectVocabulary(margins)) words.add(word);
  return words;
}
