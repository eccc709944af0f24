import { createHash } from 'node:crypto';

/**
 * A UUID in version-4 format derived from a stable id, so exporting the same codebook twice
 * gives the same GUIDs and a QDA tool re-importing it recognises its codes.
 */
export function deterministicUuid(namespace: string, id: string): string {
  const bytes = createHash('sha256').update(`${namespace}\u0000${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
