import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFileDurably, timestampForFileName, writeFileDurably } from './durable-file';

/**
 * Rolling backups: `backups/<name>/<time>.json`, newest kept. A collection's snapshot is
 * copied here each time it is compacted (so the newest backup plus the journal is the
 * whole collection), the identity file whenever it changes. Round-1 files are copied to
 * `backups/round-1-<time>/` before a migration touches them.
 */
export const backupsToKeep = 5;

export function backupDir(workspaceDir: string, name: string): string {
  return join(workspaceDir, 'backups', name);
}

/** A copy of a file as the newest backup of `name`. */
export function backupFile(workspaceDir: string, name: string, source: string, now = new Date()): Promise<string> {
  return writeBackup(workspaceDir, name, now, (path) => copyFileDurably(source, path));
}

/** Some text as the newest backup of `name`. */
export function backupText(workspaceDir: string, name: string, text: string, now = new Date()): Promise<string> {
  return writeBackup(workspaceDir, name, now, (path) => writeFileDurably(path, text));
}

async function writeBackup(workspaceDir: string, name: string, now: Date, write: (path: string) => Promise<void>): Promise<string> {
  const dir = backupDir(workspaceDir, name);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${timestampForFileName(now)}.json`);
  await write(path);
  await prune(dir);
  return path;
}

async function prune(dir: string): Promise<void> {
  const names = (await listBackupNames(dir)).slice(backupsToKeep);
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
}

/** Newest first. */
async function listBackupNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort().reverse();
  } catch {
    return [];
  }
}

export async function listBackups(workspaceDir: string, name: string): Promise<Array<{ path: string; read: () => Promise<string> }>> {
  const dir = backupDir(workspaceDir, name);
  return (await listBackupNames(dir)).map((file) => {
    const path = join(dir, file);
    return { path, read: () => readFile(path, 'utf8') };
  });
}
