import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDocumentText, describe } from '../electron/core/anchoring';
import { invokeOrThrow } from '../electron/core/api/invoke';
import { AnnotationSchema, annotationsCollection, type Annotation } from '../electron/core/annotations';
import { createCore, type Core } from '../electron/core/core';
import { topicsCollection } from '../electron/core/topics';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
const count = 10_000;

/** `count` annotations over the bundled papers' paragraphs, one of six topics each, a note on every third. */
function annotations(core: Core, topicIds: string[]): Annotation[] {
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

/**
 * A 10,000-annotation project as REFI-QDA: exporting the .qdpx, importing it into a fresh
 * workspace (the bundled papers matched by their text, every selection a new annotation)
 * and importing it again (every selection already there). The reference is the team's
 * exchange bundle of the same records, written and merged in the same run.
 */
export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'workbench-bench-exchange-'));
  const open = (name: string) => createCore({ workspaceDir: join(root, name), resourcesDir, holder: 'bench', deferSearch: true });
  try {
    const sender = await open('amina');
    await invokeOrThrow(sender.dispatch, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const topics = ['Security', 'Trust in police', 'North Kosovo', 'NATO', 'EU integration', 'Serbia'].map((name, n) => ({ id: `topic-bench-${n}`, name, color: '#4C9F70', description: '' }));
    const records = annotations(sender, topics.map((topic) => topic.id));
    await sender.workspace.transact((tx) => {
      for (const topic of topics) tx.put(topicsCollection, topic);
      for (const annotation of records) tx.put(annotationsCollection, annotation);
    });

    const qdpx = join(root, 'project.qdpx');
    let started = performance.now();
    const exported = await invokeOrThrow(sender.dispatch, 'exchange.exportProject', { out: qdpx });
    const exportMs = performance.now() - started;
    if (exported.selections !== count) throw new Error(`exported ${exported.selections} of ${count} selections`);
    const bundle = join(root, 'amina.fwx');
    started = performance.now();
    await invokeOrThrow(sender.dispatch, 'team.exportBundle', { out: bundle });
    const bundleExportMs = performance.now() - started;
    await sender.close();

    const receiver = await open('besnik');
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    started = performance.now();
    const imported = await invokeOrThrow(receiver.dispatch, 'exchange.importProject', { path: qdpx });
    const importMs = performance.now() - started;
    clearInterval(sampler);
    if (imported.project?.annotations !== count) throw new Error(`imported ${imported.project?.annotations} of ${count} selections`);
    started = performance.now();
    const again = await invokeOrThrow(receiver.dispatch, 'exchange.importProject', { path: qdpx });
    const againMs = performance.now() - started;
    if (again.project?.annotations !== 0) throw new Error('the second import added annotations');
    await receiver.close();

    const merger = await open('clara');
    started = performance.now();
    await invokeOrThrow(merger.dispatch, 'team.mergeBundle', { file: bundle, join: true });
    const mergeMs = performance.now() - started;
    await merger.close();

    const size = `${((await stat(qdpx)).size / 1e6).toFixed(1)} MB`;
    return [
      { suite: 'exchange', case: `export a ${count.toLocaleString('en')}-annotation project as .qdpx (${size})`, metric: 'time', value: exportMs, unit: 'ms', reference: { name: 'exchange bundle of the same records', value: bundleExportMs } },
      { suite: 'exchange', case: `import that .qdpx into a new workspace`, metric: 'time', value: importMs, unit: 'ms', reference: { name: 'merge of the exchange bundle into a new workspace', value: mergeMs } },
      { suite: 'exchange', case: 'import the same .qdpx again (nothing added)', metric: 'time', value: againMs, unit: 'ms' },
      { suite: 'exchange', case: 'import a .qdpx: peak process memory above the start', metric: 'memory', value: (peakRss - rssBefore) / 1e6, unit: 'MB' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
