import { z } from 'zod';
import { method } from '../api/method';
import { entityTypes, eventKinds } from '../corpus/schema';
import type { EventsResult, EvidenceFile, EvidenceImage, EntityNetwork, FigureGroup } from './index';
import { evidenceViews } from './image-export';
import type { EventEditView, RemovedEvent } from './event-edits';
import type { DatePart, DateReading } from './read-date';
import type { CitedTable } from '../drafts/index';

const eventId = z.string().regex(/^event-[a-z0-9-]+$/, 'an event id looks like event-2023-09-24-banjska-attack');
const eventTitle = z.string().trim().min(2, 'a title of at least two characters').max(200);
const eventDate = z.string().trim().min(4).max(40);

/** A correction of the events as a person asks for it (the ids of new events are made by core). */
export const EventEditRequestArgs = z.discriminatedUnion('type', [
  z.object({ type: z.literal('split'), eventId, passageIds: z.array(z.string().min(1)).min(1).max(500), title: eventTitle, date: eventDate.optional() }).strict(),
  z.object({ type: z.literal('merge'), eventIds: z.array(eventId).min(2).max(50), title: eventTitle.optional() }).strict(),
  z.object({ type: z.literal('redate'), eventId, date: eventDate }).strict(),
  z.object({ type: z.literal('retitle'), eventId, title: eventTitle }).strict(),
  z.object({ type: z.literal('reclassify'), eventId, kind: z.enum(eventKinds) }).strict(),
  z.object({ type: z.literal('add'), annotationId: z.string().min(1).max(200), date: eventDate, title: eventTitle, kind: z.enum(eventKinds) }).strict(),
  z.object({ type: z.literal('remove'), eventId }).strict(),
]);

const id = z.string().min(1).max(200);
const day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

export const EventFiltersArgs = z
  .object({
    docIds: z.array(id).max(100).optional(),
    entityIds: z.array(id).max(50).optional(),
    kinds: z.array(z.enum(eventKinds)).max(eventKinds.length).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

export const FigureFiltersArgs = z.object({ docIds: z.array(id).max(100).optional(), entityId: id.optional(), differOnly: z.boolean().optional() }).strict();

export const NetworkFiltersArgs = z
  .object({
    docIds: z.array(id).max(100).optional(),
    types: z.array(z.enum(entityTypes)).max(entityTypes.length).optional(),
    minWeight: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** The evidence views: events on a timeline, figures compared, and the entity network. */
export const evidenceMethods = {
  'evidence.events': method<EventsResult>()(EventFiltersArgs),
  'evidence.figures': method<FigureGroup[]>()(FigureFiltersArgs),
  'evidence.network': method<EntityNetwork>()(NetworkFiltersArgs),
  /** A view's data as CSV, with the same filters as the view; `bom` starts it with a UTF-8 byte order mark for Excel. */
  'evidence.exportCsv': method<EvidenceFile>()(
    z.discriminatedUnion('view', [
      z.object({ view: z.literal('timeline'), filters: EventFiltersArgs.optional(), bom: z.boolean().optional() }).strict(),
      z.object({ view: z.literal('figures'), filters: FigureFiltersArgs.optional(), bom: z.boolean().optional() }).strict(),
      z.object({ view: z.literal('network'), filters: NetworkFiltersArgs.optional(), bom: z.boolean().optional() }).strict(),
    ]),
  ),
  /** Corrects the extracted events (split, merge, redate, retitle, reclassify, add from an annotation, remove): kept as a record, applied in order. */
  'evidence.editEvents': method<EventEditView>()(z.object({ edit: EventEditRequestArgs }).strict()),
  /** The corrections made so far, oldest first, with who made them and any that no longer apply. */
  'evidence.eventEdits': method<EventEditView[]>()(z.object({}).strict()),
  /** Takes a correction back. */
  'evidence.undoEventEdit': method<void>()(z.object({ editId: z.string().min(1).max(100) }).strict()),
  /** Removes an event: one a person added is deleted, an extracted one hidden by a correction (listed, and taken back like any). Undoable. */
  'evidence.removeEvent': method<RemovedEvent>()(z.object({ eventId }).strict()),
  /**
   * Reads a date a person typed (EDTF, or words as the papers write them: "late 2013",
   * "24 September 2023", "2015/2016") as core reads the papers' dates; refuses what is not one.
   * `within`: the most precise date the text gives anywhere (null when none), for a form to start from.
   */
  'evidence.readDate': method<DateReading | null>()(z.object({ text: z.string().trim().min(1, 'a date').max(5000), within: z.boolean().optional() }).strict()),
  /** The parts of a year a date form can offer ("early", "mid-", "late", halves, seasons). */
  'evidence.dateParts': method<DatePart[]>()(z.object({}).strict()),
  /** A figure group, an event or a network link as a table whose rows cite their passages, for `drafts.appendTable`. */
  'evidence.citationTable': method<CitedTable>()(
    z.discriminatedUnion('of', [
      z.object({ of: z.literal('figures'), key: z.string().min(1).max(500) }).strict(),
      z.object({ of: z.literal('event'), eventId }).strict(),
      /** `docIds`: the papers the network view is narrowed to, so the table cites the passages it shows. */
      z.object({ of: z.literal('edge'), source: id, target: id, docIds: z.array(id).max(100).optional() }).strict(),
    ]),
  ),
  /** A picture the view drew of itself (SVG markup or PNG base64), checked and named for saving. */
  'evidence.exportImage': method<EvidenceImage>()(
    z.object({ view: z.enum(evidenceViews), format: z.enum(['svg', 'png']), data: z.string().min(1).max(40 * 1024 * 1024) }).strict(),
  ),
};

/** The corrections of the events changed (here or in another process): the timeline is out of date. */
export interface EvidenceChangedEvent {
  editIds: string[];
}

declare module '../api/contract' {
  interface EventPayloads {
    'evidence.changed': EvidenceChangedEvent;
  }
}
