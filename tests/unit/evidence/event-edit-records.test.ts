import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { eventEditsCollection } from '../../../electron/core/evidence';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { bundledCorpus, passageWith } from '../annotations-api/cli-helpers';
import { cli, failure } from '../import-api/support';

const tempDir = useTempDirs();
const openCore = useCores();

async function call(core: Core, method: string, args: unknown): Promise<any> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A real event of the corpus that two papers speak of, each through its own passages. */
function eventFromTwoPapers() {
  const event = bundledCorpus().events.find((e) => e.sources.length === 2 && e.precision === 'month');
  if (!event) throw new Error('the corpus has no month-precise event from two papers');
  return event;
}

const eventsOf = async (core: Core) => (await call(core, 'evidence.events', {})).events as Array<{ id: string; date: string; dateLabel: string; title: string; edited: boolean; sources: Array<{ docId: string; passageIds: string[]; quotes: Array<{ text: string }> }>; entityIds: string[] }>;

describe('corrections of the events are records applied over the corpus', () => {
  it('redates, splits and merges back, keeps them across a restart with their author, and undoes them', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const extracted = await eventsOf(core);
    const target = eventFromTwoPapers();
    const day = `${target.date}-15`;

    const announced: string[][] = [];
    core.subscribe('evidence.changed', ({ editIds }) => announced.push(editIds));
    const redated = await call(core, 'evidence.editEvents', { edit: { type: 'redate', eventId: target.id, date: day } });
    expect(redated).toMatchObject({ edit: { type: 'redate', eventId: target.id, date: day }, author: core.workspace.user.id });
    expect(announced).toEqual([[redated.id]]);
    let events = await eventsOf(core);
    expect(events.find((e) => e.id === target.id)).toMatchObject({ date: day, edited: true });
    expect(events.filter((e) => e.edited)).toHaveLength(1);

    // The second paper's passages were a wrong merge: they become an event of their own.
    const [, second] = target.sources;
    const split = await call(core, 'evidence.editEvents', { edit: { type: 'split', eventId: target.id, passageIds: second!.passageIds, title: 'The same, as the second paper tells it' } });
    const newId = split.edit.newEventId as string;
    expect(newId).toMatch(/^event-user-[0-9a-f]{10}$/);
    events = await eventsOf(core);
    expect(events).toHaveLength(extracted.length + 1);
    expect(events.find((e) => e.id === newId)!.sources.map((s) => s.docId)).toEqual([second!.docId]);
    expect(events.find((e) => e.id === target.id)!.sources.map((s) => s.docId)).toEqual([target.sources[0]!.docId]);

    const csv = await call(core, 'evidence.exportCsv', { view: 'timeline' });
    expect(csv.text).toContain('The same, as the second paper tells it');

    await core.close();
    const reopened = await openCore(workspace);
    expect(await eventsOf(reopened)).toHaveLength(extracted.length + 1);
    const edits = await call(reopened, 'evidence.eventEdits', {});
    expect(edits.map((e: { edit: { type: string } }) => e.edit.type)).toEqual(['redate', 'split']);

    await call(reopened, 'evidence.editEvents', { edit: { type: 'merge', eventIds: [target.id, newId] } });
    expect(await eventsOf(reopened)).toHaveLength(extracted.length);
    for (const edit of await call(reopened, 'evidence.eventEdits', {})) await call(reopened, 'evidence.undoEventEdit', { editId: edit.id });
    // Every correction taken back: the events are the extraction again, tombstones in the store.
    expect((await eventsOf(reopened)).map(({ id, date, title }) => ({ id, date, title }))).toEqual(extracted.map(({ id, date, title }) => ({ id, date, title })));
    expect(reopened.workspace.records(eventEditsCollection).size).toBe(0);
    expect(reopened.workspace.changes(0, { collections: ['event-edits'] }).results.every((change) => change.deleted)).toBe(true);
  });

  it('adds an event from an annotation, sourced by its quote and naming what the quote names', async () => {
    const workspace = await tempDir();
    const quote = 'Banjska';
    const passage = passageWith(quote);
    const annotated = await cli(workspace, 'annotate', passage.id, '--quote', quote, '--note', 'the attack');
    expect(annotated.code, annotated.stderr).toBe(0);
    const added = await cli(workspace, 'event', 'add', '--annotation', annotated.json.id, '--date', '2023-09-24', '--title', 'Attack in Banjska, as I coded it', '--kind', 'security-incident');
    expect(added.code, added.stderr).toBe(0);
    const listed = await cli(workspace, 'events', '--kind', 'security-incident');
    const mine = (listed.json as Awaited<ReturnType<typeof eventsOf>>).find((e) => e.id === added.json.edit.event.id)!;
    expect(mine).toMatchObject({ date: '2023-09-24', dateLabel: '24 September 2023', title: 'Attack in Banjska, as I coded it', edited: true });
    expect(mine.sources).toHaveLength(1);
    expect(mine.sources[0]).toMatchObject({ docId: passage.docId, passageIds: [passage.id] });
    expect(mine.sources[0]!.quotes[0]!.text).toBe(quote);
    // The entities the corpus found under the quoted words are named by the event.
    const at = passage.text.indexOf(quote);
    const named = bundledCorpus().mentions.filter((m) => m.passageId === passage.id && m.start < at + quote.length && m.end > at);
    expect(named.length).toBeGreaterThan(0);
    for (const mention of named) expect(mine.entityIds).toContain(mention.entityId);
    const human = await cli(workspace, 'event', 'edits');
    expect(human.json[0]).toMatchObject({ edit: { type: 'add', annotationId: annotated.json.id } });
  });

  it('refuses corrections that cannot apply, saying why, and writes nothing', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const target = eventFromTwoPapers();
    expect((await failure(core, 'evidence.editEvents', { edit: { type: 'redate', eventId: target.id, date: 'someday' } })).message).toContain('is not a date the timeline can place');
    expect((await failure(core, 'evidence.editEvents', { edit: { type: 'merge', eventIds: [target.id, 'event-1999-no-such-thing'] } })).message).toContain('merge needs at least two existing events');
    const all = target.sources.flatMap((s) => s.passageIds);
    expect((await failure(core, 'evidence.editEvents', { edit: { type: 'split', eventId: target.id, passageIds: all, title: 'Everything' } })).message).toContain('a split must leave passages on both sides');
    expect((await failure(core, 'evidence.editEvents', { edit: { type: 'add', annotationId: 'ann-nope', date: '2020', title: 'Nothing', kind: 'other' } })).code).toBe('NOT_FOUND');
    expect((await failure(core, 'evidence.undoEventEdit', { editId: 'eedit-nope' })).code).toBe('NOT_FOUND');
    expect((await failure(core, 'evidence.editEvents', { edit: { type: 'reclassify', eventId: target.id, kind: 'picnic' } })).code).toBe('BAD_REQUEST');
    expect(core.workspace.changes(0, { collections: ['event-edits'] }).results).toEqual([]);
  });
});
