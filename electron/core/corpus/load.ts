import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../api/errors';
import { checkedCorpusFile, isCheckedCorpus } from './checked-corpus';
import { CorpusSchema } from './schema';
import type { Corpus } from './schema';

export const corpusFile = (resourcesDir: string) => join(resourcesDir, 'corpus', 'corpus.json');

/** Reads and checks the prebuilt corpus shipped in resources/. */
export async function loadCorpus(resourcesDir: string): Promise<Corpus> {
  const path = corpusFile(resourcesDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new WorkbenchError('NOT_FOUND', `The bundled corpus is missing at ${path}. Run \`npm run corpus\` to build it.`);
  }
  const stamp = await readFile(checkedCorpusFile(resourcesDir), 'utf8').catch(() => undefined);
  if (isCheckedCorpus(text, stamp)) {
    // These are the bytes the build validated against CorpusSchema (see checked-corpus.ts).
    return JSON.parse(text) as Corpus;
  }
  const parsed = CorpusSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new WorkbenchError('CORRUPT', `The bundled corpus at ${path} does not match its schema: ${parsed.error.issues[0]?.message}. Rebuild it with \`npm run corpus\`.`);
  }
  return parsed.data;
}
