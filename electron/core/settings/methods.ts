import { z } from 'zod';
import { method } from '../api/method';

export interface ReadingPosition {
  passageId?: string;
  page?: number;
  updatedAt: string;
}

export const settingsMethods = {
  'settings.readingPosition': method<ReadingPosition | null>()(z.object({ docId: z.string().min(1) }).strict()),
  'settings.saveReadingPosition': method<void>()(
    z.object({ docId: z.string().min(1), passageId: z.string().min(1).optional(), page: z.number().int().positive().optional() }).strict(),
  ),
};
