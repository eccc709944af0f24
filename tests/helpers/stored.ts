import { workspaceCollections } from '../../electron/core/core';
import { openWorkspace, type CollectionDefinition } from '../../electron/core/store';

/** The records of one collection as a fresh read-only open of the workspace finds them on disk. */
export async function storedRecords<T extends { id: string }>(dir: string, collection: CollectionDefinition<T>): Promise<T[]> {
  const workspace = await openWorkspace(dir, { collections: workspaceCollections, holder: 'a test reading the workspace', readOnly: true });
  try {
    return [...workspace.records(collection).values()];
  } finally {
    await workspace.close();
  }
}
