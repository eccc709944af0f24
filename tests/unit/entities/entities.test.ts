import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectMentions, loadEntityCatalogue } from '../../../electron/core/corpus/entities/index';
import { prepareAlias } from '../../../electron/core/corpus/entities/alias';
import { entityTypes, type Entity, type Mention, type Passage } from '../../../electron/core/corpus/schema';
import { foldDiacritics } from '../../../electron/common/text/fold';
import { allSeedPassages, SEEDS_DIR } from './seed-paragraphs';

const passages: Passage[] = allSeedPassages();
const entities: Entity[] = loadEntityCatalogue(SEEDS_DIR);
const mentions: Mention[] = detectMentions(passages, entities);
const passageById = new Map(passages.map((p) => [p.id, p]));

function mentionsOf(entityId: string): Mention[] {
  return mentions.filter((m) => m.entityId === entityId);
}

function surfaceForms(entityId: string): Set<string> {
  return new Set(mentionsOf(entityId).map((m) => m.text));
}

describe('the bundled entity catalogue', () => {
  it('holds at least 60 entities of every type, each with a description', () => {
    expect(entities.length).toBeGreaterThanOrEqual(60);
    for (const type of entityTypes) expect(entities.filter((e) => e.type === type).length).toBeGreaterThan(2);
    for (const e of entities) expect(e.description.length).toBeGreaterThan(20);
  });

  it('finds every catalogue entity at least once in the seed papers', () => {
    const found = new Set(mentions.map((m) => m.entityId));
    expect(entities.map((e) => e.id).filter((id) => !found.has(id))).toEqual([]);
  });

  it('lists only aliases the papers actually use (each is found as written, up to folding)', () => {
    const usedKeys = new Set(mentions.map((m) => prepareAlias(m.entityId, m.text)?.key));
    const unused = entities.flatMap((e) => e.aliases.filter((a) => !usedKeys.has(prepareAlias(e.id, a)?.key)).map((a) => `${e.id}: ${a}`));
    expect(unused).toEqual([]);
  });
});

describe('loadEntityCatalogue', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entities-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const entity = (id: string, name: string, aliases: string[] = []) => ({ id, name, type: 'organisation', aliases, description: 'x' });
  const write = (entities: unknown[]) => writeFileSync(join(dir, 'entities.json'), JSON.stringify({ schemaVersion: 1, entities }));

  it('rejects duplicate ids', () => {
    write([entity('nato', 'NATO'), entity('nato', 'North Atlantic Treaty Organization')]);
    expect(() => loadEntityCatalogue(dir)).toThrow(/duplicate entity id "nato"/);
  });

  it('rejects an alias claimed by two entities, even spelled differently', () => {
    write([entity('canal', 'Ibër-Lepenc'), entity('canal-attack', 'Canal attack', ['Iber Lepenc'])]);
    expect(() => loadEntityCatalogue(dir)).toThrow(/"Iber Lepenc" of "canal-attack" is also claimed by "canal"/);
  });

  it('rejects entries that break the schema', () => {
    write([{ id: 'Bad Id', name: 'x', type: 'person', aliases: [], description: '' }]);
    expect(() => loadEntityCatalogue(dir)).toThrow(/does not match the entity schema/);
  });

  it('accepts a consistent catalogue', () => {
    write([entity('nato', 'NATO', ['North Atlantic Treaty Organization']), entity('kfor', 'KFOR')]);
    expect(loadEntityCatalogue(dir).map((e) => e.id)).toEqual(['nato', 'kfor']);
  });
});

describe('detectMentions on the seed papers', () => {
  it.each([
    ['milan-radoicic', ['Radoičić', 'Radojičić', 'Milan Radoičić', 'Milan Radojičić']],
    ['aleksandar-vucic', ['Vučić', 'Vucic', 'Aleksandar Vučić']],
    ['turkiye', ['Türkiye', 'Turkey']],
    ['ksf', ['Kosovo Security Force', 'KSF']],
    ['iber-lepenc-canal', ['Ibër-Lepenc', 'Iber Lepenc', 'Ibar Lepenac', 'Ibar-Lepenc']],
    ['nato-centres-of-excellence', ['Centres of Excellence', 'Centre of Excellence', 'Center of Excellence', 'NATO Centers of Excellence', 'COE', 'COEs', 'CoE', 'CoEs']],
    ['kfor', ['KFOR', 'Kosovo Force']],
    ['eulex', ['EULEX', 'European Union Rule of Law Mission to Kosovo']],
    ['banjska-attack', ['Banjska attack', 'Banjska terrorist attack']],
    ['brussels-agreement', ['Brussels Agreement', 'First Agreement of Principles Governing the Normalization of Relations']],
    ['ohrid-annex', ['Ohrid Annex', 'Ohrid Implementation Annex']],
    [
      'association-of-serb-majority-municipalities',
      ['Association of Serb Majority Municipalities', 'Association of the Serb-majority Municipalities', 'Association/Community of Serb-majority Municipalities', 'ASM'],
    ],
    ['quint', ['Quint']],
    ['adriatic-charter', ['Adriatic Charter']],
    ['nato-pa', ['NATO Parliamentary Assembly', 'NATO PA']],
    ['kcss', ['KCSS', 'Kosovar Centre for Security Studies', 'Kosovo Center for Security Studies', 'Kosovar Center for Security Studies']],
    ['united-states', ['United States', 'US', 'U.S.']],
    ['prishtina', ['Prishtina', 'Pristina']],
    ['dayton-accords', ['Dayton Accords']],
  ])('resolves every spelling of %s', (entityId, forms) => {
    const found = surfaceForms(entityId);
    for (const form of forms) expect(found, `${entityId} as "${form}"`).toContain(form);
  });

  it('reports offsets that point at the mention in the original passage text', () => {
    for (const m of mentions) {
      const passage = passageById.get(m.passageId) as Passage;
      expect(passage.text.slice(m.start, m.end)).toBe(m.text);
      expect(m.docId).toBe(passage.docId);
    }
    const radojicic = mentionsOf('milan-radoicic').find((m) => m.text === 'Radojičić') as Mention;
    const text = (passageById.get(radojicic.passageId) as Passage).text;
    expect(text.slice(radojicic.start - 10, radojicic.end)).toMatch(/Radojičić$/);
  });

  it('matches whole words only, never inside a longer word', () => {
    const bad = mentions.filter((m) => {
      const text = (passageById.get(m.passageId) as Passage).text;
      return /[\p{L}\p{N}]/u.test(text[m.start - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[m.end] ?? ' ');
    });
    expect(bad).toEqual([]);
  });

  it('matches "EU" case-sensitively and not inside EULEX, Europol or EUbrokered', () => {
    const eu = mentionsOf('eu');
    expect(eu.length).toBeGreaterThan(100);
    expect(eu.every((m) => m.text === 'EU' || m.text === 'European Union')).toBe(true);
    const eubrokered = passages.find((p) => p.text.includes('EUbrokered')) as Passage;
    const inside = mentions.filter((m) => m.passageId === eubrokered.id && m.entityId === 'eu');
    const at = eubrokered.text.indexOf('EUbrokered');
    expect(inside.some((m) => m.start === at)).toBe(false);
  });

  it('lets the longest name win: Kosovo Security Force is not also Kosovo', () => {
    const ksfLong = mentionsOf('ksf').filter((m) => m.text === 'Kosovo Security Force');
    expect(ksfLong.length).toBeGreaterThan(10);
    const kosovoStarts = new Set(mentionsOf('kosovo').map((m) => `${m.passageId}:${m.start}`));
    expect(ksfLong.filter((m) => kosovoStarts.has(`${m.passageId}:${m.start}`))).toEqual([]);
  });

  it("counts possessives: NATO's is a mention of NATO", () => {
    const p = passages.find((x) => x.text.includes("NATO's Partnership for Peace (PfP) framework")) as Passage;
    const at = p.text.indexOf("NATO's Partnership");
    const m = mentions.find((x) => x.passageId === p.id && x.start === at);
    expect(m).toMatchObject({ entityId: 'nato', text: 'NATO' });
  });

  it('ignores names inside web addresses', () => {
    const inUrls = mentions.filter((m) => {
      const text = (passageById.get(m.passageId) as Passage).text;
      const before = text.slice(0, m.start);
      return /https?:\/\/\S*$/.test(before);
    });
    expect(inUrls).toEqual([]);
  });
});

describe('detectMentions on constructed text', () => {
  const catalogue: Entity[] = [
    { id: 'eu', name: 'European Union', type: 'organisation', aliases: ['EU'], description: '', userDefined: false },
    { id: 'map', name: 'Membership Action Plan', type: 'strategy', aliases: ['MAP'], description: '', userDefined: false },
    { id: 'canal', name: 'Ibër-Lepenc', type: 'place', aliases: ['Ibar Lepenac'], description: '', userDefined: false },
    { id: 'us', name: 'United States', type: 'place', aliases: ['U.S.', 'US'], description: '', userDefined: false },
  ];
  const run = (text: string) => detectMentions([{ id: 'p', docId: 'd', text }], catalogue).map((m) => [m.entityId, m.text]);

  it('does not match short acronyms in lower case', () => {
    expect(run('the eu and a map of us; the EU map')).toEqual([['eu', 'EU']]);
  });

  it('treats hyphens, dashes and spaces inside names alike and folds diacritics', () => {
    expect(run('IBER LEPENC, Iber–Lepenc, Ibar-Lepenac, Ibër Lepenc.')).toEqual([
      ['canal', 'IBER LEPENC'],
      ['canal', 'Iber–Lepenc'],
      ['canal', 'Ibar-Lepenac'],
      ['canal', 'Ibër Lepenc'],
    ]);
  });

  it('does not run a name across a sentence boundary', () => {
    expect(run('They went to Iber. Lepenc was closed.')).toEqual([]);
  });

  it('keeps the dot of U.S. and reports offsets in text with decomposed diacritics', () => {
    const text = 'Ibe\u0308r-Lepenc and the U.S.-led talks';
    const found = detectMentions([{ id: 'p', docId: 'd', text }], catalogue);
    expect(found.map((m) => m.text)).toEqual(['Ibe\u0308r-Lepenc', 'U.S.']);
    expect(foldDiacritics(found[0]?.text ?? '')).toBe('Iber-Lepenc');
  });
});
