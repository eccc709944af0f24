import { beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import {
  createCodingServices,
  describePalette,
  setColorMeaning,
  type Annotation,
  type CodingServices,
} from '../../../electron/core/annotations';
import { annotationsCollection, colorMeaningsCollection } from '../../../electron/core/annotations';
import { openWorkspace } from '../../../electron/core/store';
import { codingCollections, useCodingWorkspaces, type CodingWorkspace } from './helpers/coding-workspace';
import { natoBriefFile, paragraphsToPassages, securityReportFile, seedPassages, TestCorpus } from './helpers/seed-corpus';

const interview = [
  'Interviewer: How do people in the north see the police?',
  'Most of my neighbours do not trust the police, they see them as outsiders. When Vučić speaks on television, people here listen more than to Prishtina.',
  'After the Banjska attack in 2023 things became worse, people stayed home.',
];

const openCodingWorkspace = useCodingWorkspaces();
let store: CodingWorkspace;
let services: CodingServices;
let corpus: TestCorpus;
let clock: number;

/** What is stored, as a reopened workspace would read it. */
const storedAnnotations = () => [...store.workspace.records(annotationsCollection).values()];

beforeEach(async () => {
  store = await openCodingWorkspace();
  corpus = new TestCorpus();
  corpus.setDocument('nato-brief', 'How to Advance Kosovo-NATO Relations?', seedPassages('nato-brief', natoBriefFile));
  corpus.setDocument('security-report', 'Kosovo Foreign and Security Challenges and Priorities', seedPassages('security-report', securityReportFile));
  corpus.setDocument('interview-1', 'Interview 1', paragraphsToPassages('interview-1', interview, ['Interviewer', 'R1', 'R2']));
  corpus.entities.set('nato', 'North Atlantic Treaty Organization');
  corpus.entities.set('vucic', 'Aleksandar Vučić');
  corpus.recommendations.set('nato-brief-rec-3', 'Ask for the Accreditation of a NATO Centre of Excellence in Kosovo');
  clock = Date.parse('2026-01-01T10:00:00Z');
  // A deterministic clock: each reading is one second later.
  services = createCodingServices(store.workspace, corpus, { now: () => new Date((clock += 1000)) });
});

async function expectError(promise: Promise<unknown>, code: string): Promise<WorkbenchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  expect((error as WorkbenchError).code).toBe(code);
  return error as WorkbenchError;
}

const coeQuote = 'Kosovo could propose establishing a Centre of Excellence';

function annotateCoe(extra: Partial<Parameters<CodingServices['annotations']['createFromQuote']>[0]> = {}) {
  const passage = corpus.passageContaining('nato-brief', coeQuote);
  return services.annotations.createFromQuote({ passageId: passage.id, quote: coeQuote, ...extra });
}

describe('creating annotations', () => {
  it('creates from a quote in a passage, with selectors that point at the document text', async () => {
    const passage = corpus.passageContaining('nato-brief', coeQuote);
    const annotation = await annotateCoe({ note: 'A concrete ask', color: 'green', entityIds: ['nato'], recommendationIds: ['nato-brief-rec-3'] });
    const doc = corpus.getDocumentText('nato-brief')!;
    const { quote, position, page } = annotation.target.selectors;
    expect(doc.text.slice(position.start, position.end)).toBe(coeQuote);
    expect(quote.exact).toBe(coeQuote);
    expect(doc.text.endsWith(quote.suffix, position.end + quote.suffix.length)).toBe(true);
    expect(page?.page).toBe(passage.page);
    expect(annotation).toMatchObject({ docId: 'nato-brief', color: 'green', note: 'A concrete ask', anchorStatus: 'anchored', target: { passageIds: [passage.id] } });
    expect(services.annotations.get(annotation.id)).toEqual(annotation);
    expect(store.writes).toBe(1);
  });

  it('refuses what it cannot honour and writes nothing', async () => {
    const passage = corpus.passageContaining('nato-brief', coeQuote);
    const attempt = (extra: object) => services.annotations.createFromQuote({ passageId: passage.id, quote: coeQuote, ...extra });
    await expectError(services.annotations.createFromQuote({ passageId: passage.id, quote: 'a sentence that is not there' }), 'BAD_REQUEST');
    await expectError(services.annotations.createFromQuote({ passageId: passage.id, quote: '  ' }), 'BAD_REQUEST');
    await expectError(services.annotations.createFromQuote({ passageId: 'nato-brief-p9999', quote: coeQuote }), 'NOT_FOUND');
    const unknown = await expectError(attempt({ entityIds: ['nato', 'no-such-entity'], topicIds: ['topic-x'] }), 'NOT_FOUND');
    expect(unknown.message).toContain('no-such-entity');
    expect(unknown.message).toContain('topic-x');
    await expectError(attempt({ recommendationIds: ['rec-missing'] }), 'NOT_FOUND');
    await expectError(attempt({ color: 'turquoise' }), 'BAD_REQUEST');
    expect(store.writes).toBe(0);
    expect(storedAnnotations()).toEqual([]);
  });

  it('accepts a selection that differs only in white space, and picks the repeated quote nearest the selection', async () => {
    const passage = corpus.passageContaining('nato-brief', coeQuote);
    const loose = await services.annotations.createFromQuote({ passageId: passage.id, quote: 'Kosovo could\npropose  establishing' });
    expect(loose.target.selectors.quote.exact).toBe('Kosovo could propose establishing');

    const repeated = corpus.passageContaining('interview-1', 'do not trust the police');
    const second = repeated.text.lastIndexOf('people');
    const chosen = await services.annotations.createFromQuote({ passageId: repeated.id, quote: 'people', offsetInPassage: second });
    const doc = corpus.getDocumentText('interview-1')!;
    const span = doc.spans.find((candidate) => candidate.passageId === repeated.id)!;
    expect(chosen.target.selectors.position.start).toBe(span.start + second);
  });

  it('creates from a document selection spanning passages, trimming the white space at its ends', async () => {
    const doc = corpus.getDocumentText('interview-1')!;
    const start = doc.spans[0]!.end - 'the police?'.length - 2; // two characters before, inside the passage
    const end = doc.spans[2]!.start + 'After the Banjska attack'.length;
    const annotation = await services.annotations.createFromSelection({ docId: 'interview-1', start: doc.spans[0]!.end, end });
    expect(annotation.target.passageIds).toEqual(['interview-1-p1', 'interview-1-p2']);
    expect(annotation.target.selectors.quote.exact.startsWith('Most of my neighbours')).toBe(true);
    const across = await services.annotations.createFromSelection({ docId: 'interview-1', start, end });
    expect(across.target.passageIds).toEqual(['interview-1-p0', 'interview-1-p1', 'interview-1-p2']);
    expect(across.target.selectors.quote.exact).toContain('police?\n\nMost of my');
    await expectError(services.annotations.createFromSelection({ docId: 'interview-1', start: doc.spans[0]!.end, end: doc.spans[1]!.start }), 'BAD_REQUEST');
    await expectError(services.annotations.createFromSelection({ docId: 'interview-1', start: 10, end: doc.text.length + 5 }), 'BAD_REQUEST');
    await expectError(services.annotations.createFromSelection({ docId: 'no-doc', start: 0, end: 5 }), 'NOT_FOUND');
    expect(store.writes).toBe(2);
  });
});

describe('editing, linking, coding and undo', () => {
  it('updates the note and colour, links and codes, one write and one undo step each', async () => {
    const { annotations, topics, undo } = services;
    const trust = await topics.create({ name: 'Trust in police' });
    const created = await annotateCoe();
    const writesAfterCreate = store.writes;
    await annotations.update(created.id, { note: 'Compare with paper 003', color: 'blue' });
    await annotations.link(created.id, { entityIds: ['nato'], recommendationIds: ['nato-brief-rec-3'] });
    await annotations.code(created.id, [trust.id, trust.id]);
    expect(store.writes - writesAfterCreate).toBe(3);
    const coded = annotations.get(created.id)!;
    expect(coded).toMatchObject({ note: 'Compare with paper 003', color: 'blue', entityIds: ['nato'], recommendationIds: ['nato-brief-rec-3'], topicIds: [trust.id] });
    expect(coded.updatedAt > created.updatedAt).toBe(true);
    expect(coded.createdAt).toBe(created.createdAt);

    await annotations.uncode(created.id, [trust.id]);
    await annotations.unlink(created.id, { entityIds: ['nato'] });
    expect(annotations.get(created.id)).toMatchObject({ topicIds: [], entityIds: [], recommendationIds: ['nato-brief-rec-3'] });

    for (let step = 0; step < 4; step += 1) await undo.undo();
    expect(annotations.get(created.id)).toMatchObject({ note: 'Compare with paper 003', entityIds: [], topicIds: [] });
    await undo.undo();
    expect(annotations.get(created.id)).toEqual(created);
    await undo.undo(); // the creation
    expect(annotations.get(created.id)).toBeUndefined();
    await undo.undo(); // the topic
    expect(topics.list()).toEqual([]);
    await undo.redo();
    await undo.redo();
    expect(annotations.get(created.id)).toEqual(created);

    await expectError(annotations.update(created.id, { color: 'teal' as never }), 'BAD_REQUEST');
    await expectError(annotations.code(created.id, ['topic-missing']), 'NOT_FOUND');
    await expectError(annotations.update('ann-missing', { note: 'x' }), 'NOT_FOUND');
  });

  it('deletes, and undo puts the annotation back as it was', async () => {
    const { annotations, undo } = services;
    const first = await annotateCoe();
    const doomed = await services.annotations.createFromQuote({ passageId: 'interview-1-p2', quote: 'Banjska attack' });
    const last = await services.annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'outsiders' });
    await annotations.delete(doomed.id);
    expect(annotations.get(doomed.id)).toBeUndefined();
    expect(annotations.count).toBe(2);
    await undo.undo();
    expect(annotations.get(doomed.id)).toEqual(doomed);
    expect(annotations.list().map((annotation) => annotation.id)).toEqual([last.id, doomed.id, first.id]);
    expect(annotations.get(last.id)).toEqual(last);
    await undo.redo();
    expect(annotations.list().map((annotation) => annotation.id)).not.toContain(doomed.id);
  });
});

describe('listing', () => {
  it('filters by document, topic (with descendants), entity, recommendation, colour and accent-insensitive text', async () => {
    const { annotations, topics } = services;
    const security = await topics.create({ name: 'Security' });
    const police = await topics.create({ name: 'Trust in police', parentId: security.id });
    const coe = await annotateCoe({ color: 'green', entityIds: ['nato'], recommendationIds: ['nato-brief-rec-3'], topicIds: [security.id] });
    const trust = await annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'do not trust the police', topicIds: [police.id], note: 'Compare with Vucic remark' });
    const vucic = await annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'When Vučić speaks on television', entityIds: ['vucic'] });

    const ids = (list: Annotation[]) => list.map((annotation) => annotation.id);
    expect(ids(annotations.list({ docId: 'interview-1' }))).toEqual([trust.id, vucic.id]);
    expect(ids(annotations.list({ topicId: security.id }))).toEqual([coe.id]);
    expect(ids(annotations.list({ topicId: security.id, includeDescendants: true }))).toEqual([trust.id, coe.id]);
    expect(ids(annotations.list({ entityId: 'nato' }))).toEqual([coe.id]);
    expect(ids(annotations.list({ recommendationId: 'nato-brief-rec-3' }))).toEqual([coe.id]);
    expect(ids(annotations.list({ color: 'yellow' }))).toEqual([trust.id, vucic.id]);
    expect(ids(annotations.list({ text: 'VUCIC' }))).toEqual([trust.id, vucic.id]);
    expect(ids(annotations.list({ text: 'trust in police' }))).toEqual([trust.id]);
    expect(ids(annotations.list({ text: 'Aleksandar' }))).toEqual([vucic.id]);
    expect(ids(annotations.list({ docId: 'interview-1', text: 'centre of excellence' }))).toEqual([]);
    expect(() => annotations.list({ topicId: 'topic-missing' })).toThrow(WorkbenchError);

    // Free text follows a renamed topic (the folded search text is cached per record and tree).
    await topics.rename(police.id, 'Confidence in the KP');
    expect(ids(annotations.list({ text: 'trust in police' }))).toEqual([]);
    expect(ids(annotations.list({ text: 'confidence in the kp' }))).toEqual([trust.id]);
  });

  it('follows changes another process writes to the workspace (the CLI while the app runs)', async () => {
    const { annotations } = services;
    const kept = await annotateCoe();
    const dropped = await annotations.createFromQuote({ passageId: 'interview-1-p2', quote: 'Banjska attack' });
    expect(annotations.get(dropped.id)).toBeDefined();
    const other = await openWorkspace(store.dir, { collections: codingCollections, holder: 'another process' });
    await other.transact((tx) => {
      tx.delete(annotationsCollection, dropped.id);
      tx.put(annotationsCollection, { ...kept, note: 'restored' });
    });
    await other.close();
    await store.workspace.refresh();
    expect(annotations.get(dropped.id)).toBeUndefined();
    expect(annotations.get(kept.id)?.note).toBe('restored');
    expect(annotations.list({ docId: 'interview-1' })).toEqual([]);
    const again = await annotations.createFromQuote({ passageId: 'interview-1-p2', quote: 'people stayed home' });
    expect(annotations.list({ docId: 'interview-1' }).map((annotation) => annotation.id)).toEqual([again.id]);
  });
});

describe('re-anchoring when a document text changes', () => {
  it('follows moved quotes, marks edited ones fuzzy, keeps deleted ones as orphans, in one write', async () => {
    const { annotations } = services;
    const moved = await annotations.createFromQuote({ passageId: 'interview-1-p2', quote: 'After the Banjska attack in 2023' });
    const edited = await annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'Most of my neighbours do not trust the police' });
    const removed = await annotations.createFromQuote({ passageId: 'interview-1-p0', quote: 'How do people in the north see the police?' });
    const untouched = await annotateCoe();
    const writes = store.writes;

    corpus.setDocument(
      'interview-1',
      'Interview 1',
      paragraphsToPassages(
        'interview-1',
        [
          'Transcript prepared on 3 March.',
          'Most of my neighbours do not really trust the police, they see them as outsiders.',
          'After the Banjska attack in 2023 things became worse, people stayed home.',
        ],
        ['', 'R1', 'R2'],
      ),
    );
    const report = await annotations.reanchorAll('interview-1');
    expect(report).toEqual({ docId: 'interview-1', anchored: 1, fuzzy: 1, orphan: 1 });
    expect(store.writes - writes).toBe(1);

    const doc = corpus.getDocumentText('interview-1')!;
    const movedNow = annotations.get(moved.id)!;
    const { start, end } = movedNow.target.selectors.position;
    expect(doc.text.slice(start, end)).toBe('After the Banjska attack in 2023');
    expect(movedNow.target.passageIds).toEqual(['interview-1-p2']);

    const editedNow = annotations.get(edited.id)!;
    expect(editedNow.anchorStatus).toBe('fuzzy');
    const fuzzy = editedNow.target.selectors.position;
    expect(doc.text.slice(fuzzy.start, fuzzy.end)).toBe('Most of my neighbours do not really trust the police');
    expect(editedNow.target.selectors.quote.exact).toBe('Most of my neighbours do not trust the police');

    const orphan = annotations.get(removed.id)!;
    expect(orphan.anchorStatus).toBe('orphan');
    expect(orphan.target).toEqual(removed.target);
    expect(annotations.list({ anchorStatus: 'orphan' }).map((annotation) => annotation.id)).toEqual([removed.id]);
    expect(annotations.get(untouched.id)).toEqual(untouched);
    await expectError(annotations.reanchorAll('no-doc'), 'NOT_FOUND');
  });
});

describe('coding analysis', () => {
  it('counts co-occurrences, lists the quotes of a pair, and counts quotes and documents per topic', async () => {
    const { annotations, topics } = services;
    const security = await topics.create({ name: 'Security' });
    const police = await topics.create({ name: 'Trust in police', parentId: security.id });
    const north = await topics.create({ name: 'North Kosovo' });
    const a = await annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'do not trust the police', topicIds: [police.id, north.id] });
    const b = await annotations.createFromQuote({ passageId: 'interview-1-p2', quote: 'Banjska attack', topicIds: [security.id, north.id] });
    await annotateCoe({ topicIds: [security.id] });

    const matrix = annotations.cooccurrence([security.id, police.id, north.id]);
    expect(matrix.counts).toEqual([
      [2, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
    ]);
    expect(annotations.quotesForPair(north.id, police.id).map((annotation) => annotation.id)).toEqual([a.id]);
    expect(annotations.quotesForPair(security.id, north.id).map((annotation) => annotation.id)).toEqual([b.id]);

    const direct = Object.fromEntries(annotations.topicCounts().map((row) => [row.path, [row.quotes, row.documents]]));
    expect(direct).toEqual({ Security: [2, 2], 'Security / Trust in police': [1, 1], 'North Kosovo': [2, 1] });
    const rolledUp = annotations.topicCounts({ includeDescendants: true }).find((row) => row.topicId === security.id);
    expect(rolledUp).toMatchObject({ quotes: 3, documents: 2 });
  });

  it('builds a topic page with document, speaker, context, note and passage for each quote', async () => {
    const { annotations, topics } = services;
    const police = await topics.create({ name: 'Trust in police' });
    await annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'do not trust the police', topicIds: [police.id], note: 'Typical of the north' });
    const page = annotations.topicPage(police.id);
    expect(page.path).toBe('Trust in police');
    expect(page.quotes).toEqual([
      expect.objectContaining({
        docId: 'interview-1',
        documentTitle: 'Interview 1',
        passageId: 'interview-1-p1',
        speaker: 'R1',
        quote: 'do not trust the police',
        before: 'Most of my neighbours ',
        note: 'Typical of the north',
        page: 1,
      }),
    ]);
    expect(page.quotes[0]!.after.startsWith(', they see them as outsiders.')).toBe(true);
  });
});

describe('palette', () => {
  it('offers eight colours whose meanings the user names in the settings', async () => {
    const meanings = store.workspace.records(colorMeaningsCollection);
    expect(describePalette(meanings)).toHaveLength(8);
    await setColorMeaning(store.workspace, 'red', '  Contradicts the brief ');
    expect(describePalette(meanings).find((entry) => entry.key === 'red')).toMatchObject({ meaning: 'Contradicts the brief', hex: expect.stringMatching(/^#/) });
    expect([...meanings.values()]).toEqual([{ id: 'red', meaning: 'Contradicts the brief' }]);
    await setColorMeaning(store.workspace, 'red', '');
    expect(describePalette(meanings).find((entry) => entry.key === 'red')).not.toHaveProperty('meaning');
    await expectError(setColorMeaning(store.workspace, 'teal', 'x'), 'BAD_REQUEST');
  });
});
