import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';

export type ImportFormat = 'pdf' | 'docx' | 'txt' | 'md';

const TEXT_EXTENSIONS: Record<string, ImportFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' };

/**
 * Decides what a file is from its first bytes, and from its extension only where bytes
 * cannot tell (plain text). A PDF renamed to .txt is still a PDF; a .pdf that is not one
 * is refused before pdf.js sees it.
 */
export function detectFormat(fileName: string, head: Uint8Array): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  if (ascii.includes('%PDF-')) return 'pdf';
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
  const textFormat = TEXT_EXTENSIONS[ext];
  if (textFormat && !looksBinary(head)) return textFormat;
  throw new WorkbenchError(
    'UNSUPPORTED',
    `“${fileName}” is not a format the workbench can import. Import PDF, Word (.docx), plain text (.txt) or Markdown (.md) files.`,
    { fileName },
  );
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
