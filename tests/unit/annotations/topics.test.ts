import { beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { createCodingServices, type Annotation, type CodingServices } from '../../../electron/core/annotations';
import { topicsCollection } from '../../../electron/core/topics';
import { useCodingWorkspaces, type CodingWorkspace } from './helpers/coding-workspace';
import { paragraphsToPassages, TestCorpus } from './helpers/seed-corpus';

const interview = [
  'Interviewer: How do people in the north see the police?',
  'Most of my neighbours do not trust the police, they see them as outsiders.',
  'After the Banjska attack in 2023 things became worse, people stayed home.',
  'The KFOR soldiers are trusted more than any local institution here.',
];

const openCodingWorkspace = useCodingWorkspaces();
let store: CodingWorkspace;
let services: CodingServices;
let corpus: TestCorpus;

/** The codebook as stored, with each topic's revision: what a reopened workspace would read. */
const storedTopics = () => [...store.workspace.records(topicsCollection).values()].map((topic) => ({ ...topic, rev: store.workspace.records(topicsCollection).entry(topic.id)?.rev }));

beforeEach(async () => {
  store = await openCodingWorkspace();
  corpus = new TestCorpus();
  corpus.setDocument('interview-1', 'Interview 1', paragraphsToPassages('interview-1', interview, ['Interviewer', 'R1', 'R1', 'R2']));
  services = createCodingServices(store.workspace, corpus);
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

async function quote(text: string, topicIds: string[]): Promise<Annotation> {
  const passage = corpus.passageContaining('interview-1', text);
  return services.annotations.createFromQuote({ passageId: passage.id, quote: text, topicIds });
}

describe('TopicService', () => {
  it('creates a hierarchy and gives each topic its path', async () => {
    const { topics } = services;
    const security = await topics.create({ name: 'Security', description: 'Perceptions of safety' });
    const trust = await topics.create({ name: 'Trust in police', parentId: security.id, color: '#112233' });
    expect(topics.path(trust.id)).toBe('Security / Trust in police');
    expect(topics.get(trust.id)).toMatchObject({ name: 'Trust in police', parentId: security.id, color: '#112233', description: '' });
    expect(security.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(store.writes).toBe(2);
  });

  it('keeps names unique among siblings only, ignoring case and spacing', async () => {
    const { topics } = services;
    const security = await topics.create({ name: 'Security' });
    const north = await topics.create({ name: 'North Kosovo' });
    await topics.create({ name: 'Trust', parentId: security.id });
    await expectError(topics.create({ name: '  trust ', parentId: security.id }), 'CONFLICT');
    await topics.create({ name: 'Trust', parentId: north.id });
    await expectError(topics.rename(north.id, 'SECURITY'), 'CONFLICT');
    await expectError(topics.create({ name: '   ' }), 'BAD_REQUEST');
    await expectError(topics.create({ name: 'Orphan', parentId: 'topic-missing' }), 'NOT_FOUND');
    expect(topics.list()).toHaveLength(4);
  });

  it('renames and edits, and undoes both', async () => {
    const { topics, undo } = services;
    const topic = await topics.create({ name: 'Trust in polce' });
    await topics.rename(topic.id, 'Trust in police');
    await topics.edit(topic.id, { color: '#AA0000', description: 'Quotes about the Kosovo Police' });
    expect(topics.get(topic.id)).toMatchObject({ name: 'Trust in police', color: '#AA0000' });
    await undo.undo();
    await undo.undo();
    expect(topics.get(topic.id)).toMatchObject({ name: 'Trust in polce', description: '' });
    await expectError(topics.edit(topic.id, { color: 'red' }), 'BAD_REQUEST');
  });

  it('moves a topic with its subtree and refuses cycles', async () => {
    const { topics } = services;
    const a = await topics.create({ name: 'A' });
    const b = await topics.create({ name: 'B', parentId: a.id });
    const c = await topics.create({ name: 'C', parentId: b.id });
    const d = await topics.create({ name: 'D' });
    await expectError(topics.move(a.id, c.id), 'BAD_REQUEST');
    await expectError(topics.move(a.id, a.id), 'BAD_REQUEST');
    await topics.move(b.id, d.id);
    expect(topics.path(c.id)).toBe('D / B / C');
    await topics.move(b.id, undefined);
    expect(topics.path(c.id)).toBe('B / C');
    expect(topics.get(b.id)).not.toHaveProperty('parentId');
  });

  it('merges A into B: quotes recoded, subtopics moved, A removed; undo restores all of it', async () => {
    const { topics, annotations, undo } = services;
    const police = await topics.create({ name: 'Police' });
    const trust = await topics.create({ name: 'Trust in police' });
    const sub = await topics.create({ name: 'Outsiders', parentId: police.id });
    const both = await quote('do not trust the police', [police.id, trust.id]);
    const onlyPolice = await quote('they see them as outsiders', [police.id, sub.id]);
    const writes = store.writes;
    await topics.merge(police.id, trust.id);
    // Recoding the quotes, moving the subtopic and removing the topic is one change on disk.
    expect(store.writes - writes).toBe(1);
    expect(topics.get(police.id)).toBeUndefined();
    expect(topics.path(sub.id)).toBe('Trust in police / Outsiders');
    expect(annotations.get(both.id)!.topicIds).toEqual([trust.id]);
    expect(annotations.get(onlyPolice.id)!.topicIds).toEqual([sub.id, trust.id]);
    await undo.undo();
    expect(topics.path(sub.id)).toBe('Police / Outsiders');
    expect(annotations.get(both.id)!.topicIds).toEqual([police.id, trust.id]);
    expect(annotations.get(onlyPolice.id)!.topicIds).toEqual([police.id, sub.id]);
    await expectError(topics.merge(police.id, sub.id), 'BAD_REQUEST');
  });

  it('deletes a topic, uncoding its quotes or moving them to the parent or another topic', async () => {
    const { topics, annotations } = services;
    const security = await topics.create({ name: 'Security' });
    const police = await topics.create({ name: 'Police', parentId: security.id });
    const kfor = await topics.create({ name: 'KFOR' });
    const attack = await topics.create({ name: 'Banjska', parentId: police.id });
    const a = await quote('do not trust the police', [police.id]);
    const b = await quote('Banjska attack', [attack.id]);
    const c = await quote('KFOR soldiers are trusted', [kfor.id]);

    await expectError(topics.delete(security.id, { quotes: 'move-to-parent' }), 'BAD_REQUEST');
    await topics.delete(police.id, { quotes: 'move-to-parent' });
    expect(annotations.get(a.id)!.topicIds).toEqual([security.id]);
    // Its subtopic moved up to the deleted topic's parent, and kept its quotes.
    expect(topics.path(attack.id)).toBe('Security / Banjska');
    expect(annotations.get(b.id)!.topicIds).toEqual([attack.id]);

    await topics.delete(attack.id, { quotes: 'move-to', targetId: kfor.id });
    expect(annotations.get(b.id)!.topicIds).toEqual([kfor.id]);

    await topics.delete(kfor.id, { quotes: 'uncode' });
    expect(annotations.get(b.id)!.topicIds).toEqual([]);
    expect(annotations.get(c.id)!.topicIds).toEqual([]);
    // Annotations are never deleted with a topic.
    expect(annotations.count).toBe(3);
    await expectError(topics.delete(security.id, { quotes: 'move-to', targetId: 'topic-missing' }), 'NOT_FOUND');
  });

  it('refuses a delete whose subtopics would clash with a sibling, and writes nothing', async () => {
    const { topics } = services;
    const security = await topics.create({ name: 'Security' });
    await topics.create({ name: 'North', parentId: security.id });
    const police = await topics.create({ name: 'Police', parentId: security.id });
    await topics.create({ name: 'north', parentId: police.id });
    const before = storedTopics();
    const writes = store.writes;
    await expectError(topics.delete(police.id, { quotes: 'uncode' }), 'CONFLICT');
    expect(storedTopics()).toEqual(before);
    expect(store.writes).toBe(writes);
  });
});
