import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Collection, defineCollection } from '../../../electron/core/store';
import type { StoreNotice } from '../../../electron/core/store';
import { workspaceCollections } from '../../../electron/core/store/workspace-collections';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

// A collection with a history: v1 stored tags as a comma-separated string, v2 as an array,
// v3 added a colour. Migrations chain from whatever version is on disk.
const notesV3 = defineCollection({
  name: 'notes',
  version: 3,
  schema: z.object({ notes: z.array(z.object({ text: z.string(), tags: z.array(z.string()), color: z.string() })) }),
  defaults: () => ({ notes: [] }),
  migrations: {
    1: (data) => ({
      notes: (data as { notes: Array<{ text: string; tags: string }> }).notes.map((note) => ({ text: note.text, tags: note.tags.split(',').filter(Boolean) })),
    }),
    2: (data) => ({
      notes: (data as { notes: Array<{ text: string; tags: string[] }> }).notes.map((note) => ({ ...note, color: 'yellow' })),
    }),
  },
});

describe('schema migrations', () => {
  it('migrates a v1 file to the current version, writes it back and tells the user', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ schemaVersion: 1, data: { notes: [{ text: 'Banjska', tags: 'security,north' }] } }));
    const notices: StoreNotice[] = [];
    const collection = await Collection.open(notesV3, dir, { readOnly: false, notify: (notice) => notices.push(notice) });
    expect(collection.get()).toEqual({ notes: [{ text: 'Banjska', tags: ['security', 'north'], color: 'yellow' }] });
    expect(notices.map((notice) => notice.kind)).toEqual(['migrated']);
    const onDisk = JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.data.notes[0].color).toBe('yellow');
  });

  it('migrates from an intermediate version', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ schemaVersion: 2, data: { notes: [{ text: 'KSF', tags: ['defence'] }] } }));
    const collection = await Collection.open(notesV3, dir, { readOnly: false, notify: () => {} });
    expect(collection.get().notes[0]).toEqual({ text: 'KSF', tags: ['defence'], color: 'yellow' });
  });

  it('refuses a definition with a gap in its migrations', () => {
    expect(() => defineCollection({ ...notesV3, migrations: { 1: notesV3.migrations[1]! } })).toThrow(/no migration from version 2/);
  });

  it('gives every workspace collection a migration for each version before its current one', () => {
    for (const definition of workspaceCollections) {
      for (let version = 1; version < definition.version; version++) expect(definition.migrations[version]).toBeTypeOf('function');
      expect(definition.schema.safeParse(definition.defaults()).success).toBe(true);
    }
  });
});
