import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace } from './collections';

const tempDir = useTempDirs();

describe('a journal replaced by other writers', () => {
  // Found by the racing-writers test in CI: ext4 hands a freed inode number to the next new
  // file, so after two compactions elsewhere the journal can have the inode this process
  // read before. Reading on from the old offset then missed changes, and this process's
  // next compaction wrote a snapshot without them.
  it('is read again whole after two compactions elsewhere, even when the new journal has the old inode number', async () => {
    const dir = await tempDir();
    const journal = join(dir, 'notes.journal');
    const setup = await openTestWorkspace(dir);
    for (let n = 0; n < 3; n++) await setup.transact((tx) => tx.put(notesCollection, { id: `before-${n}`, text: 'x', tags: [] }));
    await setup.close();
    // Keep a journal with a few lines for the late writer to read.
    const late = await openTestWorkspace(dir);
    const lateJournal = (await stat(journal)).ino;
    // This writer leaves its last lines in the journal when it closes (no tidying of small snapshots).
    const busy = await openTestWorkspace(dir, { compaction: { smallSnapshotBytes: 0 } });
    let written = 0;
    let reused = false;
    // Replace the journal by compactions until the file system hands back the late writer's inode number.
    for (let round = 0; round < 300 && !reused; round++) {
      await busy.transact((tx) => tx.put(notesCollection, { id: `busy-${written++}`, text: 'y', tags: [] }));
      await busy.compact(['notes']);
      reused = (await stat(journal)).ino === lateJournal;
    }
    // Enough lines after the last compaction that the new journal outgrows the late writer's offset.
    for (let n = 0; n < 6; n++) await busy.transact((tx) => tx.put(notesCollection, { id: `busy-${written++}`, text: 'a longer note, so the journal grows past the old offset', tags: [] }));
    await busy.close();

    await late.transact((tx) => tx.put(notesCollection, { id: 'late', text: 'z', tags: [] }));
    expect(late.records(notesCollection).size).toBe(3 + written + 1);
    await late.compact(['notes']);
    await late.close();

    const reader = await openTestWorkspace(dir, { readOnly: true });
    const ids = [...reader.records(notesCollection).all()].map((note) => note.id).sort();
    expect(ids).toEqual(['before-0', 'before-1', 'before-2', ...Array.from({ length: written }, (_, n) => `busy-${n}`), 'late'].sort());
    await reader.close();
  });
});
