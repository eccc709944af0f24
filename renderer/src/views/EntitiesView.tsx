import { useMemo, useState } from 'react';
import { useApi } from '../api/use-api';
import { Loaded, EmptyState } from '../components/States';
import { passageHref, routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import type { EntitySummary } from '../../../electron/core/api/methods/corpus';
import { EvidencePanel } from '../annotations/EvidencePanel';
import { foldCase as fold } from '../../../electron/common/text/fold';
import './EntitiesView.css';

const typeLabels: Record<string, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  event: 'Events',
  'law-or-agreement': 'Laws and agreements',
  strategy: 'Strategies',
};

export function EntitiesView({ route }: { route: Route }) {
  const entities = useApi('corpus.entities', {});
  const selectedId = route.params[0];
  const [filter, setFilter] = useState('');
  return (
    <section className="view split-view entities-view" aria-labelledby="entities-title">
      <div className="split-list">
        <header className="view-header">
          <h1 id="entities-title">Entities</h1>
          <input
            type="search"
            className="filter-input"
            placeholder="Filter by name or alias…"
            aria-label="Filter entities"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </header>
        <Loaded state={entities}>{(items) => <EntityList items={items} filter={filter} selectedId={selectedId} />}</Loaded>
      </div>
      <div className="split-detail">{selectedId ? <EntityDetailPanel entityId={selectedId} /> : <EmptyState title="Choose an entity">Pick a person, organisation, place or agreement to see every mention across the papers.</EmptyState>}</div>
    </section>
  );
}

function EntityList({ items, filter, selectedId }: { items: EntitySummary[]; filter: string; selectedId?: string }) {
  const groups = useMemo(() => {
    const needle = fold(filter.trim());
    const matching = items.filter((entity) => !needle || [entity.name, ...entity.aliases].some((name) => fold(name).includes(needle)));
    const byType = new Map<string, EntitySummary[]>();
    for (const entity of matching.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))) {
      byType.set(entity.type, [...(byType.get(entity.type) ?? []), entity]);
    }
    return [...byType.entries()];
  }, [items, filter]);
  if (groups.length === 0) return <EmptyState title="No entity matches">Try another spelling: names match without diacritics too.</EmptyState>;
  return (
    <div className="entity-groups">
      {groups.map(([type, members]) => (
        <section key={type} className="entity-group">
          <h2>
            {typeLabels[type] ?? type} <span className="count">{members.length}</span>
          </h2>
          <ul>
            {members.map((entity) => (
              <li key={entity.id}>
                <a href={routeHref('entities', [entity.id])} aria-current={entity.id === selectedId ? 'true' : undefined} className="entity-link">
                  <span>{entity.name}</span>
                  <span className="count" title="Mentions">
                    {entity.mentionCount}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EntityDetailPanel({ entityId }: { entityId: string }) {
  const entity = useApi('corpus.entity', { entityId });
  const documents = useApi('corpus.documents', {});
  const titles = documents.status === 'ready' ? new Map(documents.data.map((document) => [document.id, document.title])) : new Map<string, string>();
  return (
    <Loaded state={entity}>
      {(detail) => (
        <article className="entity-detail" data-entity-id={detail.id}>
          <header>
            <p className="eyebrow">{typeLabels[detail.type] ?? detail.type}</p>
            <h2>{detail.name}</h2>
            <p>{detail.description}</p>
            {detail.aliases.length > 0 ? (
              <p className="aliases">
                Also written: {detail.aliases.map((alias) => <span key={alias} className="chip">{alias}</span>)}
              </p>
            ) : null}
            <p className="muted">
              {detail.mentionCount} mentions in {detail.documents.length} {detail.documents.length === 1 ? 'paper' : 'papers'}
            </p>
          </header>
          <EvidencePanel entityId={detail.id} />
          <ol className="mention-list">
            {detail.mentions.map((mention) => (
              <li key={`${mention.passageId}-${mention.start}`}>
                <a href={passageHref(mention.docId, mention.passageId)} className="mention-link">
                  <span className="mention-source">
                    {titles.get(mention.docId) ?? mention.docId}, p. {mention.page}
                  </span>
                  <span className="mention-context">
                    …{mention.before}
                    <mark>{mention.text}</mark>
                    {mention.after}…
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </article>
      )}
    </Loaded>
  );
}
