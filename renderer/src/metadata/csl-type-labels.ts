import type { CslType } from '../../../electron/core/corpus/schema';

/**
 * Core's CSL item types (`cslTypes`, which the renderer cannot import at run time) as a
 * person reads them. Keyed by core's `CslType`, so a type added there is a compile error
 * here until it has a label; the details dialog offers them in this order.
 */
export const cslTypeLabels: Record<CslType, string> = {
  report: 'Report',
  book: 'Book',
  chapter: 'Book chapter',
  'article-journal': 'Journal article',
  'article-magazine': 'Magazine article',
  'article-newspaper': 'Newspaper article',
  article: 'Article (other)',
  'paper-conference': 'Conference paper',
  thesis: 'Thesis',
  manuscript: 'Manuscript',
  pamphlet: 'Pamphlet',
  interview: 'Interview',
  speech: 'Speech',
  webpage: 'Web page',
  post: 'Online post',
  'post-weblog': 'Blog post',
  dataset: 'Dataset',
  document: 'Document (other)',
  legislation: 'Legislation',
  bill: 'Bill',
  regulation: 'Regulation',
  treaty: 'Treaty',
  legal_case: 'Legal case',
  hearing: 'Hearing',
  standard: 'Standard',
  patent: 'Patent',
  'personal_communication': 'Personal communication',
  collection: 'Collection',
  periodical: 'Periodical',
  review: 'Review',
  'review-book': 'Book review',
  entry: 'Entry',
  'entry-dictionary': 'Dictionary entry',
  'entry-encyclopedia': 'Encyclopedia entry',
  map: 'Map',
  figure: 'Figure',
  graphic: 'Graphic',
  broadcast: 'Broadcast',
  motion_picture: 'Film',
  song: 'Song',
  musical_score: 'Musical score',
  performance: 'Performance',
  event: 'Event',
  software: 'Software',
  classic: 'Classic work',
};

export function cslTypeLabel(type: string): string {
  return (cslTypeLabels as Record<string, string>)[type] ?? type;
}
