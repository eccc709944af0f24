import { z } from 'zod';
import type { ZipLimits } from '../zip/zip-limits';

/**
 * An exchange bundle is a zip:
 *
 *   manifest.json           who exported what, from which project, at which schema versions
 *   records.jsonl           one line per record: every leaf of its revision tree (the winner,
 *                           conflicting branches, tombstones) with ancestry, author and time
 *   documents/<id>/<file>   the imported documents the library records point at, so quotes anchor
 *
 * Revisions travel as they are, so merging is CouchDB's `new_edits: false`: the same
 * revision is the same everywhere, and merging twice changes nothing.
 */
export const bundleFormat = 'field-workbench-exchange';
export const bundleFormatVersion = 1;
export const manifestName = 'manifest.json';
export const recordsName = 'records.jsonl';
export const documentsPrefix = 'documents/';

const userId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const revision = z.string().regex(/^[1-9][0-9]*-[0-9a-f]{32}$/);

export const BundleManifestSchema = z.object({
  format: z.literal(bundleFormat),
  formatVersion: z.number().int().positive(),
  projectId: z.string().min(1).max(200),
  exportedBy: z.object({ id: userId, name: z.string().trim().min(1).max(200) }),
  exportedAt: z.string(),
  /** The change-feed position the export started after (0: everything), and where it ended. */
  since: z.union([z.number().int().nonnegative(), z.string()]),
  lastSeq: z.number().int().nonnegative(),
  /** Each collection's record schema version. */
  collections: z.record(z.string(), z.number().int().positive()),
  records: z.number().int().nonnegative(),
  documents: z.array(z.string().regex(/^imp-[a-z0-9]+(?:-[0-9]+)?$/)),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

export const BundleLeafSchema = z.object({
  rev: revision,
  revisions: z.array(revision).min(1).max(1000),
  deleted: z.literal(true).optional(),
  author: z.string().min(1).max(200),
  at: z.string().min(1).max(100),
  record: z.unknown().optional(),
});
export type BundleLeaf = z.infer<typeof BundleLeafSchema>;

export const BundleRecordSchema = z.object({
  collection: z.string().regex(/^[a-z][a-z0-9-]*$/),
  id: z.string().min(1).max(500),
  leaves: z.array(BundleLeafSchema).min(1).max(1000),
});
export type BundleRecord = z.infer<typeof BundleRecordSchema>;

/** One file of an imported document, as read from the bundle. */
export interface BundleDocumentFile {
  docId: string;
  name: string;
  bytes: Uint8Array;
}

/** What the worker hands back: checked for shape, not yet for meaning (project, versions, records). */
export interface ParsedBundle {
  manifest: BundleManifest;
  records: BundleRecord[];
  documents: BundleDocumentFile[];
}

/**
 * A bundle of a large project: 100,000 records compress well (JSON, ~20x), documents are
 * the imported originals (PDFs up to a few hundred MB together).
 */
export const BUNDLE_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** The biggest bundle file read at all. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;
