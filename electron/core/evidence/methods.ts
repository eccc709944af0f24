import { z } from 'zod';
import { method } from '../api/method';
import { entityTypes, eventKinds } from '../corpus/schema';
import type { EventsResult, EvidenceFile, EvidenceImage, EntityNetwork, FigureGroup } from './index';
import { evidenceViews } from './image-export';

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
  /** A picture the view drew of itself (SVG markup or PNG base64), checked and named for saving. */
  'evidence.exportImage': method<EvidenceImage>()(
    z.object({ view: z.enum(evidenceViews), format: z.enum(['svg', 'png']), data: z.string().min(1).max(40 * 1024 * 1024) }).strict(),
  ),
};
