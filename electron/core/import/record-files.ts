import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportedDocumentRecord } from './document-record.js';

/**
 * Writes document.json a passage at a time: a long document's record is never held as one
 * string (a 16 MB text file would make a 40 MB one), and the file is the same JSON that
 * `JSON.stringify` would give.
 */
export async function writeRecordFile(file: string, record: ImportedDocumentRecord): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  const { passages, footnotes, ...head } = record;
  const opening = JSON.stringify(head);
  await write(`${opening.slice(0, -1)},\n"passages":[`);
  for (let i = 0; i < passages.length; i++) await write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(passages[i])}`);
  await write('],\n"footnotes":[');
  for (let i = 0; i < footnotes.length; i++) await write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(footnotes[i])}`);
  await write(']}\n');
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
