import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { resourcesDir } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../annotations-api/cli-helpers';
import { arben, importInterview } from './support';

const tempDir = useTempDirs();

async function workspaceWithInterview(): Promise<{ dir: string; workspace: string; docId: string }> {
  const dir = await tempDir();
  const workspace = join(dir, 'workspace');
  const core = await createCore({ workspaceDir: workspace, resourcesDir, holder: 'a test' });
  const docId = await importInterview(core);
  await core.close();
  return { dir, workspace, docId };
}

describe('workbench anonymise', () => {
  it('replaces the names, writes the key where told, and prints no real name', async () => {
    const { dir, workspace, docId } = await workspaceWithInterview();
    const keyPath = join(dir, 'key.json');
    const run = await cli(['--workspace', workspace, '--json', 'anonymise', docId, '--replace', 'Arben Krasniqi=Respondent 4', '--replace', 'Arben=Besnik', '--key', keyPath]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(arben);
    expect(JSON.parse(run.stdout)).toMatchObject({ docId, keyPath, replacements: [{ pseudonym: 'Respondent 4', count: 4 }, { pseudonym: 'Besnik', count: 4 }] });
    const passages = await cli(['--workspace', workspace, '--json', 'passages', docId]);
    expect(passages.code).toBe(0);
    expect(passages.stdout).not.toMatch(arben);
    expect(passages.stdout).toContain('Respondent 4');
    expect(await readFile(keyPath, 'utf8')).toContain('"real": "Arben Krasniqi"');
  });

  it.each([
    [['--replace', 'Arben'], /has no “=”/],
    [['--replace', 'Arben='], /the pseudonym is empty/],
    [['--replace', '=Besnik'], /the real name is empty/],
    [['--replace', 'Valon=R9'], /“Valon” does not occur/],
    [[], /give at least one --replace/],
  ])('%j is refused with a clear message and nothing changes', async (args, message) => {
    const { workspace, docId } = await workspaceWithInterview();
    const file = join(workspace, 'documents', docId, 'document.json');
    const saved = await readFile(file, 'utf8');
    const run = await cli(['--workspace', workspace, 'anonymise', docId, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Nothing was anonymised/);
    expect(await readFile(file, 'utf8')).toBe(saved);
  });
});
