import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { WorkbenchError } from '../core/api/errors';

/**
 * The sync name and password, encrypted by the system keychain (Electron's safeStorage:
 * Keychain on macOS, DPAPI on Windows, the Secret Service on Linux) in a file of the app's
 * own, never in the workspace.
 */
const loginFile = () => join(app.getPath('userData'), 'sync-login.bin');

export async function saveSyncLogin(username: string, password: string): Promise<{ username: string }> {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new WorkbenchError('UNSUPPORTED', 'The system keychain is not available, so the password cannot be kept safely. Sync from the command line with WORKBENCH_SYNC_PASSWORD instead.');
  }
  await writeFile(loginFile(), safeStorage.encryptString(JSON.stringify({ username, password })), { mode: 0o600 });
  return { username };
}

export async function readSyncLogin(): Promise<{ username: string; password: string } | undefined> {
  const bytes = await readFile(loginFile()).catch(() => undefined);
  if (!bytes || !safeStorage.isEncryptionAvailable()) return undefined;
  try {
    const value = JSON.parse(safeStorage.decryptString(bytes)) as { username?: unknown; password?: unknown };
    return typeof value.username === 'string' && typeof value.password === 'string' ? { username: value.username, password: value.password } : undefined;
  } catch {
    // Encrypted by another account or machine: as if none were kept.
    await rm(loginFile(), { force: true });
    return undefined;
  }
}
