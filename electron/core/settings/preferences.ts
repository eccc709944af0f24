import { z } from 'zod';
import type { RecordSet, Workspace } from '../store';
import { defineCollection } from '../store/collection-definition';
import { highlightColorings } from './methods';
import type { Preferences } from './methods';

/** One record per preference the user changed (its id is the preference's name). */
export const PreferenceSchema = z.discriminatedUnion('id', [z.object({ id: z.literal('highlightColoring'), value: z.enum(highlightColorings) })]);
export type PreferenceRecord = z.infer<typeof PreferenceSchema>;

/** New in round 2: no round-1 file held preferences, so there is nothing to migrate. */
export const preferencesCollection = defineCollection({
  name: 'preferences',
  version: 2,
  schema: PreferenceSchema,
});

const defaults: Preferences = { highlightColoring: 'annotation' };

export class PreferenceStore {
  private readonly records: RecordSet<PreferenceRecord>;

  constructor(private readonly workspace: Workspace) {
    this.records = workspace.records(preferencesCollection);
  }

  /** Every preference, the default where the user chose nothing. */
  get(): Preferences {
    const coloring = this.records.get('highlightColoring');
    return { ...defaults, ...(coloring ? { highlightColoring: coloring.value } : {}) };
  }

  /** Changes only the preferences given, one record each, in one write. */
  async set(changes: Partial<Preferences>): Promise<Preferences> {
    const { highlightColoring } = changes;
    if (highlightColoring) await this.workspace.transact((tx) => tx.put(preferencesCollection, { id: 'highlightColoring', value: highlightColoring }));
    return this.get();
  }
}
