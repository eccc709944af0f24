import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbenchError } from '../api/errors';

/**
 * lowdb is single-process, so one process at a time may write a workspace: the app holds
 * this lock for its lifetime, the CLI only while a writing command runs. A lock left by a
 * process that no longer exists is taken over.
 */
export interface LockInfo {
  pid: number;
  holder: string;
  since: string;
}

export const lockFileName = '.workbench.lock';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

export function acquireWorkspaceLock(workspaceDir: string, holder: string): () => void {
  const path = join(workspaceDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const info: LockInfo = { pid: process.pid, holder, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = readLock(path);
      if (existing && isProcessAlive(existing.pid)) {
        throw new WorkbenchError(
          'LOCKED',
          `The workspace ${workspaceDir} is open in ${existing.holder} (process ${existing.pid}) since ${existing.since}. Close it there and try again.`,
          existing,
        );
      }
      // Stale lock (its process is gone, or the file is unreadable): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new WorkbenchError('LOCKED', `Could not lock the workspace ${workspaceDir}. Try again.`);
}
