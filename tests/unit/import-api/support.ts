import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/core';
import { runCli } from '../../../electron/core/cli/program';
import { repoRoot } from '../../helpers/core';

export const pdfFixtures = path.resolve(repoRoot, '../shared/fixtures/pdfs');
export const transcriptFixtures = path.resolve(repoRoot, 'tests/fixtures/transcripts');
export const pdf = (name: string) => path.join(pdfFixtures, name);
export const transcript = (name: string) => path.join(transcriptFixtures, name);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (every call here passes --json). */
  json: any;
}

export async function cli(workspace: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--workspace', workspace, '--json', ...args], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  const stdout = out.join('\n');
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, stderr: err.join('\n'), json };
}

/** The document folders of a workspace, hidden leftovers included. */
export async function documentFolders(workspace: string): Promise<string[]> {
  return (await fs.readdir(path.join(workspace, 'documents')).catch(() => [] as string[])).sort();
}

/** A method's result through the core's dispatch; a failure throws with its code. */
export async function call(core: Core, method: string, args: unknown): Promise<any> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

/** The error a method answers with; the test fails if it succeeds. */
export async function failure(core: Core, method: string, args: unknown): Promise<{ code: string; message: string; details?: any }> {
  const result = await core.dispatch(method, args);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}
