import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { OcrLanguageInfo, OcrTextLayer } from '../../api/methods/import.js';
import type { CoreContext } from '../../core-context.js';
import { listOcrLanguages, ocrLanguagesDir } from '../ocr/ocr-languages.js';
import { documentDir, OCR_TEXT_FILE } from '../workspace-paths.js';

export async function ocrLanguages(context: CoreContext): Promise<{ languages: OcrLanguageInfo[]; folder: string }> {
  const languages = await listOcrLanguages(context.workspace.dir);
  return { languages: languages.map(({ code, name, source }) => ({ code, name, source })), folder: ocrLanguagesDir(context.workspace.dir) };
}

const WordSchema = z.tuple([z.string(), z.number(), z.number(), z.number(), z.number(), z.number()]);
const OcrTextFileSchema = z.object({
  schemaVersion: z.literal(1),
  pages: z.array(z.object({ page: z.number().int().positive(), width: z.number().positive(), height: z.number().positive(), words: z.array(WordSchema) })),
});

/**
 * The recognised words of one page, for the PDF view's text layer on a scan. A document
 * without OCR'd pages, or a damaged file, has none: the view then simply has no text layer.
 */
export async function ocrTextLayer(context: CoreContext, docId: string, page: number): Promise<OcrTextLayer | null> {
  const file = path.join(documentDir(context.workspace.dir, docId), OCR_TEXT_FILE);
  const raw = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (raw === undefined) return null;
  let parsed;
  try {
    parsed = OcrTextFileSchema.safeParse(JSON.parse(raw));
  } catch {
    return null;
  }
  const found = parsed.success ? parsed.data.pages.find((p) => p.page === page) : undefined;
  if (!found) return null;
  return {
    page,
    width: found.width,
    height: found.height,
    words: found.words.map(([text, x0, y0, x1, y1]) => ({ text, x: x0, y: y0, width: Math.max(0.1, x1 - x0), height: Math.max(0.1, y1 - y0) })),
  };
}
