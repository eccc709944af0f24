/**
 * What a zip-based file (DOCX now, QDPX and exchange bundles next) may hold. Checked against
 * the central directory before anything is inflated, and again while inflating, since the
 * directory's sizes are only what the file claims.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which an entry of at least `ratioFloorBytes` is a bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Word documents: text XML compresses 5-20x, even very repetitive tables stay under 100x;
 * a "zip bomb" reaches 1000x. Images embedded in a long report stay far below 256 MB.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/**
 * REFI-QDA projects (.qdpx): project.qde plus the sources (plain text, PDFs, pictures,
 * recordings). Plain text compresses well but even a transcript of one repeated phrase
 * stays below a few hundred to one; a bomb is far beyond.
 */
export const QDPX_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
};
