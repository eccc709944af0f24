import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Imported document ids: `imp-` and the first 12 hex digits of the content hash. */
export function importedDocumentId(contentHash: string, copy = 1): string {
  const base = `imp-${contentHash.slice(0, 12)}`;
  return copy > 1 ? `${base}-${copy}` : base;
}
