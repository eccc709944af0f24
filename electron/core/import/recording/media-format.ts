import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';

/** The recordings the workbench imports, by extension, with the type the player is served. */
export const MEDIA_EXTENSIONS: Record<string, { mimeType: string; video: boolean }> = {
  '.wav': { mimeType: 'audio/wav', video: false },
  '.mp3': { mimeType: 'audio/mpeg', video: false },
  '.m4a': { mimeType: 'audio/mp4', video: false },
  '.ogg': { mimeType: 'audio/ogg', video: false },
  '.oga': { mimeType: 'audio/ogg', video: false },
  '.opus': { mimeType: 'audio/ogg', video: false },
  '.webm': { mimeType: 'video/webm', video: true },
  '.mp4': { mimeType: 'video/mp4', video: true },
};

export function isMediaFileName(fileName: string): boolean {
  return path.extname(fileName).toLowerCase() in MEDIA_EXTENSIONS;
}

export type MediaContainer = 'wav' | 'mp3' | 'mp4' | 'ogg' | 'webm';

/**
 * The container a recording's first bytes announce. A file named like a recording whose
 * bytes say otherwise (a text file renamed to .mp3) is refused before any parser sees it.
 */
export function detectMediaContainer(fileName: string, head: Uint8Array): MediaContainer {
  const ascii = (from: number, to: number) => new TextDecoder('latin1').decode(head.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  // MP3: an ID3 tag, or an MPEG audio frame sync (11 bits set) at the start.
  if (ascii(0, 3) === 'ID3' || (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0)) return 'mp3';
  throw new WorkbenchError(
    'CORRUPT',
    `“${fileName}” is named like a recording but is not audio or video the workbench knows (WAV, MP3, M4A/MP4, Ogg, WebM). It may be another kind of file renamed, or damaged; import the original recording.`,
    { fileName },
  );
}

/** The extension the copy in the document folder gets: the container's, not the user's spelling. */
export function mediaExtension(container: MediaContainer, fileName: string): string {
  const own = path.extname(fileName).toLowerCase().slice(1);
  if (container === 'mp4') return own === 'm4a' ? 'm4a' : 'mp4';
  if (container === 'ogg') return own === 'opus' || own === 'oga' ? own : 'ogg';
  return container;
}

export function mimeTypeFor(extension: string, video: boolean): string {
  const known = MEDIA_EXTENSIONS[`.${extension}`]?.mimeType ?? 'application/octet-stream';
  // An .mp4 or .webm holding only sound is served as audio, so the player shows no picture area.
  return video ? known : known.replace(/^video\//, 'audio/');
}
