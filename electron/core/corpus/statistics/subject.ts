import type { Entity, EntityType, Mention } from '../schema';
import type { Figure } from './figures';

/**
 * What a figure measures, so the same measure in different papers can be set side by side:
 * whose figure it is (the entity), what about it is counted (the measure) and in what unit.
 * "NATO sent up to 1,000 more troops" and "an additional 700 troops were deployed ... as part of
 * NATO efforts" are both NATO's additional troops; "nearly 3,800 KFOR troops" and "KFOR has about
 * 5,200 troops" both KFOR's troops.
 */

/** Units that count the same thing under different words. */
const UNIT_CLASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:troops|soldiers|forces)$/i, 'troops'],
  [/^(?:coes|centres|centers)$/i, 'centres of excellence'],
  [/^(?:countries|states|allies)$/i, 'countries'],
  [/^(?:individuals|suspects|people|citizens)$/i, 'people'],
];

export function unitClass(unit: string): string {
  return UNIT_CLASSES.find(([pattern]) => pattern.test(unit))?.[1] ?? unit;
}

/**
 * Measures that qualify a count, found next to the figure, in order of precedence. Those marked
 * `dated` belong to one occasion ("soldiers injured in May 2023"): only figures of the same
 * occasion compare.
 */
const MEASURES: ReadonlyArray<{ readonly name: string; readonly words: RegExp; readonly dated: boolean }> = [
  { name: 'injured', words: /\binjur\w*/i, dated: true },
  { name: 'killed', words: /\bkill\w*/i, dated: true },
  { name: 'requested', words: /\brequest\w*|\bpermission\b/i, dated: true },
  { name: 'additional', words: /\b(?:additional|extra|more|reinforc\w*|bolster\w*)\b/i, dated: true },
  { name: 'imports', words: /\bimports?\b/i, dated: true },
  { name: 'budget', words: /\bbudget|\bspending\b/i, dated: true },
  { name: 'indicted', words: /\bindict\w*/i, dated: true },
];

export function isDatedMeasure(measure: string): boolean {
  return MEASURES.some((m) => m.name === measure && m.dated);
}

/** The measure a figure's neighbourhood names: its own words first, then its phrase, then its clause. */
export function measureOf(sentence: string, figure: Figure): string {
  if (figure.unit === 'percent') {
    // Each survey result is its own measure: what the next few words say it counts, or the
    // words before it when it ends its clause ("the approval rate soars to 99.5 percent").
    const after = sentence.slice(figure.end).split(/[,;.]/)[0]?.trim() ?? '';
    const words = after ? after.split(/\s+/).slice(0, 6) : (sentence.slice(0, figure.start).split(/[,;]/).at(-1) ?? '').trim().split(/\s+/).slice(-6);
    return `share ${words.join(' ').toLowerCase()}`.trim();
  }
  const before = sentence.slice(Math.max(0, figure.start - 80), figure.start);
  const after = sentence.slice(figure.end).split(/[,;.]/)[0]?.slice(0, 80) ?? '';
  const places = [figure.label, after, before.split(/[,;]/).at(-1) ?? '', before];
  for (const text of places) {
    const found = MEASURES.find((m) => m.words.test(text));
    if (found) return found.name;
  }
  return '';
}

/** Organisations before places and people, as if they stood this much nearer: "KFOR has about 5,200 troops" is KFOR's figure. */
const TYPE_PREFERENCE: Partial<Record<EntityType, number>> = { organisation: 0, place: 30, person: 30 };
/** Crossing a comma puts a name in another phrase than the figure's. */
const COMMA_DISTANCE = 100;
/** Further than this (two clauses away), a name is about something else. */
const MAX_DISTANCE = 250;

interface EntityChoice {
  readonly mentions: readonly Mention[];
  readonly entityById: ReadonlyMap<string, Entity>;
  /** How many passages mention each entity: the rarer of two equally near names is the more specific (KFOR over NATO). */
  readonly passageCount: (entityId: string) => number;
}

/**
 * Whose figure it is: the nearest organisation (else place, else person) named in the figure's
 * sentence, measured in characters and counting a comma as far; not the counted thing itself
 * (the COEs of "28 COEs") nor Kosovo, which every paper is about, unless nothing else is named.
 * For a request, the one that requests ("Serbia's request to deploy up to 1,000 troops").
 */
export function entityOf(sentence: { start: number; text: string }, figure: Figure, measure: string, choice: EntityChoice): string | undefined {
  const inSentence = choice.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.start + sentence.text.length);
  const figureStart = sentence.start + figure.start;
  const figureEnd = sentence.start + figure.end;
  // The counted thing itself ("28 COEs", "30 NATO-accredited Centres of Excellence") is not whose figure it is.
  const counted = inSentence.filter((m) => m.start >= figureStart && m.start < figureEnd && new RegExp(`\\b${figure.unit}`, 'i').test(m.text));
  const candidates = inSentence.filter((m) => !counted.includes(m) && m.entityId !== 'kosovo' && TYPE_PREFERENCE[choice.entityById.get(m.entityId)?.type ?? 'event'] !== undefined);
  if (measure === 'requested') {
    const requester = candidates.find((m) => /^['’]s\b/.test(sentence.text.slice(m.end - sentence.start)));
    if (requester) return requester.entityId;
  }
  const distance = (m: Mention) => {
    const [from, to] = m.end <= figureStart ? [m.end, figureStart] : m.start >= figureEnd ? [figureEnd, m.start] : [0, 0];
    const between = sentence.text.slice(from - sentence.start, to - sentence.start);
    return to - from + (between.match(/,/g) ?? []).length * COMMA_DISTANCE;
  };
  const score = (m: Mention) => distance(m) + (TYPE_PREFERENCE[choice.entityById.get(m.entityId)?.type as EntityType] ?? 0);
  const ranked = candidates.filter((m) => score(m) <= MAX_DISTANCE).sort((a, b) => score(a) - score(b) || choice.passageCount(a.entityId) - choice.passageCount(b.entityId) || a.start - b.start);
  return ranked[0]?.entityId ?? (inSentence.some((m) => m.entityId === 'kosovo') ? 'kosovo' : undefined);
}
