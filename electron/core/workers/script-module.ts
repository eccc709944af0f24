import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import vm from 'node:vm';

/**
 * A self-contained ES module (no static imports, one `export { … }` at its end) run as a
 * classic script, so that V8 can start it from a code cache on disk: the bytecode of every
 * function the last run compiled, instead of parsing and compiling them again. Node caches
 * no module code before 22, and none loaded from a data: URL; a fresh PDF worker spent about
 * a tenth of a second of each core compiling pdf.js before it read a page.
 */
export interface ScriptModule {
  exports: Record<string, unknown>;
  /** Whether V8 started it from the cache on disk. */
  fromCache: boolean;
  /**
   * Writes the cache when there was none or V8 refused it; call after the module has done
   * its usual work, so the functions that work compiled are in it. Never throws: the cache
   * only saves time.
   */
  saveCache(): void;
}

export interface ScriptModuleOptions {
  source: string;
  /** The module's own address (`import.meta.url` and the script's name in stack traces). */
  url: string;
  /** Names its cache files. */
  name: string;
  /** A folder only this user writes; without one nothing is cached. */
  cacheDir: string | undefined;
}

const EXPORT_CLAUSE = '\nexport {';

/**
 * The module's source as the body of a function that returns its exports, or undefined when
 * the module is not of the shape this handles (then it must be imported as a module).
 */
export function scriptFromModuleSource(source: string): string | undefined {
  const at = source.indexOf(EXPORT_CLAUSE);
  if (at < 0 || source.indexOf(EXPORT_CLAUSE, at + 1) >= 0) return undefined;
  const clauseEnd = source.indexOf('};', at);
  if (clauseEnd < 0 || !/^(\s|\/\/[^\n]*)*$/.test(source.slice(clauseEnd + 2))) return undefined;
  const clause = source.slice(at + EXPORT_CLAUSE.length, clauseEnd);
  // `export { a as b }` would need renaming; pdf.js exports names as they are.
  if (/\bas\b/.test(clause)) return undefined;
  const before = source.slice(0, at);
  if (/^\s*import(\s+[\w{*]|\s*['"{*])/m.test(before) || /^\s*export\s/m.test(before)) return undefined;
  if (/\bimport\.meta(?!\.url\b)/.test(source)) return undefined;
  const body = before.replaceAll('import.meta.url', '__moduleUrl');
  // Async, so a top-level await stays legal; strict, as module code is.
  return `(async function (__moduleUrl) { "use strict";\n${body}\nreturn {${clause}};\n})`;
}

/** Runs `source` as a script started from its code cache when there is a good one, or undefined when it cannot be run as a script. */
export async function loadScriptModule(options: ScriptModuleOptions): Promise<ScriptModule | undefined> {
  const script = scriptFromModuleSource(options.source);
  if (script === undefined) return undefined;
  const file = options.cacheDir ? cacheFile(options.cacheDir, options.name, script) : undefined;
  const cachedData = file ? readCache(file) : undefined;
  const compiled = new vm.Script(script, {
    filename: options.url,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const fromCache = cachedData !== undefined && compiled.cachedDataRejected !== true;
  const run = compiled.runInThisContext() as (url: string) => Promise<Record<string, unknown>>;
  const exports = await run(options.url);
  let saved = fromCache;
  return {
    exports,
    fromCache,
    saveCache: () => {
      if (saved || !file) return;
      saved = true;
      writeCache(file, compiled.createCachedData());
    },
  };
}

/** Each V8 and each source has a file of its own, so two Node versions sharing the folder do not undo each other. */
function cacheFile(dir: string, name: string, script: string): string {
  const key = createHash('sha256').update(script).update(`\0${process.versions.v8}\0${process.arch}`).digest('hex').slice(0, 24);
  return path.join(dir, `${name}-${key}.v8cache`);
}

const DIGEST_BYTES = 32;

/**
 * The cached data when the file is whole. V8 refuses data made by another version or for
 * another source, but it trusts the bytes between its header and its end, so the file
 * carries a digest of them and a torn or damaged one is removed unread.
 */
function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(DIGEST_BYTES);
  if (bytes.length > DIGEST_BYTES && createHash('sha256').update(data).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return data;
  try {
    unlinkSync(file);
  } catch {
    // Another thread may have removed or replaced it already.
  }
  return undefined;
}

/** Caches kept per module name (older ones are left by upgrades of pdf.js or of the runtime). */
const KEPT_PER_NAME = 4;

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600 });
    renameSync(temp, file);
    pruneOlder(file);
  } catch {
    // A read-only or full disk costs the next start its head start, nothing else.
  }
}

function pruneOlder(file: string): void {
  const dir = path.dirname(file);
  const prefix = path.basename(file).replace(/-[0-9a-f]+\.v8cache$/, '-');
  const siblings = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.v8cache'))
    .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of siblings.slice(KEPT_PER_NAME)) unlinkSync(path.join(dir, old.name));
}
