import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import JSZip from 'jszip';
import { WorkbenchError } from '../api/errors';
import { toLeaf, type AnyCollectionDefinition, type Workspace } from '../store';
import type { StageProgress } from './merge-bundle';
import { bundleFormat, bundleFormatVersion, documentsPrefix, manifestName, recordsName, type BundleLeaf, type BundleManifest, type BundleRecord } from './bundle-format';

export interface ExportBundleOptions {
  out: string;
  /** A change-feed position (what the previous bundle's `lastSeq` was) or an ISO date: only records changed after it. */
  since?: number | string;
  /** Where an imported document's files are (the import area's folder for it). */
  documentDir: (docId: string) => string;
  /** The collection whose records are imported documents (their files travel with them). */
  libraryCollection: string;
  onProgress?: StageProgress;
}

export interface ExportBundleResult {
  file: string;
  records: number;
  documents: number;
  /** Give this as `--since` next time to send only what changed after this bundle. */
  lastSeq: number;
  bytes: number;
}

/**
 * Writes an exchange bundle of the workspace's records in the given collections: every
 * leaf of each record's revision tree (so conflicts and tombstones travel), and the files of
 * the imported documents among them. The zip is written beside its target and renamed into
 * place, so a bundle on disk is always whole.
 */
export async function exportBundle(workspace: Workspace, collections: readonly AnyCollectionDefinition[], options: ExportBundleOptions): Promise<ExportBundleResult> {
  const sinceSeq = typeof options.since === 'number' ? options.since : 0;
  const sinceDate = typeof options.since === 'string' ? Date.parse(options.since) : undefined;
  if (sinceDate !== undefined && Number.isNaN(sinceDate)) {
    throw new WorkbenchError('BAD_REQUEST', `--since takes a sequence number (the last bundle's lastSeq) or a date such as 2026-12-01, not “${options.since}”.`);
  }
  const byName = new Map(collections.map((definition) => [definition.name, definition]));
  const feed = workspace.changes(sinceSeq, { collections: [...byName.keys()] });
  const lines: string[] = [];
  const documentIds: string[] = [];
  for (const change of feed.results) {
    const stored = workspace.records(byName.get(change.collection)!).entry(change.id);
    if (!stored) continue;
    const leaves: BundleLeaf[] = [toLeaf(stored), ...(stored.conflicts ?? [])];
    if (sinceDate !== undefined && !leaves.some((leaf) => Date.parse(leaf.at) > sinceDate)) continue;
    const record: BundleRecord = { collection: change.collection, id: change.id, leaves };
    lines.push(JSON.stringify(record));
    if (change.collection === options.libraryCollection && !stored.deleted) documentIds.push(change.id);
  }

  options.onProgress?.({ stage: 'records', done: lines.length, total: lines.length });
  const zip = new JSZip();
  const documents: string[] = [];
  for (const [index, docId] of documentIds.entries()) {
    options.onProgress?.({ stage: 'documents', done: index, total: documentIds.length });
    const dir = options.documentDir(docId);
    const names = await readdir(dir).catch(() => undefined);
    // A library entry whose folder is gone (a damaged workspace) travels without it: the
    // receiver sees it listed as damaged, as here.
    if (!names) continue;
    for (const name of names) {
      if (name.startsWith('.')) continue;
      zip.file(`${documentsPrefix}${docId}/${name}`, await readFile(join(dir, name)), { binary: true });
    }
    documents.push(docId);
  }
  const manifest: BundleManifest = {
    format: bundleFormat,
    formatVersion: bundleFormatVersion,
    projectId: workspace.identity.projectId,
    exportedBy: { id: workspace.user.id, name: workspace.user.name },
    exportedAt: new Date().toISOString(),
    since: options.since ?? 0,
    lastSeq: feed.lastSeq,
    collections: Object.fromEntries(collections.map((definition) => [definition.name, definition.version])),
    records: lines.length,
    documents,
  };
  zip.file(manifestName, `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(recordsName, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  options.onProgress?.({ stage: 'writing', done: 0, total: 100 });
  // JSZip reports how far compression is: a big bundle's longest step.
  let shown = 0;
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }, ({ percent }) => {
    if (Math.floor(percent) >= shown + 5) {
      shown = Math.floor(percent);
      options.onProgress?.({ stage: 'writing', done: shown, total: 100 });
    }
  });
  const temp = join(dirname(options.out), `.${basename(options.out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, options.out);
  } catch (error) {
    throw new WorkbenchError('IO', `The bundle could not be written to “${options.out}” (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose a folder you can write to.`);
  }
  return { file: options.out, records: lines.length, documents: documents.length, lastSeq: feed.lastSeq, bytes: bytes.length };
}
