import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftService } from '../../../electron/core/drafts/draft-service';
import { draftsCollections } from '../../../electron/core/drafts';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { openWorkspace, type Workspace } from '../../../electron/core/store';
import { cite, doc, paragraph, text } from './draft-builders';
import { loadTestCorpus } from './fixture';

const corpus = loadTestCorpus();
const passage = corpus.paragraphsOf(corpus.documentTitled(/How to Advance Kosovo-NATO Relations/i).id)[0]!;

let dir: string;
const opened: Workspace[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drafts-'));
});
afterEach(async () => {
  for (const workspace of opened.splice(0)) await workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock that moves one second per reading, so every change gets a distinct time. */
function steppingClock(start = Date.parse('2026-03-01T09:00:00Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

/** The drafts service over a real workspace in `dir`. */
async function open(options: { clock?: () => Date } = {}) {
  const workspace = await openWorkspace(dir, { collections: draftsCollections, holder: 'a drafts test' });
  opened.push(workspace);
  let n = 0;
  return { workspace, service: new DraftService(workspace, { now: options.clock ?? steppingClock(), newId: () => `draft-${++n}-${Math.random().toString(36).slice(2, 8)}` }) };
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<WorkbenchError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('expected a WorkbenchError');
}

describe('DraftService', () => {
  it('creates, lists, renames and duplicates drafts', async () => {
    const { service } = await open();
    const first = await service.create({ title: '  Kosovo and NATO  ' });
    const second = await service.create({ style: 'apa' });
    expect(first.title).toBe('Kosovo and NATO');
    expect(first.style).toBe('chicago-author-date');
    expect(second.title).toBe('Untitled draft');
    expect(second.style).toBe('apa');

    await service.rename(first.id, 'Kosovo–NATO relations');
    const copy = await service.duplicate(first.id);
    expect(copy.id).not.toBe(first.id);
    expect(copy.title).toBe('Kosovo–NATO relations (copy)');

    const listed = service.list();
    expect(listed.map((d) => d.id)).toEqual([copy.id, first.id, second.id]);
    expect(listed[0]).not.toHaveProperty('content');
  });

  it('autosaves content and counts its citations and words', async () => {
    const { service } = await open();
    const draft = await service.create({ title: 'Notes' });
    const content = doc(paragraph(text('NATO membership is a shared objective '), cite(passage), text('.')));
    const saved = await service.saveContent(draft.id, content);
    expect(saved.updatedAt > draft.updatedAt).toBe(true);
    expect(service.get(draft.id).content).toEqual(content);
    expect(service.list()[0]).toMatchObject({ citationCount: 1, wordCount: 6 });
  });

  it('moves to the trash, restores, and purges only from the trash', async () => {
    const { service } = await open();
    const draft = await service.create({ title: 'To be deleted' });
    expect((await rejection(service.purge(draft.id))).code).toBe('CONFLICT');

    await service.trash(draft.id);
    expect(service.list()).toHaveLength(0);
    expect(service.listTrash().map((d) => d.id)).toEqual([draft.id]);
    expect((await rejection(service.saveContent(draft.id, doc(paragraph(text('x')))))).code).toBe('CONFLICT');

    await service.restore(draft.id);
    expect(service.list().map((d) => d.id)).toEqual([draft.id]);
    expect(service.get(draft.id).trashedAt).toBeUndefined();

    await service.trash(draft.id);
    await service.purge(draft.id);
    expect(service.listTrash()).toHaveLength(0);
    expect((await rejection(() => service.get(draft.id))).code).toBe('NOT_FOUND');
  });

  it('rejects content that is not a document, and citations without a target', async () => {
    const { service } = await open();
    const draft = await service.create();
    const notADoc = await rejection(service.saveContent(draft.id, { type: 'paragraph' } as never));
    expect(notADoc.code).toBe('BAD_REQUEST');
    const badCitation = await rejection(service.saveContent(draft.id, doc(paragraph({ type: 'citation', attrs: { targetKind: 'passage' } }))));
    expect(badCitation.code).toBe('BAD_REQUEST');
    expect(badCitation.message).toMatch(/citation/);
  });

  it('after a crash mid-autosave, a new service over the same workspace sees the last saved content', async () => {
    const first = await open();
    const draft = await first.service.create({ title: 'Crash test' });
    const savedContent = doc(paragraph(text('Saved before the crash '), cite(passage, { locator: '2' })));
    await first.service.saveContent(draft.id, savedContent);

    // The next autosave dies halfway through appending its line to the journal.
    const journal = path.join(dir, 'drafts.journal');
    const lastLine = readFileSync(journal, 'utf8').trim().split('\n').at(-1)!;
    appendFileSync(journal, lastLine.replace('Saved before the crash', 'Lost in the crash').slice(0, 80));

    const reopened = await open();
    const recovered = reopened.service.get(draft.id);
    expect(recovered.title).toBe('Crash test');
    expect(recovered.content).toEqual(savedContent);
    // The torn line was set aside, not deleted, and the user told.
    expect(reopened.workspace.notices.map((notice) => notice.kind)).toEqual(['torn-tail']);
    expect(readdirSync(dir).filter((name) => name.startsWith('drafts.journal.torn-'))).toHaveLength(1);

    // And work goes on after the repair.
    const next = doc(paragraph(text('Written after reopening')));
    await reopened.service.saveContent(draft.id, next);
    expect((await open()).service.get(draft.id).content).toEqual(next);
  });
});
