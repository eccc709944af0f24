import { spawn } from 'node:child_process';
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace, tagsCollection } from './collections';

const tempDir = useTempDirs();

/** Runs the write loop and kills it with SIGKILL after `acks` acknowledged writes; returns them. */
async function writeThenKill(dir: string, acks: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/unit/store/support/write-loop.ts'), dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const acknowledged: number[] = [];
  await new Promise<void>((done) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(Number(line.slice(4)));
      if (acknowledged.length >= acks && child.signalCode === null) {
        child.kill('SIGKILL');
        done();
      }
    });
    child.once('exit', () => done());
  });
  if (child.exitCode === null && child.signalCode === null) await new Promise((done) => child.once('exit', done));
  expect(child.signalCode).toBe('SIGKILL');
  return acknowledged;
}

describe('kill -9 during write loops', () => {
  it('keeps every acknowledged write in 20 trials, always opens, and reports a torn tail', { timeout: 240_000 }, async () => {
    // Kill after a different number of acknowledged writes each time: before, during and after compactions.
    const moments = [1, 7, 24, 25, 26, 33, 49, 50, 51, 64, 75, 88, 99, 100, 111, 124, 137, 150, 163, 180];
    for (const [trial, moment] of moments.entries()) {
      const dir = await tempDir();
      const acknowledged = await writeThenKill(dir, moment);
      const tornTrial = trial % 2 === 1;
      if (tornTrial) {
        // What a crash in the middle of an append leaves: the start of a line, never acknowledged.
        await appendFile(join(dir, 'notes.journal'), '{"seq":99999,"id":"n-torn","rev":"1-0123456789abcdef0123456789abcdef","author":"the write loop","at":"2026-12-04T');
      }
      const workspace = await openTestWorkspace(dir);
      const notes = workspace.records(notesCollection);
      const missing = acknowledged.filter((n) => notes.get(`n${n}`)?.text.startsWith(`note ${n} `) !== true);
      expect(missing, `trial ${trial} (killed after ${moment} writes)`).toEqual([]);
      // A change to two records is all or nothing, even when the kill came between its lines.
      for (const note of notes.values()) {
        const n = Number(note.id.slice(1));
        if (n % 3 === 0) expect(workspace.records(tagsCollection).has(`t${n}`), `trial ${trial}: tag of ${note.id}`).toBe(true);
      }
      for (const tag of workspace.records(tagsCollection).values()) expect(notes.has(`n${tag.id.slice(1)}`)).toBe(true);
      if (tornTrial) {
        expect(workspace.notices.map((notice) => notice.kind)).toContain('torn-tail');
        expect((await readdir(dir)).some((name) => name.startsWith('notes.journal.torn-'))).toBe(true);
      }
      await workspace.close();
    }
  });
});
