import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { fixture } from './support';

const tempDir = useTempDirs();
const bin = join(repoRoot, 'bin/workbench.mjs');

function workbench(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The compiled CLI, as `npx workbench` runs it (citation-js bundled into it by `npm run build:cli`).
beforeAll(() => {
  if (!existsSync(join(repoRoot, 'out/cli/workbench.js'))) throw new Error('out/cli is missing: run `npm run build:cli` before these tests.');
});

describe('workbench import and references', () => {
  it('imports .bib and .ris, says what merged, lists CSL-JSON items with their keys, and says how to start when empty', async () => {
    const workspace = await tempDir();
    const empty = workbench(['references', '--workspace', workspace]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/The reference library is empty\. Import a \.bib, \.ris or CSL-JSON file exported from Zotero/);

    const bib = workbench(['import', fixture('better-bibtex.bib'), '--workspace', workspace]);
    expect(bib.code, bib.stderr).toBe(0);
    expect(bib.stdout.trim()).toBe('References from "better-bibtex.bib": BibTeX: added 4, merged 0, skipped 0.');
    const ris = workbench(['import', fixture('zotero.ris'), '--workspace', workspace]);
    expect(ris.code, ris.stderr).toBe(0);
    expect(ris.stdout).toContain('RIS: added 1, merged 1, skipped 0');
    expect(ris.stdout).toContain('entry 1: merged into bieber2015kosovo (same DOI)');

    const listed = workbench(['references', '--workspace', workspace, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const items = JSON.parse(listed.stdout) as Array<{ id: string; 'citation-key': string; type: string; author?: Array<Record<string, string>> }>;
    expect(items.map((item) => item.id)).toEqual(['bieber2015kosovo', 'judah2008', 'kcss2019barometer', 'nato2022', 'qehaja2021']);
    expect(items.every((item) => item.id === item['citation-key'] && item.type)).toBe(true);
    expect(items.find((item) => item.id === 'kcss2019barometer')!.author).toEqual([{ literal: 'Kosovar Centre for Security Studies' }]);

    const human = workbench(['references', '--workspace', workspace, '--query', 'vucic']);
    expect(human.stdout).toMatch(/^bieber2015kosovo +Bieber, Florian; Vučić, Aleksandar; Radojičić, Milan \(2015\)\. The Serbia-Kosovo Agreements/);
  }, 60_000);
});
