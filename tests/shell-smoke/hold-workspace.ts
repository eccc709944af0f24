// Holds a workspace open for writing, as another Field Workbench would, until stdin closes.
// Usage: node --import tsx hold-workspace.ts <workspaceDir>
import { resolve } from 'node:path';
import { createCore } from '../../electron/core/core';

const resourcesDir = resolve(import.meta.dirname, '../../resources');

const core = await createCore({ workspaceDir: process.argv[2]!, resourcesDir, holder: 'another Field Workbench (test)' });
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => void core.close().then(() => process.exit(0)));
