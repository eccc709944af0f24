import type { CorpusDocument, Entity, Statistic } from '../corpus/schema';
import { formatEventDate, nested, spanOf } from '../corpus/events/index';
import { isDatedMeasure } from '../corpus/statistics/index';

/** One figure as a paper gives it, for comparison with the others of its group. */
export interface ComparedFigure {
  id: string;
  docId: string;
  passageId: string;
  value: number;
  unit: string;
  /** As printed: "up to 1,000 more troops". */
  label: string;
  /** The date the figure refers to (EDTF), when the paper says. */
  asOf?: string;
  asOfLabel?: string;
  /** The sentence that states it. */
  claim: string;
  source?: string;
}

/** Figures that measure the same thing: "KFOR · troops", "NATO · centres of excellence". */
export interface FigureGroup {
  /** Stable within a corpus: entity, unit, measure and (for one-occasion measures) date. */
  key: string;
  subject: string;
  entityId?: string;
  unit: string;
  measure: string;
  figures: ComparedFigure[];
  /** The papers give different values (in different sentences: "12 founding members to 32 members" is one claim). */
  differ: boolean;
}

export interface FigureFilters {
  docIds?: readonly string[];
  entityId?: string;
  differOnly?: boolean;
}

/** How a measure reads after the entity's name. */
function measureLabel(unit: string, measure: string, labels: readonly string[]): string {
  const noun = unit === 'troops' && labels.some((l) => /soldiers/i.test(l)) ? 'soldiers' : unit;
  if (measure === '') return noun;
  if (measure === 'additional') return `additional ${noun}`;
  if (measure === 'imports' || measure === 'budget') return `${measure} (${unit})`;
  if (measure.startsWith('share ')) return `${measure.slice('share '.length)} (%)`;
  return `${noun} ${measure}`;
}

/** Values that print the same are the same: "about 5,200" and "approximately 5,200". */
function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
}

/** Splits a group's figures by occasion: each joins the first cluster all of whose dates agree with its own. */
function byOccasion(figures: readonly Statistic[]): Statistic[][] {
  const clusters: Statistic[][] = [];
  const dated = [...figures].sort((a, b) => (a.asOf ? spanOf(a.asOf).start : '9999').localeCompare(b.asOf ? spanOf(b.asOf).start : '9999'));
  for (const figure of dated) {
    const home = clusters.find((cluster) => cluster.every((other) => !figure.asOf || !other.asOf || nested(figure.asOf, other.asOf)));
    if (home) home.push(figure);
    else clusters.push([figure]);
  }
  return clusters;
}

/** The date that holds all the cluster's dates, for its label ("May 2023"). */
function commonDate(figures: readonly Statistic[]): string | undefined {
  const dates = figures.map((f) => f.asOf).filter((d): d is string => d !== undefined);
  return [...dates].sort((a, b) => {
    const x = spanOf(a);
    const y = spanOf(b);
    return y.end.localeCompare(x.end) || x.start.localeCompare(y.start);
  }).find((d) => dates.every((o) => nested(d, o) && spanOf(d).start <= spanOf(o).start));
}

/**
 * Statistics grouped by what they measure (entity + unit + measure, and for figures of one
 * occasion — soldiers injured, troops added — the occasion), each figure with its paper,
 * passage, value and date. Groups whose papers give different values come first.
 */
export function groupFigures(statistics: readonly Statistic[], entities: readonly Entity[], documents: readonly CorpusDocument[], filters: FigureFilters = {}): FigureGroup[] {
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const docOrder = new Map(documents.map((d, i) => [d.id, i]));
  const keyed = new Map<string, Statistic[]>();
  for (const s of statistics) {
    const key = `${s.entityId ?? '-'}|${s.unit}|${s.measure}`;
    (keyed.get(key) ?? keyed.set(key, []).get(key))?.push(s);
  }
  const groups: FigureGroup[] = [];
  for (const [key, members] of keyed) {
    const first = members[0] as Statistic;
    const dated = isDatedMeasure(first.measure);
    for (const cluster of dated ? byOccasion(members) : [members]) {
      const when = dated ? commonDate(cluster) : undefined;
      const name = first.entityId ? (entityName.get(first.entityId) ?? first.entityId) : 'Kosovo';
      const figures = [...cluster]
        .sort((a, b) => (docOrder.get(a.docId) ?? 0) - (docOrder.get(b.docId) ?? 0) || a.id.localeCompare(b.id, undefined, { numeric: true }))
        .map((s): ComparedFigure => ({
          id: s.id,
          docId: s.docId,
          passageId: s.passageId,
          value: s.value,
          unit: s.unit,
          label: s.label,
          claim: s.claim,
          ...(s.asOf ? { asOf: s.asOf, asOfLabel: formatEventDate(s.asOf) } : {}),
          ...(s.source ? { source: s.source } : {}),
        }));
      const differ = figures.some((a) => figures.some((b) => a.claim !== b.claim && !sameValue(a.value, b.value)));
      groups.push({
        key: when ? `${key}|${when}` : key,
        subject: `${name} · ${measureLabel(first.unit, first.measure, figures.map((f) => f.label))}${when ? ` ${formatEventDate(when)}` : ''}`,
        ...(first.entityId ? { entityId: first.entityId } : {}),
        unit: first.unit,
        measure: first.measure,
        figures,
        differ,
      });
    }
  }
  const papers = (g: FigureGroup) => new Set(g.figures.map((f) => f.docId)).size;
  return groups
    .map((g) => (filters.docIds?.length ? { ...g, figures: g.figures.filter((f) => filters.docIds?.includes(f.docId)) } : g))
    .filter((g) => g.figures.length > 0 && (!filters.entityId || g.entityId === filters.entityId) && (!filters.differOnly || g.differ))
    .sort((a, b) => Number(b.differ) - Number(a.differ) || papers(b) - papers(a) || b.figures.length - a.figures.length || a.subject.localeCompare(b.subject));
}
