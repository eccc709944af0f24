import type { CorpusEvent } from '../schema';

/** One date expression in one sentence, before candidates for the same event are merged. */
export interface EventCandidate {
  readonly date: string;
  readonly title: string;
  /** The event, law or strategy entity that names it, if one stands next to the date. */
  readonly anchorId: string | undefined;
  readonly passageId: string;
  /** Position of the passage in corpus order, to keep output and titles deterministic. */
  readonly rank: number;
  readonly entityIds: readonly string[];
}

class DisjointSets {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index stays the root, so the result does not depend on union order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function related(a: EventCandidate, b: EventCandidate, isDistinctive: (entityId: string) => boolean): boolean {
  if (a.anchorId !== undefined && a.anchorId === b.anchorId) return true;
  return a.entityIds.some((id) => isDistinctive(id) && b.entityIds.includes(id));
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

/**
 * Merges candidates that describe one event: the same date, or a partial date ("2023-09") and
 * the single more precise date it abbreviates ("2023-09-24"), when they share their anchor or a
 * distinctive entity. The merged event takes the most precise date.
 */
export function mergeCandidates(candidates: readonly EventCandidate[], isDistinctive: (entityId: string) => boolean): CorpusEvent[] {
  const sets = new DisjointSets(candidates.length);
  // Buckets by exact date and by each shorter prefix (year, year-month) keep the pairwise
  // comparisons local to one date, not quadratic in the corpus.
  const byDate = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  candidates.forEach((c, i) => {
    push(byDate, c.date, i);
    if (c.date.length > 4) push(byPrefix, c.date.slice(0, 4), i);
    if (c.date.length > 7) push(byPrefix, c.date.slice(0, 7), i);
  });
  for (const indices of byDate.values()) {
    indices.forEach((i, k) => {
      for (const j of indices.slice(k + 1)) {
        if (related(candidates[i] as EventCandidate, candidates[j] as EventCandidate, isDistinctive)) sets.union(i, j);
      }
    });
  }
  candidates.forEach((partial, i) => {
    // A partial date named by an event ("the Banjska attack in 2023") refines only to that event.
    const refines = (c: EventCandidate) =>
      partial.anchorId !== undefined ? c.anchorId === partial.anchorId : related(partial, c, isDistinctive);
    const refinements = (byPrefix.get(partial.date) ?? []).filter((j) => refines(candidates[j] as EventCandidate));
    const dates = refinements.map((j) => (candidates[j] as EventCandidate).date);
    const mostPrecise = dates.reduce((a, b) => (b.length > a.length ? b : a), partial.date);
    // Refinements must form one chain (2023 -> 2023-09 -> 2023-09-24); two different precise
    // dates would make the partial one ambiguous, so it is then left on its own.
    if (dates.length > 0 && dates.every((d) => mostPrecise.startsWith(d))) for (const j of refinements) sets.union(i, j);
  });

  const groups = new Map<number, EventCandidate[]>();
  candidates.forEach((c, i) => {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(c);
    else groups.set(root, [c]);
  });

  const usedIds = new Set<string>();
  const events = [...groups.values()].map((group) => {
    // The most precise date wins; among its titles, one that did not need cutting.
    const cut = (c: EventCandidate) => (c.title.endsWith('…') ? 1 : 0);
    const ordered = [...group].sort((a, b) => b.date.length - a.date.length || cut(a) - cut(b) || a.rank - b.rank);
    const lead = ordered[0] as EventCandidate;
    const anchored = ordered.find((c) => c.anchorId !== undefined);
    const title = anchored?.title ?? lead.title;
    const byPassage = [...group].sort((a, b) => a.rank - b.rank);
    return {
      date: lead.date,
      title,
      passageIds: [...new Set(byPassage.map((c) => c.passageId))],
      entityIds: [...new Set(byPassage.flatMap((c) => c.entityIds))],
      key: anchored?.anchorId ?? slug(title),
    };
  });
  events.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  return events.map(({ key, ...event }) => {
    const base = `event-${event.date}-${key}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return { id, ...event };
  });
}
