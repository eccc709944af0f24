import { z } from 'zod';
import { defineCollection, openWorkspace, type OpenWorkspaceOptions } from '../../../electron/core/store';

/** Two small collections for store tests: notes (with a tag list) and tags. */
export const NoteSchema = z.object({ id: z.string().min(1), text: z.string(), tags: z.array(z.string()).default([]) });
export type Note = z.infer<typeof NoteSchema>;

export const notesCollection = defineCollection({ name: 'notes', version: 2, schema: NoteSchema });
export const tagsCollection = defineCollection({ name: 'tags', version: 2, schema: z.object({ id: z.string().min(1), label: z.string() }) });

export const testCollections = [notesCollection, tagsCollection];

export function openTestWorkspace(dir: string, options: Partial<OpenWorkspaceOptions> = {}) {
  return openWorkspace(dir, { collections: testCollections, holder: 'a store test', ...options });
}
