import { afterEach } from 'vitest';
import { annotationsCollections } from '../../../../electron/core/annotations';
import { openWorkspace, type Workspace } from '../../../../electron/core/store';
import { topicsCollections } from '../../../../electron/core/topics';
import { useTempDirs } from '../../../helpers/temp-dir';

/** The collections the coding services use, in a real workspace. */
export const codingCollections = [...annotationsCollections, ...topicsCollections];

export interface CodingWorkspace {
  workspace: Workspace;
  dir: string;
  /** How many batches this process has written (one per change, unless made in the same tick). */
  readonly writes: number;
}

/** A real workspace in a temporary folder per call, closed after each test. */
export function useCodingWorkspaces(): () => Promise<CodingWorkspace> {
  const tempDir = useTempDirs();
  const opened: Workspace[] = [];
  afterEach(async () => {
    for (const workspace of opened.splice(0)) await workspace.close();
  });
  return async () => {
    const dir = await tempDir();
    const workspace = await openWorkspace(dir, { collections: codingCollections, holder: 'a coding test' });
    opened.push(workspace);
    let writes = 0;
    workspace.subscribe((batch) => {
      if (batch.origin === 'local') writes += 1;
    });
    return {
      workspace,
      dir,
      get writes() {
        return writes;
      },
    };
  };
}
