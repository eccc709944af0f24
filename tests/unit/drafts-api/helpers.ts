import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import type { Core } from '../../../electron/core/core';
import { draftsCollection } from '../../../electron/core/drafts';
import type { Passage } from '../../../electron/core/corpus/schema';
import { bundledCorpus } from '../annotations-api/cli-helpers';

/** A typed call that fails the test on an error, and one that returns the error. */
export function callers(core: Core) {
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as ResultOf<M>;
  };
  const fail = async (method: string, args: unknown) => {
    const result = await core.dispatch(method, args);
    if (result.ok) throw new Error(`${method} succeeded, but it should have failed`);
    return result.error;
  };
  return { call, fail };
}

/** Every change to drafts in the workspace's change feed (search follows it) and every drafts.changed to subscribers (the views). */
export function recordDraftEvents(core: Core) {
  const feed: Array<{ draftIds: string[] }> = [];
  const published: string[][] = [];
  core.workspace.subscribe((batch) => {
    const draftIds = batch.changes.filter((change) => change.collection === draftsCollection.name).map((change) => change.id);
    if (draftIds.length > 0) feed.push({ draftIds });
  });
  core.subscribe('drafts.changed', (payload) => published.push(payload.draftIds));
  return { feed, published };
}

/** The first body paragraph of a bundled paper whose title matches. */
export function paragraphOf(titlePattern: RegExp, index = 0): Passage & { title: string } {
  const corpus = bundledCorpus();
  const document = corpus.documents.find((candidate) => titlePattern.test(candidate.title));
  if (!document) throw new Error(`No bundled paper titled ${titlePattern}`);
  const paragraphs = corpus.passages.filter((passage) => passage.docId === document.id && passage.kind === 'paragraph' && !passage.backMatter).sort((a, b) => a.order - b.order);
  const passage = paragraphs[index];
  if (!passage) throw new Error(`${document.title} has no paragraph ${index}`);
  return { ...passage, title: document.title };
}
