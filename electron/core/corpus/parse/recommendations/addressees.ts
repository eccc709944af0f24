/**
 * Who a recommendation is addressed to, under one normalised name per actor, whether the paper
 * labels it ("EU/US:", "For Neighboring Countries:") or says it in the sentence ("Serbia
 * should cease ...", "The Government of Kosovo should commission ...").
 */

const ACTORS: Array<[RegExp, string[]]> = [
  [/the new EU Commission/y, ['EU']],
  [/(?:the )?European Union/y, ['EU']],
  [/(?:the )?EU/y, ['EU']],
  [/(?:the )?United States/y, ['US']],
  [/(?:the )?U\.?S\.?(?![a-z])/y, ['US']],
  [/NATO(?! PA)/y, ['NATO']],
  [/(?:the )?Government of Bosnia and Herzegovina/y, ['Bosnia and Herzegovina government']],
  [/Bosnia and Herzegovina/y, ['Bosnia and Herzegovina government']],
  [/(?:the )?Government of Kosovo/y, ['Kosovo government']],
  [/(?:the )?Kosovo government/y, ['Kosovo government']],
  [/Kosovo's political leadership/y, ['Kosovo government']],
  [/(?:the )?Kosovo delegation/y, ['Kosovo Assembly']],
  [/(?:the )?Ministry of Foreign Affairs/y, ['Kosovo government']],
  [/(?:the )?next government/iy, ['Kosovo government']],
  [/Kosovo(?![-–]\p{L})/uy, ['Kosovo government']],
  [/(?:the )?Serbian government/y, ['Serbian government']],
  [/Serbia/y, ['Serbian government']],
  [/(?:the )?Albanian government/y, ['Albanian government']],
  [/Albania/y, ['Albanian government']],
  [/Montenegro/y, ['Montenegrin government']],
  [/North Macedonia/y, ['North Macedonian government']],
  [/(?:the )?neighbou?ring countries/iy, ['Neighbouring countries']],
  [/Both sides/iy, ['Kosovo government', 'Serbian government']],
];

function add(list: string[], names: string[]): void {
  for (const n of names) if (!list.includes(n)) list.push(n);
}

/** Actors named in a label such as "EU/NATO/US", "For Kosovo and Serbia", "Government of Bosnia and Herzegovina/Kosovo government". */
export function addresseesInLabel(label: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < label.length) {
    let matched = false;
    if (i === 0 || /[\s/,(]/.test(label[i - 1]!)) {
      for (const [pattern, names] of ACTORS) {
        pattern.lastIndex = i;
        const m = pattern.exec(label);
        if (m && m[0].length > 0 && !/\p{L}/u.test(label[i + m[0].length] ?? '')) {
          add(found, names);
          i += m[0].length;
          matched = true;
          break;
        }
      }
    }
    if (!matched) i++;
  }
  return found;
}

const ACTOR_WORDS = String.raw`(?:[Tt]he new EU Commission|(?:[Tt]he )?(?:European Union|EU|United States|U\.S\.|US|Government of Kosovo|Kosovo government|Government of Bosnia and Herzegovina|Kosovo delegation|Ministry of Foreign Affairs|next government|Serbian government|Albanian government)|NATO|Kosovo's political leadership|Bosnia and Herzegovina|Kosovo|Serbia|Albania|Montenegro|North Macedonia|(?:[Tt]he )?neighbou?ring countries|Both sides)`;
const SUBJECT = new RegExp(
  String.raw`(?:Countries like )?${ACTOR_WORDS}(?:(?:,\s*|,?\s+and\s+)${ACTOR_WORDS})*\s+(?:should|must|could|can|needs? to|has to)\b`,
  'g',
);

/** Actors that are the subject of "should", "must", "could", "can", "needs to" in the text. */
export function addresseesInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SUBJECT)) {
    const before = text[m.index - 1];
    if (before !== undefined && /\p{L}/u.test(before)) continue;
    add(found, addresseesInLabel(m[0].replace(/\s+(?:should|must|could|can|needs? to|has to)$/, '')));
  }
  return found;
}
