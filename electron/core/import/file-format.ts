import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';

export type ImportFormat = 'pdf' | 'docx' | 'txt' | 'md' | 'jpeg' | 'png' | 'tiff';

export const PHOTO_FORMATS = new Set<ImportFormat>(['jpeg', 'png', 'tiff']);
export const TEXT_FORMATS = new Set<ImportFormat>(['txt', 'md']);

const TEXT_EXTENSIONS: Record<string, ImportFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' };

/** The extension an imported file is kept under in its document folder. */
export const ORIGINAL_EXTENSION: Record<ImportFormat, string> = { pdf: 'pdf', docx: 'docx', txt: 'txt', md: 'md', jpeg: 'jpg', png: 'png', tiff: 'tif' };

/**
 * Decides what a file is from its first bytes, and from its extension only where bytes
 * cannot tell (plain text). A PDF renamed to .txt is still a PDF; a .pdf that is not one
 * is refused before pdf.js sees it.
 */
export function detectFormat(fileName: string, head: Uint8Array): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  if (ascii.includes('%PDF-')) return 'pdf';
  const photo = photoFormat(head);
  if (photo) return photo;
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (zip && ext === '.docx') return 'docx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new WorkbenchError(
      'UNSUPPORTED',
      `“${fileName}” is an old Word 97–2003 (.doc) file, which cannot be imported. Open it in Word or LibreOffice, save it as .docx, and import that.`,
      { fileName },
    );
  }
  if (ext === '.pdf') {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is named like a PDF but does not contain one. It may be damaged or only partly downloaded; find another copy.`, { fileName });
  }
  if (ext === '.docx') {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is named like a Word document but is not one. It may be damaged; open it in Word or LibreOffice and save it again.`, { fileName });
  }
  if (['.jpg', '.jpeg', '.png', '.tif', '.tiff'].includes(ext)) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is named like an image but is not a JPEG, PNG or TIFF picture. It may be damaged; find another copy.`, { fileName });
  }
  const textFormat = TEXT_EXTENSIONS[ext];
  if (textFormat && !looksBinary(head)) return textFormat;
  if (textFormat) throw notText(fileName, 'it holds bytes (NUL) that text never contains');
  throw new WorkbenchError(
    'UNSUPPORTED',
    `“${fileName}” is not a format the workbench can import. Import PDF, Word (.docx), plain text (.txt), Markdown (.md) or photographed pages (JPEG, PNG, TIFF).`,
    { fileName },
  );
}

function photoFormat(head: Uint8Array): ImportFormat | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  const tiff = (head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0x00) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0x00 && head[3] === 0x2a);
  return tiff ? 'tiff' : undefined;
}

function looksBinary(head: Uint8Array): boolean {
  // UTF-16 text has NUL bytes but starts with a byte order mark.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.subarray(0, 4096).includes(0);
}

/** Text files from people's disks: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Control characters text never holds (tab, line breaks and form feed aside), and U+FFFD. */
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

/**
 * The file's text, or a refusal when it is not text: random or binary bytes decode (as
 * Windows-1252 at worst) to something, but to something full of control characters.
 * Genuine text has none or a stray few.
 */
export function decodeTextOrRefuse(bytes: Uint8Array, fileName: string): string {
  const text = decodeText(bytes);
  const sample = text.length > 2_000_000 ? text.slice(0, 1_000_000) + text.slice(-1_000_000) : text;
  const bad = (sample.match(NOT_TEXT) ?? []).length;
  if (bad > Math.max(2, sample.length * 0.005)) {
    throw notText(fileName, `${Math.max(1, Math.round((bad / sample.length) * 100))}% of it is control characters or bytes no text encoding uses`);
  }
  if (!/[\p{L}\p{N}]/u.test(sample)) throw notText(fileName, 'it has no letters or digits at all');
  return text;
}

function notText(fileName: string, why: string): WorkbenchError {
  return new WorkbenchError(
    'CORRUPT',
    `“${fileName}” is named like a text file but does not hold text: ${why}. It may be another kind of file renamed, or damaged. Import the original document instead.`,
    { fileName },
  );
}
