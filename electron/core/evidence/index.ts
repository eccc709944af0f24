/** The evidence area's public surface: events, figures compared, the entity network, their exports. */
import { eventEditsCollection } from './event-edit-record';

export { createEvidenceArea } from './area';
export { listEvents, type EvidenceEvent, type EventFilters, type EventFacets, type EventsResult, type EventQuote, type EventSourceView } from './events';
export { groupFigures, type FigureGroup, type ComparedFigure, type FigureFilters } from './figures';
export { buildNetwork, type EntityNetwork, type NetworkNode, type NetworkEdge, type NetworkFilters } from './network';
export { eventsCsv, figuresCsv, networkCsv, type EvidenceFile } from './exports';
export { checkedImage, evidenceViews, type EvidenceImage, type EvidenceView } from './image-export';
export { figureGroupTable, eventTable, edgeTable, type CitationTableRequest } from './citation-table';
export { EventEdits, type EventEditRequest, type EventEditView, type RemovedEvent } from './event-edits';
export { readDate, findDateIn, dateParts, type DateReading, type DateEnd, type DatePart } from './read-date';
export { eventEditsCollection, type EventEditRecord } from './event-edit-record';

/** The collections this area owns. */
export const evidenceCollections = [eventEditsCollection] as const;
