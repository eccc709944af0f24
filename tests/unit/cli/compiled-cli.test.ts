import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { pdfFixtures } from '../import-api/support';

const tempDir = useTempDirs();
const bin = join(repoRoot, 'bin/workbench.mjs');
const compiledEntry = join(repoRoot, 'out/cli/workbench.js');

function workbench(args: string[], binPath = bin) {
  const result = spawnSync(process.execPath, [binPath, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// These tests spawn the compiled CLI, the one `npx workbench` runs (`npm run build` makes it).
beforeAll(() => {
  if (!existsSync(compiledEntry)) throw new Error('out/cli is missing: run `npm run build:cli` (npm test builds it) before these tests.');
});

describe('the compiled workbench command', () => {
  it('runs out/cli, not TypeScript: `workbench info --json` describes the workspace', async () => {
    expect(await readFile(bin, 'utf8')).not.toMatch(/tsx|\.ts['"]/);
    const workspace = await tempDir();
    const result = workbench(['info', '--json', '--workspace', workspace]);
    expect(result.code, result.stderr).toBe(0);
    const info = JSON.parse(result.stdout);
    const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
    expect(info.version).toBe(packageJson.version);
    expect(info.workspace).toBe(workspace);
    expect(info.schemaVersions).toEqual({
      annotations: 2,
      'color-meanings': 2,
      'annotation-tombstones': 2,
      'document-notes': 2,
      topics: 2,
      entities: 2,
      drafts: 2,
      library: 2,
      'reading-positions': 2,
      preferences: 2,
      'recent-searches': 2,
      'metadata-edits': 2,
      'event-edits': 2,
      users: 2,
      'deletion-conflicts': 2,
      'sync-settings': 2,
      references: 2,
      cases: 2,
    });
    expect(info.projectId).toMatch(/^fw-[0-9a-f-]{36}$/);
    expect(info.counts.bundledDocuments).toBe(5);
    expect(info.counts.annotations).toBe(0);
  });

  it('needs nothing from node_modules or the sources to answer info and search', async () => {
    // A copy of out/cli beside the resources and nothing else: no tsx, no TypeScript, no packages.
    const root = await tempDir();
    await cp(join(repoRoot, 'out/cli'), join(root, 'out/cli'), { recursive: true });
    await cp(bin, join(root, 'bin/workbench.mjs'));
    await symlink(join(repoRoot, 'resources'), join(root, 'resources'));
    const workspace = await tempDir();
    const info = workbench(['info', '--json', '--workspace', workspace], join(root, 'bin/workbench.mjs'));
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout).counts.passages).toBeGreaterThan(300);
    const search = workbench(['search', 'vucic', '--json', '--workspace', workspace], join(root, 'bin/workbench.mjs'));
    expect(search.code, search.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(search.stdout))).toContain('Vučić');
  });

  it('starts the import worker from out/cli: a PDF imports through the compiled command', async () => {
    const workspace = await tempDir();
    const result = workbench(['import', join(pdfFixtures, 'alphatrans.pdf'), '--json', '--workspace', workspace]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'imported', hasTextLayer: true });
  });

  it('says how to build it when out/cli is missing', async () => {
    const root = await tempDir();
    await cp(bin, join(root, 'bin/workbench.mjs'));
    const result = workbench(['info'], join(root, 'bin/workbench.mjs'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm run build:cli');
  });
});
