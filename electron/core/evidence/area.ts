import type { AnnotationsFace } from '../annotations/index';
import { WorkbenchError } from '../api/errors';
import type { Area, CoreContext } from '../core-context';
import { edgeTable, eventTable, figureGroupTable } from './citation-table';
import { EventEdits } from './event-edits';
import type { evidenceMethods } from './methods';
import { listEvents } from './events';
import { eventsCsv, figuresCsv, networkCsv } from './exports';
import { groupFigures } from './figures';
import { checkedImage } from './image-export';
import { buildNetwork } from './network';
import { dateParts, findDateIn, readDate } from './read-date';

/**
 * The evidence views over the bundled corpus: its dated events (with people's corrections,
 * kept as records), its figures grouped by what they measure, and the network of entities
 * named together, computed from the corpus loaded at start (the corpus build did the extraction).
 */
export async function createEvidenceArea(context: CoreContext, deps: { annotations: AnnotationsFace }): Promise<Area<typeof evidenceMethods>> {
  const { corpus } = context;
  // Corrections join the core's one undo stack, so Edit > Undo and Ctrl+Z reach them like any edit.
  const eventEdits = new EventEdits(context, deps.annotations, deps.annotations.undo);
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
      'evidence.removeEvent': ({ eventId }) => eventEdits.remove(eventId),
      'evidence.readDate': ({ text, within }) => (within ? findDateIn(text) : readDate(text)),
      'evidence.dateParts': () => dateParts(),
      'evidence.citationTable': (request) => {
        if (request.of === 'figures') {
          const group = figures().find((g) => g.key === request.key);
          if (!group) throw new WorkbenchError('NOT_FOUND', `There is no figure group ${request.key}. List the groups with \`workbench figures\`.`);
          return figureGroupTable(group, corpus);
        }
        if (request.of === 'event') {
          const event = events().events.find((e) => e.id === request.eventId);
          if (!event) throw new WorkbenchError('NOT_FOUND', `There is no event ${request.eventId} on the timeline. List the events with \`workbench events\`.`);
          return eventTable(event, corpus);
        }
        known(request.docIds);
        return edgeTable(network(request.docIds ? { docIds: request.docIds } : {}), request.source, request.target, corpus);
      },
      'evidence.exportImage': ({ view, format, data }) => checkedImage(view, format, data),
    },
  };
}
