import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli/program';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('workbench CLI', () => {
  it('exits 2 with usage on bad usage', async () => {
    for (const args of [['frobnicate'], ['info', '--no-such-flag'], ['sections'], []]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/usage|unknown|missing/i);
    }
  });

  it('exits 1 with a JSON error on stdout when a command fails under --json', async () => {
    const workspace = await tempDir();
    const result = await cli(['sections', 'no-such-paper', '--json', '--workspace', workspace]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-paper') } });
  });

  it('prints a readable error without --json', async () => {
    const result = await cli(['entity', 'nobody', '--workspace', await tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^workbench: No entity with id nobody/);
  });

  it('shows help and exits 0 for --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--workspace <dir>');
    expect(result.stdout).toContain('--user <name>');
    expect(result.stdout).toContain('--wait <seconds>');
    expect(result.stdout).toContain('info');
  });

  it('writes as the workspace user, as --user NAME for one command, and changes the user with `user --name`', async () => {
    const workspace = await tempDir();
    const passageId = 'kcss-foreign-security-priorities-2026-b71119aaa1';
    const quote = 'The Banjska attack in September 2023';
    const annotate = async (extra: string[]) => JSON.parse((await cli([...extra, 'annotate', passageId, '--quote', quote, '--json', '--workspace', workspace])).stdout) as { id: string };
    const first = await annotate([]);
    const identity = JSON.parse((await cli(['user', '--json', '--workspace', workspace])).stdout);
    expect(identity.projectId).toMatch(/^fw-/);
    const second = await annotate(['--user', 'Amina Berisha']);
    const renamed = await cli(['user', '--name', 'Arben Krasniqi', '--json', '--workspace', workspace]);
    expect(JSON.parse(renamed.stdout)).toEqual({ id: identity.user.id, name: 'Arben Krasniqi' });
    const third = await annotate([]);

    const { openWorkspace } = await import('../../../electron/core/store');
    const { workspaceCollections } = await import('../../../electron/core/core');
    const { annotationsCollection } = await import('../../../electron/core/annotations');
    const reader = await openWorkspace(workspace, { collections: workspaceCollections, holder: 'the test', readOnly: true });
    const authors = [first, second, third].map((annotation) => reader.records(annotationsCollection).entry(annotation.id)?.author);
    await reader.close();
    expect(authors).toEqual([identity.user.id, 'amina-berisha', identity.user.id]);
    expect(reader.identity.user).toEqual({ id: identity.user.id, name: 'Arben Krasniqi' });

    const wait = await cli(['--wait', 'soon', 'annotate', passageId, '--quote', quote, '--json', '--workspace', workspace]);
    expect(wait.code).toBe(1);
    expect(JSON.parse(wait.stdout).error.message).toMatch(/--wait takes a number of seconds/);
  });

  it('refuses a workspace path that is a file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a-file');
    await (await import('node:fs/promises')).writeFile(file, 'x');
    const result = await cli(['info', '--json', '--workspace', file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error.code).toBe('BAD_REQUEST');
  });
});
