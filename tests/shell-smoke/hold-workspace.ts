// Holds a workspace open for writing, as another Field Workbench would, until stdin closes.
// Usage: node --import tsx hold-workspace.ts <workspaceDir>
import { createCore } from '../../electron/core/core';
import { resourcesDir } from '../helpers/core';

const core = await createCore({ workspaceDir: process.argv[2]!, resourcesDir, holder: 'another Field Workbench (test)' });
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => void core.close().then(() => process.exit(0)));
