import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../electron/core/evidence/index';
import { DOC, seedCorpus } from './seed-events';

const { passages, entities, mentions } = seedCorpus();
const passageById = new Map(passages.map((p) => [p.id, p]));
const network = buildNetwork(passages, mentions, entities);

describe('the entity network', () => {
  it('joins two entities by the body passages that name both, each edge carrying them', () => {
    expect(network.edges.length).toBeGreaterThan(100);
    for (const edge of network.edges) {
      expect(edge.weight).toBe(edge.passageIds.length);
      expect(new Set(edge.passageIds).size).toBe(edge.passageIds.length);
      for (const id of edge.passageIds) {
        const passage = passageById.get(id);
        expect(passage?.kind).not.toBe('footnote');
        const named = new Set(mentions.filter((m) => m.passageId === id).map((m) => m.entityId));
        expect(named.has(edge.source) && named.has(edge.target)).toBe(true);
      }
    }
  });

  it('weights Milan Radoičić and the Banjska attack by the passages that speak of both, in either spelling', () => {
    const edge = network.edges.find((e) => [e.source, e.target].sort().join() === ['banjska-attack', 'milan-radoicic'].join());
    const both = passages.filter((p) => p.kind !== 'footnote' && !p.backMatter && /Banjska (?:terrorist )?attack/.test(p.text) && /Rado[ij]i?čić|Radoicic/.test(p.text));
    expect(edge?.weight).toBe(both.length);
    expect(edge?.weight).toBeGreaterThan(1);
  });

  it('weights nodes by their mentions and types them from the catalogue', () => {
    const kfor = network.nodes.find((n) => n.id === 'kfor');
    const bodyPassages = new Set(passages.filter((p) => p.kind !== 'footnote' && !p.backMatter).map((p) => p.id));
    expect(kfor).toMatchObject({ label: 'KFOR', type: 'organisation', weight: mentions.filter((m) => m.entityId === 'kfor' && bodyPassages.has(m.passageId)).length });
    expect(network.nodes.map((n) => n.weight)).toEqual([...network.nodes.map((n) => n.weight)].sort((a, b) => b - a));
  });

  it('filters by paper, type and minimum weight, keeping only entities with an edge left', () => {
    const filtered = buildNetwork(passages, mentions, entities, { docIds: [DOC.advance], types: ['organisation', 'place'], minWeight: 2 });
    expect(filtered.nodes.length).toBeGreaterThan(2);
    expect(filtered.nodes.every((n) => n.type === 'organisation' || n.type === 'place')).toBe(true);
    expect(filtered.edges.every((e) => e.weight >= 2 && e.passageIds.every((id) => passageById.get(id)?.docId === DOC.advance))).toBe(true);
    const ends = new Set(filtered.edges.flatMap((e) => [e.source, e.target]));
    expect(filtered.nodes.every((n) => ends.has(n.id))).toBe(true);
  });

  it('is the same for the same input', () => {
    expect(buildNetwork(passages, mentions, entities)).toEqual(network);
  });
});
