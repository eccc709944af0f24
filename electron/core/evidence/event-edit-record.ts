import { z } from 'zod';
import { eventKinds, EventSourceSchema } from '../corpus/schema';
import { defineCollection } from '../store/collection-definition';

const eventId = z.string().regex(/^event-[a-z0-9-]+$/, 'an event id looks like event-2023-09-24-banjska-attack');
const date = z.string().trim().min(4).max(40);
const title = z.string().trim().min(2, 'a title of at least two characters').max(200);

/** The corrections `applyEventEdits` knows, as stored (see corpus/events/edits.ts). */
export const EventEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('split'), eventId, passageIds: z.array(z.string().min(1)).min(1).max(500), newEventId: eventId, title, date: date.optional() }).strict(),
  z.object({ type: z.literal('merge'), eventIds: z.array(eventId).min(2).max(50), title: title.optional() }).strict(),
  z.object({ type: z.literal('redate'), eventId, date }).strict(),
  z.object({ type: z.literal('retitle'), eventId, title }).strict(),
  z.object({ type: z.literal('reclassify'), eventId, kind: z.enum(eventKinds) }).strict(),
  z
    .object({
      type: z.literal('add'),
      event: z.object({ id: eventId, date, title, kind: z.enum(eventKinds), entityIds: z.array(z.string()).max(200), sources: z.array(EventSourceSchema).min(1).max(50) }).strict(),
      /** The annotation it was made from. */
      annotationId: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('remove'), eventId }).strict(),
]);
export type StoredEventEdit = z.infer<typeof EventEditSchema>;

/** One correction of the extracted events; they apply in the order they were made. */
export const EventEditRecordSchema = z.object({
  id: z.string().min(1),
  edit: EventEditSchema,
  createdAt: z.string(),
});
export type EventEditRecord = z.infer<typeof EventEditRecordSchema>;

export const eventEditsCollection = defineCollection({
  name: 'event-edits',
  version: 2,
  schema: EventEditRecordSchema,
});
