import { z } from 'zod';
import { DocumentSchema, FootnoteSchema, PassageSchema } from '../corpus/schema.js';

/**
 * What `<workspace>/documents/<docId>/document.json` holds. Versioned so that a later
 * release can migrate it.
 */
export const ImportedDocumentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.string(),
  /** The original file's name inside the document folder (`original.pdf`). */
  originalFile: z.string(),
  hasTextLayer: z.boolean(),
  /** Pages whose text OCR recognised, and in which languages; their word boxes are in `ocr-text.json`. */
  ocr: z.object({ pages: z.array(z.number().int().positive()), languages: z.array(z.string()) }).optional(),
  document: DocumentSchema,
  passages: z.array(PassageSchema),
  footnotes: z.array(FootnoteSchema),
});
export type ImportedDocumentRecord = z.infer<typeof ImportedDocumentRecordSchema>;
