import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCollection } from '../../../electron/core/annotations';
import { workspaceCollections } from '../../../electron/core/core';
import { openWorkspace } from '../../../electron/core/store';
import { passageWith } from '../annotations-api/cli-helpers';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const quote = 'accredit a Centre of Excellence (COE) in Kosovo';
const writersPerRound = 8;
const rounds = 3;

interface Outcome {
  writer: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI (bin/workbench.mjs, through tsx) annotating, as a user would run it. */
function annotate(workspace: string, writer: string, passageId: string): Promise<Outcome> {
  return new Promise((resolve) => {
    // CLI start takes seconds here (tsx compiles the core); the wait is sized for 8 at once on 2 cores.
    const args = [join(repoRoot, 'bin/workbench.mjs'), '--wait', '120', '--workspace', workspace, '--json', 'annotate', passageId, '--quote', quote, '--note', writer, '--topic', `Race / ${writer}`];
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ writer, code, stdout, stderr }));
  });
}

describe('writers racing', () => {
  it(`${rounds} rounds of ${writersPerRound} CLI processes started at once: every acknowledged write is kept, the writers take turns`, { timeout: 400_000 }, async () => {
    const workspace = await tempDir();
    const passage = passageWith(quote);
    const acknowledged = new Map<string, string>();
    for (let round = 0; round < rounds; round++) {
      const outcomes = await Promise.all(Array.from({ length: writersPerRound }, (_, n) => annotate(workspace, `writer ${round}-${n}`, passage.id)));
      let succeeded = 0;
      for (const outcome of outcomes) {
        if (outcome.code === 0) {
          const annotation = JSON.parse(outcome.stdout) as { id: string; note: string };
          expect(annotation.note).toBe(outcome.writer);
          acknowledged.set(annotation.id, outcome.writer);
          succeeded += 1;
        } else {
          // A writer that gives up says so, with LOCKED and who held the lock: never silently.
          expect(outcome.code, `${outcome.writer}: ${outcome.stdout} ${outcome.stderr}`).toBe(1);
          expect(JSON.parse(outcome.stdout)).toMatchObject({ error: { code: 'LOCKED', message: expect.stringMatching(/is busy/) } });
        }
      }
      expect(succeeded, `round ${round}`).toBeGreaterThanOrEqual(writersPerRound / 2);
    }

    const reader = await openWorkspace(workspace, { collections: workspaceCollections, holder: 'the test', readOnly: true });
    const stored = reader.records(annotationsCollection);
    for (const [id, writer] of acknowledged) expect(stored.get(id)?.note, writer).toBe(writer);
    expect(stored.size).toBe(acknowledged.size);
    // Each writer's topic path was created once, none lost to another writer's save.
    expect(reader.notices).toEqual([]);
    await reader.close();
  });
});
