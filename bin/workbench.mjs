#!/usr/bin/env node
// The CLI runs the TypeScript core directly through tsx, so `npx workbench` needs no build.
import { register } from 'tsx/esm/api';

register();
await import('../electron/core/cli/main.ts');
