import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeOrThrow } from '../../../electron/core/api/invoke';
import { createCore } from '../../../electron/core/core';
import { userEntitiesCollection } from '../../../electron/core/user-entities';
import { cli, passageWith } from '../annotations-api/cli-helpers';
import { repoRoot, resourcesDir } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace } from './collections';

const tempDir = useTempDirs();

/** Every file under the folder with a hash of its bytes: to prove a read-only open changed nothing. */
async function folderState(dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const name of await readdir(folder)) {
      const path = join(folder, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else state[relative(dir, path)] = createHash('md5').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return state;
}

/** A workspace with something in every collection and an imported transcript, compacted once and written to since. */
async function fullWorkspace(dir: string): Promise<void> {
  const core = await createCore({ workspaceDir: dir, resourcesDir, holder: 'the recovery test' });
  const call = (method: string, args: unknown) => invokeOrThrow(core.dispatch, method as never, args) as Promise<Record<string, unknown>>;
  const passage = passageWith('accredit a Centre of Excellence (COE) in Kosovo');
  await call('annotations.create', { passageId: passage.id, quote: 'accredit a Centre of Excellence (COE) in Kosovo', note: 'cheapest signal', topicPaths: ['Security / NATO'] });
  await call('drafts.create', { title: 'Notes on NATO' });
  const imported = await call('import.file', { path: join(repoRoot, 'tests/fixtures/transcripts/interview-mitrovica-north-2024-03.txt') });
  await call('settings.saveReadingPosition', { docId: passage.docId, page: 3 });
  await call('search.remember', { query: 'centre of excellence' });
  await call('annotations.setColorMeaning', { color: 'red', meaning: 'contradicts the brief' });
  await core.workspace.transact((tx) =>
    tx.put(userEntitiesCollection, { id: 'user-kfor-north', name: 'KFOR Regional Command North', type: 'organisation', aliases: [], description: '', userDefined: true }),
  );
  await core.close(); // compacts: the snapshots and their backups hold all of the above
  // Written after the last compaction: only in the journals.
  const again = await createCore({ workspaceDir: dir, resourcesDir, holder: 'the recovery test', compaction: { smallSnapshotBytes: 0 } });
  const topics = (await invokeOrThrow(again.dispatch, 'topics.list', {})) as Array<{ id: string }>;
  await invokeOrThrow(again.dispatch, 'topics.create', { name: 'North Kosovo' });
  await invokeOrThrow(again.dispatch, 'annotations.create', { passageId: passage.id, quote: 'Centre of Excellence', topicIds: [topics[0]!.id] });
  await invokeOrThrow(again.dispatch, 'settings.saveReadingPosition', { docId: String(imported.documentId), page: 1 });
  await again.close();
}

/** What the CLI shows of the workspace, command by command (each a read-only open), and what it printed on stderr. */
async function readEverything(dir: string): Promise<{ data: Record<string, unknown>; stderr: string[] }> {
  const data: Record<string, unknown> = {};
  const stderr: string[] = [];
  for (const command of [['annotations'], ['topics'], ['drafts'], ['documents'], ['user'], ['search', 'kfor', '--limit', '500'], ['info']]) {
    const result = await cli([...command, '--json', '--workspace', dir]);
    expect(result.code, `${command.join(' ')}: ${result.stdout}`).toBe(0);
    data[command[0]!] = JSON.parse(result.stdout);
    stderr.push(...result.stderr.split('\n').filter(Boolean));
  }
  return { data, stderr };
}

describe('recovery that never loses', () => {
  it('every workspace file damaged: two read-only opens restore the same data in memory, move nothing, and say what they repaired', async () => {
    const dir = await tempDir();
    await fullWorkspace(dir);
    const before = await readEverything(dir);
    expect(before.stderr).toEqual([]);

    const names = await readdir(dir);
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      const text = await readFile(join(dir, name), 'utf8');
      await writeFile(join(dir, name), text.slice(0, Math.floor(text.length / 2)));
    }
    for (const name of names.filter((file) => file.endsWith('.journal'))) {
      const lines = (await readFile(join(dir, name), 'utf8')).split('\n').filter(Boolean);
      if (lines.length === 0) continue;
      // A line of garbage among the changes, and a last line cut off by a crash.
      const damaged = [...lines.slice(0, -1), '{"seq": 9, "this is not', lines.at(-1)!, lines.at(-1)!.slice(0, 25)];
      await writeFile(join(dir, name), `${damaged.join('\n')}`);
    }
    const [documentFolder] = await readdir(join(dir, 'documents'));
    await writeFile(join(dir, 'documents', documentFolder!, 'document.json'), '{"schemaVersion": 1, "document": {');
    const damagedState = await folderState(dir);

    const first = await readEverything(dir);
    const second = await readEverything(dir);
    expect(await folderState(dir)).toEqual(damagedState);
    expect(second.data).toEqual(first.data);

    // Everything the user made is there again, except the damaged imported document's text.
    type Read = Record<string, unknown> & { documents: Array<{ id: string; damaged?: string }>; info: { projectId: string }; search: Array<{ id: string; docId?: string }> };
    const { documents: documentsAfter, info: infoAfter, search: searchAfter, ...restored } = first.data as Read;
    const { documents: documentsBefore, info: infoBefore, search: searchBefore, ...original } = before.data as Read;
    expect(restored).toEqual(original);
    const found = (results: Read['search']) => results.filter((result) => result.docId !== documentFolder).map((result) => result.id).sort();
    expect(found(searchAfter)).toEqual(found(searchBefore));
    expect(found(searchAfter)).toContain('user-kfor-north');
    expect(infoAfter.projectId).toBe(infoBefore.projectId);
    expect(documentsAfter.map((document) => document.id)).toEqual(documentsBefore.map((document) => document.id));
    expect(documentsAfter.find((document) => document.id === documentFolder)?.damaged).toMatch(/damaged/);

    // Every repair is one line on stderr, for each reading command.
    const told = first.stderr.join('\n');
    for (const collection of ['annotations', 'topics', 'drafts', 'library', 'reading-positions']) expect(told).toContain(`${collection}.json was damaged`);
    expect(told).toMatch(/workspace\.json was damaged .* restored from the backup/);
    expect(told).toMatch(/damaged line\(s\) in annotations\.journal were skipped/);
    expect(told).toMatch(/The last change in annotations\.journal was cut off by a crash/);
    expect(told).toMatch(/imported document .* cannot be read/);
    expect(first.stderr.every((line) => line.startsWith('workbench: '))).toBe(true);

    // A writable open writes the restored data, then the damaged bytes sit beside it, kept.
    const write = await cli(['user', '--name', 'Amina', '--json', '--workspace', dir]);
    expect(write.code).toBe(0);
    const after = await folderState(dir);
    expect(Object.keys(after).filter((path) => /\.corrupt-|\.torn-/.test(path)).length).toBeGreaterThanOrEqual(names.filter((file) => file.endsWith('.json')).length);
    const clean = await readEverything(dir);
    expect(clean.stderr.filter((line) => !line.includes('imported document'))).toEqual([]);
    const { user: _user, info: _info, ...cleanData } = clean.data;
    const { user: _userFirst, info: _infoFirst, ...firstData } = first.data;
    expect(cleanData).toEqual(firstData);
  });

  it('a torn last line is set aside by a writable open and everything before it is kept', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir, { compaction: { smallSnapshotBytes: 0 } });
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'kept', tags: [] }));
    await workspace.close();
    const journal = join(dir, 'notes.journal');
    const torn = '{"seq":2,"id":"b","rev":"1-0123456789abcdef0123456789abcdef","author":"x","at":"2026';
    await writeFile(journal, `${await readFile(journal, 'utf8')}${torn}`);

    const reader = await openTestWorkspace(dir, { readOnly: true });
    expect(reader.notices.map((notice) => notice.kind)).toEqual(['torn-tail']);
    await reader.close();
    expect(await readFile(journal, 'utf8')).toContain(torn);

    const writer = await openTestWorkspace(dir);
    expect(writer.records(notesCollection).get('a')?.text).toBe('kept');
    expect(writer.notices).toMatchObject([{ kind: 'torn-tail', movedTo: expect.stringContaining('notes.journal.torn-') }]);
    expect(await readFile(writer.notices[0]!.movedTo!, 'utf8')).toBe(torn);
    expect(await readFile(journal, 'utf8')).not.toContain(torn);
    await writer.transact((tx) => tx.put(notesCollection, { id: 'c', text: 'after', tags: [] }));
    await writer.close();
  });

  it('applies a change to several records all or nothing: an interrupted one is set aside whole', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir, { compaction: { smallSnapshotBytes: 0 } });
    await workspace.transact((tx) => {
      tx.put(notesCollection, { id: 'a', text: 'one', tags: [] });
      tx.put(notesCollection, { id: 'b', text: 'two', tags: [] });
    });
    await workspace.transact((tx) => {
      tx.put(notesCollection, { id: 'c', text: 'three', tags: [] });
      tx.put(notesCollection, { id: 'd', text: 'four', tags: [] });
    });
    await workspace.close();
    // The crash came after the first line of the second change reached the disk.
    const journal = join(dir, 'notes.journal');
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    await writeFile(journal, `${lines.slice(0, 3).join('\n')}\n`);

    const reader = await openTestWorkspace(dir, { readOnly: true });
    expect([...reader.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'b']);
    await reader.close();
    const writer = await openTestWorkspace(dir);
    expect([...writer.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'b']);
    expect(writer.notices).toMatchObject([{ kind: 'incomplete-change' }]);
    expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(2);
    await writer.close();
  });

  it('refuses a snapshot written by a newer version, and leaves it as it is', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: 99, seq: 3, records: {} });
    await writeFile(join(dir, 'notes.json'), text);
    await expect(openTestWorkspace(dir)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('newer Field Workbench') });
    await expect(openTestWorkspace(dir, { readOnly: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(join(dir, 'notes.json'), 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['notes.json']);
    // Whatever shape a newer app gives its file: it is refused, not taken for damage and restored.
    const otherShape = JSON.stringify({ schemaVersion: 3, data: { notes: [] } });
    await writeFile(join(dir, 'notes.json'), otherShape);
    await expect(openTestWorkspace(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(join(dir, 'notes.json'), 'utf8')).toBe(otherShape);
  });
});
