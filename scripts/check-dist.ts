/**
 * `npm run dist:check`: packs the app as `npm run dist` does (electron-builder with
 * electron-builder.yml), but as an unpacked Linux build on a stand-in Electron, so it runs
 * without downloading anything. Then checks what a packaged app depends on:
 *
 * - the fuses were flipped in the executable as the config says (read back with @electron/fuses);
 * - app.asar holds the built main, preload and renderer and the production packages, and no
 *   sources, tests or source maps;
 * - what worker threads load by path is unpacked beside the archive (out/main's workers and
 *   their chunks, pdf.js's legacy build with its character maps and standard fonts, tesseract
 *   and its language data when installed);
 * - resources/ (corpus, PDFs, fonts, citation styles) sits outside the archive where main
 *   looks for it (process.resourcesPath/resources).
 *
 * The stand-in is a file carrying Electron's fuse sentinel and a fuse wire in Electron's
 * default state; it is not a runnable Electron. Needs `npm run build` first. electron-builder
 * and Electron 45 want Node 22.12+.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser snapshot off, file:// privileges on. */
const defaultWire = '10110001';
const fuseNames = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];
const expectedFuses: Record<string, '0' | '1'> = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  GrantFileProtocolExtraPrivileges: '0',
};

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron for dist:check"\nexit 0\n'), Buffer.alloc(64), Buffer.from(sentinel), Buffer.from([1, defaultWire.length]), Buffer.from(defaultWire)]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), require('electron/package.json').version);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Run `npm run build` first.');
  const { build, Platform } = require('electron-builder') as typeof import('electron-builder');
  const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
  const work = mkdtempSync(join(tmpdir(), 'workbench-dist-check-'));
  const problems: string[] = [];
  try {
    standInElectron(join(work, 'electron'));
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { ...config, electronDist: join(work, 'electron'), directories: { ...(config.directories as object), output: join(work, 'release') } },
    });
    const app = join(work, 'release', 'linux-unpacked');
    const executable = readdirSync(app).find((name) => name === 'field-workbench');
    if (!executable) problems.push(`no field-workbench executable in ${readdirSync(app).join(', ')}`);
    else {
      const binary = readFileSync(join(app, executable));
      const at = binary.indexOf(sentinel) + sentinel.length;
      const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
      for (const [name, state] of Object.entries(expectedFuses)) {
        const actual = wire[fuseNames.indexOf(name)];
        if (actual !== state) problems.push(`fuse ${name} is ${actual}, expected ${state}`);
      }
      console.log(`fuses: ${fuseNames.map((name, i) => `${name}=${wire[i]}`).join(' ')}`);
    }

    const asar = require('@electron/asar') as { listPackage(path: string, options: object): string[] };
    const archive = join(app, 'resources', 'app.asar');
    const entries = new Set(asar.listPackage(archive, {}).map((entry) => entry.replace(/\\/g, '/')));
    const unpacked = join(app, 'resources', 'app.asar.unpacked');
    for (const needed of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json', '/node_modules/lowdb/package.json', '/node_modules/zod/package.json']) {
      if (!entries.has(needed)) problems.push(`app.asar lacks ${needed}`);
    }
    for (const forbidden of [/^\/electron\//, /^\/tests\//, /^\/seeds\//, /^\/out\/cli\//, /\.map$/, /^\/node_modules\/(vitest|electron|typescript|playwright-core)\//]) {
      const found = [...entries].find((entry) => forbidden.test(entry));
      if (found) problems.push(`app.asar should not contain ${found}`);
    }
    for (const needed of ['out/main/worker.js', 'out/main/team-bundle-worker.js', 'out/main/exchange-worker.js', 'out/main/offline-tesseract-worker.cjs', 'node_modules/pdfjs-dist/legacy/build/pdf.mjs', 'node_modules/pdfjs-dist/standard_fonts', 'node_modules/pdfjs-dist/cmaps']) {
      if (!existsSync(join(unpacked, needed))) problems.push(`${needed} is not unpacked beside app.asar`);
    }
    for (const optional of ['tesseract.js', '@tesseract.js-data']) {
      if (existsSync(join(root, 'node_modules', optional)) && require(join(root, 'package.json')).dependencies?.[optional === '@tesseract.js-data' ? '@tesseract.js-data/eng' : optional]) {
        if (!existsSync(join(unpacked, 'node_modules', optional))) problems.push(`${optional} is a dependency but not unpacked beside app.asar`);
      }
    }
    for (const needed of ['resources/corpus/corpus.json', 'resources/corpus/corpus.json.sha256', 'resources/corpus/search-index.json', 'resources/csl']) {
      if (!existsSync(join(app, 'resources', needed))) problems.push(`${needed} is missing from process.resourcesPath`);
    }
    console.log(`app.asar: ${entries.size} entries; unpacked: ${readdirSync(unpacked).join(', ')}; resources: ${readdirSync(join(app, 'resources', 'resources')).join(', ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`dist:check found ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`dist:check passed on Node ${process.version}.`);
  }
}

await main();
