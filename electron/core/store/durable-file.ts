import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { copyFile, open, readFile, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * File writes that survive a crash or a power cut at any moment: the bytes reach the disk
 * (fsync) before the rename makes them visible, and the folder entry is synced after it.
 */

/** Writes `text` to `path` atomically: a temporary file beside it, fsync, rename, fsync of the folder. */
export async function writeFileDurably(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Copies a file and syncs the copy: a backup or a set-aside file is kept for real. */
export async function copyFileDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  syncFolder(dirname(to));
}

/** fsync of a folder makes renames and new files in it durable (a no-op where unsupported). */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for sync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function readBytesIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function statIfExists(path: string): Promise<{ ino: number; size: number } | undefined> {
  try {
    const info = await stat(path);
    return { ino: info.ino, size: info.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The same, synchronously: a write checks every journal for other writers' appends while it
 * holds the lock, and eight stat calls cost less than one trip through the thread pool.
 */
export function statIfExistsSync(path: string): { ino: number; size: number } | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? { ino: info.ino, size: info.size } : undefined;
}

/** Up to this many bytes are appended without a trip through the thread pool (see `append`). */
const directWriteBytes = 64 * 1024;

/**
 * How long a journal's fsyncs usually take decides where they are made. On a quick disk an
 * fsync takes a fifth of a millisecond, less than the thread pool's round trip around it
 * (handing the call to a pool thread, then waking the event loop), whose wake-ups on a busy or
 * virtual machine also make a save's slow tail: so it is made on the event loop. A disk whose
 * fsyncs take milliseconds (a network folder, a spinning disk) would hold up everything else
 * the process does, so there they go to the thread pool. Two limits, so that a disk near one
 * of them does not switch at every save.
 */
export const syncOnLoop = { slowerThanMs: 2, quickerThanMs: 1 } as const;

/** The typical time of an fsync, followed over the recent ones (each counts for a quarter). */
export class SyncTimes {
  private typical = 0;
  private onLoop = true;

  note(ms: number): void {
    this.typical = this.typical === 0 ? ms : this.typical * 0.75 + ms * 0.25;
    if (this.onLoop && this.typical > syncOnLoop.slowerThanMs) this.onLoop = false;
    else if (!this.onLoop && this.typical < syncOnLoop.quickerThanMs) this.onLoop = true;
  }

  /** 0 until the first fsync is measured. */
  get typicalMs(): number {
    return this.typical;
  }

  /** True while fsyncs are quick enough to be waited for on the event loop. */
  get quick(): boolean {
    return this.onLoop;
  }
}

/**
 * An append-only file kept open between writes. `append` resolves once the bytes are on
 * disk (fdatasync, which also syncs the new length).
 */
export class AppendFile {
  readonly syncTimes = new SyncTimes();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly ino: number,
  ) {}

  static async open(path: string): Promise<AppendFile> {
    const existed = (await statIfExists(path)) !== undefined;
    const handle = await open(path, 'a');
    const info = await handle.stat();
    // A new file's folder entry must be durable too, or a crash could lose the whole file.
    if (!existed) syncFolder(dirname(path));
    return new AppendFile(path, handle, info.ino);
  }

  /**
   * Appends and fsyncs. `whileSyncing` runs once the bytes are written and before they are
   * known to be on disk: during the fsync when it is made in the thread pool, just before it
   * when it is made here. What it throws is ignored.
   */
  async append(text: string, whileSyncing?: () => void): Promise<number> {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > directWriteBytes) {
      // Not timed: a large batch's fsync takes as long as its bytes take to write, which says
      // nothing of how long a save's would.
      await this.handle.appendFile(bytes);
      const synced = this.handle.datasync();
      runAhead(whileSyncing);
      await synced;
      return bytes.length;
    }
    // A small write only copies into the page cache: done here, it saves a round trip
    // through the thread pool on every save (a sixth of a save's time).
    let written = 0;
    while (written < bytes.length) written += writeSync(this.handle.fd, bytes, written, bytes.length - written);
    if (this.syncTimes.quick) {
      runAhead(whileSyncing);
      const started = performance.now();
      fdatasyncSync(this.handle.fd);
      this.syncTimes.note(performance.now() - started);
      return bytes.length;
    }
    const synced = this.syncInThreadPool();
    runAhead(whileSyncing);
    await synced;
    return bytes.length;
  }

  /** An fsync in the thread pool, timed from the call to its answer: the time a save waits for it. */
  private async syncInThreadPool(): Promise<void> {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => fdatasync(this.handle.fd, (error) => (error ? reject(error) : resolve())));
    this.syncTimes.note(performance.now() - started);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Work done ahead of a write's durability is only an optimisation: the write must not fail because of it. */
function runAhead(work: (() => void) | undefined): void {
  try {
    work?.();
  } catch {
    // Ignored, as said above.
  }
}

export function timestampForFileName(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
