import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker's code is. A bundled app builds each worker entry as a file of its own and
 * passes its URL as `built`; otherwise `source` is the entry beside the calling module:
 * a `.js` file when that module was compiled, a `.ts` file when it runs from sources.
 */
export interface WorkerEntry {
  source: URL;
  built?: URL;
}

/** The entry `name` beside the module at `callerUrl` (pass `import.meta.url`). */
export function siblingEntry(callerUrl: string, name: string, built?: URL): WorkerEntry {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return { source: new URL(`./${name}${extension}`, callerUrl), ...(built ? { built } : {}) };
}

const bundles = new Map<string, Promise<URL>>();

/**
 * The URL a worker thread can start from. Sources are bundled once per process with esbuild
 * (which tsx brings), npm packages left as imports: a worker started through tsx's loader
 * spent 1.3 s of every start transforming pdf.js, and every extractor now runs in a worker.
 */
export function workerScriptUrl(entry: WorkerEntry): Promise<URL> {
  if (entry.built) return Promise.resolve(entry.built);
  if (!entry.source.pathname.endsWith('.ts')) return Promise.resolve(entry.source);
  let bundle = bundles.get(entry.source.href);
  if (!bundle) {
    bundle = bundleSource(fileURLToPath(entry.source));
    bundle.catch(() => bundles.delete(entry.source.href));
    bundles.set(entry.source.href, bundle);
  }
  return bundle;
}

async function bundleSource(file: string): Promise<URL> {
  // Named through a variable so that app bundlers do not try to pull esbuild in.
  const esbuildName = 'esbuild';
  const esbuild = (await import(/* @vite-ignore */ esbuildName)) as typeof import('esbuild');
  // Inside node_modules, so the bundle's package imports resolve as the sources' do.
  const dir = path.join(nodeModulesAbove(file), '.cache', 'workbench-workers');
  // Split at dynamic imports, as the app's and the CLI's builds do: what a worker loads only
  // for some tasks (OCR, photos, Word files) then stays out of every worker's start.
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: dir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'silent',
  });
  // Every name carries a hash of its content, so a file already there is the same file.
  let entryFile: string | undefined;
  for (const output of result.outputFiles) {
    const target = output.path;
    if (path.basename(target).startsWith(`${path.basename(file, '.ts')}-`)) entryFile = target;
    if (existsSync(target)) continue;
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Test files run in parallel processes: write aside, then rename into place.
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(temp, output.contents);
    await fs.rename(temp, target);
  }
  if (!entryFile) throw new Error(`Bundling ${file} gave no entry file`);
  return pathToFileURL(entryFile);
}

function nodeModulesAbove(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No node_modules folder above ${file}`);
  }
}
