import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { PaletteEntry } from '../../../electron/common/palette';
import { foldCase as fold } from '../../../electron/common/text/fold';

/**
 * Filtering and sorting lists of annotations (the reader's sidebar, the Annotations view).
 * Each way to narrow a list is a dimension: what it offers to pick from the annotations at
 * hand, and whether an annotation matches the pick. A new dimension (the author, once
 * annotations have one) is one more entry in `filterDimensions`; the menus follow.
 */
export type DimensionKey = 'paper' | 'topic' | 'color' | 'entity' | 'recommendation' | 'coder';

export interface FilterDimension {
  key: DimensionKey;
  /** "paper": the menu says "Any paper" and is labelled "Filter by paper". */
  noun: string;
  choices(annotations: readonly AnnotationView[], context: FilterContext): Array<[value: string, label: string]>;
  matches(annotation: AnnotationView, value: string): boolean;
}

export interface FilterContext {
  palette: readonly PaletteEntry[];
  /** A coder's name, from their user id. */
  nameOf: (coderId: string) => string;
}

const sortedByLabel = (map: Map<string, string>): Array<[string, string]> => [...map].sort((a, b) => a[1].localeCompare(b[1]));

function collect(annotations: readonly AnnotationView[], pairs: (annotation: AnnotationView) => Array<[string, string]>): Array<[string, string]> {
  const found = new Map<string, string>();
  for (const annotation of annotations) for (const [value, label] of pairs(annotation)) found.set(value, label);
  return sortedByLabel(found);
}

export const filterDimensions: readonly FilterDimension[] = [
  {
    key: 'paper',
    noun: 'paper',
    choices: (annotations) => collect(annotations, (annotation) => [[annotation.docId, annotation.documentTitle]]),
    matches: (annotation, value) => annotation.docId === value,
  },
  {
    key: 'topic',
    noun: 'topic',
    choices: (annotations) => collect(annotations, (annotation) => annotation.topics.map((topic) => [topic.id, topic.path])),
    matches: (annotation, value) => annotation.topicIds.includes(value),
  },
  {
    key: 'color',
    noun: 'colour',
    // Every colour, in palette order, with the meaning the user gave it.
    choices: (_annotations, { palette }) => palette.map((entry) => [entry.key, entry.meaning ? `${entry.label}: ${entry.meaning}` : entry.label]),
    matches: (annotation, value) => annotation.color === value,
  },
  {
    key: 'entity',
    noun: 'entity',
    choices: (annotations) => collect(annotations, (annotation) => annotation.entities.map((entity) => [entity.id, entity.name])),
    matches: (annotation, value) => annotation.entityIds.includes(value),
  },
  {
    key: 'recommendation',
    noun: 'recommendation',
    choices: (annotations) => collect(annotations, (annotation) => annotation.recommendations.map((item) => [item.id, item.label])),
    matches: (annotation, value) => annotation.recommendationIds.includes(value),
  },
  {
    key: 'coder',
    noun: 'coder',
    // Only worth a menu when more than one person coded these annotations.
    choices: (annotations, { nameOf }) => {
      const coders = collect(annotations, (annotation) => [[annotation.coder, nameOf(annotation.coder)]]);
      return coders.length > 1 ? coders : [];
    },
    matches: (annotation, value) => annotation.coder === value,
  },
];

export interface AnnotationFilter {
  /** Words looked for in the quote, note, topics, entities and recommendations. */
  text: string;
  /** One pick per dimension; a dimension without a pick does not narrow. */
  picks: Partial<Record<DimensionKey, string>>;
  /** Made on or after / on or before these days (YYYY-MM-DD, the user's own time zone). */
  from?: string;
  to?: string;
}

export const emptyFilter: AnnotationFilter = { text: '', picks: {} };

/** The local calendar day an ISO time falls on, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Every given criterion must hold. */
export function filterAnnotations(annotations: readonly AnnotationView[], filter: AnnotationFilter): AnnotationView[] {
  const needle = fold(filter.text.trim());
  const picked = filterDimensions.flatMap((dimension) => {
    const value = filter.picks[dimension.key];
    return value ? [{ dimension, value }] : [];
  });
  return annotations.filter((annotation) => {
    if (!picked.every(({ dimension, value }) => dimension.matches(annotation, value))) return false;
    if (filter.from || filter.to) {
      const day = localDay(annotation.createdAt);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
    }
    if (!needle) return true;
    const haystack = [
      annotation.target.selectors.quote.exact,
      annotation.note,
      annotation.documentTitle,
      ...annotation.topics.map((topic) => topic.path),
      ...annotation.entities.map((entity) => entity.name),
      ...annotation.recommendations.map((item) => item.label),
    ].join('\n');
    return fold(haystack).includes(needle);
  });
}

export const sortOrders = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  paper: 'By paper, in reading order',
  color: 'By colour',
} as const;
export type SortOrder = keyof typeof sortOrders;

const position = (annotation: AnnotationView) => annotation.target.selectors.position.start;

export function sortAnnotations(annotations: readonly AnnotationView[], order: SortOrder, palette: readonly PaletteEntry[] = []): AnnotationView[] {
  const colorRank = new Map(palette.map((entry, index) => [entry.key, index]));
  const byNewest = (a: AnnotationView, b: AnnotationView) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
  const compare: Record<SortOrder, (a: AnnotationView, b: AnnotationView) => number> = {
    newest: byNewest,
    oldest: (a, b) => -byNewest(a, b),
    paper: (a, b) => a.documentTitle.localeCompare(b.documentTitle) || position(a) - position(b) || byNewest(a, b),
    color: (a, b) => (colorRank.get(a.color) ?? 99) - (colorRank.get(b.color) ?? 99) || byNewest(a, b),
  };
  return [...annotations].sort(compare[order]);
}
