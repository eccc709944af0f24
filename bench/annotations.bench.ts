import { open, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { buildDocumentText, describe } from '../electron/core/anchoring';
import { invokeOrThrow } from '../electron/core/api/invoke';
import { AnnotationSchema, annotationsCollection, createCodingServices, corpusLookupFromIndex, type Annotation, type CorpusLookup } from '../electron/core/annotations';
import { createCore, workspaceCollections } from '../electron/core/core';
import { CorpusIndex } from '../electron/core/corpus/corpus-index';
import { loadCorpus } from '../electron/core/corpus/load';
import type { Passage } from '../electron/core/corpus/schema';
import { annotationToSearchDocument } from '../electron/core/search';
import { openWorkspace } from '../electron/core/store';
import { WorkspaceLock } from '../electron/core/store/lock';
import { topicsCollection } from '../electron/core/topics';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
// Enough for a p95 that is not one unlucky fsync: the 95th percentile of 600 is the 30th
// slowest, so a few slow fsyncs more or less on either side move it little.
const saves = 600;
// Saves to searchable stay at 200: a burst of more, never pausing, would also fold the recent
// shard's buckets during saves (see docs/architecture.md), which a session does not do.
const searchableSaves = 200;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

/** `count` annotations on the bundled papers' real paragraphs, as a workspace would hold them. */
function existingAnnotations(index: CorpusIndex, count: number, topicIds: string[]): Annotation[] {
  const docs = index.allDocuments().map((document) => {
    const passages = index.passages(document.id);
    return { docId: document.id, passages, text: buildDocumentText(passages) };
  });
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[i % docs.length]!;
    const span = doc.text.spans[(i * 7) % doc.text.spans.length]!;
    const start = span.start + ((i * 13) % Math.max(1, span.end - span.start - 40));
    const end = Math.min(span.end, start + 40);
    const timestamp = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    annotations.push(
      AnnotationSchema.parse({
        id: `ann-bench-${i}`,
        docId: doc.docId,
        target: { selectors: describe(doc.text.text, start, end, 1), passageIds: [span.passageId] },
        color: 'yellow',
        note: i % 3 === 0 ? `Note ${i} on this passage, to compare with the other papers.` : '',
        topicIds: [topicIds[i % topicIds.length]!],
        entityIds: [],
        recommendationIds: [],
        createdAt: timestamp,
        updatedAt: timestamp,
        anchorStatus: 'anchored',
      }),
    );
  }
  return annotations;
}

/** A compacted workspace holding `count` annotations and six topics. */
async function seedWorkspace(dir: string, index: CorpusIndex, count: number): Promise<string[]> {
  const workspace = await openWorkspace(dir, { collections: workspaceCollections, holder: 'bench' });
  const topics = ['Security', 'Trust in police', 'North Kosovo', 'NATO', 'EU integration', 'Serbia'].map((name, n) => ({ id: `topic-bench-${n}`, name, color: '#4C9F70', description: '' }));
  const annotations = existingAnnotations(index, count, topics.map((topic) => topic.id));
  await workspace.transact((tx) => {
    for (const topic of topics) tx.put(topicsCollection, topic);
    for (const annotation of annotations) tx.put(annotationsCollection, annotation);
  });
  await workspace.compact();
  await workspace.close();
  return topics.map((topic) => topic.id);
}

/** Paragraphs to annotate in the timed saves. */
function paragraphs(index: CorpusIndex): Passage[] {
  return index.allDocuments().flatMap((document) => index.passages(document.id).filter((passage) => passage.kind === 'paragraph' && passage.text.length > 80));
}

/**
 * Saving one annotation with `count` already in the workspace: validate, lock, append one
 * journal line, fsync. The reference appends the very bytes the save wrote, to a file of
 * its own on the same disk, and fsyncs them (measured turn about, so both see the same disk).
 */
async function saveRows(index: CorpusIndex, lookup: CorpusLookup, count: number): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-save-'));
  try {
    const topicIds = await seedWorkspace(dir, index, count);
    const workspace = await openWorkspace(dir, { collections: workspaceCollections, holder: 'bench' });
    const services = createCodingServices(workspace, lookup);
    const journal = join(dir, 'annotations.journal');
    const reference = await open(join(dir, 'reference.jsonl'), 'a');
    const saveTimes: number[] = [];
    const appendTimes: number[] = [];
    const candidates = paragraphs(index);
    for (let i = 0; i < saves; i++) {
      const passage = candidates[(i * 11) % candidates.length]!;
      const before = (await stat(journal)).size;
      const started = performance.now();
      await services.annotations.createFromQuote({ passageId: passage.id, quote: passage.text.slice(0, 60), topicIds: [topicIds[i % topicIds.length]!], note: `bench save ${i}` });
      saveTimes.push(performance.now() - started);
      const bytes = (await readFile(journal)).subarray(before);
      const appendStarted = performance.now();
      await reference.appendFile(bytes);
      await reference.datasync();
      appendTimes.push(performance.now() - appendStarted);
    }
    await reference.close();
    const listTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      services.annotations.list({ text: 'compare', topicId: topicIds[0]!, includeDescendants: true });
      listTimes.push(performance.now() - started);
    }
    await workspace.close();
    const caseName = `save 1 annotation, ${count.toLocaleString('en')} in workspace`;
    const ref = (value: number) => ({ name: 'appendFile+fsync of the same bytes', value });
    return [
      { suite: 'annotations', case: caseName, metric: 'median', value: percentile(saveTimes, 0.5), unit: 'ms', reference: ref(percentile(appendTimes, 0.5)) },
      { suite: 'annotations', case: caseName, metric: 'p95', value: percentile(saveTimes, 0.95), unit: 'ms', reference: ref(percentile(appendTimes, 0.95)) },
      { suite: 'annotations', case: `list by topic + free text over ${(count + saves).toLocaleString('en')}`, metric: 'median', value: percentile(listTimes, 0.5), unit: 'ms' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opening a workspace of `count` annotations (read-only: no lock, nothing written) against parsing its snapshot's bytes. */
async function openRows(index: CorpusIndex, count: number): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-open-'));
  try {
    await seedWorkspace(dir, index, count);
    const snapshot = join(dir, 'annotations.json');
    const megabytes = (await stat(snapshot)).size / 1e6;
    const baseline = heapUsedMb();
    const started = performance.now();
    const workspace = await openWorkspace(dir, { collections: workspaceCollections, holder: 'bench', readOnly: true });
    const openMs = performance.now() - started;
    const openHeap = heapUsedMb() - baseline;
    if (workspace.records(annotationsCollection).size !== count) throw new Error('the workspace did not open whole');
    await workspace.close();

    const parseBaseline = heapUsedMb();
    const parseStarted = performance.now();
    const parsed: unknown = JSON.parse(await readFile(snapshot, 'utf8'));
    const parseMs = performance.now() - parseStarted;
    const parseHeap = heapUsedMb() - parseBaseline;
    if (!parsed) throw new Error('unreachable');
    const caseName = `open a workspace with ${count.toLocaleString('en')} annotations (${megabytes.toFixed(0)} MB snapshot)`;
    return [
      { suite: 'annotations', case: caseName, metric: 'time', value: openMs, unit: 'ms', reference: { name: 'readFile+JSON.parse same bytes', value: parseMs } },
      { suite: 'annotations', case: caseName, metric: 'heap', value: openHeap, unit: 'MB', reference: { name: 'readFile+JSON.parse same bytes', value: parseHeap } },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Save to searchable through the whole core: the annotations.create call (validation, lock,
 * journal, fsync), the change feed, the search index, and the query that finds it. Reference:
 * the same bytes appended and fsynced, plus MiniSearch adding and finding the same document
 * in an index of the same papers and annotations.
 */
async function searchableRows(index: CorpusIndex, count: number): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-searchable-'));
  try {
    const topicIds = await seedWorkspace(dir, index, count);
    // Measured in the steady state: after search has built its posting lists, which it does in
    // small slices while idle after open, as a session does long before its saves.
    const core = await createCore({ workspaceDir: dir, resourcesDir, holder: 'bench', awaitSearchWarmUp: true });
    // The reference searches what the core searches: the papers' passages and the same annotations, not the saved ones alone.
    const mini = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'], idField: 'id' });
    mini.addAll(index.allDocuments().flatMap((document) => index.passages(document.id).map((passage) => ({ id: `passage:${passage.id}`, title: document.title, text: passage.text }))));
    mini.addAll(existingAnnotations(index, count, topicIds).map((annotation) => annotationToSearchDocument({ id: annotation.id, docId: annotation.docId, quote: annotation.target.selectors.quote.exact, note: annotation.note })));
    const journal = join(dir, 'annotations.journal');
    const reference = await open(join(dir, 'reference.jsonl'), 'a');
    const times: number[] = [];
    const referenceTimes: number[] = [];
    const candidates = paragraphs(index);
    for (let i = 0; i < searchableSaves; i++) {
      const passage = candidates[(i * 17) % candidates.length]!;
      const note = `benchmarkmarker${i}`;
      const before = (await stat(journal)).size;
      const started = performance.now();
      const saved = (await invokeOrThrow(core.dispatch, 'annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 60), note })) as Annotation;
      const found = (await invokeOrThrow(core.dispatch, 'search.query', { query: note, prefix: false })) as { results: Array<{ id: string }> };
      times.push(performance.now() - started);
      if (!found.results.some((result) => result.id === `annotation:${saved.id}`)) throw new Error('a saved annotation was not found');

      const bytes = (await readFile(journal)).subarray(before);
      const document = annotationToSearchDocument({ id: saved.id, docId: saved.docId, quote: saved.target.selectors.quote.exact, note });
      const referenceStarted = performance.now();
      await reference.appendFile(bytes);
      await reference.datasync();
      mini.add(document);
      mini.search(note);
      referenceTimes.push(performance.now() - referenceStarted);
    }
    await reference.close();
    await core.close();
    const caseName = `save to searchable through the core, ${count.toLocaleString('en')} in workspace`;
    const ref = (value: number) => ({ name: 'append+fsync same bytes + MiniSearch add+search, same papers and annotations', value });
    return [
      { suite: 'annotations', case: caseName, metric: 'median', value: percentile(times, 0.5), unit: 'ms', reference: ref(percentile(referenceTimes, 0.5)) },
      { suite: 'annotations', case: caseName, metric: 'p95', value: percentile(times, 0.95), unit: 'ms', reference: ref(percentile(referenceTimes, 0.95)) },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The write lock taken and released: what a batch pays when the lock is not kept from the
 * batch before (the first save of a burst; held-lock.ts keeps it across a burst).
 */
async function lockRows(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-lock-'));
  try {
    const lock = new WorkspaceLock(dir, 'bench');
    const file = await open(join(dir, 'reference.jsonl'), 'a');
    const line = Buffer.from(`${JSON.stringify({ note: 'x'.repeat(900) })}\n`);
    const lockTimes: number[] = [];
    const appendTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      (await lock.acquire()).release();
      lockTimes.push(performance.now() - started);
      const appendStarted = performance.now();
      await file.appendFile(line);
      await file.datasync();
      appendTimes.push(performance.now() - appendStarted);
    }
    await file.close();
    return [{ suite: 'annotations', case: 'write lock taken and released (once per batch)', metric: 'median', value: percentile(lockTimes, 0.5), unit: 'ms', reference: { name: 'appendFile+fsync of 1 kB', value: percentile(appendTimes, 0.5) } }];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const index = new CorpusIndex(await loadCorpus(resourcesDir));
  const lookup = corpusLookupFromIndex(index);
  return [
    ...(await saveRows(index, lookup, 10_000)),
    ...(await saveRows(index, lookup, 100_000)),
    ...(await openRows(index, 100_000)),
    ...(await searchableRows(index, 10_000)),
    ...(await lockRows()),
  ];
}
