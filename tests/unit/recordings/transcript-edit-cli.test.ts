import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { resourcesDir } from '../../helpers/core';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../annotations-api/cli-helpers';
import { call } from '../import-api/support';

const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('transcript-cli', (made) => {
  ({ spoken, files } = made);
});

/** A workspace with the spoken interview imported: with its transcript, or as a recording alone. */
async function workspaceWith(transcript: boolean): Promise<{ workspace: string; docId: string }> {
  const workspace = path.join(await tempDir(), 'workspace');
  const core = await createCore({ workspaceDir: workspace, resourcesDir, holder: 'a test' });
  const vtt = path.join(files, 'cli.vtt');
  await fs.writeFile(vtt, interviewVtt(spoken.turns));
  const { documentId } = await call(core, 'import.file', { path: spoken.ogg, ...(transcript ? { transcript: vtt } : {}) });
  await core.close();
  return { workspace, docId: documentId };
}

const passages = async (workspace: string, docId: string) => JSON.parse((await cli(['--workspace', workspace, '--json', 'passages', docId])).stdout);

describe('workbench transcript', () => {
  it('corrects a passage, keeping its times and speaker', async () => {
    const { workspace, docId } = await workspaceWith(true);
    const [, answer] = await passages(workspace, docId);
    const run = await cli(['--workspace', workspace, '--json', 'transcript', 'correct', docId, answer.id, '--text', 'Since two thousand and five. The bridge still divides us.']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ docId, changed: true, passage: { id: answer.id, speaker: spoken.turns[1]!.speaker } });
    expect(result.passage.start).toBeCloseTo(spoken.turns[1]!.start, 2);
    expect(result.passage.end).toBeCloseTo(spoken.turns[1]!.end, 2);
    const [, now] = await passages(workspace, docId);
    expect(now.text).toBe('Since two thousand and five. The bridge still divides us.');
    const search = await cli(['--workspace', workspace, '--json', 'search', 'five bridge']);
    expect(search.stdout).toContain(docId);
  });

  it('writes a first passage into a recording without a transcript, at a clock time or in seconds', async () => {
    const { workspace, docId } = await workspaceWith(false);
    const [first, second] = spoken.turns;
    const human = await cli(['--workspace', workspace, 'transcript', 'add', docId, '--start', '0:00', '--end', String(first!.end), '--speaker', first!.speaker, '--text', first!.text]);
    expect(human.stderr).toBe('');
    expect(human.stdout).toContain(`Added ${docId}-w`);
    await cli(['--workspace', workspace, 'transcript', 'add', docId, '--start', String(second!.start), '--end', String(second!.end), '--text', second!.text]);
    expect((await passages(workspace, docId)).map((passage: { text: string }) => passage.text)).toEqual([first!.text, second!.text]);
  });

  it.each([
    [['add', '--start', 'soon', '--end', '2', '--text', 'x'], /--start “soon” is not a time/],
    [['add', '--start', '2', '--end', '1', '--text', 'x'], /must come after --start/],
    [['add', '--start', '0', '--end', '99999', '--text', 'x'], /after the recording does/],
    [['add', '--start', '0', '--end', '1', '--text', '  '], /text is empty/],
  ])('%j is refused with a clear message and nothing changes', async (args, message) => {
    const { workspace, docId } = await workspaceWith(false);
    const file = path.join(workspace, 'documents', docId, 'document.json');
    const saved = await fs.readFile(file, 'utf8');
    const [command, ...rest] = args;
    const run = await cli(['--workspace', workspace, 'transcript', command!, docId, ...rest]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(await fs.readFile(file, 'utf8')).toBe(saved);
  });

  it('says what each command does in its help', async () => {
    const help = await cli(['transcript', 'add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--start <time>/);
    expect(help.stdout).toMatch(/not overlap/);
  });
});
