/**
 * Drafts: formatting a long draft (200 citations of 50 works) in each bundled style, and
 * opening it (workspace load + citation formatting), measured against reading and parsing
 * the same drafts file with no processing at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CorpusSchema, type CorpusDocument, type Passage } from '../electron/core/corpus/schema';
import { CitationFormatter } from '../electron/core/citations/formatter';
import { createCorpusSources } from '../electron/core/citations/corpus-sources';
import { citationStyleIds } from '../electron/core/citations/styles';
import { collectCitations } from '../electron/core/drafts/content';
import { DraftService } from '../electron/core/drafts/draft-service';
import { exportDraftDocx } from '../electron/core/drafts/export/docx';
import { exportDraftHtml } from '../electron/core/drafts/export/html';
import { exportDraftMarkdown } from '../electron/core/drafts/export/markdown';
import { markdownToDraftContent } from '../electron/core/drafts/markdown-import';
import type { DraftContent, TiptapNode } from '../electron/core/drafts/model';
import { draftsCollections } from '../electron/core/drafts';
import { openWorkspace } from '../electron/core/store';
import type { BenchRow } from './types';

const citationCount = 200;
const sourceCount = 50;
const runs = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function medianOf(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up: style parsing caches, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return median(times);
}

/**
 * Fifty works: the bundled papers' real metadata, repeated under other years (the same
 * authors publishing again is what makes citeproc disambiguate), each with the real
 * paragraphs of the paper it copies.
 */
function benchSources(): { documents: CorpusDocument[]; passages: Passage[] } {
  const corpus = CorpusSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/corpus/corpus.json'), 'utf8')));
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const base = corpus.documents[i % corpus.documents.length]!;
    const round = Math.floor(i / corpus.documents.length);
    const id = round === 0 ? base.id : `${base.id}-r${round}`;
    documents.push({ ...base, id, year: (base.year ?? 2025) - round });
    for (const passage of corpus.passages.filter((p) => p.docId === base.id && p.kind === 'paragraph').slice(0, 12)) {
      passages.push({ ...passage, id: round === 0 ? passage.id : `${passage.id}-r${round}`, docId: id });
    }
  }
  return { documents, passages };
}

function longDraft(passages: Passage[], documents: CorpusDocument[]): DraftContent {
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) byDoc.set(p.docId, [...(byDoc.get(p.docId) ?? []), p]);
  const content: TiptapNode[] = [];
  for (let i = 0; i < citationCount; i++) {
    const docPassages = byDoc.get(documents[(i * 7) % documents.length]!.id)!;
    const passage = docPassages[i % docPassages.length]!;
    if (i % 20 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${i / 20 + 1}` }] });
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${passage.text.slice(0, 240)} ` },
        {
          type: 'citation',
          attrs: { targetKind: 'passage', targetId: passage.id, docId: passage.docId, locator: i % 3 === 0 ? String(1 + (i % 9)) : null, prefix: i % 10 === 0 ? 'see' : null, suffix: null, suppressAuthor: false },
        },
        { type: 'text', text: '.' },
      ],
    });
  }
  return { type: 'doc', content };
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(resolve(import.meta.dirname, '../resources/corpus/corpus.json'))) return [];
  const rows: BenchRow[] = [];
  const suite = 'drafts';
  const { documents, passages } = benchSources();
  const sources = createCorpusSources({ documents, passages });
  const content = longDraft(passages, documents);
  const refs = collectCitations(content);
  const label = `${citationCount} citations, ${sourceCount} works`;

  for (const style of citationStyleIds) {
    const formatter = await CitationFormatter.create(style);
    const ms = await medianOf(() => formatter.format(refs, sources));
    rows.push({ suite, case: `format ${style}, ${label}`, metric: 'median', value: ms, unit: 'ms' });
  }

  const dir = await mkdtemp(join(tmpdir(), 'drafts-bench-'));
  try {
    const workspace = await openWorkspace(dir, { collections: draftsCollections, holder: 'bench' });
    const service = new DraftService(workspace);
    const draft = await service.create({ title: 'Long draft', style: 'chicago-note-bibliography', content });
    await workspace.close();
    const draftsPath = join(dir, 'drafts.json');

    // Open = what the app does when the author opens the draft: load the workspace file, then format.
    const open = await medianOf(async () => {
      const reopened = await openWorkspace(dir, { collections: draftsCollections, holder: 'bench', readOnly: true });
      const loaded = new DraftService(reopened).get(draft.id);
      const formatter = await CitationFormatter.create(loaded.style);
      formatter.format(collectCitations(loaded.content), sources);
      await reopened.close();
    });
    const parseOnly = await medianOf(async () => JSON.parse(await readFile(draftsPath, 'utf8')));
    rows.push({ suite, case: `open note-style draft, ${label}`, metric: 'median', value: open, unit: 'ms', reference: { name: 'readFile+JSON.parse', value: parseOnly } });

    const full = { ...draft, content };
    const context = { sources };
    rows.push({ suite, case: `DOCX export (footnotes), ${label}`, metric: 'median', value: await medianOf(() => exportDraftDocx(full, context)), unit: 'ms' });
    rows.push({ suite, case: `HTML export, ${label}`, metric: 'median', value: await medianOf(() => exportDraftHtml({ ...full, style: 'chicago-author-date' }, context)), unit: 'ms' });
    const markdown = exportDraftMarkdown(full, sources, { keys: 'passage' }).markdown;
    const passageIds = new Map(passages.map((p) => [p.id, p]));
    const resolveKey = (key: string) => {
      const p = passageIds.get(key);
      return p ? { kind: 'passage' as const, id: p.id, docId: p.docId } : undefined;
    };
    rows.push({ suite, case: `Markdown import, ${label}`, metric: 'median', value: await medianOf(() => markdownToDraftContent(markdown, resolveKey)), unit: 'ms' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
