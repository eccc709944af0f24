import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMentions, loadEntityCatalogue } from '../../../electron/core/corpus/entities/index';
import { extractEvents } from '../../../electron/core/corpus/events/index';
import { CorpusSchema } from '../../../electron/core/corpus/schema';
import { extractStatistics } from '../../../electron/core/corpus/statistics/index';
import { SEEDS_DIR } from './seed-paragraphs';

/**
 * The same checks on the passages of the built corpus, as the real parser cuts them. The corpus
 * is a build output; until it has been built these checks have nothing to run on.
 */
const corpusPath = join(SEEDS_DIR, '..', 'resources', 'corpus', 'corpus.json');

describe('entities, events and statistics on the built corpus', () => {
  const load = () => CorpusSchema.parse(JSON.parse(readFileSync(corpusPath, 'utf8')));

  it('finds every catalogue entity, at offsets that point at the mention', () => {
    const corpus = load();
    const entities = loadEntityCatalogue(SEEDS_DIR);
    const mentions = detectMentions(corpus.passages, entities);
    const byId = new Map(corpus.passages.map((p) => [p.id, p]));
    for (const m of mentions) expect(byId.get(m.passageId)?.text.slice(m.start, m.end)).toBe(m.text);
    const found = new Set(mentions.map((m) => m.entityId));
    expect(entities.map((e) => e.id).filter((id) => !found.has(id))).toEqual([]);
  });

  it('dates the Banjska attack and finds the 92 percent Security Barometer figure', () => {
    const corpus = load();
    const entities = loadEntityCatalogue(SEEDS_DIR);
    const events = extractEvents(corpus.passages, detectMentions(corpus.passages, entities), entities);
    expect(events.some((e) => e.date === '2023-09-24' && e.entityIds.includes('banjska-attack'))).toBe(true);
    const stat = extractStatistics(corpus.passages).find((s) => s.label === '92 percent');
    expect(stat).toMatchObject({ source: 'Security Barometer', year: 2022 });
  });
});
