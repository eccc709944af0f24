#!/usr/bin/env node
// The `workbench` command runs the compiled CLI in out/cli (built by `npm run build`, and by
// `npm install` through the `prepare` script); it never compiles TypeScript at run time.
import { existsSync } from 'node:fs';
import module from 'node:module';

const entry = new URL('../out/cli/workbench.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('workbench: the command line is not built yet. Run `npm run build:cli` (or `npm install`) in the project folder, then try again.\n');
  process.exit(1);
}
// Node 22+ keeps compiled code between runs; Node 20 has no compile cache and skips this.
module.enableCompileCache?.();
await import(entry.href);
