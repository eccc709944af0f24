import { invokeOrThrow } from '../../../electron/core/api/invoke';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import type { Core } from '../../../electron/core/core';

/** Calls a method over the core's dispatch, as main and the CLI do; throws its error. */
export function call<M extends MethodName>(core: Core, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return invokeOrThrow(core.dispatch, method, args) as Promise<ResultOf<M>>;
}

/**
 * A transcript of 20 paragraphs, each a passage: the document the coders code. Every
 * paragraph is one sentence long, so none is split into two passages.
 */
export function twentyParagraphs(): string {
  return Array.from({ length: 20 }, (_, index) => `Speaker ${index % 2 ? 'B' : 'A'}: answer number ${index + 1} about the police in the north, told in one sentence.`).join('\n\n');
}

/** Imports the 20-paragraph transcript and answers its passages in reading order. */
export async function importTranscript(core: Core): Promise<{ docId: string; passageIds: string[] }> {
  const imported = await call(core, 'import.bytes', { fileName: 'interview-07.txt', base64: Buffer.from(twentyParagraphs()).toString('base64') });
  const passages = core.corpus.passages(imported.documentId).sort((a, b) => a.order - b.order);
  return { docId: imported.documentId, passageIds: passages.map((passage) => passage.id) };
}

/** Codes passages `from`..`to` (1-based, inclusive) with one topic, one annotation each. */
export async function code(core: Core, passageIds: string[], from: number, to: number, topicId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let number = from; number <= to; number++) {
    const passage = core.corpus.passage(passageIds[number - 1]!);
    const created = await call(core, 'annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 30), topicIds: [topicId] });
    ids.push(created.id);
  }
  return ids;
}
