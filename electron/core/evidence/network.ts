import type { Entity, EntityType, Mention, Passage } from '../corpus/schema';

export interface NetworkNode {
  id: string;
  label: string;
  type: EntityType;
  /** Mentions in the passages the network is drawn from. */
  weight: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Passages that mention both. */
  weight: number;
  passageIds: string[];
}

export interface EntityNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface NetworkFilters {
  docIds?: readonly string[];
  types?: readonly EntityType[];
  /** Edges shared by fewer passages are left out, and entities left with no edge. Default 1. */
  minWeight?: number;
}

/** Body text only: footnotes cite sources, back matter describes publishers; neither says two things go together. */
function speaks(passage: Passage): boolean {
  return passage.kind !== 'footnote' && !passage.backMatter;
}

/**
 * Entities as nodes (weighted by their mentions) and co-mentions as edges: two entities named
 * in the same passage, weighted by how many passages name both, each edge carrying those
 * passages. Ordered: nodes by weight then name, edges by weight then ids, so equal inputs give
 * equal outputs.
 */
export function buildNetwork(passages: readonly Passage[], mentions: readonly Mention[], entities: readonly Entity[], filters: NetworkFilters = {}): EntityNetwork {
  const minWeight = filters.minWeight ?? 1;
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const included = new Map<string, Passage>();
  for (const p of passages) if (speaks(p) && (!filters.docIds?.length || filters.docIds.includes(p.docId))) included.set(p.id, p);
  const typeAllowed = (id: string) => {
    const type = entityById.get(id)?.type;
    return type !== undefined && (!filters.types?.length || filters.types.includes(type));
  };

  const weight = new Map<string, number>();
  const byPassage = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!included.has(m.passageId) || !typeAllowed(m.entityId)) continue;
    weight.set(m.entityId, (weight.get(m.entityId) ?? 0) + 1);
    (byPassage.get(m.passageId) ?? byPassage.set(m.passageId, new Set()).get(m.passageId))?.add(m.entityId);
  }

  const edges = new Map<string, NetworkEdge>();
  const order = [...included.keys()];
  for (const passageId of order) {
    const ids = [...(byPassage.get(passageId) ?? [])].sort();
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const key = `${ids[a]}\u0000${ids[b]}`;
        const edge = edges.get(key) ?? { source: ids[a] as string, target: ids[b] as string, weight: 0, passageIds: [] };
        edge.weight += 1;
        edge.passageIds.push(passageId);
        edges.set(key, edge);
      }
    }
  }
  const kept = [...edges.values()].filter((e) => e.weight >= minWeight).sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const connected = new Set(kept.flatMap((e) => [e.source, e.target]));
  const nodes = [...connected]
    .map((id): NetworkNode => {
      const entity = entityById.get(id) as Entity;
      return { id, label: entity.name, type: entity.type, weight: weight.get(id) ?? 0 };
    })
    .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  return { nodes, edges: kept };
}
