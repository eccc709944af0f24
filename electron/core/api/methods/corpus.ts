import { z } from 'zod';
import { method } from '../method';
import type { MetadataFieldView } from '../../metadata/describe';
import type { CorpusDocument, Entity, Footnote, Mention, Passage, Recommendation, Section, Statistic } from '../../corpus/schema';

const id = z.string().min(1).max(200);

export interface DocumentSummary extends CorpusDocument {
  passageCount: number;
  footnoteCount: number;
  recommendationCount: number;
  /** URL path of the PDF for the reader, relative to the app's origin. */
  pdfUrl?: string;
  /** URL path of an imported recording's media, for the player. */
  mediaUrl?: string;
  /** Every metadata field with its value and where it came from, empty ones included. */
  metadataFields: MetadataFieldView[];
}

export interface EntitySummary extends Entity {
  mentionCount: number;
  documents: string[];
}

export interface MentionInContext extends Mention {
  /** The passage text around the mention, for lists of mentions. */
  before: string;
  after: string;
  sectionPath: string[];
  page: number;
}

export interface EntityDetail extends EntitySummary {
  mentions: MentionInContext[];
}

export const corpusMethods = {
  'corpus.documents': method<DocumentSummary[]>()(z.object({}).strict()),
  'corpus.document': method<DocumentSummary>()(z.object({ docId: id }).strict()),
  'corpus.sections': method<Section[]>()(z.object({ docId: id }).strict()),
  'corpus.passages': method<Passage[]>()(z.object({ docId: id }).strict()),
  'corpus.passage': method<Passage>()(z.object({ passageId: id }).strict()),
  'corpus.footnotes': method<Footnote[]>()(z.object({ docId: id }).strict()),
  'corpus.entities': method<EntitySummary[]>()(z.object({ type: z.string().optional() }).strict()),
  'corpus.entity': method<EntityDetail>()(z.object({ entityId: id }).strict()),
  'corpus.mentions': method<Mention[]>()(z.object({ docId: id }).strict()),
  'corpus.recommendations': method<Recommendation[]>()(z.object({ docId: id.optional() }).strict()),
  'corpus.statistics': method<Statistic[]>()(z.object({ docId: id.optional() }).strict()),
};
