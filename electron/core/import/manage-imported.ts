import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { WorkbenchError } from '../api/errors.js';
import { documentKinds, type CorpusDocument } from '../corpus/schema.js';
import { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from './document-record.js';
import { applyMetadataEdits, isMetadataField, type MetadataEdit } from '../metadata/edits.js';
import { DOCUMENT_FILE, TEMP_PREFIX, TRASH_PREFIX, documentDir, documentsDir } from './workspace-paths.js';

export async function readImportedDocument(workspaceDir: string, docId: string): Promise<ImportedDocumentRecord> {
  const file = path.join(documentDir(workspaceDir, docId), DOCUMENT_FILE);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    throw new WorkbenchError('NOT_FOUND', `The imported document ${docId} is not in this workspace. It may have been removed.`, { docId });
  }
  const parsed = ImportedDocumentRecordSchema.safeParse(safeJson(raw));
  if (!parsed.success) {
    throw new WorkbenchError('CORRUPT', `The saved data of imported document ${docId} is damaged. Remove the document and import its file again.`, { docId });
  }
  return parsed.data;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Removes an imported document's folder. It is first renamed out of the way, so a removal
 * interrupted halfway never leaves a half-deleted document that looks whole.
 */
export async function removeImportedDocument(workspaceDir: string, docId: string): Promise<void> {
  const dir = documentDir(workspaceDir, docId);
  const trash = path.join(documentsDir(workspaceDir), `${TRASH_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await fs.rename(dir, trash);
  } catch {
    throw new WorkbenchError('NOT_FOUND', `The imported document ${docId} is not in this workspace; there is nothing to remove.`, { docId });
  }
  await fs.rm(trash, { recursive: true, force: true });
}

/** Removes leftovers of imports or removals that a crash interrupted. */
export async function cleanupInterruptedImports(workspaceDir: string): Promise<string[]> {
  const root = documentsDir(workspaceDir);
  const entries = await fs.readdir(root).catch(() => [] as string[]);
  const leftovers = entries.filter((name) => name.startsWith(TEMP_PREFIX) || name.startsWith(TRASH_PREFIX));
  await Promise.all(leftovers.map((name) => fs.rm(path.join(root, name), { recursive: true, force: true })));
  return leftovers;
}

/** What a person may edit about an imported document. `null` clears an optional field. */
export const ImportedMetadataPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'The title cannot be empty.').max(500),
    subtitle: z.string().trim().max(500).nullable(),
    authors: z.array(z.string().trim().min(1)).max(200),
    editors: z.array(z.string().trim().min(1)).max(200),
    publishers: z.array(z.string().trim().min(1)).max(50),
    year: z.number().int().min(1000).max(2200).nullable(),
    isbn: z.string().trim().regex(/^[0-9Xx-]{10,17}$/, 'An ISBN has 10 or 13 digits.').nullable(),
    kind: z.enum(documentKinds),
    language: z.string().trim().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language code such as “en” or “sq”.'),
    note: z.string().max(5000).nullable(),
  })
  .partial()
  .strict();
export type ImportedMetadataPatch = z.infer<typeof ImportedMetadataPatchSchema>;

/** Applies a metadata edit and rewrites document.json atomically (temp file, then rename). */
export async function updateImportedMetadata(workspaceDir: string, docId: string, patch: unknown): Promise<CorpusDocument> {
  const parsed = ImportedMetadataPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'patch'}: ${i.message}`).join('; ');
    throw new WorkbenchError('BAD_REQUEST', `The document details could not be saved: ${problems}.`, { issues: parsed.error.issues });
  }
  const record = await readImportedDocument(workspaceDir, docId);
  // Bibliographic fields become the user's, with that provenance; kind, language and note are plain settings.
  const editedAt = new Date().toISOString();
  const edits = Object.entries(parsed.data).flatMap(([field, value]) =>
    isMetadataField(field) && JSON.stringify(value) !== JSON.stringify((record.document as Record<string, unknown>)[field] ?? null)
      ? [{ field, value: value as MetadataEdit['value'], editedAt }]
      : [],
  );
  const document: Record<string, unknown> = { ...applyMetadataEdits(record.document, edits) };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (isMetadataField(key)) continue;
    if (value === null) delete document[key];
    else document[key] = value;
  }
  const updated: ImportedDocumentRecord = { ...record, document: document as CorpusDocument };
  const validated = ImportedDocumentRecordSchema.parse(updated);
  const file = path.join(documentDir(workspaceDir, docId), DOCUMENT_FILE);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, JSON.stringify(validated, null, 1));
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new WorkbenchError('IO', `The details of “${record.document.title}” could not be saved (${(error as Error).message}). Check the workspace folder is writable and try again.`, { docId });
  }
  return validated.document;
}
