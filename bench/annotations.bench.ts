import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDocumentText, describe, type DocumentText } from '../electron/core/anchoring';
import { AnnotationSchema, createCodingServices, type Annotation, type AnnotationsData, type CorpusLookup } from '../electron/core/annotations';
import type { Passage } from '../electron/core/corpus/schema';
import { openWorkspace } from '../electron/core/store';
import type { CollectionHandle } from '../electron/core/store/types';
import type { TopicsData } from '../electron/core/topics';
import type { BenchRow } from './types';

const seedsDir = resolve(import.meta.dirname, '../seeds');
const seedFiles = ['000_e87488ddfbf88c13.txt', '001_854a494500a4b47a.txt', '002_9f88dff86ea5da05.txt', '003_ed6381770ad57015.txt', '004_8f46781e496f4f68.txt'];
const workspaceSize = 10_000;
const saves = 40;

/** The seed texts cut into paragraphs: the real text, without needing the built corpus. */
function seedCorpus(): CorpusLookup & { docs: Map<string, DocumentText> } {
  const passages = new Map<string, Passage>();
  const docs = new Map<string, DocumentText>();
  seedFiles.forEach((file, docIndex) => {
    const docId = `seed-${docIndex}`;
    const paragraphs = readFileSync(join(seedsDir, file), 'utf8')
      .split(/\n\s*\n/)
      .map((text) => text.trim())
      .filter(Boolean);
    const docPassages: Passage[] = paragraphs.map((text, order) => ({
      id: `${docId}-p${order}`, docId, sectionPath: [], kind: 'paragraph', text, page: 1 + Math.floor(order / 12), order, footnoteRefs: [], links: [], backMatter: false,
    }));
    for (const passage of docPassages) passages.set(passage.id, passage);
    docs.set(docId, buildDocumentText(docPassages));
  });
  return {
    docs,
    getPassage: (id) => passages.get(id),
    getDocumentText: (docId) => docs.get(docId),
    entityExists: () => true,
    recommendationExists: () => true,
  };
}

/** 10,000 annotations on real passages, written in one go as a workspace would hold them. */
function existingAnnotations(corpus: ReturnType<typeof seedCorpus>, topicIds: string[]): Annotation[] {
  const annotations: Annotation[] = [];
  const docs = [...corpus.docs.entries()];
  for (let i = 0; i < workspaceSize; i++) {
    const [docId, doc] = docs[i % docs.length]!;
    const span = doc.spans[(i * 7) % doc.spans.length]!;
    const start = span.start + ((i * 13) % Math.max(1, span.end - span.start - 40));
    const end = Math.min(span.end, start + 40);
    const timestamp = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    annotations.push(
      AnnotationSchema.parse({
        id: `ann-bench-${i}`, docId, target: { selectors: describe(doc.text, start, end, 1), passageIds: [span.passageId] }, color: 'yellow',
        note: i % 3 === 0 ? `Note ${i} on this passage, to compare with the other papers.` : '', topicIds: [topicIds[i % topicIds.length]!], entityIds: [], recommendationIds: [],
        createdAt: timestamp, updatedAt: timestamp, anchorStatus: 'anchored',
      }),
    );
  }
  return annotations;
}

/** A collection that never touches the disk, to separate the services' cost from the store's. */
function memoryHandle<T>(name: string, value: T): CollectionHandle<T> {
  return {
    name,
    get: () => value,
    update: async (mutator) => {
      const replacement = mutator(value);
      if (replacement !== undefined) value = replacement;
    },
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/**
 * Saving one annotation (validate, index, one atomic write of the whole annotations file)
 * with 10,000 already in a real workspace, against a plain fs.writeFile of the same bytes.
 */
export async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-annotations-'));
  const workspace = await openWorkspace(dir, { holder: 'bench' });
  try {
    const corpus = seedCorpus();
    // The store keeps records loosely typed; the services validate their own records.
    const annotationsHandle = workspace.annotations as unknown as CollectionHandle<AnnotationsData>;
    const services = createCodingServices({ annotations: annotationsHandle, topics: workspace.topics as unknown as CollectionHandle<TopicsData>, lookup: corpus });
    const topicIds: string[] = [];
    for (const name of ['Security', 'Trust in police', 'North Kosovo', 'NATO', 'EU integration', 'Serbia']) topicIds.push((await services.topics.create({ name })).id);
    const seeded = existingAnnotations(corpus, topicIds);
    await annotationsHandle.update((data) => {
      data.annotations.push(...seeded);
    });

    const saveTimes: number[] = [];
    const passages = [...corpus.docs.get('seed-4')!.spans];
    for (let i = 0; i < saves; i++) {
      const span = passages[i % passages.length]!;
      const passage = corpus.getPassage(span.passageId)!;
      const quote = passage.text.slice(0, Math.min(60, passage.text.length));
      const started = performance.now();
      await services.annotations.createFromQuote({ passageId: passage.id, quote, topicIds: [topicIds[i % topicIds.length]!], note: 'bench' });
      saveTimes.push(performance.now() - started);
    }

    const bytes = await readFile(join(dir, 'annotations.json'));
    const writeTimes: number[] = [];
    const plainFile = join(dir, 'plain-write.json');
    for (let i = 0; i < saves; i++) {
      const started = performance.now();
      await writeFile(plainFile, bytes);
      writeTimes.push(performance.now() - started);
    }

    const listTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      services.annotations.list({ text: 'compare', topicId: topicIds[0]!, includeDescendants: true });
      listTimes.push(performance.now() - started);
    }

    // Where the time goes: the services' own work on the same data with no disk at all,
    // against serialising the file once (what any whole-file JSON store must do per write).
    const inMemory = memoryHandle<AnnotationsData>('annotations', { annotations: structuredClone(seeded) });
    const memoryServices = createCodingServices({ annotations: inMemory, topics: memoryHandle<TopicsData>('topics', { topics: structuredClone([...services.topics.list()]) }), lookup: corpus });
    const serviceTimes: number[] = [];
    const stringifyTimes: number[] = [];
    for (let i = 0; i < saves; i++) {
      const span = passages[i % passages.length]!;
      const passage = corpus.getPassage(span.passageId)!;
      const started = performance.now();
      await memoryServices.annotations.createFromQuote({ passageId: passage.id, quote: passage.text.slice(0, 60), topicIds: [topicIds[i % topicIds.length]!] });
      serviceTimes.push(performance.now() - started);
      const stringifyStarted = performance.now();
      JSON.stringify(inMemory.get());
      stringifyTimes.push(performance.now() - stringifyStarted);
    }

    const count = services.annotations.count;
    const caseName = `save 1 annotation, ${count - 1} in workspace (${(bytes.length / 1e6).toFixed(1)} MB file)`;
    return [
      { suite: 'annotations', case: caseName, metric: 'median', value: percentile(saveTimes, 0.5), unit: 'ms', reference: { name: 'fs.writeFile same bytes', value: percentile(writeTimes, 0.5) } },
      { suite: 'annotations', case: caseName, metric: 'p95', value: percentile(saveTimes, 0.95), unit: 'ms', reference: { name: 'fs.writeFile same bytes', value: percentile(writeTimes, 0.95) } },
      { suite: 'annotations', case: `save 1 annotation, services only (no disk), ${workspaceSize} in memory`, metric: 'median', value: percentile(serviceTimes, 0.5), unit: 'ms', reference: { name: 'JSON.stringify the file', value: percentile(stringifyTimes, 0.5) } },
      { suite: 'annotations', case: `list by topic + free text over ${count}`, metric: 'median', value: percentile(listTimes, 0.5), unit: 'ms' },
    ];
  } finally {
    await workspace.close();
    await rm(dir, { recursive: true, force: true });
  }
}
