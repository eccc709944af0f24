import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_FILE } from './workspace-paths.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file's SHA-256, read a megabyte at a time: a recording can be far larger than worth holding. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The version of a document folder's content: the SHA-256 of its `document.json` and of its original file. */
export async function folderContentVersion(dir: string, originalFile: string): Promise<{ record: string; original: string }> {
  const [record, original] = await Promise.all([sha256File(path.join(dir, DOCUMENT_FILE)), sha256File(path.join(dir, originalFile))]);
  return { record, original };
}

/** Imported document ids: `imp-` and the first 12 hex digits of the content hash. */
export function importedDocumentId(contentHash: string, copy = 1): string {
  const base = `imp-${contentHash.slice(0, 12)}`;
  return copy > 1 ? `${base}-${copy}` : base;
}
