/**
 * Numeric figures as the papers print them: percentages ("92 percent", "14.2%"), amounts of
 * money ("€613.4 million", "200 million euros") and counts of things ("5,200 troops",
 * "1,600 activities", "a 4,500-strong institution"). Dates and bare years are not figures.
 */
export interface Figure {
  readonly start: number;
  readonly end: number;
  /** As printed. */
  readonly label: string;
  readonly value: number;
  /** "percent", "EUR", "USD", or the counted noun ("troops"). */
  readonly unit: string;
}

/** Words in front of a figure that say how exact it is: "up to 1,000", "nearly 3,800", "about 25 to 30". */
const QUALIFIER = String.raw`(?:(?:up\s+to|nearly|about|approximately|around|almost|roughly|some|over|more\s+than|less\s+than|at\s+least|an\s+estimated|an\s+additional|an\s+extra)\s+)?`;

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`million|billion|thousand`;

/** Nouns whose counts the papers report as claims; other numbers are too often incidental. */
const COUNTED = [
  'troops', 'soldiers', 'personnel', 'officers', 'police', 'members', 'individuals', 'suspects', 'people', 'citizens',
  'activities', 'countries', 'states', 'allies', 'vehicles', 'drones', 'kilograms', 'events', 'participants',
  'municipalities', 'COEs', 'Centres', 'Centers', 'rounds',
].join('|');

const FIGURE = new RegExp(
  QUALIFIER +
  '(?:' +
  [
    String.raw`(?<pct>${NUMBER})\s?(?:%|percent\b|per cent\b)`,
    String.raw`(?<cur>[€$])\s?(?<camt>${NUMBER})(?:\s?(?<cscale>${SCALE})\b)?`,
    String.raw`(?<amt>${NUMBER})(?:\s(?<scale>${SCALE}))?\s(?<word>euros?|EUR|dollars?|USD)\b`,
    String.raw`(?<strong>${NUMBER})-strong\b`,
    // "25 to 30 KFOR troops", "30 NATO/KFOR soldiers", "5,200 troops"
    String.raw`(?:(?<low>${NUMBER})\s+to\s+)?(?<count>${NUMBER})\s(?:[\p{L}/-]+\s){0,2}?(?<noun>${COUNTED})\b`,
  ]
    .map((p) => `(?:${p})`)
    .join('|') +
  ')',
  'gu',
);

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

function parseNumber(printed: string, scale?: string): number {
  return Number(printed.replace(/,/g, '')) * (scale ? (SCALES[scale] ?? 1) : 1);
}

/** A four-digit number between 1900 and 2099 without separators reads as a year, not a count. */
function looksLikeYear(printed: string): boolean {
  return /^(19|20)\d{2}$/.test(printed);
}

export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    // Part of a longer number or an identifier ("04/L-076", "S/2007/168"): not a figure.
    const before = text[m.index - 1] ?? ' ';
    if (/[\d/.,-]/.test(before) && g.cur === undefined) continue;
    if (g.noun === undefined && g.pct === undefined && g.cur === undefined && g.word === undefined && g.strong === undefined) continue;
    const base = { start: m.index, end: m.index + m[0].length, label: m[0] };
    if (g.pct !== undefined) figures.push({ ...base, value: parseNumber(g.pct), unit: 'percent' });
    else if (g.cur !== undefined && g.camt !== undefined)
      figures.push({ ...base, value: parseNumber(g.camt, g.cscale), unit: g.cur === '€' ? 'EUR' : 'USD' });
    else if (g.amt !== undefined && g.word !== undefined)
      figures.push({ ...base, value: parseNumber(g.amt, g.scale), unit: /^(euros?|EUR)$/.test(g.word) ? 'EUR' : 'USD' });
    else if (g.strong !== undefined) figures.push({ ...base, value: parseNumber(g.strong), unit: 'strength' });
    else if (g.count !== undefined && g.noun !== undefined && !looksLikeYear(g.count))
      figures.push({ ...base, value: parseNumber(g.count), unit: g.noun.toLowerCase() });
  }
  return figures;
}
