import { z } from 'zod';
import type { RecordSet, Workspace } from '../store';
import { defineCollection } from '../store/collection-definition';
import type { ReadingPosition } from './methods';

/** Where the reader was in a document: one record per document (its id is the document's). */
export const ReadingPositionSchema = z.object({
  id: z.string().min(1),
  passageId: z.string().min(1).optional(),
  page: z.number().int().positive().optional(),
  updatedAt: z.string(),
});
export type ReadingPositionRecord = z.infer<typeof ReadingPositionSchema>;

/** Round 1 kept them in `settings.json` as `readingPositions: {<docId>: {…}}`. */
export const readingPositionsCollection = defineCollection({
  name: 'reading-positions',
  version: 2,
  schema: ReadingPositionSchema,
  legacy: {
    file: 'settings.json',
    records: (data) => Object.entries((data as { readingPositions?: Record<string, object> }).readingPositions ?? {}).map(([id, position]) => ({ ...position, id })),
  },
});

export class ReadingPositions {
  private readonly records: RecordSet<ReadingPositionRecord>;

  constructor(private readonly workspace: Workspace) {
    this.records = workspace.records(readingPositionsCollection);
  }

  get(docId: string): ReadingPosition | null {
    const stored = this.records.get(docId);
    if (!stored) return null;
    const { id: _docId, ...position } = stored;
    return position;
  }

  /** The position saved most recently, with the paper it is in; null before anything was read. */
  latest(): (ReadingPosition & { docId: string }) | null {
    let latest: ReadingPositionRecord | undefined;
    for (const record of this.records.values()) if (!latest || record.updatedAt > latest.updatedAt) latest = record;
    if (!latest) return null;
    const { id: docId, ...position } = latest;
    return { docId, ...position };
  }

  async save(docId: string, position: { passageId?: string; page?: number }): Promise<void> {
    await this.workspace.transact((tx) =>
      tx.put(readingPositionsCollection, {
        id: docId,
        ...(position.passageId ? { passageId: position.passageId } : {}),
        ...(position.page ? { page: position.page } : {}),
        updatedAt: new Date().toISOString(),
      }),
    );
  }
}
