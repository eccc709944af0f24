import { WorkbenchError } from '../../api/errors.js';
import { verifyZip } from '../../zip/inspect-zip.js';
import { DOCX_LIMITS } from '../../zip/zip-limits.js';
import type { TextBlock } from './blocks.js';

/**
 * A .docx as text blocks: mammoth turns Word's styles into HTML (Heading 1-6 and Title
 * become h1-h6), which we read back as headings and paragraphs. Bold speaker labels
 * (`<strong>Name:</strong>`) lose their tags and keep their text.
 */
export async function blocksFromDocx(bytes: Uint8Array, fileName: string): Promise<TextBlock[]> {
  // A Word file is a zip: its directory is checked, and every part inflated under the
  // limits, before mammoth (which inflates with no limits of its own) sees it.
  await verifyZip(bytes, fileName, DOCX_LIMITS);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] },
    );
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbenchError('CORRUPT', `“${fileName}” could not be read as a Word document (${detail}). Open it in Word or LibreOffice, save it again as .docx, and import that.`, { fileName });
  }
  const blocks: TextBlock[] = [];
  for (const match of html.matchAll(/<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const tag = match[1]!;
    // Line breaks inside a paragraph (Shift+Enter) separate lines of the same paragraph.
    const lines = match[2]!.split(/<br\s*\/?>/).map((part) => decodeEntities(part.replace(/<[^>]+>/g, '')).trim());
    if (tag.startsWith('h')) {
      const text = lines.join(' ').trim();
      if (text) blocks.push({ kind: 'heading', level: Number(tag[1]), text });
    } else {
      for (const text of lines) if (text) blocks.push({ kind: 'line', text });
    }
    blocks.push({ kind: 'break' });
  }
  return blocks;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
