import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import JSZip from 'jszip';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { repoRoot, resourcesDir } from '../../helpers/core';
import { freePort, startCouchServer } from '../../helpers/couch-server';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, code, importTranscript } from './support';

const tempDir = useTempDirs();
const bin = join(repoRoot, 'bin/workbench.mjs');

function workbench(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As `workbench`, without blocking this process: a server the test runs must answer meanwhile. */
function workbenchAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'out/cli/workbench.js'))) throw new Error('out/cli is missing: run `npm run build:cli` (npm test builds it) before these tests.');
});

describe('the team commands of the compiled CLI', () => {
  it('export a bundle, merge it into a new member\'s workspace (the bundle parsed on the worker beside out/cli), and compare the two coders', async () => {
    const [amina, besnik, bundles] = [await tempDir(), await tempDir(), await tempDir()];
    // Amina's work, made through the core; the rest through the command.
    const core = await createCore({ workspaceDir: amina, resourcesDir, holder: 'a test' });
    await call(core, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const { docId, passageIds } = await importTranscript(core);
    const topic = await call(core, 'topics.create', { name: 'Trust in police' });
    await code(core, passageIds, 1, 8, topic.id);
    await core.close();

    expect(workbench(['user', '--name', 'Besnik Gashi', '--id', 'besnik', '--workspace', besnik]).code).toBe(0);
    const exported = workbench(['exchange', 'export', '--out', join(bundles, 'amina.fwx'), '--json', '--workspace', amina]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ records: 11, documents: 1 });

    const notJoined = workbench(['exchange', 'merge', join(bundles, 'amina.fwx'), '--workspace', besnik]);
    expect(notJoined.code).toBe(1);
    expect(notJoined.stderr).toMatch(/belongs to another project.*merge with --join/s);
    const merged = workbench(['exchange', 'merge', join(bundles, 'amina.fwx'), '--join', '--json', '--workspace', besnik]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ added: 11, updated: 0, unchanged: 0, conflicts: 0, documents: 1, from: { id: 'amina', name: 'Amina Berisha' } });
    const again = workbench(['exchange', 'merge', join(bundles, 'amina.fwx'), '--workspace', besnik]);
    expect(again.stdout).toContain("Merged Amina Berisha's bundle: 0 added, 0 updated, 11 unchanged, 0 conflicts.");

    const users = workbench(['users', '--workspace', besnik]);
    expect(users.stdout.trim().split('\n')).toEqual(['* Besnik Gashi (besnik)', '  Amina Berisha (amina)']);
    // Besnik has coded nothing yet: kappa is still defined (Amina's 8 against none of 20).
    const agreement = workbench(['agreement', '--topic', topic.id, '--document', docId, '--coders', 'amina,besnik', '--workspace', besnik]);
    expect(agreement.code, agreement.stderr).toBe(0);
    expect(agreement.stdout).toContain('Trust in police: kappa 0.000 (both 0, only Amina Berisha 8, only Besnik Gashi 0, neither 12');
    const nested = workbench(['agreement', '--topic', topic.id, '--document', docId, '--coders', 'amina,besnik', '--include-subtopics', '--json', '--workspace', besnik]);
    expect(nested.code, nested.stderr).toBe(0);
    expect(JSON.parse(nested.stdout)).toMatchObject({ includeSubtopics: true, topics: [{ topicId: topic.id, both: 0, onlyA: 8, onlyB: 0, neither: 12 }] });
    expect(workbench(['conflicts', '--workspace', besnik]).stdout).toBe('No conflicts.\n');

    // Sync through the team's server: Amina's workspace pushes, Besnik's (saved address) has it all already.
    const couch = await startCouchServer();
    try {
      const projectId = JSON.parse(workbench(['user', '--json', '--workspace', amina]).stdout).projectId as string;
      await couch.createDatabase(projectId);
      const pushed = workbench(['sync', '--server', couch.url, '--json', '--workspace', amina]);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(JSON.parse(pushed.stdout)).toMatchObject({ database: projectId, pushed: 11, added: 0, conflicts: 0 });
      expect(workbench(['sync', '--server', couch.url, '--workspace', besnik]).stdout).toMatch(/^Synced with http:\/\/127\.0\.0\.1:\d+\/ \(database fw-[0-9a-f-]+\): \d+ revisions sent; 0 added, 0 updated, 0 unchanged, 0 conflicts\.\n$/);
      const again = workbench(['sync', '--json', '--workspace', besnik]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).pushed).toBe(0);
      const refused = workbench(['sync', '--server', 'http://amina:pw@127.0.0.1:1/', '--workspace', besnik]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Leave the name and password out of the address');
    } finally {
      await couch.close();
    }

    const help = workbench(['agreement', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain("The unit is the passage: a passage counts as coded with a topic by a coder when any of that coder's quotes in it carries the topic");
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('With --include-subtopics, a quote carrying a subtopic of T counts as coded with T too.');
  });

  it('each bad input (a bundle of another project, truncated, from a newer version; a server down, refusing the password, not CouchDB) fails with a clear message and exit code 1, and the workspace files are unchanged', async () => {
    const [amina, besnik, bundles] = [await tempDir(), await tempDir(), await tempDir()];
    for (const [dir, id, name] of [
      [amina, 'amina', 'Amina Berisha'],
      [besnik, 'besnik', 'Besnik Gashi'],
    ] as const) {
      const core = await createCore({ workspaceDir: dir, resourcesDir, holder: 'a test' });
      await call(core, 'app.setUser', { name, id });
      const topic = await call(core, 'topics.create', { name: 'Trust in police' });
      const docId = core.corpus.allDocuments()[0]!.id;
      const passageIds = core.corpus.passages(docId).filter((passage) => passage.kind === 'paragraph').map((passage) => passage.id);
      await code(core, passageIds, 1, 2, topic.id);
      await core.close();
    }
    const good = join(bundles, 'amina.fwx');
    expect(workbench(['exchange', 'export', '--out', good, '--workspace', amina]).code).toBe(0);
    const bytes = await readFile(good);
    const truncated = join(bundles, 'truncated.fwx');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const zip = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    zip.file('manifest.json', JSON.stringify({ ...manifest, formatVersion: 9 }));
    const newer = join(bundles, 'newer.fwx');
    await writeFile(newer, await zip.generateAsync({ type: 'nodebuffer' }));

    // Besnik is of another project; then the same bundles against Amina's own workspace.
    const couch = await startCouchServer();
    const notCouch = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Router</html>'));
    await new Promise<void>((resolve) => notCouch.listen(0, '127.0.0.1', resolve));
    try {
      const projectId = JSON.parse(workbench(['user', '--json', '--workspace', amina]).stdout).projectId as string;
      await couch.createDatabase(projectId);
      await couch.createUser('amina', 'correct horse');
      const passwordFile = join(bundles, 'password.txt');
      await writeFile(passwordFile, 'wrong horse\n');
      const cases: Array<{ args: string[]; workspace: string; message: RegExp }> = [
        { args: ['exchange', 'merge', good], workspace: besnik, message: /belongs to another project.*nothing was merged/s },
        { args: ['exchange', 'merge', truncated], workspace: amina, message: /not a whole exchange bundle.*cut short while being copied.*nothing was merged/s },
        { args: ['exchange', 'merge', newer], workspace: amina, message: /exported by a newer Field Workbench \(bundle format 9.*Update the app.*nothing was merged/s },
        { args: ['sync', '--server', `http://127.0.0.1:${await freePort()}/`], workspace: amina, message: /could not be reached \(ECONNREFUSED\).*nothing was changed/s },
        { args: ['sync', '--server', couch.url, '--login', 'amina', '--password-file', passwordFile], workspace: amina, message: /refused the name “amina” and its password \(HTTP 401\).*--password-file.*nothing was changed/s },
        { args: ['sync', '--server', `http://127.0.0.1:${(notCouch.address() as { port: number }).port}/`], workspace: amina, message: /is not a CouchDB server.*nothing was changed/s },
      ];
      for (const item of cases) {
        const before = await snapshot(item.workspace);
        const result = await workbenchAsync([...item.args, '--workspace', item.workspace]);
        expect(result.code, item.args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(item.message);
        expect(await snapshot(item.workspace), item.args.join(' ')).toEqual(before);
      }
    } finally {
      notCouch.close();
      await couch.close();
    }
  });
});

/** Every file of a workspace and its bytes (the lock aside), to see that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.workbench.lock'));
  return Object.fromEntries(await Promise.all(files.map(async (entry) => [join(entry.parentPath, entry.name), (await readFile(join(entry.parentPath, entry.name))).toString('base64')] as const)));
}
