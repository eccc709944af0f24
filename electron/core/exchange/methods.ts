import { z } from 'zod';
import { method } from '../api/method';
import type { ImportResult } from '../import/methods';
import type { ExportProjectResult } from './export-project';

export type { ExportProjectResult } from './export-project';

/** A project file handed to the renderer to save (when no path was given). */
export interface ExportedProjectFile extends ExportProjectResult {
  fileName?: string;
  mimeType?: string;
  encoding?: 'base64';
  data?: string;
}

const filePath = z.string().min(1).max(4096);

/** Exchange with other qualitative analysis tools: REFI-QDA projects (.qdpx) and codebooks (.qdc). */
export const exchangeMethods = {
  /**
   * The whole project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and
   * QualCoder: written to `out`, or returned as base64 when `out` is absent (the app saves it).
   */
  'exchange.exportProject': method<ExportedProjectFile>()(z.object({ format: z.literal('qdpx').optional(), out: filePath.optional() }).strict()),
  /**
   * Brings a REFI-QDA project (.qdpx) or codebook (.qdc) in: sources become documents, codes
   * topics (merged by name), selections annotations; what we do not model is listed as skipped.
   * `import.file` hands these files here too.
   */
  'exchange.importProject': method<ImportResult>()(z.object({ path: filePath }).strict()),
};
