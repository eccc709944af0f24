import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const bin = join(repoRoot, 'bin/workbench.mjs');
const fixture = join(repoRoot, 'tests/fixtures/hypothesis/kcss-reading-group.json');

function workbench(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The compiled CLI, as `npx workbench` runs it (`npm run build:cli` makes it).
beforeAll(() => {
  if (!existsSync(join(repoRoot, 'out/cli/workbench.js'))) throw new Error('out/cli is missing: run `npm run build:cli` before these tests.');
});

describe('workbench import of annotations', () => {
  it('imports a Hypothesis export, says what did not anchor, adds nothing the second time, and refuses broken JSON', async () => {
    const workspace = await tempDir();
    const first = workbench(['import', fixture, '--workspace', workspace]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Annotations from "kcss-reading-group\.json" \(Hypothesis\): imported 2; not anchored 1 \(Talks to resume in Geneva: “The committee will reconvene/);

    const again = workbench(['import', fixture, '--workspace', workspace, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'hypothesis', annotations: 0, notAnchored: [expect.stringContaining('Geneva')] });

    const broken = join(workspace, '..', `broken-${Date.now()}.jsonld`);
    await writeFile(broken, '{"type": "AnnotationCollection", "first": {');
    const refused = workbench(['import', broken, '--workspace', workspace]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/is not valid JSON .*Nothing was imported\./);

    const list = workbench(['annotations', '--workspace', workspace, '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
  }, 120_000);
});
