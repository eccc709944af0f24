import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Rolling backups: backups/<collection>/<timestamp>.json, newest kept. */
export const backupsToKeep = 5;

export function backupDir(workspaceDir: string, collection: string): string {
  return join(workspaceDir, 'backups', collection);
}

function timestampName(date: Date): string {
  return `${date.toISOString().replace(/[:.]/g, '-')}.json`;
}

export async function writeBackup(workspaceDir: string, collection: string, text: string, now = new Date()): Promise<string> {
  const dir = backupDir(workspaceDir, collection);
  await mkdir(dir, { recursive: true });
  const path = join(dir, timestampName(now));
  await writeFile(path, text, 'utf8');
  const names = (await listBackupNames(dir)).slice(backupsToKeep);
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
  return path;
}

/** Newest first. */
async function listBackupNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort().reverse();
  } catch {
    return [];
  }
}

export async function listBackups(workspaceDir: string, collection: string): Promise<Array<{ path: string; read: () => Promise<string> }>> {
  const dir = backupDir(workspaceDir, collection);
  return (await listBackupNames(dir)).map((name) => {
    const path = join(dir, name);
    return { path, read: () => readFile(path, 'utf8') };
  });
}
