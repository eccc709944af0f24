import type { CorpusEvent, EventKind, EventSource } from '../schema';
import type { EventCandidate } from './candidates';
import { nested, precisionOf, spanDays, spanOf } from './event-date';
import { classifyKind } from './kind';
import { cosine, type FeatureVector } from './similarity';

/**
 * Mentions whose wording (words and entities, weighted by rarity) is at least this similar
 * describe one event, when their dates agree. Tuned on the seed papers: the four papers'
 * mentions of the Banjska attack score 0.3 to 0.7 with each other; different events of the
 * same month in one paper stay under 0.25.
 */
export const SAME_EVENT_SIMILARITY = 0.22;
export const UNTITLED_SIMILARITY = 0.3;

/**
 * Whether two mentions name different things of one kind ("applied to join the Council of
 * Europe" / "applying for EU membership"; "Kenya (March)" / "Sudan (April)"): then they are not
 * one event, however alike their words.
 */
export type Conflict = (a: EventCandidate, b: EventCandidate) => boolean;

/** How many of a mention's heaviest features may bring it together with another mention. */
const TELLING_FEATURES = 12;

/**
 * The pairs worth comparing: in the same year, sharing an anchor or one of their heaviest
 * features. Two mentions of one event always share something telling, so this keeps the work
 * near linear in the number of mentions instead of quadratic in each year's.
 */
function comparablePairs(candidates: readonly EventCandidate[], vectors: readonly FeatureVector[]): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  };
  candidates.forEach((c, i) => {
    const span = spanOf(c.date);
    const telling = [...(vectors[i] as FeatureVector).entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .filter(([feature], rank) => rank < TELLING_FEATURES || feature.startsWith('@'))
      .map(([feature]) => feature);
    if (c.anchorId) telling.push(`anchor:${c.anchorId}`);
    for (let year = Number(span.start.slice(0, 4)); year <= Number(span.end.slice(0, 4)); year++) {
      for (const feature of telling) post(`${year} ${feature}`, i);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] as number;
        const j = list[b] as number;
        const key = i * candidates.length + j;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

/**
 * Groups candidates into events. Two mentions can be one event when one date's span holds the
 * other's ("2023", "September 2023", "24 September 2023"), and they are one when they share the
 * entity that names them or their wording is similar. Groups join most similar first, and
 * only while every date in the joined group still agrees with every other (so "2023" cannot
 * bridge a May event and a September one).
 */
export function groupCandidates(candidates: readonly EventCandidate[], vectors: readonly FeatureVector[], conflict: Conflict = () => false): number[][] {
  // Mentions worded and dated alike (one sentence quoted in several passages) are one mention
  // for the grouping: it then works on distinct mentions, whatever the repetition.
  const copies = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const key = JSON.stringify([c.date, c.title, c.text, c.context, c.anchorId, c.entityIds, c.kind]);
    (copies.get(key) ?? copies.set(key, []).get(key))?.push(i);
  });
  const distinct = [...copies.values()];
  const reps = distinct.map((indices) => candidates[indices[0] as number] as EventCandidate);
  const repVectors = distinct.map((indices) => vectors[indices[0] as number] as FeatureVector);

  const pairs: Array<{ i: number; j: number; score: number }> = [];
  for (const [i, j] of comparablePairs(reps, repVectors)) {
    const x = reps[i] as EventCandidate;
    const y = reps[j] as EventCandidate;
    if (!nested(x.date, y.date) || conflict(x, y)) continue;
    const score = x.anchorId !== undefined && x.anchorId === y.anchorId ? 1 : cosine(repVectors[i] as FeatureVector, repVectors[j] as FeatureVector);
    // A mention without a title of its own says too little to join on weak likeness.
    const needed = x.title === undefined || y.title === undefined ? UNTITLED_SIMILARITY : SAME_EVENT_SIMILARITY;
    if (score >= needed) pairs.push({ i, j, score });
  }
  pairs.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);

  const groupOf = reps.map((_, i) => i);
  const members = new Map<number, number[]>(reps.map((_, i) => [i, [i]]));
  for (const { i, j } of pairs) {
    const gi = groupOf[i] as number;
    const gj = groupOf[j] as number;
    if (gi === gj) continue;
    const left = members.get(gi) as number[];
    const right = members.get(gj) as number[];
    const agree = left.every((a) =>
      right.every((b) => {
        const x = reps[a] as EventCandidate;
        const y = reps[b] as EventCandidate;
        return nested(x.date, y.date) && !conflict(x, y);
      }),
    );
    if (!agree) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    const joined = [...(members.get(keep) as number[]), ...(members.get(drop) as number[])].sort((a, b) => a - b);
    members.set(keep, joined);
    members.delete(drop);
    for (const m of joined) groupOf[m] = keep;
  }
  return [...members.values()].map((group) => group.flatMap((rep) => distinct[rep] as number[]).sort((a, b) => a - b));
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

function sourcesOf(group: readonly EventCandidate[]): EventSource[] {
  const byDoc = new Map<string, EventCandidate[]>();
  for (const c of [...group].sort((a, b) => a.rank - b.rank || a.quote.start - b.quote.start)) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  return [...byDoc.entries()].map(([docId, list]) => {
    const quotes = list
      .map((c) => ({ passageId: c.passageId, start: c.quote.start, end: c.quote.end }))
      .filter((q, index, all) => all.findIndex((o) => o.passageId === q.passageId && o.start === q.start) === index);
    return { docId, passageIds: [...new Set(list.map((c) => c.passageId))], quotes };
  });
}

/** The kind the title says, else the kind most of its mentions say. */
function kindOf(title: string, group: readonly EventCandidate[]): EventKind {
  const fromTitle = classifyKind(title);
  if (fromTitle) return fromTitle;
  const counts = new Map<EventKind, number>();
  for (const c of group) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
}

/** One event per group that has a readable title; ids from date and name, unique and stable. */
export function assembleEvents(candidates: readonly EventCandidate[], groups: readonly number[][]): CorpusEvent[] {
  const events = groups.flatMap((indices) => {
    const group = indices.map((i) => candidates[i] as EventCandidate);
    // The mention that dates the event most precisely usually names it most precisely too.
    const finest = Math.min(...group.map((c) => spanDays(c.date)));
    const rank = (c: EventCandidate) => c.titleScore + (spanDays(c.date) === finest ? 1 : 0);
    const titled = group.filter((c) => c.title !== undefined).sort((a, b) => rank(b) - rank(a) || spanDays(a.date) - spanDays(b.date) || a.rank - b.rank);
    const lead = titled[0];
    if (!lead?.title) return [];
    const date = [...group].sort((a, b) => spanDays(a.date) - spanDays(b.date) || a.rank - b.rank)[0]?.date as string;
    const { start, end } = spanOf(date);
    const entityIds = [...new Set([...(lead.anchorId ? [lead.anchorId] : []), ...group.flatMap((c) => c.entityIds)])];
    // The id keeps to what names the event: its anchor entity when the title is that entity's name.
    const key = lead.anchorId && lead.titleScore >= 4 ? lead.anchorId : slug(lead.title);
    return [{ key, event: { date, precision: precisionOf(date), start, end, kind: kindOf(lead.title, group), title: lead.title, entityIds, sources: sourcesOf(group) } }];
  });
  events.sort((a, b) => a.event.start.localeCompare(b.event.start) || b.event.end.localeCompare(a.event.end) || a.event.title.localeCompare(b.event.title));
  const used = new Set<string>();
  return events.map(({ key, event }) => {
    const base = `event-${event.date.replace('/', '--')}-${key}`.replace(/-+$/, '');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, ...event };
  });
}
