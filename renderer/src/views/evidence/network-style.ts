import type { EntityType } from '../../../../electron/core/corpus/schema';
import type { EntityNetwork } from '../../../../electron/core/evidence/index';

/** One colour per entity type, distinguishable in both themes and for common colour blindness (Okabe–Ito). */
export const typeColors: Record<EntityType, string> = {
  person: '#E69F00',
  organisation: '#0072B2',
  place: '#009E73',
  event: '#D55E00',
  'law-or-agreement': '#CC79A7',
  strategy: '#56B4E9',
};

/** Node diameter from mentions: by square root, so area follows mentions and Kosovo does not fill the screen. */
export function nodeSize(weight: number, maxWeight: number): number {
  return 20 + 70 * Math.sqrt(weight / Math.max(1, maxWeight));
}

/** Cytoscape elements for a network; labels only on the larger nodes, the rest on hover and in the lists. */
export function cytoscapeElements(network: EntityNetwork) {
  const maxWeight = Math.max(1, ...network.nodes.map((n) => n.weight));
  const maxEdge = Math.max(1, ...network.edges.map((e) => e.weight));
  const labelled = new Set(network.nodes.slice(0, 15).map((n) => n.id));
  return [
    ...network.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: labelled.has(n.id) ? n.label : '', name: n.label, type: n.type, weight: n.weight, size: nodeSize(n.weight, maxWeight), color: typeColors[n.type] },
    })),
    ...network.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: `${e.source}--${e.target}`, source: e.source, target: e.target, weight: e.weight, width: 1 + 7 * (e.weight / maxEdge) },
    })),
  ];
}
