import type { EntitySummary } from '../../../../electron/core/api/methods/corpus';
import { routeHref } from '../../app/routes';
import { Popover } from '../../components/Popover';
import './EntityCard.css';

const typeLabels: Record<string, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  'law-or-agreement': 'Law or agreement',
  strategy: 'Strategy',
};

/** What a marked name refers to: shown while the mention is hovered or focused. */
export function EntityCard({
  entity,
  mentionsHere,
  anchor,
  onPointerEnter,
  onPointerLeave,
}: {
  entity: EntitySummary;
  mentionsHere: number;
  anchor: HTMLElement;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const aliases = entity.aliases.filter((alias) => alias !== entity.name);
  return (
    <Popover anchor={anchor} label={entity.name} className="entity-card" onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <p className="popover-kicker">{typeLabels[entity.type] ?? entity.type}</p>
      <p className="entity-card-name">{entity.name}</p>
      {aliases.length > 0 ? <p className="entity-card-aliases">Also: {aliases.slice(0, 6).join(', ')}</p> : null}
      {entity.description ? <p className="entity-card-description">{entity.description}</p> : null}
      <p className="entity-card-counts">
        {mentionsHere} {mentionsHere === 1 ? 'mention' : 'mentions'} in this paper · {entity.mentionCount} in the corpus
      </p>
      <a href={routeHref('entities', [entity.id])} className="entity-card-link">
        Open entity page →
      </a>
    </Popover>
  );
}
