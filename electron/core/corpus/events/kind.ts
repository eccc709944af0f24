import type { EntityType, EventKind } from '../schema';

/**
 * What kind of event a title describes, from the words the papers use for it. Ordered by
 * priority: "an attack on the canal supplying the power plants" is a security incident first,
 * "the law transforming the KSF into an army" a legal event before a military one.
 */
const KIND_WORDS: ReadonlyArray<readonly [EventKind, RegExp]> = [
  ['security-incident', /\b(?:attack(?:s|ed)?|explosions?|blast|bomb\w*|clash(?:es)?|kill(?:ed|ing)|injur\w*|ambush\w*|barricad\w*|terroris\w*|sabotage|violence|riots?|shooting|gunmen|firefight|incidents?|escalat\w*|tensions?)\b/i],
  ['election', /\b(?:elections?|snap-elections|elected|ballot|voted|took office|sworn|swearing in)\b/i],
  ['meeting', /\b(?:roundtables?|workshops?|conferences?|seminars?|forums?|debates?|meetings?)\b/i],
  ['legal', /\b(?:laws?|legislation|indict\w*|prosecut\w*|court|amnesty|advisory opinion|charges|arrest\w*|convicted|sentenced|legal)\b/i],
  ['agreement', /\b(?:agreements?|accords?|annex|treaty|arrangement|deal|memorand\w*|signed|sister-city|charter|commitments)\b/i],
  ['military', /\b(?:troops|soldiers|forces?|kfor|military|army|exercises?|drills|deploy\w*|battalion|platoon|peacekeep\w*|drones?|weapons|armou?red|air base|invasion|war|ksf|security force|operational capability|combat)\b/i],
  ['diplomatic', /\b(?:recogni[sz]\w*|diplomatic|embass\w*|dialogue|summit|visit\w*|delegation|statement|ambassador|membership|member|accession|status|upgraded|exchange|disputes?|joined|join|applied|application|observer|associate|sanctions|measures|suspended|visa\w*|relations)\b/i],
  ['economic', /\b(?:budget|imports?|investments?|economic|trade|funding|currency|payments?|dinar|euros?|€)\b/i],
  ['institutional', /\b(?:establish\w*|found\w*|formed|created|inaugurat\w*|appointed|resign\w*|integrat\w*|strateg\w*|plan|programme|program|reform\w*|approved|adopted|launched|registered|cent(?:re|er)|amended|initiated|began|operations)\b/i],
];

/** Kinds an anchoring entity's type implies, when the words say nothing more specific. */
const KIND_BY_ENTITY_TYPE: Partial<Record<EntityType, EventKind>> = {
  'law-or-agreement': 'agreement',
  strategy: 'institutional',
};

function byWords(text: string): EventKind | undefined {
  for (const [kind, words] of KIND_WORDS) if (words.test(text)) return kind;
  return undefined;
}

/** The head of a title decides first ("Resignation of Kosovo Serbs ... from the police force" is institutional). */
export function classifyKind(text: string, anchorType?: EntityType): EventKind | undefined {
  const head = text.split(/\s+/).slice(0, 3).join(' ');
  const kind = byWords(head) ?? byWords(text);
  if (kind) return kind;
  return anchorType ? KIND_BY_ENTITY_TYPE[anchorType] : undefined;
}
