import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCollection, colorMeaningsCollection } from '../../../electron/core/annotations';
import { createCore, workspaceCollections } from '../../../electron/core/core';
import { draftsCollection } from '../../../electron/core/drafts';
import { libraryCollection } from '../../../electron/core/import';
import { recentSearchesCollection } from '../../../electron/core/search';
import { readingPositionsCollection } from '../../../electron/core/settings';
import { openWorkspace, type Workspace } from '../../../electron/core/store';
import { topicsCollection } from '../../../electron/core/topics';
import { userEntitiesCollection } from '../../../electron/core/user-entities';
import { repoRoot, resourcesDir } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fixture = join(repoRoot, 'tests/fixtures/workspace-round1');

/** What the round-1 files hold, read straight from their envelopes. */
async function roundOne(file: string): Promise<Record<string, unknown>> {
  const envelope = JSON.parse(await readFile(join(fixture, file), 'utf8')) as { schemaVersion: number; data: Record<string, unknown> };
  expect(envelope.schemaVersion).toBe(1);
  return envelope.data;
}

async function copyOfFixture(): Promise<string> {
  const dir = await tempDir();
  await cp(fixture, dir, { recursive: true });
  return dir;
}

/** Every record the round-1 workspace held, compared with what the workspace now reads. */
async function expectEveryRoundOneRecord(workspace: Workspace): Promise<void> {
  const values = <T extends { id: string }>(definition: Parameters<Workspace['records']>[0] & { name: string }) => [...workspace.records(definition).values()] as unknown as T[];
  const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  const annotations = (await roundOne('annotations.json')).annotations as Array<{ id: string }>;
  expect(annotations.length).toBeGreaterThanOrEqual(4);
  expect(sortById(values(annotationsCollection))).toEqual(sortById(annotations));
  expect(sortById(values(topicsCollection))).toEqual(sortById((await roundOne('topics.json')).topics as Array<{ id: string }>));
  expect(sortById(values(draftsCollection))).toEqual(sortById((await roundOne('drafts.json')).drafts as Array<{ id: string }>));
  expect(sortById(values(libraryCollection))).toEqual(sortById((await roundOne('library.json')).documents as Array<{ id: string }>));
  expect(sortById(values(userEntitiesCollection))).toEqual(sortById((await roundOne('entities.json')).entities as Array<{ id: string }>));
  const settings = (await roundOne('settings.json')) as { readingPositions: Record<string, object>; recentSearches: string[]; colorMeanings: Record<string, string> };
  expect(Object.fromEntries(values<{ id: string }>(readingPositionsCollection).map(({ id, ...position }) => [id, position]))).toEqual(settings.readingPositions);
  expect(values<{ id: string; queries: string[] }>(recentSearchesCollection).map((record) => record.queries)).toEqual([settings.recentSearches]);
  expect(Object.fromEntries(values<{ id: string; meaning: string }>(colorMeaningsCollection).map((record) => [record.id, record.meaning]))).toEqual(settings.colorMeanings);
}

describe('migration from a round-1 workspace', () => {
  it('keeps every record, takes a backup of the old files first, and tells the user', async () => {
    const dir = await copyOfFixture();
    const core = await createCore({ workspaceDir: dir, resourcesDir, holder: 'the migration test' });
    await expectEveryRoundOneRecord(core.workspace);
    expect(core.workspace.notices.map((notice) => notice.kind)).toEqual(['migrated']);
    // An orphan stays an orphan; the imported transcript is listed and readable.
    expect([...core.workspace.records(annotationsCollection).values()].filter((annotation) => annotation.anchorStatus === 'orphan')).toHaveLength(1);
    const library = [...core.workspace.records(libraryCollection).values()];
    expect(core.corpus.passages(library[0]!.id).length).toBeGreaterThan(5);
    await core.close();

    const backup = (await readdir(join(dir, 'backups'))).find((name) => name.startsWith('round-1-'))!;
    for (const file of ['annotations.json', 'topics.json', 'drafts.json', 'library.json', 'entities.json', 'settings.json']) {
      expect(await readFile(join(dir, 'backups', backup, file), 'utf8')).toBe(await readFile(join(fixture, file), 'utf8'));
    }
    expect(await readdir(dir)).not.toContain('settings.json');
    expect(JSON.parse(await readFile(join(dir, 'annotations.json'), 'utf8')).schemaVersion).toBe(2);

    // Opened again, nothing is migrated twice.
    const reopened = await openWorkspace(dir, { collections: workspaceCollections, holder: 'test' });
    await expectEveryRoundOneRecord(reopened);
    expect(reopened.notices).toEqual([]);
    await reopened.close();
  });

  it('reads a round-1 workspace opened read-only, migrating in memory and writing nothing', async () => {
    const dir = await copyOfFixture();
    const listing = async () => (await readdir(dir, { recursive: true })).sort();
    const before = await listing();
    const reader = await openWorkspace(dir, { collections: workspaceCollections, holder: 'test', readOnly: true });
    await expectEveryRoundOneRecord(reader);
    expect(reader.notices).toMatchObject([{ kind: 'migrated', message: expect.stringContaining('will be upgraded the next time') }]);
    await reader.close();
    expect(await listing()).toEqual(before);
    expect(await readFile(join(dir, 'annotations.json'), 'utf8')).toBe(await readFile(join(fixture, 'annotations.json'), 'utf8'));
  });
});
