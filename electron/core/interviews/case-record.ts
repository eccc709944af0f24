import { z } from 'zod';
import { defineCollection } from '../store/collection-definition.js';

/**
 * A case: a document (one interview) or a speaker (one respondent, across the interviews
 * they speak in) with attributes such as municipality, age group or role. Quotes take the
 * attributes of their document's case and of their speaker's (the speaker's win where both
 * name the same attribute), so topics, co-occurrence and exports can filter and group by them.
 */
export const caseKinds = ['document', 'speaker'] as const;

/** Columns every annotations CSV already has: an attribute may not take one of their names. */
export const reservedAttributeNames = ['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created', 'speaker'] as const;

export const attributeName = z.string().trim().min(1, 'an attribute needs a name').max(60, 'an attribute name has at most 60 characters');

/** Why a name cannot be an attribute's, or undefined when it can. */
export function attributeNameProblem(name: string): string | undefined {
  if ((reservedAttributeNames as readonly string[]).includes(name.trim().toLowerCase())) {
    return `an attribute cannot be called “${name}”: ${reservedAttributeNames.join(', ')} are the annotations export's own columns. Choose another name.`;
  }
  return undefined;
}
export const attributeValue = z.string().trim().min(1, 'an attribute value cannot be empty').max(200);

export const CaseRecordSchema = z.object({
  id: z.string().min(1).max(300),
  kind: z.enum(caseKinds),
  /** For a document's case. */
  docId: z.string().min(1).max(200).optional(),
  /** For a speaker's case: the speaker label as the transcripts write it. */
  speaker: z.string().min(1).max(200).optional(),
  attributes: z.record(z.string(), z.string()),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

export const casesCollection = defineCollection({ name: 'cases', version: 2, schema: CaseRecordSchema });

/** A speaker is the same case in every interview they speak in, whatever the spacing or case of the label. */
export function speakerKey(speaker: string): string {
  return speaker.trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
}

export function caseId(target: { docId: string } | { speaker: string }): string {
  return 'docId' in target ? `document:${target.docId}` : `speaker:${speakerKey(target.speaker)}`;
}
