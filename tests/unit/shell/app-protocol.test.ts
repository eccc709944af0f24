import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerAssetRequest, contentSecurityPolicy, resolveAsset, type AssetRoots } from '../../../electron/core/assets/resolve-asset';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
let roots: AssetRoots;
let outside: string;

/** Three roots as the app has them, and a secret next to them that must never be served. */
beforeEach(async () => {
  const base = await tempDir();
  roots = { rendererDir: join(base, 'renderer'), resourcesDir: join(base, 'resources'), workspaceDir: join(base, 'workspace') };
  await mkdir(join(roots.rendererDir, 'assets'), { recursive: true });
  await mkdir(join(roots.resourcesDir, 'corpus'), { recursive: true });
  await mkdir(join(roots.workspaceDir, 'documents', 'imp-1'), { recursive: true });
  await writeFile(join(roots.rendererDir, 'index.html'), '<!doctype html><title>Field Workbench</title>');
  await writeFile(join(roots.rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(roots.resourcesDir, 'corpus', 'corpus.json'), '{}');
  await writeFile(join(roots.workspaceDir, 'documents', 'imp-1', 'original.pdf'), '%PDF-1.7');
  outside = join(base, 'secret.txt');
  await writeFile(outside, 'private');
  await writeFile(join(roots.workspaceDir, 'annotations.json'), '{"private": true}');
});

describe('app:// resolves real paths inside its roots', () => {
  it('serves the renderer, the resources and imported documents', async () => {
    expect(await resolveAsset('/', roots)).toEqual({ status: 200, path: join(roots.rendererDir, 'index.html') });
    expect(await resolveAsset('/assets/app.js', roots)).toMatchObject({ status: 200 });
    expect(await resolveAsset('/resources/corpus/corpus.json', roots)).toMatchObject({ status: 200 });
    expect(await resolveAsset('/workspace/documents/imp-1/original.pdf', roots)).toMatchObject({ status: 200 });
    expect(await resolveAsset('/assets/app.js?v=2#x', roots)).toMatchObject({ status: 200 });
  });

  it('refuses a symlink that leads out of its root, to a file or a folder', async () => {
    await symlink(outside, join(roots.rendererDir, 'assets', 'leak.js'));
    await symlink(join(roots.workspaceDir), join(roots.resourcesDir, 'corpus', 'workspace-link'));
    await symlink(outside, join(roots.workspaceDir, 'documents', 'imp-1', 'evil.pdf'));
    expect(await resolveAsset('/assets/leak.js', roots)).toMatchObject({ status: 404 });
    expect(await resolveAsset('/resources/corpus/workspace-link/annotations.json', roots)).toMatchObject({ status: 404 });
    expect(await resolveAsset('/workspace/documents/imp-1/evil.pdf', roots)).toMatchObject({ status: 404 });
    const answer = await answerAssetRequest('/assets/leak.js', roots);
    expect(answer.status).toBe(404);
    expect(String(answer.body)).not.toContain('private');
  });

  it('follows a symlink that stays inside its root', async () => {
    await symlink(join(roots.rendererDir, 'assets', 'app.js'), join(roots.rendererDir, 'assets', 'alias.js'));
    expect(await resolveAsset('/assets/alias.js', roots)).toEqual({ status: 200, path: join(roots.rendererDir, 'assets', 'app.js') });
  });

  it('refuses climbing out, plain or encoded, and anything that is not a file', async () => {
    for (const path of ['/../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/resources/..%2F..%2Fsecret.txt', '/workspace/documents/..%2Fannotations.json', '/assets', '/resources/', '/assets/missing.js']) {
      expect(await resolveAsset(path, roots), path).toMatchObject({ status: 404 });
    }
  });

  it('answers 400 to bad percent-encoding and NUL, without throwing', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%', '/resources/%C0%AF', '/index.html%00.js']) {
      await expect(resolveAsset(path, roots), path).resolves.toMatchObject({ status: 400 });
    }
  });

  it('sends the CSP and nosniff with every answer, served or refused', async () => {
    for (const [path, status] of [['/', 200], ['/%E0%A4%A', 400], ['/nothing-here', 404]] as const) {
      const answer = await answerAssetRequest(path, roots);
      expect(answer.status).toBe(status);
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await answerAssetRequest('/', roots)).headers['content-type']).toBe('text/html; charset=utf-8');
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'/);
  });
});
