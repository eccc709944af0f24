import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { eventEditsCollection } from '../../../electron/core/evidence';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { bundledCorpus, passageWith } from '../annotations-api/cli-helpers';
import { callers } from '../drafts-api/helpers';
import { cli } from '../import-api/support';

const tempDir = useTempDirs();
const openCore = useCores();

/** What the store holds of the corrections: ids and edits, as a reopened workspace would read them. */
const stored = (core: Core) => [...core.workspace.records(eventEditsCollection).values()].map(({ id, edit }) => ({ id, edit })).sort((a, b) => a.id.localeCompare(b.id));
const monthEvent = () => bundledCorpus().events.find((e) => e.precision === 'month' && e.sources.length === 2)!;

describe('corrections of the events on the core’s undo stack', () => {
  it('undo then redo of a date correction restores each state in the store and on the timeline; Edit > Undo names it', async () => {
    const core = await openCore(await tempDir());
    const { call } = callers(core);
    const target = monthEvent();
    const dateOf = async () => (await call('evidence.events', {})).events.find((e) => e.id === target.id)!.dateLabel;
    const original = await dateOf();

    const made = await call('evidence.editEvents', { edit: { type: 'redate', eventId: target.id, date: 'late 2013' } });
    expect(made.edit).toEqual({ type: 'redate', eventId: target.id, date: '2013-39' });
    expect(made.dateLabel).toBe('late 2013');
    const afterEdit = stored(core);
    expect(afterEdit).toEqual([{ id: made.id, edit: made.edit }]);
    expect(await dateOf()).toBe('late 2013');
    expect(await call('undo.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Correct the date of an event' });

    expect(await call('undo.undo', {})).toMatchObject({ done: true, canRedo: true, redoLabel: 'Correct the date of an event' });
    expect(stored(core)).toEqual([]);
    expect(await dateOf()).toBe(original);

    expect(await call('undo.redo', {})).toMatchObject({ done: true, canUndo: true });
    expect(stored(core)).toEqual(afterEdit);
    expect(await dateOf()).toBe('late 2013');

    // Taking a correction back from its history is an edit too: undo puts it back.
    await call('evidence.undoEventEdit', { editId: made.id });
    expect(stored(core)).toEqual([]);
    await call('undo.undo', {});
    expect(stored(core)).toEqual(afterEdit);
  });

  it('steps through coding edits and event corrections in the order they were made', async () => {
    const core = await openCore(await tempDir());
    const { call } = callers(core);
    const target = monthEvent();
    const topic = await call('topics.create', { name: 'Timeline checks' });
    await call('evidence.editEvents', { edit: { type: 'retitle', eventId: target.id, title: 'A better title' } });
    await call('undo.undo', {});
    expect(stored(core)).toEqual([]);
    expect((await call('topics.list', {})).some((t) => t.id === topic.id)).toBe(true);
    await call('undo.undo', {});
    expect((await call('topics.list', {})).some((t) => t.id === topic.id)).toBe(false);
  });

  it('removes an event: one a person added is deleted with its own corrections, an extracted one hidden, both undoable', async () => {
    const core = await openCore(await tempDir());
    const { call, fail } = callers(core);
    const extracted = monthEvent();
    const count = async () => (await call('evidence.events', {})).events.length;
    const before = await count();

    const hidden = await call('evidence.removeEvent', { eventId: extracted.id });
    expect(hidden).toMatchObject({ eventId: extracted.id, outcome: 'hidden', edit: { edit: { type: 'remove', eventId: extracted.id }, removed: { title: extracted.title } } });
    expect(await count()).toBe(before - 1);
    // The list of corrections names the hidden event, so it can be shown again.
    const edits = await call('evidence.eventEdits', {});
    expect(edits.find((e) => e.edit.type === 'remove')?.removed).toEqual({ title: extracted.title, dateLabel: hidden.edit!.removed!.dateLabel });
    await call('undo.undo', {});
    expect(await count()).toBe(before);

    const passage = passageWith('Banjska');
    const annotation = await call('annotations.create', { passageId: passage.id, quote: 'Banjska' });
    const added = await call('evidence.editEvents', { edit: { type: 'add', annotationId: annotation.id, date: '24 September 2023', title: 'My own Banjska', kind: 'security-incident' } });
    const mine = added.edit.type === 'add' ? added.edit.event.id : '';
    await call('evidence.editEvents', { edit: { type: 'retitle', eventId: mine, title: 'My own Banjska, retitled' } });
    expect(stored(core)).toHaveLength(2);
    const deleted = await call('evidence.removeEvent', { eventId: mine });
    expect(deleted).toEqual({ eventId: mine, outcome: 'deleted' });
    expect(stored(core)).toEqual([]);
    expect(await count()).toBe(before);
    await call('undo.undo', {});
    expect(stored(core)).toHaveLength(2);
    expect((await call('evidence.events', {})).events.find((e) => e.id === mine)?.title).toBe('My own Banjska, retitled');
    expect((await fail('evidence.removeEvent', { eventId: 'event-1999-nothing' })).code).toBe('NOT_FOUND');
  });

  it('reads dates as the papers write them, and refuses what is not one with what to write', async () => {
    const core = await openCore(await tempDir());
    const { call, fail } = callers(core);
    const read = (text: string) => call('evidence.readDate', { text });
    expect(await read('late 2013')).toMatchObject({ date: '2013-39', label: 'late 2013', precision: 'part-of-year', start: '2013-09-01', end: '2013-12-31', ends: [{ year: '2013', part: 'late' }] });
    expect(await read('mid-2025')).toMatchObject({ date: '2025-38', ends: [{ part: 'mid-' }] });
    expect(await read('first half of 2013')).toMatchObject({ date: '2013-40' });
    expect(await read('24 September 2023')).toMatchObject({ date: '2023-09-24', ends: [{ year: '2023', month: 9, day: 24 }] });
    expect(await read('2023-09')).toMatchObject({ date: '2023-09', precision: 'month' });
    expect(await read('late 2024/early 2025')).toMatchObject({ date: '2024-39/2025-37', label: 'late 2024 – early 2025' });
    expect(await read('2015 – 2016')).toMatchObject({ date: '2015/2016' });
    expect((await fail('evidence.readDate', { text: '2023-02-30' })).message).toContain('February 2023 has no day 30');
    expect((await fail('evidence.readDate', { text: 'someday' })).message).toContain('late 2013');
    expect((await fail('evidence.readDate', { text: '2016/2015' })).message).toContain('ends before it starts');
    expect(await call('evidence.readDate', { text: 'The attack in Banjska on 24 September 2023, after tensions in 2023', within: true })).toMatchObject({ date: '2023-09-24' });
    expect(await call('evidence.readDate', { text: 'No date here', within: true })).toBeNull();
    const parts = await call('evidence.dateParts', {});
    expect(parts.map((p) => p.part)).toEqual(expect.arrayContaining(['early', 'mid-', 'late', 'first half of', 'second half of', 'spring']));
    for (const { part } of parts) expect((await read(part.endsWith('-') ? `${part}2010` : `${part} 2010`))!.precision).toBe('part-of-year');
  });

  it('workbench event redate takes words; event remove hides an extracted event, and says so', async () => {
    const workspace = await tempDir();
    const target = monthEvent();
    const redated = await cli(workspace, 'event', 'redate', target.id, 'first half of 2023');
    expect(redated.code, redated.stderr).toBe(0);
    expect(redated.json).toMatchObject({ edit: { type: 'redate', date: '2023-40' }, dateLabel: 'first half of 2023' });
    const refused = await cli(workspace, 'event', 'redate', target.id, 'sometime soon');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('late 2013');
    const removed = await cli(workspace, 'event', 'remove', target.id);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json).toMatchObject({ eventId: target.id, outcome: 'hidden', edit: { edit: { type: 'remove' }, removed: { dateLabel: 'first half of 2023' } } });
    const listed = await cli(workspace, 'events');
    expect((listed.json as Array<{ id: string }>).some((event) => event.id === target.id)).toBe(false);
  });
});
