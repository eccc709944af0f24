import { promises as fs } from 'node:fs';
import path from 'node:path';
import { folderContentVersion, sha256File } from '../content-hash.js';
import type { ImportedDocumentRecord } from '../document-record.js';
import { documentDir } from '../workspace-paths.js';
import type { ImportContext } from './import-context.js';

/** What anonymising writes as the original: a rewritten text original, or the anonymised text of a Word one. */
const TEXT_ORIGINAL = /\.(txt|md)$/i;
/** The most a text original can be (the import's text limit, with room): larger ones are not looked at. */
const MAX_TEXT_ORIGINAL_BYTES = 32 * 1024 * 1024;

/**
 * Documents anonymised before library records named their content version: the original is
 * text that no longer hashes to the content hash, and the record says nothing of it, so the
 * rewrite would never reach colleagues (and a new colleague's check would refuse the
 * files). Their record takes the version the folder holds, once, on a writable open; a new
 * revision, so the anonymised files go out with the next bundle or sync. Only text
 * originals are hashed (what anonymising writes), so opening a library of PDFs costs nothing.
 */
export async function stampRewrittenContent(context: ImportContext, loaded: ReadonlyMap<string, ImportedDocumentRecord>): Promise<string[]> {
  if (context.workspace.readOnly) return [];
  const stamped: string[] = [];
  for (const record of context.library.list()) {
    const imported = loaded.get(record.id);
    if (record.content || !imported || imported.document.media || !TEXT_ORIGINAL.test(imported.originalFile)) continue;
    const dir = documentDir(context.workspace.dir, record.id);
    const original = path.join(dir, imported.originalFile);
    const size = await fs.stat(original).then((stat) => stat.size, () => undefined);
    if (size === undefined || size > MAX_TEXT_ORIGINAL_BYTES) continue;
    if ((await sha256File(original)) === record.contentHash) continue;
    await context.library.setContent(record.id, { title: record.title, fileName: record.fileName, content: await folderContentVersion(dir, imported.originalFile) });
    stamped.push(record.id);
  }
  return stamped;
}
