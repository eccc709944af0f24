import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { WorkbenchError } from '../api/errors.js';

/**
 * The anonymisation key: which real name became which pseudonym, per document. It is the
 * one thing that undoes the anonymisation outside the app, so it never goes into the
 * workspace (whose documents and records travel in bundles and sync): it is written to a
 * file the user chooses, outside the workspace folder, or handed back for the app to save.
 */
export const KEY_FORMAT = 'field-workbench-anonymisation-key';

const KeyEntrySchema = z.object({
  docId: z.string(),
  title: z.string(),
  anonymisedAt: z.string(),
  replacements: z.array(z.object({ real: z.string(), pseudonym: z.string(), count: z.number().int().nonnegative() })),
});
export type KeyEntry = z.infer<typeof KeyEntrySchema>;

const KeyFileSchema = z.object({ format: z.literal(KEY_FORMAT), version: z.literal(1), entries: z.array(KeyEntrySchema) });
type KeyFile = z.infer<typeof KeyFileSchema>;

export function keyText(entries: KeyEntry[]): string {
  const file: KeyFile = { format: KEY_FORMAT, version: 1, entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Checks where the key may go before anything is anonymised: not inside the workspace, in
 * a folder that exists, and not over a file that is not a key (an existing key gets the new
 * entry added). Answers the entries already in the file.
 */
export async function checkKeyPath(keyPath: string, workspaceDir: string): Promise<KeyEntry[]> {
  const target = path.resolve(keyPath);
  const [realWorkspace, realFolder] = await Promise.all([
    fs.realpath(workspaceDir).catch(() => path.resolve(workspaceDir)),
    fs.realpath(path.dirname(target)).catch(() => undefined),
  ]);
  if (realFolder === undefined) throw new WorkbenchError('BAD_REQUEST', `The key cannot be written to ${target}: its folder does not exist. Choose a file in an existing folder. Nothing was changed.`);
  if (isInside(realWorkspace, path.join(realFolder, path.basename(target)))) {
    throw new WorkbenchError('BAD_REQUEST', `The key must not be kept inside the workspace (${workspaceDir}): its contents travel with exchange bundles. Choose a file elsewhere. Nothing was changed.`);
  }
  let existing: string;
  try {
    existing = await fs.readFile(target, 'utf8');
  } catch {
    return [];
  }
  const parsed = KeyFileSchema.safeParse(safeJson(existing));
  if (!parsed.success) throw new WorkbenchError('CONFLICT', `${target} already exists and is not an anonymisation key; it was left alone. Choose another file name. Nothing was changed.`);
  return parsed.data.entries;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes the key beside itself, then renames it into place. */
export async function writeKeyFile(keyPath: string, entries: KeyEntry[]): Promise<void> {
  const target = path.resolve(keyPath);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, keyText(entries), { mode: 0o600 });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new WorkbenchError('IO', `The key could not be written to ${target} (${(error as Error).message}).`);
  }
}
