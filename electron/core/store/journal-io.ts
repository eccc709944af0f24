import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder, timestampForFileName, writeFileDurably } from './durable-file';
import { parseJournal, type ParsedJournal } from './journal-format';

/** Reading a journal from an offset, and the repairs only a lock holder may make. */

export interface JournalRead {
  ino: number;
  size: number;
  parsed: ParsedJournal;
}

/** The journal's lines from `offset` on; undefined when the journal does not exist. */
export async function readJournalFrom(path: string, offset: number): Promise<JournalRead | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { ino, size } = await handle.stat();
    const length = Math.max(0, size - offset);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { ino, size: offset + read, parsed: parseJournal(bytes.subarray(0, read), offset) };
  } finally {
    await handle.close();
  }
}

/** Where bytes cut from a journal are kept: `<collection>.journal.torn-<time>`. Never deleted by the app. */
export function tornFilePath(journalPath: string, now = new Date()): string {
  return `${journalPath}.torn-${timestampForFileName(now)}`;
}

/**
 * Moves the bytes from `from` to the end of the journal into a torn file, then truncates the
 * journal there. The copy is durable before the journal shrinks, so the bytes are never
 * only in memory.
 */
export async function cutJournalTail(journalPath: string, from: number): Promise<{ movedTo: string; bytes: number }> {
  const whole = await readFile(journalPath);
  const tail = whole.subarray(from);
  const movedTo = tornFilePath(journalPath);
  await writeFileDurably(movedTo, tail);
  await truncateJournal(journalPath, from);
  syncFolder(dirname(journalPath));
  return { movedTo, bytes: tail.length };
}

/**
 * Takes damaged lines out of the middle of a journal: they go to a torn file, and the
 * journal is rewritten without them (temporary file and rename, so it is whole either way).
 */
export async function removeJournalRanges(journalPath: string, ranges: ReadonlyArray<{ start: number; end: number }>): Promise<{ movedTo: string; size: number }> {
  const whole = await readFile(journalPath);
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const removed: Buffer[] = [];
  const kept: Buffer[] = [];
  let position = 0;
  for (const range of sorted) {
    kept.push(whole.subarray(position, range.start));
    removed.push(whole.subarray(range.start, range.end));
    position = range.end;
  }
  kept.push(whole.subarray(position));
  const movedTo = tornFilePath(journalPath);
  await writeFileDurably(movedTo, Buffer.concat(removed));
  const rest = Buffer.concat(kept);
  await writeFileDurably(journalPath, rest);
  return { movedTo, size: rest.length };
}

/** Cuts the journal back to `size` bytes, durably (a failed append undone, a torn tail set aside). */
export async function truncateJournal(journalPath: string, size: number): Promise<void> {
  const handle = await open(journalPath, 'r+');
  try {
    await handle.truncate(size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
