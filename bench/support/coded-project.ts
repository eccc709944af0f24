import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDocumentText, describe } from '../../electron/core/anchoring';
import { AnnotationSchema, annotationsCollection, type Annotation } from '../../electron/core/annotations';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import { invokeOrThrow } from '../../electron/core/api/invoke';
import { createCore, type Core } from '../../electron/core/core';
import { topicsCollection } from '../../electron/core/topics';

/** The six topics a benchmark's coded project uses. */
export const benchTopics = ['Security', 'Trust in police', 'North Kosovo', 'NATO', 'EU integration', 'Serbia'].map((name, n) => ({ id: `topic-bench-${n}`, name, color: '#4C9F70', description: '' }));

/**
 * `count` annotations over the bundled papers' paragraphs by the coder `amina`, one of
 * `topicIds` each and a note on every third: the same project for every benchmark that
 * moves a coded project between workspaces, so their rows compare.
 */
export function codedAnnotations(core: Core, topicIds: string[], count: number): Annotation[] {
  const docs = core.corpus.allDocuments().map((document) => ({ docId: document.id, text: buildDocumentText(core.corpus.passages(document.id)) }));
  return Array.from({ length: count }, (_, i) => {
    const doc = docs[i % docs.length]!;
    const span = doc.text.spans[(i * 7) % doc.text.spans.length]!;
    const start = span.start + ((i * 13) % Math.max(1, span.end - span.start - 40));
    const end = Math.min(span.end, start + 40);
    const timestamp = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    return AnnotationSchema.parse({
      id: `ann-bench-${i}`,
      docId: doc.docId,
      target: { selectors: describe(doc.text.text, start, end, 1), passageIds: [span.passageId] },
      color: 'yellow',
      note: i % 3 === 0 ? `Note ${i} on this passage.` : '',
      topicIds: [topicIds[i % topicIds.length]!],
      entityIds: [],
      recommendationIds: [],
      createdAt: timestamp,
      updatedAt: timestamp,
      anchorStatus: 'anchored',
      createdBy: 'amina',
    });
  });
}

/** Saves the topics and annotations in one local transaction; answers how long it took (ms). */
export async function saveCodedProject(core: Core, annotations: readonly Annotation[]): Promise<number> {
  const started = performance.now();
  await core.workspace.transact((tx) => {
    for (const topic of benchTopics) tx.put(topicsCollection, topic);
    for (const annotation of annotations) tx.put(annotationsCollection, annotation);
  });
  return performance.now() - started;
}

/** A method of the core, its answer typed by the contract; a failure is thrown. */
export async function call<M extends MethodName>(core: Core, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return (await invokeOrThrow(core.dispatch, method, args)) as ResultOf<M>;
}

export interface CodedProjectBench {
  /** A temporary folder, removed when the run ends. */
  root: string;
  /** Opens (or creates) a workspace beside the sender's, as a colleague's. */
  open(name: string): Promise<Core>;
  /** Amina's workspace, holding the coded project. */
  sender: Core;
  records: Annotation[];
}

/**
 * Runs `measure` over a `count`-annotation project coded by Amina in a fresh workspace, for
 * the benchmarks that move it to colleagues' workspaces; everything is removed afterwards.
 */
export async function withCodedProject<T>(label: string, count: number, measure: (bench: CodedProjectBench) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), `workbench-bench-${label}-`));
  const resourcesDir = resolve(import.meta.dirname, '../../resources');
  const open = (name: string) => createCore({ workspaceDir: join(root, name), resourcesDir, holder: 'bench', deferSearch: true });
  try {
    const sender = await open('amina');
    await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const records = codedAnnotations(sender, benchTopics.map((topic) => topic.id), count);
    await saveCodedProject(sender, records);
    return await measure({ root, open, sender, records });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
