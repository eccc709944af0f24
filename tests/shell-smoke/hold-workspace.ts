// Holds a workspace's write lock, as a Field Workbench stuck in the middle of a write would,
// until stdin closes. (A running app holds the lock only while it writes.)
// Usage: node --import tsx hold-workspace.ts <workspaceDir>
import { resolve } from 'node:path';
import { createCore } from '../../electron/core/core';
import { WorkspaceLock } from '../../electron/core/store/lock';

const resourcesDir = resolve(import.meta.dirname, '../../resources');

const workspaceDir = process.argv[2]!;
const core = await createCore({ workspaceDir, resourcesDir, holder: 'another Field Workbench (test)' });
const lease = await new WorkspaceLock(workspaceDir, 'another Field Workbench (test)').acquire();
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  lease.release();
  void core.close().then(() => process.exit(0));
});
