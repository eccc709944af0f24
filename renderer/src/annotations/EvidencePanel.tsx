import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { useApi } from '../api/use-api';
import { AnnotationCard } from './AnnotationCard';
import { useUndoShortcuts } from './use-undo-shortcuts';
import './EvidencePanel.css';

/**
 * The annotations linked to an entity or a recommendation: the researcher's evidence,
 * each quote with its paper and a link to its place. Nothing is shown for a recommendation
 * without evidence, so long lists of recommendations stay compact.
 */
export function EvidencePanel(props: { entityId: string } | { recommendationId: string }) {
  const filter = 'entityId' in props ? { entityId: props.entityId } : { recommendationId: props.recommendationId };
  const annotations = useApi('annotations.list', filter);
  useUndoShortcuts();
  const items: AnnotationView[] = annotations.status === 'ready' ? annotations.data : [];
  const forEntity = 'entityId' in props;
  if (items.length === 0 && !forEntity) return null;
  return (
    <section className={`evidence-panel${forEntity ? '' : ' is-compact'}`} aria-label="Evidence">
      <h3>
        Evidence <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">No annotation links here yet. Select a passage in the reader and link it to this entity.</p>
      ) : (
        <div className="annotation-list">
          {items.map((annotation) => (
            <AnnotationCard key={annotation.id} annotation={annotation} showDocument />
          ))}
        </div>
      )}
    </section>
  );
}
