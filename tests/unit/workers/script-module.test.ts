import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patchWorkerSource, pdfJsWorkerPath } from '../../../electron/core/import/pdf/pdfjs.js';
import { loadScriptModule, scriptFromModuleSource } from '../../../electron/core/workers/script-module.js';

const MODULE = `
const base = import.meta.url;
function greet(name) { return \`hello \${name} from \${base}\`; }
async function joinPath(a, b) { const { join } = await import('node:path'); return join(a, b); }
class Counter { #n = 0; next() { return ++this.#n; } }
export { greet, joinPath, Counter };
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workbench-script-module-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const url = () => pathToFileURL(join(dir, 'greeting.mjs')).href;
const cacheFiles = async () => (await readdir(dir)).filter((name) => name.endsWith('.v8cache'));

describe('a module run as a script from a code cache', () => {
  it('turns the installed pdf.js, both halves, into scripts (a pdf.js upgrade of another shape fails here, not silently slower)', async () => {
    const display = await readFile(pdfJsWorkerPath().replace(/pdf\.worker\.mjs$/, 'pdf.mjs'), 'utf8');
    const worker = patchWorkerSource(await readFile(pdfJsWorkerPath(), 'utf8'))!;
    for (const source of [display, worker]) {
      const script = scriptFromModuleSource(source);
      expect(script).toBeDefined();
      expect(script).not.toContain('import.meta');
    }
  });

  it('refuses modules it cannot run as scripts', () => {
    expect(scriptFromModuleSource(MODULE)).toBeDefined();
    expect(scriptFromModuleSource(`import { join } from 'node:path';\n${MODULE}`)).toBeUndefined();
    expect(scriptFromModuleSource(`${MODULE}\nexport default greet;`)).toBeUndefined();
    expect(scriptFromModuleSource(MODULE.replace('export { greet,', 'export { greet as hello,'))).toBeUndefined();
    expect(scriptFromModuleSource(MODULE.replace('import.meta.url', 'import.meta.resolve("x")'))).toBeUndefined();
    expect(scriptFromModuleSource('const a = 1;')).toBeUndefined();
  });

  it('gives the exports the module gives, with its own address and dynamic imports working', async () => {
    const loaded = (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!;
    const { greet, joinPath, Counter } = loaded.exports as { greet(n: string): string; joinPath(a: string, b: string): Promise<string>; Counter: new () => { next(): number } };
    expect(greet('you')).toBe(`hello you from ${url()}`);
    expect(await joinPath('a', 'b')).toBe(join('a', 'b'));
    const counter = new Counter();
    counter.next();
    expect(counter.next()).toBe(2);
  });

  it('writes the cache once, after use, and starts from it the next time', async () => {
    const first = (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!;
    expect(first.fromCache).toBe(false);
    expect(await cacheFiles()).toEqual([]);
    first.saveCache();
    const [file] = await cacheFiles();
    expect(file).toMatch(/^greeting-[0-9a-f]{24}\.v8cache$/);
    const written = await stat(join(dir, file!));

    const second = (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!;
    expect(second.fromCache).toBe(true);
    second.saveCache();
    expect((await stat(join(dir, file!))).mtimeMs).toBe(written.mtimeMs);

    // Another source is another file; the first stays.
    const other = (await loadScriptModule({ source: `const changed = 1;\n${MODULE}`, url: url(), name: 'greeting', cacheDir: dir }))!;
    expect(other.fromCache).toBe(false);
    other.saveCache();
    expect(await cacheFiles()).toHaveLength(2);
  });

  it('removes a damaged cache unread and writes a good one', async () => {
    (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!.saveCache();
    const [file] = await cacheFiles();
    const path = join(dir, file!);
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(path, bytes);
    const afterDamage = (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!;
    expect(afterDamage.fromCache).toBe(false);
    expect(await cacheFiles()).toEqual([]);
    afterDamage.saveCache();

    await writeFile(path, (await readFile(path)).subarray(0, 100));
    expect((await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!.fromCache).toBe(false);
    expect((await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: dir }))!.fromCache).toBe(false);
  });

  it('writes nothing without a folder, and keeps the newest four caches of a name', async () => {
    (await loadScriptModule({ source: MODULE, url: url(), name: 'greeting', cacheDir: undefined }))!.saveCache();
    expect(await cacheFiles()).toEqual([]);
    for (let i = 0; i < 6; i++) {
      (await loadScriptModule({ source: `const version = ${i};\n${MODULE}`, url: url(), name: 'greeting', cacheDir: dir }))!.saveCache();
      // Each write is newer than the last, whatever the file system's clock resolution.
      for (const f of await cacheFiles()) {
        const age = (await stat(join(dir, f))).mtimeMs;
        await utimes(join(dir, f), new Date(age - 1000), new Date(age - 1000));
      }
    }
    expect(await cacheFiles()).toHaveLength(4);
    const newest = (await loadScriptModule({ source: `const version = 5;\n${MODULE}`, url: url(), name: 'greeting', cacheDir: dir }))!;
    expect(newest.fromCache).toBe(true);
    expect((await loadScriptModule({ source: `const version = 0;\n${MODULE}`, url: url(), name: 'greeting', cacheDir: dir }))!.fromCache).toBe(false);
  });
});
