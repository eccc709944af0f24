/**
 * Compiles the CLI (electron/core/cli) to plain JavaScript in out/cli, so `workbench` starts
 * without compiling TypeScript at run time. Run by `npm run build` and, through `prepare`,
 * by `npm install`, so `npx workbench` works in a fresh clone.
 *
 * Packages are bundled too (resolving and loading hundreds of small files from node_modules
 * cost more than the commands themselves), except `filePackages`, which read their own files
 * at run time and so must stay in node_modules. The core is split into chunks that load on
 * demand, so a command loads only what it uses. Chunks stay flat in out/cli: the core finds
 * the bundled resources (`../../resources`) and its workers (`./worker.js`) relative to its
 * own module.
 */
import { copyFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { coreWorkerEntries, coreWorkerScripts } from './worker-entries';

const root = resolve(import.meta.dirname, '..');
export const cliOutDir = resolve(root, 'out/cli');

/** Packages that load files of their own by path (workers, wasm, fonts, language data). */
const filePackages = ['pdfjs-dist', 'tesseract.js', 'tesseract.js-core', '@tesseract.js-data/*', '@napi-rs/canvas', 'pdfkit'];

// Bundled CommonJS packages call require() for Node's built-ins; ES modules have none.
const requireShim = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

export async function buildCli(): Promise<void> {
  await rm(cliOutDir, { recursive: true, force: true });
  const entryPoints: Record<string, string> = { workbench: 'electron/core/cli/main.ts' };
  for (const [name, path] of Object.entries(coreWorkerEntries)) entryPoints[name] = path;
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: cliOutDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: filePackages,
    banner: { js: requireShim },
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    legalComments: 'none',
  });
  for (const [name, path] of Object.entries(coreWorkerScripts)) await copyFile(resolve(root, path), resolve(cliOutDir, name));
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
