import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { annotationTombstonesCollection } from '../../../electron/core/annotations';
import { useCores } from '../../helpers/core';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from '../import-api/support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('transcript-edit', (made) => {
  ({ spoken, files } = made);
});

async function importedInterview() {
  const core = await openCore(await tempDir());
  const transcript = path.join(files, 'edit.vtt');
  await fs.writeFile(transcript, interviewVtt(spoken.turns));
  const { documentId } = await call(core, 'import.file', { path: spoken.ogg, transcript });
  return { core, docId: documentId as string };
}

const passagesOf = (core: Core, docId: string) => core.corpus.passages(docId);
const documentText = (core: Core, docId: string) => passagesOf(core, docId).map((passage) => passage.text).join('\n\n');
const quoted = (core: Core, docId: string, annotation: { target: { selectors: { position: { start: number; end: number } } } }) =>
  documentText(core, docId).slice(annotation.target.selectors.position.start, annotation.target.selectors.position.end);
const savedRecord = (core: Core, docId: string) => fs.readFile(path.join(core.workspace.dir, 'documents', docId, 'document.json'), 'utf8');

async function annotationsById(core: Core, docId: string) {
  const list = await call(core, 'annotations.list', { docId });
  return new Map(list.map((annotation: { id: string }) => [annotation.id, annotation])) as Map<string, any>;
}

async function searchDoc(core: Core, docId: string, query: string): Promise<string[]> {
  const answer = await call(core, 'search.query', { query, limit: 200 });
  return answer.fuzzy ? [] : answer.results.filter((result: { docId?: string }) => result.docId === docId).map((result: { text: string }) => result.text);
}

describe('correcting a passage of a transcript', () => {
  it('keeps its times and speaker, moves every annotation onto the same words, orphans one whose words were deleted, and search follows', async () => {
    const { core, docId } = await importedInterview();
    const before = passagesOf(core, docId);
    const answer = before[1]!;
    expect(answer.text).toBe('Since two thousand and four. The bridge still divides us.');
    const create = (passage: { id: string; text: string }, quote: string) => call(core, 'annotations.create', { passageId: passage.id, quote, offsetInPassage: passage.text.indexOf(quote) });
    const ahead = await create(answer, 'Since two');
    const edited = await create(answer, 'and four');
    const across = await create(answer, 'four. The bridge');
    const deleted = await create(answer, 'still');
    const after = await create(answer, 'divides us');
    const later = await create(before[3]!, 'not in the north');
    const earlier = await create(before[0]!, 'lived in Mitrovica');
    // A quote a draft cites, then deleted: its tombstone must follow the text too.
    const cited = await create(before[3]!, 'More than before');
    const draft = await call(core, 'drafts.create', { title: 'Chapter 3' });
    await call(core, 'drafts.appendCitation', { id: draft.id, citation: { targetKind: 'annotation', targetId: cited.id, docId } });
    await call(core, 'annotations.delete', { id: cited.id, citedIn: 'keep-tombstone' });
    const annotationsBefore = await annotationsById(core, docId);
    const recordBefore = await savedRecord(core, docId);
    const tombstoneBefore = core.workspace.records(annotationTombstonesCollection).get(cited.id)!.annotation.target;
    expect(await searchDoc(core, docId, 'four')).not.toHaveLength(0);

    const corrected = 'Since two thousand and five. The old bridge divides us.';
    const result = await call(core, 'transcript.correctPassage', { docId, passageId: answer.id, text: corrected });
    expect(result).toMatchObject({ changed: true, orphaned: [deleted.id] });
    expect(result.passage).toMatchObject({ id: answer.id, text: corrected, start: answer.start, end: answer.end, speaker: answer.speaker });

    const now = passagesOf(core, docId);
    expect(now.map((passage) => passage.id)).toEqual(before.map((passage) => passage.id));
    expect(now[1]).toEqual({ ...answer, text: corrected });
    expect(now.filter((_, index) => index !== 1)).toEqual(before.filter((_, index) => index !== 1));

    const moved = await annotationsById(core, docId);
    expect(quoted(core, docId, moved.get(ahead.id))).toBe('Since two');
    expect(quoted(core, docId, moved.get(edited.id))).toBe('and five');
    expect(moved.get(edited.id).target.selectors.quote.exact).toBe('and five');
    expect(quoted(core, docId, moved.get(across.id))).toBe('five. The old bridge');
    expect(quoted(core, docId, moved.get(after.id))).toBe('divides us');
    expect(quoted(core, docId, moved.get(later.id))).toBe('not in the north');
    expect(quoted(core, docId, moved.get(earlier.id))).toBe('lived in Mitrovica');
    for (const id of [ahead.id, edited.id, across.id, after.id, later.id, earlier.id]) {
      expect(moved.get(id).anchorStatus).toBe('anchored');
      expect(moved.get(id).target.selectors.quote.exact).toBe(quoted(core, docId, moved.get(id)));
    }
    // Kept, marked, with the words it quoted: never deleted, never moved onto other words.
    expect(moved.get(deleted.id)).toMatchObject({ anchorStatus: 'orphan', target: annotationsBefore.get(deleted.id).target });
    const tombstone = core.workspace.records(annotationTombstonesCollection).get(cited.id)!;
    const text = documentText(core, docId);
    expect(text.slice(tombstone.annotation.target.selectors.position.start, tombstone.annotation.target.selectors.position.end)).toBe('More than before');

    expect((await searchDoc(core, docId, 'five')).some((hit) => hit.includes('old bridge'))).toBe(true);
    expect((await searchDoc(core, docId, 'four')).some((hit) => /\bfour\b/.test(hit))).toBe(false);
    expect((await call(core, 'undo.state', {})).undoLabel).toBe('Correct passage');

    // One undo puts back the text and every anchor exactly; redo does it again.
    await call(core, 'undo.undo', {});
    expect(passagesOf(core, docId)).toEqual(before);
    expect(await savedRecord(core, docId)).toBe(recordBefore);
    const undone = await annotationsById(core, docId);
    for (const [id, annotation] of annotationsBefore) expect([id, undone.get(id).target, undone.get(id).anchorStatus]).toEqual([id, annotation.target, annotation.anchorStatus]);
    expect(core.workspace.records(annotationTombstonesCollection).get(cited.id)!.annotation.target).toEqual(tombstoneBefore);
    expect((await searchDoc(core, docId, 'four')).some((hit) => /\bfour\b/.test(hit))).toBe(true);

    await call(core, 'undo.redo', {});
    expect(passagesOf(core, docId)[1]!.text).toBe(corrected);
    const redone = await annotationsById(core, docId);
    for (const [id, annotation] of moved) expect([id, redone.get(id).target, redone.get(id).anchorStatus]).toEqual([id, annotation.target, annotation.anchorStatus]);
  });

  it('answers unchanged text without writing, and refuses bad requests changing nothing', async () => {
    const { core, docId } = await importedInterview();
    const passage = passagesOf(core, docId)[2]!;
    await call(core, 'annotations.create', { passageId: passage.id, quote: 'the police' });
    const record = await savedRecord(core, docId);
    const annotations = await call(core, 'annotations.list', { docId });
    const undoBefore = (await call(core, 'undo.state', {})).undoLabel;

    expect(await call(core, 'transcript.correctPassage', { docId, passageId: passage.id, text: `  ${passage.text} ` })).toMatchObject({ changed: false });
    await expect(call(core, 'transcript.correctPassage', { docId, passageId: passage.id, text: ' \n ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(core, 'transcript.correctPassage', { docId, passageId: `${docId}-p99`, text: 'Hello' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(core, 'transcript.correctPassage', { docId: 'imp-000000000000', passageId: passage.id, text: 'Hello' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const bundled = core.corpus.allDocuments().find((document) => document.origin === 'bundled')!;
    const bundledPassage = core.corpus.passages(bundled.id)[0]!;
    await expect(call(core, 'transcript.correctPassage', { docId: bundled.id, passageId: bundledPassage.id, text: 'Rewritten' })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('read-only'),
    });
    expect(core.corpus.passages(bundled.id)[0]!.text).toBe(bundledPassage.text);
    // A passage of another document is not this document's.
    await expect(call(core, 'transcript.correctPassage', { docId, passageId: bundledPassage.id, text: 'Hello' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await savedRecord(core, docId)).toBe(record);
    expect(await call(core, 'annotations.list', { docId })).toEqual(annotations);
    expect((await call(core, 'undo.state', {})).undoLabel).toBe(undoBefore);
  });
});

describe('writing passages into a recording', () => {
  async function emptyRecording() {
    const core = await openCore(await tempDir());
    const { documentId } = await call(core, 'import.file', { path: spoken.ogg });
    return { core, docId: documentId as string };
  }

  it('writes a first passage into an empty transcript, then others in time order, each searchable and undoable', async () => {
    const { core, docId } = await emptyRecording();
    expect(passagesOf(core, docId)).toHaveLength(0);
    const [first, second, third] = spoken.turns;
    const written = await call(core, 'transcript.addPassage', { docId, text: third!.text, speaker: third!.speaker, start: third!.start, end: third!.end });
    expect(written.passage).toMatchObject({ text: third!.text, speaker: third!.speaker, start: Math.round(third!.start * 1000) / 1000, end: Math.round(third!.end * 1000) / 1000 });
    expect(passagesOf(core, docId).map((passage) => passage.id)).toEqual([written.passage.id]);
    const coded = await call(core, 'annotations.create', { passageId: written.passage.id, quote: 'trust the police' });

    // One written before it (by time) comes first; the annotation stays on its words.
    const opening = await call(core, 'transcript.addPassage', { docId, text: first!.text, start: first!.start, end: first!.end });
    expect(opening.passage.speaker).toBeUndefined();
    expect(passagesOf(core, docId).map((passage) => passage.text)).toEqual([first!.text, third!.text]);
    const moved = (await annotationsById(core, docId)).get(coded.id);
    expect(quoted(core, docId, moved)).toBe('trust the police');
    expect(moved.target.passageIds).toEqual([written.passage.id]);
    expect((await searchDoc(core, docId, 'Mitrovica')).length).toBeGreaterThan(0);

    // Overlapping a neighbour, past the end, or ending before it starts: refused, nothing written.
    const record = await savedRecord(core, docId);
    await expect(call(core, 'transcript.addPassage', { docId, text: 'Overlapping', start: (first!.start + first!.end) / 2, end: second!.end })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(first!.text.slice(0, 20)),
    });
    await expect(call(core, 'transcript.addPassage', { docId, text: 'Too late', start: spoken.duration - 0.1, end: spoken.duration + 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(core, 'transcript.addPassage', { docId, text: 'Backwards', start: 2, end: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(core, 'transcript.addPassage', { docId, text: '   ', start: second!.start, end: second!.end })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const paper = core.corpus.allDocuments().find((document) => document.origin === 'bundled')!;
    await expect(call(core, 'transcript.addPassage', { docId: paper.id, text: 'No', start: 0, end: 1 })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(await savedRecord(core, docId)).toBe(record);

    // Touching both neighbours is allowed: the missed turn goes between them.
    await call(core, 'transcript.addPassage', { docId, text: second!.text, speaker: second!.speaker, start: first!.end, end: third!.start });
    expect(passagesOf(core, docId).map((passage) => passage.text)).toEqual([first!.text, second!.text, third!.text]);
    expect(quoted(core, docId, (await annotationsById(core, docId)).get(coded.id))).toBe('trust the police');

    await call(core, 'undo.undo', {});
    expect(passagesOf(core, docId).map((passage) => passage.text)).toEqual([first!.text, third!.text]);
    expect(quoted(core, docId, (await annotationsById(core, docId)).get(coded.id))).toBe('trust the police');
    await call(core, 'undo.redo', {});
    expect(passagesOf(core, docId).map((passage) => passage.text)).toEqual([first!.text, second!.text, third!.text]);
  });
});
