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
    expect(result.stdout).toContain('info');
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
