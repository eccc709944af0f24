import type { AnnotationsFace } from '../annotations/index';
import type { Area, CoreContext } from '../core-context';
import { EventEdits } from './event-edits';
import type { evidenceMethods } from './methods';
import { listEvents } from './events';
import { eventsCsv, figuresCsv, networkCsv } from './exports';
import { groupFigures } from './figures';
import { checkedImage } from './image-export';
import { buildNetwork } from './network';

/**
 * The evidence views over the bundled corpus: its dated events (with people's corrections,
 * kept as records), its figures grouped by what they measure, and the network of entities
 * named together, computed from the corpus loaded at start (the corpus build did the extraction).
 */
export async function createEvidenceArea(context: CoreContext, deps: { annotations: AnnotationsFace }): Promise<Area<typeof evidenceMethods>> {
  const { corpus } = context;
  const eventEdits = new EventEdits(context, deps.annotations);
  const events = (filters: Parameters<typeof listEvents>[1] = {}) => {
    const { events: all, edited } = eventEdits.current();
    return listEvents(corpus, filters, all, edited);
  };
  const figures = (filters: Parameters<typeof groupFigures>[3] = {}) => groupFigures(corpus.corpus.statistics, corpus.entities(), corpus.allDocuments(), filters);
  const network = (filters: Parameters<typeof buildNetwork>[3] = {}) => buildNetwork(corpus.corpus.passages, corpus.corpus.mentions, corpus.entities(), filters);
  const known = (docIds: readonly string[] | undefined) => {
    // An unknown paper is a mistake to report, not a filter that silently matches nothing.
    for (const docId of docIds ?? []) corpus.document(docId);
  };
  return {
    handlers: {
      'evidence.events': (filters) => {
        known(filters.docIds);
        for (const entityId of filters.entityIds ?? []) corpus.entity(entityId);
        return events(filters);
      },
      'evidence.figures': (filters) => {
        known(filters.docIds);
        if (filters.entityId) corpus.entity(filters.entityId);
        return figures(filters);
      },
      'evidence.network': (filters) => {
        known(filters.docIds);
        return network(filters);
      },
      'evidence.exportCsv': (args) => {
        const options = { bom: args.bom ?? false };
        if (args.view === 'timeline') return eventsCsv(events(args.filters ?? {}).events, options);
        if (args.view === 'figures') return figuresCsv(figures(args.filters ?? {}), corpus, options);
        return networkCsv(network(args.filters ?? {}), options);
      },
      'evidence.editEvents': ({ edit }) => eventEdits.add(edit),
      'evidence.eventEdits': () => eventEdits.list(),
      'evidence.undoEventEdit': ({ editId }) => eventEdits.undo(editId),
      'evidence.exportImage': ({ view, format, data }) => checkedImage(view, format, data),
    },
  };
}
