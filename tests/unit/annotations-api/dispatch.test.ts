import { describe, expect, it } from 'vitest';
import type { ArgsOf, EventPayloads, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { annotationsCollection } from '../../../electron/core/annotations';
import type { Core } from '../../../electron/core/core';
import { topicsCollection } from '../../../electron/core/topics';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { passageWith } from './cli-helpers';

const tempDir = useTempDirs();
const openCore = useCores();

/** A core over a fresh workspace, and a typed call that fails the test on an error. */
async function setUp() {
  const core = await openCore(await tempDir());
  const published: Array<EventPayloads['annotations.changed']> = [];
  // Each batch written to the workspace: one per change, whatever it touched.
  const batches: Array<Array<{ collection: string; id: string }>> = [];
  core.subscribe('annotations.changed', (payload) => published.push(payload));
  core.workspace.subscribe((batch) => batches.push(batch.changes.map(({ collection, id }) => ({ collection, id }))));
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const result = await core.dispatch(method, args);
    // Views hear of a change once the turn of the event loop that made it is over.
    await new Promise((resolve) => setImmediate(resolve));
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as ResultOf<M>;
  };
  const found = async (query: string) => (await call('search.query', { query, types: ['annotation'] })).results.map((result) => result.document.sourceId);
  return { core, call, published, batches, found };
}

const coeQuote = 'accredit a Centre of Excellence (COE) in Kosovo';

function storedAnnotations(core: Core) {
  return [...core.workspace.records(annotationsCollection).values()];
}

function storedTopics(core: Core) {
  return [...core.workspace.records(topicsCollection).values()];
}

describe('annotations over the dispatch', () => {
  it('creates, edits, codes, links and deletes, telling search and the open views each time', async () => {
    const { core, call, published, found } = await setUp();
    const passage = passageWith(coeQuote);
    const topic = await call('topics.create', { name: 'NATO' });
    expect(published).toMatchObject([{ docIds: [], topicsChanged: true }]);

    const created = await call('annotations.create', { passageId: passage.id, quote: coeQuote, topicIds: [topic.id], note: 'accreditation signal' });
    expect(created.topics).toEqual([{ id: topic.id, path: 'NATO', color: topic.color }]);
    expect(await found('accreditation signal')).toEqual([created.id]);
    expect(published.at(-1)).toMatchObject({ docIds: [passage.docId], topicsChanged: false, undo: { canUndo: true, undoLabel: 'Create annotation' } });

    const edited = await call('annotations.update', { id: created.id, note: 'Cheap and visible', color: 'blue' });
    expect([edited.note, edited.color]).toEqual(['Cheap and visible', 'blue']);
    const linked = await call('annotations.link', { id: created.id, entityIds: ['nato'] });
    expect(linked.entities).toEqual([{ id: 'nato', name: 'NATO' }]);
    expect((await call('annotations.list', { entityId: 'nato' })).map((item) => item.id)).toEqual([created.id]);
    expect((await call('annotations.list', { text: 'cheap or visible' })).length).toBe(0);
    expect((await call('annotations.list', { text: 'CHEAP' })).map((item) => item.id)).toEqual([created.id]);
    const uncoded = await call('annotations.uncode', { id: created.id, topicIds: [topic.id] });
    expect(uncoded.topicIds).toEqual([]);
    const recoded = await call('annotations.code', { id: created.id, topicPaths: ['Security / Deterrence'] });
    expect(recoded.topics.map((item) => item.path)).toEqual(['Security / Deterrence']);

    expect(await found('cheap visible')).toEqual([created.id]);

    await call('annotations.delete', { id: created.id });
    expect(storedAnnotations(core)).toEqual([]);
    expect(await found('cheap visible')).toEqual([]);
    expect(published.at(-1)).toMatchObject({ docIds: [passage.docId], undo: { undoLabel: 'Delete annotation' } });
  });

  it('saves one edit of everything in one call: one change on disk and one undo step', async () => {
    const { core, call, batches } = await setUp();
    const passage = passageWith(coeQuote);
    const nato = await call('topics.create', { name: 'NATO' });
    const created = await call('annotations.create', { passageId: passage.id, quote: coeQuote, topicIds: [nato.id] });
    const recommendation = (await call('corpus.recommendations', { docId: passage.docId }))[0]!;
    const before = batches.length;

    const edited = await call('annotations.edit', {
      id: created.id,
      note: 'Cheap and visible',
      color: 'green',
      topicIds: [],
      topicPaths: ['Security / Deterrence'],
      entityIds: ['nato'],
      recommendationIds: [recommendation.id],
    });
    expect(edited).toMatchObject({ note: 'Cheap and visible', color: 'green', entityIds: ['nato'], recommendationIds: [recommendation.id] });
    expect(edited.topics.map((topic) => topic.path)).toEqual(['Security / Deterrence']);
    // The two new topics and the annotation: one batch, marked as one change.
    expect(batches.length - before).toBe(1);
    expect(batches.at(-1)!.map((change) => change.collection).sort()).toEqual(['annotations', 'topics', 'topics']);

    expect(await call('undo.undo', {})).toMatchObject({ done: true, undoLabel: 'Create annotation' });
    expect(await call('annotations.get', { id: created.id })).toMatchObject({ note: '', color: 'yellow', topicIds: [nato.id], entityIds: [], recommendationIds: [] });
    expect(storedTopics(core).map((topic) => topic.name)).toEqual(['NATO']);

    const refused = await core.dispatch('annotations.edit', { id: created.id, note: 'x', entityIds: ['no-such-entity'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call('annotations.get', { id: created.id })).note).toBe('');
  });

  it('creates from a selection whose ends are in two passages, each given by passage and offset', async () => {
    const { call } = await setUp();
    const passage = passageWith(coeQuote);
    const passages = await call('corpus.passages', { docId: passage.docId });
    const next = passages[passages.findIndex((item) => item.id === passage.id) + 1]!;
    const created = await call('annotations.createFromSelection', {
      start: { passageId: passage.id, offset: passage.text.length - 20 },
      end: { passageId: next.id, offset: 15 },
    });
    expect(created.target.passageIds).toEqual([passage.id, next.id]);
    expect(created.ranges).toEqual([
      { passageId: passage.id, start: passage.text.length - 20, end: passage.text.length },
      { passageId: next.id, start: 0, end: next.text.slice(0, 15).trimEnd().length },
    ]);
    // Core joins the passages its own way; trailing white space of a drag is dropped.
    const exact = created.target.selectors.quote.exact;
    expect(exact.startsWith(passage.text.slice(-20))).toBe(true);
    expect(exact.endsWith(next.text.slice(0, 15).trimEnd())).toBe(true);
  });

  it('refuses a selection with an end outside the text, with a clear error, and changes nothing', async () => {
    const { core, call } = await setUp();
    const passage = passageWith(coeQuote);
    const passages = await call('corpus.passages', { docId: passage.docId });
    const next = passages[passages.findIndex((item) => item.id === passage.id) + 1]!;
    const other = (await call('corpus.passages', { docId: 'kcss-foreign-security-priorities-2026' }))[3]!;
    const at = (passageId: string, offset: number) => ({ passageId, offset });
    const refusals = [
      [{ start: at('no-such-passage', 0), end: at(next.id, 5) }, 'NOT_FOUND', /no passage with id no-such-passage/],
      [{ start: at(passage.id, 0), end: at(next.id, next.text.length + 1) }, 'BAD_REQUEST', new RegExp(`Offset ${next.text.length + 1} is not within passage ${next.id}`)],
      [{ start: at(next.id, 5), end: at(passage.id, 0) }, 'BAD_REQUEST', /ends where or before it starts/],
      [{ start: at(passage.id, 3), end: at(passage.id, 3) }, 'BAD_REQUEST', /ends where or before it starts/],
      [{ start: at(passage.id, 0), end: at(other.id, 5) }, 'BAD_REQUEST', /starts in document .* and ends in document/],
      [{ start: at(passage.id, passage.text.length), end: at(next.id, 0) }, 'BAD_REQUEST', /only white space/],
    ] as const;
    for (const [args, code, message] of refusals) {
      const result = await core.dispatch('annotations.createFromSelection', args);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code } });
      expect((result as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(storedAnnotations(core)).toEqual([]);
    const old = await core.dispatch('annotations.createFromSelection', { docId: passage.docId, start: 10, end: 50 } as never);
    expect((old as { error: { message: string } }).error.message).toMatch(/start: each end of a selection is \{ passageId, offset \}/);
  });

  it('rejects bad arguments before any handler runs, and changes nothing', async () => {
    const { core, published } = await setUp();
    const passage = passageWith(coeQuote);
    const bad = [
      ['annotations.create', { passageId: passage.id, quote: '' }],
      ['annotations.create', { passageId: passage.id, quote: coeQuote, color: 'teal' }],
      ['annotations.create', { passageId: passage.id, quote: coeQuote, sneaky: true }],
      ['annotations.createFromSelection', { start: { passageId: passage.id, offset: -1 }, end: { passageId: passage.id, offset: 5 } }],
      ['annotations.createFromSelection', { start: { passageId: passage.id, offset: 1.5 }, end: { passageId: passage.id, offset: 5 } }],
      // Document offsets, the shape before selections were passage-relative, are refused as such.
      ['annotations.createFromSelection', { docId: passage.docId, start: 10, end: 50 }],
      ['annotations.update', { id: 'x' }],
      ['topics.delete', { id: 'x', quotes: 'shred' }],
      ['topics.create', { name: '   ' }],
      ['topics.create', { name: 'Colourful', color: 'red' }],
    ] as const;
    for (const [method, args] of bad) {
      const result = await core.dispatch(method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const unknownTopic = await core.dispatch('annotations.create', { passageId: passage.id, quote: coeQuote, topicIds: ['topic-gone'], topicPaths: ['Would be created'] });
    expect(unknownTopic).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown topic topic-gone.' } });
    expect(storedAnnotations(core)).toEqual([]);
    expect(storedTopics(core)).toEqual([]);
    // Only the one attempt that reached a handler announced itself, and it changed nothing.
    expect(published.every((event) => event.docIds.length === 0 && !event.topicsChanged)).toBe(true);
  });
});

describe('undo and redo over the dispatch', () => {
  it('steps back and forth through annotation and topic edits, with labels', async () => {
    const { core, call, published } = await setUp();
    const passage = passageWith(coeQuote);
    expect(await call('undo.state', {})).toEqual({ canUndo: false, canRedo: false });
    await call('topics.create', { name: 'Security' });
    const created = await call('annotations.create', { passageId: passage.id, quote: coeQuote, topicPaths: ['NATO'] });
    expect(await call('undo.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Create annotation' });

    // The annotation and the topic it created are one step.
    const undone = await call('undo.undo', {});
    expect(undone).toMatchObject({ done: true, canRedo: true, redoLabel: 'Create annotation', undoLabel: 'Create topic Security' });
    expect(storedAnnotations(core)).toEqual([]);
    expect(storedTopics(core).map((topic) => topic.name)).toEqual(['Security']);
    expect(published.at(-1)).toMatchObject({ docIds: [passage.docId], topicsChanged: true });

    const redone = await call('undo.redo', {});
    expect(redone).toMatchObject({ done: true, canRedo: false });
    expect((await call('annotations.get', { id: created.id })).target).toEqual(created.target);
    expect(storedTopics(core).map((topic) => topic.name).sort()).toEqual(['NATO', 'Security']);

    await call('undo.undo', {});
    await call('undo.undo', {});
    expect(storedTopics(core)).toEqual([]);
    expect(published.at(-1)).toMatchObject({ topicsChanged: true, docIds: [] });
    expect(await call('undo.undo', {})).toMatchObject({ done: false, canUndo: false });
  });
});

describe('the codebook over the dispatch', () => {
  it('renames, moves, merges and deletes topics with a choice for their quotes', async () => {
    const { call } = await setUp();
    const passage = passageWith(coeQuote);
    const security = await call('topics.create', { name: 'Security' });
    const police = await call('topics.create', { name: 'Police', parentId: security.id });
    const trust = await call('topics.create', { name: 'Trust' });
    const annotation = await call('annotations.create', { passageId: passage.id, quote: coeQuote, topicIds: [police.id, trust.id] });

    expect((await call('topics.rename', { id: police.id, name: 'Trust in police' })).path).toBe('Security / Trust in police');
    expect((await call('topics.move', { id: police.id, parentId: null })).path).toBe('Trust in police');
    expect((await call('topics.move', { id: police.id, parentId: security.id })).depth).toBe(1);
    const clash = await (await setUp()).core.dispatch('topics.create', { name: 'x', parentId: 'missing' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Co-occurrence: the two topics share one quote.
    const matrix = await call('topics.cooccurrence', { topicIds: [police.id, trust.id] });
    expect(matrix.counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect((await call('topics.pairQuotes', { topicA: police.id, topicB: trust.id })).map((quote) => quote.annotationId)).toEqual([annotation.id]);

    const page = await call('topics.page', { topicId: security.id, includeDescendants: true });
    expect(page).toMatchObject({ path: 'Security', quotesWithSubtopics: 1, documents: 1, children: [{ id: police.id }] });
    expect(page.quotes[0]).toMatchObject({ annotationId: annotation.id, passageId: passage.id, quote: coeQuote });
    expect(page.quotes[0]!.before.length).toBeGreaterThan(0);

    // Delete "Trust in police", moving its quotes to the parent.
    await call('topics.delete', { id: police.id, quotes: 'move-to-parent' });
    expect((await call('annotations.get', { id: annotation.id })).topicIds.sort()).toEqual([security.id, trust.id].sort());
    // Merge Trust into Security: the quote keeps Security once.
    await call('topics.merge', { sourceId: trust.id, targetId: security.id });
    expect((await call('annotations.get', { id: annotation.id })).topicIds).toEqual([security.id]);
    // Delete Security, uncoding its quotes: the quote stays, without topics.
    await call('topics.delete', { id: security.id, quotes: 'uncode' });
    expect((await call('annotations.get', { id: annotation.id })).topicIds).toEqual([]);
    expect(await call('topics.list', {})).toEqual([]);
  });

  it('offers the recently used topics first for the 1–9 keys, and names colours', async () => {
    const { call } = await setUp();
    const passage = passageWith(coeQuote);
    const names = ['A', 'B', 'C'];
    for (const name of names) await call('topics.create', { name });
    await call('annotations.create', { passageId: passage.id, quote: coeQuote, topicPaths: ['B'] });
    expect((await call('topics.recent', {})).map((topic) => topic.name)).toEqual(['B', 'C', 'A']);

    const palette = await call('annotations.setColorMeaning', { color: 'red', meaning: 'Contradicts the brief' });
    expect(palette).toHaveLength(8);
    expect(palette.find((entry) => entry.key === 'red')).toMatchObject({ meaning: 'Contradicts the brief' });
    expect((await call('annotations.palette', {})).find((entry) => entry.key === 'red')?.meaning).toBe('Contradicts the brief');
  });
});
