/**
 * The source a sentence credits for its figures, and the year of that source:
 * "According to the 2022 Security Barometer by the Kosovar Centre..." -> Security Barometer, 2022;
 * "A survey conducted in early 2023 by the International Republican Institute found..." ->
 * International Republican Institute, 2023.
 */
export interface SourceAttribution {
  readonly source?: string;
  readonly year?: number;
}

const YEAR = String.raw`(?:19|20)\d{2}`;
/** A capitalised name, allowing lower-case joining words inside it ("Centre for Security Studies"). */
const NAME = String.raw`[\p{Lu}][\p{L}\p{N}'’.-]*(?:\s+(?:of|for|and|the|on|[\p{Lu}][\p{L}\p{N}'’.-]*))*`;
// Written out in both cases rather than with the i flag, which would also let NAME match lower case.
const KIND = String.raw`(?:[Pp]ublic\s+opinion\s+)?(?:[Pp]oll|[Ss]urvey|[Rr]eport|[Ss]tudy|[Bb]arometer|[Aa]ssessment)`;

const ACCORDING_TO = new RegExp(
  String.raw`\b(?:[Aa]ccording\s+to|[Bb]ased\s+on)\s+(?:(?:the|a|an)\s+)?(?:(?<year>${YEAR})\s+)?(?:${KIND}\s+(?:conducted\s+)?(?:by|from|of)\s+(?:the\s+)?)?(?<name>${NAME})`,
  'u',
);
const CONDUCTED_BY = new RegExp(
  String.raw`\b${KIND}\s+(?:conducted\s+)?(?:in\s+(?:(?:early|late)\s+|mid-)?(?<year>${YEAR})\s+)?by\s+(?:the\s+)?(?<name>${NAME})`,
  'u',
);

/** A year alone in the sentence, not part of a range such as 2022-2027 or a date's day. */
const LONE_YEAR = new RegExp(String.raw`(?<![\d\-\u2013/])\b(${YEAR})\b(?!\s*[-\u2013/]\s*\d)`, 'g');

/** Joining words and possessives that a greedy name match can drag along at its end. */
function trimName(name: string): string {
  return name.replace(/(?:\s+(?:of|for|and|the|on))+$/u, '').replace(/['’]s?$/u, '').trim();
}

export function findSource(sentence: string): SourceAttribution {
  const match = ACCORDING_TO.exec(sentence) ?? CONDUCTED_BY.exec(sentence);
  const source = match?.groups?.name ? trimName(match.groups.name) : undefined;
  const explicitYear = match?.groups?.year;
  if (explicitYear) return { source, year: Number(explicitYear) };
  const years = new Set([...sentence.matchAll(LONE_YEAR)].map((m) => m[1] as string));
  return { source, year: years.size === 1 ? Number([...years][0]) : undefined };
}
