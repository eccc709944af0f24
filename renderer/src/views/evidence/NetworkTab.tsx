import { useEffect, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { passageHref, routeHref } from '../../app/routes';
import { navigate } from '../../app/use-route';
import { EmptyState, Loaded } from '../../components/States';
import type { EntityType, Passage } from '../../../../electron/core/corpus/schema';
import type { EntityNetwork, NetworkEdge } from '../../../../electron/core/evidence/index';
import { CiteTable } from './CiteTable';
import { Chips } from './Chips';
import { FilterMenu } from './FilterMenu';
import { ExportMenu } from './ExportMenu';
import { entityTypeLabels } from './labels';
import { cytoscapeElements, typeColors } from './network-style';
import { networkSvg } from './network-svg';

export interface NetworkFilters {
  docIds: string[];
  types: EntityType[];
  minWeight: number;
}

export const initialNetworkFilters: NetworkFilters = { docIds: [], types: [], minWeight: 3 };

/** Entities named together: node size by mentions, colour by type; a node opens its entity page, an edge its passages. */
export function NetworkTab({ filters, setFilters }: { filters: NetworkFilters; setFilters: (f: NetworkFilters) => void }) {
  const args = { ...(filters.docIds.length ? { docIds: filters.docIds } : {}), ...(filters.types.length ? { types: filters.types } : {}), minWeight: filters.minWeight };
  const network = useApi('evidence.network', args);
  const documents = useApi('corpus.documents', {});
  return (
    <div className="evidence-network-tab">
      <div className="evidence-filters">
        {documents.status === 'ready' ? (
          <FilterMenu
            label="Papers"
            options={documents.data.filter((d) => d.origin === 'bundled').map((d) => ({ value: d.id, label: d.title }))}
            selected={filters.docIds}
            onChange={(docIds) => setFilters({ ...filters, docIds })}
          />
        ) : null}
        <Chips label="Types" options={(Object.keys(entityTypeLabels) as EntityType[]).map((t) => ({ value: t, label: entityTypeLabels[t], swatch: t }))} selected={filters.types} onChange={(types) => setFilters({ ...filters, types })} />
        <label className="evidence-weight">
          At least{' '}
          <input
            type="number"
            min={1}
            max={50}
            value={filters.minWeight}
            onChange={(e) => setFilters({ ...filters, minWeight: Math.min(50, Math.max(1, Number(e.target.value) || 1)) })}
          />{' '}
          shared passages
        </label>
      </div>
      <Loaded state={network}>
        {(data) =>
          data.nodes.length === 0 ? (
            <EmptyState title="No entities are named together this often">Lower “at least … shared passages”, or choose more papers or types.</EmptyState>
          ) : (
            <NetworkBody network={data} args={args} />
          )
        }
      </Loaded>
    </div>
  );
}

function NetworkBody({ network, args }: { network: EntityNetwork; args: { docIds?: string[]; types?: EntityType[]; minWeight: number } }) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  const [edge, setEdge] = useState<NetworkEdge | undefined>();
  const name = (id: string) => network.nodes.find((n) => n.id === id)?.label ?? id;

  useEffect(() => {
    let cancelled = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !container.current) return;
      const fg = getComputedStyle(document.body).getPropertyValue('--fg').trim() || '#1f2328';
      const muted = getComputedStyle(document.body).getPropertyValue('--fg-muted').trim() || '#5b6470';
      const instance = cytoscape({
        container: container.current,
        elements: cytoscapeElements(network),
        // Drawn by hand on a click only; a pinch or wheel zooms.
        wheelSensitivity: 0.3,
        minZoom: 0.2,
        maxZoom: 4,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(color)',
              width: 'data(size)',
              height: 'data(size)',
              label: 'data(label)',
              color: fg,
              'font-size': 18,
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-outline-width': 0,
              'border-width': 1,
              'border-color': '#ffffff',
            },
          },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': fg } },
          { selector: 'edge', style: { width: 'data(width)', 'line-color': muted, opacity: 0.35, 'curve-style': 'haystack' } },
          { selector: 'edge:selected', style: { 'line-color': fg, opacity: 0.9 } },
        ],
        // Rings by mentions, the most named in the middle: deterministic, and a hub-heavy graph
        // (everything touches Kosovo) stays readable where a force layout clumps the hubs.
        layout: {
          name: 'concentric',
          concentric: (node) => Math.log2(1 + (node.data('weight') as number)),
          levelWidth: () => 1,
          minNodeSpacing: 4,
          spacingFactor: 0.7,
          avoidOverlap: true,
          animate: false,
          padding: 20,
        },
      });
      instance.on('tap', 'node', (event) => navigate(routeHref('entities', [event.target.id() as string])));
      instance.on('tap', 'edge', (event) => {
        const data = event.target.data() as { source: string; target: string };
        setEdge(network.edges.find((e) => e.source === data.source && e.target === data.target));
      });
      instance.on('mouseover', 'node', (event) => event.target.style('label', event.target.data('name')));
      instance.on('mouseout', 'node', (event) => event.target.style('label', event.target.data('label')));
      cy.current = instance;
      // The drawing is a canvas; end-to-end tests find a node's place through the instance.
      Object.defineProperty(container.current, 'cytoscape', { value: instance, configurable: true });
      container.current.setAttribute('data-ready', 'true');
    });
    return () => {
      cancelled = true;
      cy.current?.destroy();
      cy.current = undefined;
    };
  }, [network]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().unselect();
    if (edge) instance.getElementById(`${edge.source}--${edge.target}`).select();
  }, [edge]);

  const draw = async (format: 'png' | 'svg') => {
    const instance = cy.current;
    if (!instance) throw new Error('The network is still being drawn; try again in a moment.');
    const background = getComputedStyle(document.body).getPropertyValue('--bg-raised').trim() || '#ffffff';
    if (format === 'png') return { format, data: (instance.png({ output: 'base64', full: true, scale: 2, bg: background }) as string).replace(/^data:image\/png;base64,/, '') };
    const style = getComputedStyle(document.body);
    const nodes = instance.nodes().map((node) => ({ ...node.position(), size: node.data('size') as number, color: node.data('color') as string, label: node.data('label') as string }));
    const edges = instance.edges().map((edge) => {
      const [source, target] = [edge.source().position(), edge.target().position()];
      return { x1: source.x, y1: source.y, x2: target.x, y2: target.y, width: edge.data('width') as number };
    });
    return { format, data: networkSvg(nodes, edges, { background, edge: style.getPropertyValue('--fg-muted').trim() || '#5b6470', text: style.getPropertyValue('--fg').trim() || '#1f2328' }) };
  };

  return (
    <>
      <div className="evidence-toolbar">
        <p className="muted evidence-count" role="status">
          {network.nodes.length} entities, {network.edges.length} links
        </p>
        <ExportMenu view="network" draw={draw} csv={{ view: 'network', filters: args }} />
      </div>
      <div className="evidence-network-layout">
        <div ref={container} className="evidence-network" role="img" aria-label={`Network of ${network.nodes.length} entities; the lists beside it hold the same links.`} />
        <aside className="evidence-network-side">
          {edge ? <EdgePassages edge={edge} name={name} docIds={args.docIds} onClose={() => setEdge(undefined)} /> : null}
          <h2>Strongest links</h2>
          <ol className="evidence-edge-list">
            {network.edges.slice(0, 30).map((e) => (
              <li key={`${e.source}--${e.target}`}>
                <button type="button" aria-pressed={edge === e} onClick={() => setEdge(edge === e ? undefined : e)}>
                  <span>
                    {name(e.source)} — {name(e.target)}
                  </span>
                  <span className="count" title="Shared passages">
                    {e.weight}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <h2>Most mentioned</h2>
          <ul className="evidence-node-list">
            {network.nodes.slice(0, 20).map((n) => (
              <li key={n.id}>
                <a href={routeHref('entities', [n.id])}>
                  <span className={`evidence-swatch type-${n.type}`} style={{ background: typeColors[n.type] }} aria-hidden="true" />
                  {n.label}
                  <span className="count" title="Mentions">
                    {n.weight}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

/** The passages an edge stands for, a few at a time. */
function EdgePassages({ edge, name, docIds, onClose }: { edge: NetworkEdge; name: (id: string) => string; /** The papers the view is narrowed to: the table cites the same passages. */ docIds: string[] | undefined; onClose: () => void }) {
  const [shown, setShown] = useState(8);
  const [passages, setPassages] = useState<Passage[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(edge.passageIds.slice(0, shown).map((passageId) => api.invoke('corpus.passage', { passageId }))).then((list) => current && setPassages(list));
    return () => {
      current = false;
    };
  }, [edge, shown]);
  return (
    <section className="evidence-edge-passages" aria-labelledby="evidence-edge-title">
      <header>
        <h2 id="evidence-edge-title">
          {name(edge.source)} and {name(edge.target)}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close the passages">
          ×
        </button>
      </header>
      <p className="muted">Named together in {edge.weight} {edge.weight === 1 ? 'passage' : 'passages'}.</p>
      <CiteTable
        of={{ of: 'edge', source: edge.source, target: edge.target, ...(docIds?.length ? { docIds } : {}) }}
        label={`Cite the passages naming ${name(edge.source)} and ${name(edge.target)} in a draft`}
        what={`${name(edge.source)} and ${name(edge.target)}: ${edge.weight} ${edge.weight === 1 ? 'passage' : 'passages'} naming both, as a table citing each.`}
      />
      <ul>
        {passages.map((p) => (
          <li key={p.id}>
            <a href={passageHref(p.docId, p.id)} className="evidence-passage-link">
              {p.text}
            </a>
          </li>
        ))}
      </ul>
      {shown < edge.passageIds.length ? (
        <button type="button" onClick={() => setShown(shown + 8)}>
          Show more ({edge.passageIds.length - shown} left)
        </button>
      ) : null}
    </section>
  );
}
