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

describe('app:// serves a recording in parts, as the media element asks', () => {
  const recording = () => join(roots.workspaceDir, 'documents', 'imp-1', 'media.ogg');
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  beforeEach(() => writeFile(recording(), bytes));
  const url = '/workspace/documents/imp-1/media.ogg';

  it('answers a Range with 206 and exactly those bytes', async () => {
    const answer = await answerAssetRequest(url, roots, 'bytes=100-199');
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe('bytes 100-199/1000');
    expect(answer.headers['content-type']).toBe('audio/ogg');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(Buffer.from(answer.body as Uint8Array)).toEqual(bytes.subarray(100, 200));
  });

  it('answers open and suffix ranges, and refuses one past the end with 416', async () => {
    const open = await answerAssetRequest(url, roots, 'bytes=900-');
    expect(open.headers['content-range']).toBe('bytes 900-999/1000');
    expect(Buffer.from(open.body as Uint8Array)).toEqual(bytes.subarray(900));
    const suffix = await answerAssetRequest(url, roots, 'bytes=-10');
    expect(Buffer.from(suffix.body as Uint8Array)).toEqual(bytes.subarray(990));
    const beyond = await answerAssetRequest(url, roots, 'bytes=1000-');
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */1000');
  });

  it('checks the path before the range: nothing outside the roots is served in parts either', async () => {
    expect((await answerAssetRequest('/workspace/documents/../annotations.json', roots, 'bytes=0-5')).status).toBe(404);
    expect((await answerAssetRequest('/workspace/documents/imp-1/..%2f..%2fannotations.json', roots, 'bytes=0-5')).status).toBe(404);
  });

  it('lets the renderer play media from its own origin only', () => {
    expect(contentSecurityPolicy).toContain("media-src 'self'");
  });
});
