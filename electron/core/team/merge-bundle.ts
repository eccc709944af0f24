import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../api/errors';
import { generation, type AnyCollectionDefinition, type Workspace } from '../store';
import type { DocumentFile, DocumentFilesFace } from '../import';
import { applyReceived, type ReceivedCounts } from './apply-received';
import { followNewerContent, type ReplacedDocument } from './newer-content';
import { bundleFormatVersion, type ParsedBundle } from './bundle-format';
import { stageUser, usersCollection } from './users';
import type { TeamProgressEvent } from './methods';

export type StageProgress = (progress: Omit<TeamProgressEvent, 'operation'>) => void;

export interface MergeResult extends ReceivedCounts {
  /** Imported documents whose files came with the bundle. */
  documents: number;
  /** Documents already here whose files a newer version replaced (anonymised, corrected since): see `ReplacedDocument`. */
  replacedDocuments: ReplacedDocument[];
  from: { id: string; name: string };
}

export interface MergeOptions {
  fileName: string;
  documentsDir: string;
  /** The library collection: its records name the documents whose files the bundle carries. */
  libraryCollection: string;
  /** Join the bundle's project if this workspace holds no project records yet (a new member's first merge). */
  join?: boolean;
  /** Told which library records changed, once the merge is on disk (the import area loads or drops them). */
  onLibraryReceived?: (docIds: string[]) => Promise<void>;
  onProgress?: StageProgress;
  /** Why a document's files cannot be the document of its library record (the import area's check), or undefined. */
  documentProblem?: (docId: string, libraryRecord: unknown, files: readonly DocumentFile[]) => string | undefined;
  /** The import area's files, to bring a document already here to the version the merge makes its library record name. */
  documentFiles?: Pick<DocumentFilesFace, 'holds' | 'replace' | 'problem'>;
}

/**
 * Brings a colleague's bundle in: every revision it carries is inserted as CouchDB does with
 * `new_edits: false`, in one transaction. A bundle from another project, from a newer
 * Field Workbench, or with any record that does not fit is refused with nothing changed.
 */
export async function mergeBundle(workspace: Workspace, collections: readonly AnyCollectionDefinition[], bundle: ParsedBundle, options: MergeOptions): Promise<MergeResult> {
  const { manifest } = bundle;
  const { fileName } = options;
  options.onProgress?.({ stage: 'checking' });
  if (manifest.formatVersion > bundleFormatVersion) {
    throw new WorkbenchError('CONFLICT', `“${fileName}” was exported by a newer Field Workbench (bundle format ${manifest.formatVersion}; this version reads ${bundleFormatVersion}). Update the app, then merge it; nothing was merged.`, { fileName, reason: 'newer-format' });
  }
  const byName = new Map(collections.map((definition) => [definition.name, definition]));
  // Who the user is does not make a project: a new member names themselves before joining.
  const holdsRecords = collections.some((definition) => definition.name !== usersCollection.name && workspace.changes(0, { collections: [definition.name], limit: 1 }).results.length > 0);
  if (manifest.projectId !== workspace.identity.projectId && options.join && holdsRecords) {
    throw new WorkbenchError(
      'CONFLICT',
      `This workspace already holds work of its own project (${workspace.identity.projectId}), so it cannot join ${manifest.projectId}. Join with a new, empty workspace (--workspace DIR); nothing was merged.`,
      { fileName },
    );
  }
  if (manifest.projectId !== workspace.identity.projectId && !options.join) {
    throw new WorkbenchError(
      'CONFLICT',
      `“${fileName}” belongs to another project (${manifest.projectId}; this workspace is ${workspace.identity.projectId}). Only bundles of the same project can be merged${holdsRecords ? '' : ' (to join that project with this empty workspace, merge with --join)'}; nothing was merged.`,
      // The app offers to join instead when it can.
      { fileName, reason: 'other-project', canJoin: !holdsRecords },
    );
  }
  for (const [name, version] of Object.entries(manifest.collections)) {
    const local = byName.get(name);
    if (!local || version > local.version) {
      throw new WorkbenchError(
        'CONFLICT',
        `“${fileName}” holds ${name} records of a newer schema (${local ? `version ${version}; this app reads up to ${local.version}` : 'a kind this app does not know'}). Update the app, then merge it; nothing was merged.`,
        { fileName },
      );
    }
    if (version < local.version) {
      throw new WorkbenchError('CONFLICT', `“${fileName}” holds ${name} records of an older schema (version ${version}; this app writes ${local.version}). Ask ${manifest.exportedBy.name} to update the app and export again; nothing was merged.`, { fileName });
    }
  }
  for (const record of bundle.records) {
    if (manifest.collections[record.collection] === undefined) {
      throw new WorkbenchError('CORRUPT', `“${fileName}” holds a ${record.collection} record its manifest does not declare; nothing was merged.`, { fileName });
    }
  }

  // The documents' files are checked as sync checks them (names, sizes, the original's content hash) before anything is written.
  for (const docId of manifest.documents) {
    const record = bundle.records.find((candidate) => candidate.collection === options.libraryCollection && candidate.id === docId);
    // The files are those of the exporter's winning version: one of the live leaves.
    const live = record?.leaves.filter((leaf) => !leaf.deleted).sort((a, b) => generation(b.rev) - generation(a.rev)) ?? [];
    const files = bundle.documents.filter((file) => file.docId === docId);
    const problems = live.map((leaf) => options.documentProblem?.(docId, leaf.record, files));
    const problem = live.length === 0 ? 'its library record is missing' : problems.includes(undefined) ? undefined : problems[0];
    if (problem) throw new WorkbenchError('CORRUPT', `“${fileName}” carries the document ${docId}, but ${problem}. Ask ${manifest.exportedBy.name} to export again; nothing was merged.`, { fileName, docId });
  }

  const joining = manifest.projectId !== workspace.identity.projectId;
  const placed = await placeDocuments(bundle, options.documentsDir, fileName, options.onProgress);
  let result: MergeResult;
  try {
    options.onProgress?.({ stage: 'records', done: 0, total: bundle.records.length });
    result = await workspace.transact((tx) => {
      const counts = applyReceived(tx, byName, bundle.records);
      // The exporter is named on their records; make sure the name is known here.
      if (!tx.get(usersCollection, manifest.exportedBy.id)) stageUser(tx, manifest.exportedBy);
      return { ...counts, documents: placed.length, replacedDocuments: [] as ReplacedDocument[], from: manifest.exportedBy };
    });
  } catch (error) {
    await Promise.all(placed.map((docId) => rm(join(options.documentsDir, docId), { recursive: true, force: true })));
    throw error;
  }
  if (joining) await workspace.joinProject(manifest.projectId);
  const library = byName.get(options.libraryCollection);
  result.replacedDocuments =
    library && options.documentFiles
      ? await followNewerContent(
          manifest.documents.filter((docId) => !placed.includes(docId)),
          (docId) => workspace.records(library).entry(docId),
          (docId) => bundle.documents.filter((file) => file.docId === docId),
          options.documentFiles,
        )
      : [];
  const libraryIds = bundle.records.filter((record) => record.collection === options.libraryCollection).map((record) => record.id);
  if (libraryIds.length > 0) {
    options.onProgress?.({ stage: 'loading', done: 0, total: libraryIds.length });
    await options.onLibraryReceived?.(libraryIds);
  }
  return result;
}

/**
 * Writes the bundle's documents that this workspace lacks into `documents/<id>/` (through a
 * temporary folder, renamed into place). Documents already here are left as they are: an
 * imported document's files never change after import. Returns the ids placed.
 */
async function placeDocuments(bundle: ParsedBundle, documentsDir: string, fileName: string, onProgress?: StageProgress): Promise<string[]> {
  const placed: string[] = [];
  try {
    for (const [index, docId] of bundle.manifest.documents.entries()) {
      onProgress?.({ stage: 'documents', done: index, total: bundle.manifest.documents.length });
      const target = join(documentsDir, docId);
      if (await stat(target).then(() => true, () => false)) continue;
      const files = bundle.documents.filter((file) => file.docId === docId);
      const temp = join(documentsDir, `.tmp-merge-${randomBytes(6).toString('hex')}`);
      await mkdir(temp, { recursive: true });
      for (const file of files) await writeFile(join(temp, file.name), file.bytes);
      await rename(temp, target);
      placed.push(docId);
    }
  } catch (error) {
    await Promise.all(placed.map((docId) => rm(join(documentsDir, docId), { recursive: true, force: true })));
    throw new WorkbenchError('IO', `The documents in “${fileName}” could not be written into the workspace (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was merged.`);
  }
  return placed;
}
