import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { metadataEditsCollection } from '../../../electron/core/metadata-edits';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli, failure, transcript } from '../import-api/support';

const tempDir = useTempDirs();
const openCore = useCores();

/** A bundled paper whose year is not printed: the build inferred 2024 from its latest dated sentences. */
const INFERRED = 'kcss-crisis-management-to-stability';

async function call(core: Core, method: string, args: unknown): Promise<any> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const field = (document: { metadataFields: Array<{ field: string }> }, name: string): any => document.metadataFields.find((f) => f.field === name);

describe('metadata edits are records laid over the extraction', () => {
  it('corrects a bundled paper, names who and when, cites the new year, survives a restart, and reverts to the inferred year', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const user = core.workspace.user.id;
    const before = await call(core, 'corpus.document', { docId: INFERRED });
    expect(field(before, 'year')).toMatchObject({ value: before.year, source: 'inferred' });
    const correctedYear = before.year - 1;

    const saved = await call(core, 'metadata.set', { docId: INFERRED, fields: { year: correctedYear, place: 'Prishtina' }, note: 'printed on the back cover' });
    expect(saved.year).toBe(correctedYear);
    expect(field(saved, 'year')).toMatchObject({ value: correctedYear, source: 'user', editedBy: user, note: 'printed on the back cover' });
    expect(field(saved, 'year').explanation).toMatch(new RegExp(`^entered by ${user} on \\d{4}-\\d{2}-\\d{2}$`));
    // Unchanged fields keep their own sources.
    expect(field(saved, 'title').source).toBe(field(before, 'title').source);

    const edits = await call(core, 'metadata.edits', { docId: INFERRED });
    expect(edits.map((edit: { field: string }) => edit.field).sort()).toEqual(['place', 'year']);
    expect(edits.every((edit: { editedBy: string }) => edit.editedBy === user)).toBe(true);
    // One record per field, each with a revision and its author in the store.
    const records = core.workspace.records(metadataEditsCollection);
    expect(records.size).toBe(2);
    expect(records.entry(`${INFERRED}~year`)).toMatchObject({ author: user });
    expect(records.entry(`${INFERRED}~year`)!.rev).toMatch(/^1-[0-9a-f]{32}$/);

    // A citation of the paper prints the corrected year, as a printed (not supplied) one.
    const passage = (await call(core, 'corpus.passages', { docId: INFERRED }))[3];
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { targetKind: 'passage', targetId: passage.id, docId: INFERRED, locator: null, prefix: null, suffix: null, suppressAuthor: false } }] }],
    };
    const apa = await call(core, 'drafts.format', { content, style: 'apa' });
    expect(apa.citations[0].text).toContain(`${correctedYear}`);
    expect(apa.citations[0].text).not.toContain('ca.');

    await core.close();
    const reopened = await openCore(workspace);
    expect((await call(reopened, 'corpus.document', { docId: INFERRED })).year).toBe(correctedYear);

    const reverted = await call(reopened, 'metadata.revert', { docId: INFERRED, fields: ['year'] });
    expect(field(reverted, 'year')).toMatchObject({ value: before.year, source: 'inferred' });
    expect(field(reverted, 'place')).toMatchObject({ value: 'Prishtina', source: 'user' });
    // The revert is a tombstone that can travel, not a rewrite.
    expect(reopened.workspace.records(metadataEditsCollection).entry(`${INFERRED}~year`)).toMatchObject({ deleted: true });
  });

  it('confirms an inferred year as the user’s (cited plainly), once; a revert brings the inference back', async () => {
    const core = await openCore(await tempDir());
    const before = await call(core, 'corpus.document', { docId: INFERRED });
    const inferred = before.year;
    const passage = (await call(core, 'corpus.passages', { docId: INFERRED }))[3];
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { targetKind: 'passage', targetId: passage.id, docId: INFERRED, locator: null, prefix: null, suffix: null, suppressAuthor: false } }] }],
    };
    expect((await call(core, 'drafts.format', { content, style: 'apa' })).citations[0].text).toContain(`ca. ${inferred}`);
    // The same value in `fields` alone changes nothing; `confirm` records it.
    await call(core, 'metadata.set', { docId: INFERRED, fields: { year: inferred } });
    expect(core.workspace.records(metadataEditsCollection).size).toBe(0);
    const confirmed = await call(core, 'metadata.set', { docId: INFERRED, fields: {}, confirm: ['year'], note: 'checked with the publisher' });
    expect(field(confirmed, 'year')).toMatchObject({ value: inferred, source: 'user', note: 'checked with the publisher' });
    expect(await call(core, 'metadata.edits', { docId: INFERRED })).toMatchObject([{ field: 'year', value: inferred, note: 'checked with the publisher', extracted: { value: inferred, source: 'inferred' } }]);
    // Each edit says what a revert would bring back: here, no place at all.
    await call(core, 'metadata.set', { docId: INFERRED, fields: { place: 'Prishtina', year: inferred - 1 } });
    const listed = await call(core, 'metadata.edits', { docId: INFERRED });
    expect(listed.find((edit: { field: string }) => edit.field === 'place').extracted).toEqual({ value: null, source: null });
    expect(listed.find((edit: { field: string }) => edit.field === 'year').extracted).toEqual({ value: inferred, source: 'inferred' });
    await call(core, 'metadata.revert', { docId: INFERRED, fields: ['place'] });
    await call(core, 'metadata.set', { docId: INFERRED, fields: { year: inferred } });
    const apa = (await call(core, 'drafts.format', { content, style: 'apa' })).citations[0].text;
    expect(apa).toContain(`${inferred}`);
    expect(apa).not.toContain('ca.');
    // Confirming a value that is already the user's writes nothing more.
    const revision = core.workspace.records(metadataEditsCollection).entry(`${INFERRED}~year`)!.rev;
    await call(core, 'metadata.set', { docId: INFERRED, fields: {}, confirm: ['year'] });
    expect(core.workspace.records(metadataEditsCollection).entry(`${INFERRED}~year`)!.rev).toBe(revision);
    const reverted = await call(core, 'metadata.revert', { docId: INFERRED, fields: ['year'] });
    expect(field(reverted, 'year')).toMatchObject({ value: inferred, source: 'inferred' });
  });

  it('refuses bad values and unknown documents, and writes nothing', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    expect((await failure(core, 'metadata.set', { docId: INFERRED, fields: { year: 24 } })).message).toContain('a year has four digits');
    expect((await failure(core, 'metadata.set', { docId: INFERRED, fields: { isbn: '978-0-00-000000-1' } })).message).toContain('not a valid ISBN');
    expect((await failure(core, 'metadata.set', { docId: INFERRED, fields: { url: 'javascript:alert(1)' } })).message).toMatch(/only http and https|not a URL/);
    expect((await failure(core, 'metadata.set', { docId: INFERRED, fields: { title: '  ' } })).message).toContain('the title cannot be empty');
    expect((await failure(core, 'metadata.set', { docId: INFERRED, fields: { colour: 'red' } })).code).toBe('BAD_REQUEST');
    expect((await failure(core, 'metadata.set', { docId: 'no-such-paper', fields: { year: 2020 } })).code).toBe('NOT_FOUND');
    expect(core.workspace.records(metadataEditsCollection).size).toBe(0);
    expect(core.workspace.changes(0, { collections: ['metadata-edits'] }).results).toEqual([]);
  });

  it('saves the imported document details dialog as records, renames its library entry, and keeps document.json as extracted', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const imported = await call(core, 'import.file', { path: transcript('interview-mitrovica-north-2024-03.txt') });
    const docId = imported.documentId;
    const extractedTitle = (await call(core, 'corpus.document', { docId })).title;

    const saved = await call(core, 'import.updateMetadata', { docId, title: 'Mitrovica North, March 2024', year: 2024, publisher: 'Field notes' });
    expect(saved).toMatchObject({ title: 'Mitrovica North, March 2024', year: 2024, publishers: ['Field notes'] });
    expect(field(saved, 'title')).toMatchObject({ source: 'user', editedBy: core.workspace.user.id });
    expect(core.workspace.records(metadataEditsCollection).size).toBeGreaterThanOrEqual(2);
    const library = await call(core, 'corpus.documents', {});
    expect(library.find((d: { id: string }) => d.id === docId).title).toBe('Mitrovica North, March 2024');
    const stored = JSON.parse(await readFile(join(workspace, 'documents', docId, 'document.json'), 'utf8'));
    expect(stored.document.title).toBe(extractedTitle);

    await core.close();
    const reopened = await openCore(workspace);
    expect((await call(reopened, 'corpus.document', { docId })).title).toBe('Mitrovica North, March 2024');
  });
});

describe('workbench metadata --set', () => {
  it('corrects fields from the command line, lists split on semicolons, and shows who entered them', async () => {
    const workspace = await tempDir();
    const set = await cli(workspace, '--user', 'Amina', 'metadata', INFERRED, '--set', 'year=2023', '--set', 'authors=Ramadan Ilazi; Leureta Lumi; Jeta Loshaj');
    expect(set.code, set.stderr).toBe(0);
    const fields = new Map((set.json.fields as Array<{ field: string }>).map((f) => [f.field, f as any]));
    expect(fields.get('year')).toMatchObject({ value: 2023, source: 'user' });
    expect(fields.get('authors')).toMatchObject({ value: ['Ramadan Ilazi', 'Leureta Lumi', 'Jeta Loshaj'], source: 'user' });
    expect(fields.get('year').explanation).toMatch(/^entered by amina/);

    const read = await cli(workspace, 'metadata', INFERRED);
    expect(read.json.fields.find((f: { field: string }) => f.field === 'year').value).toBe(2023);
    const reverted = await cli(workspace, 'metadata', INFERRED, '--revert', 'year');
    expect(reverted.json.fields.find((f: { field: string }) => f.field === 'year')).toMatchObject({ source: 'inferred' });
  });

  it('confirms an inferred year as it stands with --confirm', async () => {
    const workspace = await tempDir();
    const before = await cli(workspace, 'metadata', INFERRED);
    const inferred = before.json.fields.find((f: { field: string }) => f.field === 'year');
    expect(inferred).toMatchObject({ source: 'inferred' });
    const confirmed = await cli(workspace, '--user', 'Amina', 'metadata', INFERRED, '--confirm', 'year', '--note', 'checked');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.json.fields.find((f: { field: string }) => f.field === 'year')).toMatchObject({ value: inferred.value, source: 'user', note: 'checked' });
  });

  it('refuses a field that does not exist or a year that is not one, with what to type instead, and writes nothing', async () => {
    const workspace = await tempDir();
    const unknown = await cli(workspace, 'metadata', INFERRED, '--set', 'yeer=2023');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout + unknown.stderr).toContain('“yeer” is not a metadata field');
    const notYear = await cli(workspace, 'metadata', INFERRED, '--set', 'year=twenty');
    expect(notYear.code).not.toBe(0);
    expect(notYear.stdout + notYear.stderr).toContain('such as year=2024');
    expect((await readdir(workspace)).filter((name) => name.startsWith('metadata-edits'))).toEqual([]);
  });
});

describe('type and language are metadata fields', () => {
  /** A policy brief: its kind gives CSL `report`, with "Policy brief" as the genre. */
  const BRIEF = 'kcss-advance-kosovo-nato-relations';
  /** The paper as a draft citing it exports it: its CSL-JSON item, and its BibTeX entry. */
  const citing = async (core: Core) => {
    const passage = (await call(core, 'corpus.passages', { docId: BRIEF }))[3];
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { targetKind: 'passage', targetId: passage.id, docId: BRIEF, locator: null, prefix: null, suffix: null, suppressAuthor: false } }] }],
    };
    const draft = await call(core, 'drafts.create', { title: 'Citing the brief' });
    await call(core, 'drafts.save', { id: draft.id, content });
    const items = JSON.parse((await call(core, 'drafts.export', { id: draft.id, format: 'csl-json' })).data);
    const bibtex: string = (await call(core, 'drafts.export', { id: draft.id, format: 'bibtex' })).data;
    return { ...items[0], bibtex };
  };

  it('lists the type its kind gives and the language with where they came from; an edit goes into the citation item and a revert brings the kind’s type back', async () => {
    const core = await openCore(await tempDir());
    const before = await call(core, 'corpus.document', { docId: BRIEF });
    expect(field(before, 'type')).toMatchObject({ value: 'report', source: null, explanation: 'follows from its kind (policy brief)' });
    expect(field(before, 'language')).toMatchObject({ value: 'en', source: null, explanation: "from the bundled paper's metadata file" });
    expect(await citing(core)).toMatchObject({ type: 'report', genre: 'Policy brief', language: 'en' });

    // The kind's own type is no change; a language tag is put in its usual case.
    await call(core, 'metadata.set', { docId: BRIEF, fields: { type: 'report' } });
    expect(core.workspace.records(metadataEditsCollection).size).toBe(0);
    const saved = await call(core, 'metadata.set', { docId: BRIEF, fields: { type: 'book', language: 'SR-latn' } });
    expect(field(saved, 'type')).toMatchObject({ value: 'book', source: 'user' });
    expect(field(saved, 'language')).toMatchObject({ value: 'sr-Latn', source: 'user' });
    expect(saved.language).toBe('sr-Latn');
    const item = await citing(core);
    expect(item).toMatchObject({ type: 'book', language: 'sr-Latn' });
    expect(item.bibtex).toMatch(/^@book\{/);
    expect(item.bibtex).toContain('language = {sr-Latn}');
    // "Policy brief" is a report's genre, not a book's.
    expect(item.genre).toBeUndefined();
    expect((await call(core, 'metadata.edits', { docId: BRIEF })).find((edit: { field: string }) => edit.field === 'type').extracted).toEqual({ value: 'report', source: null });

    const reverted = await call(core, 'metadata.revert', { docId: BRIEF, fields: ['type', 'language'] });
    expect(field(reverted, 'type')).toMatchObject({ value: 'report', source: null });
    expect(field(reverted, 'language')).toMatchObject({ value: 'en', source: null });
    expect(await citing(core)).toMatchObject({ type: 'report', genre: 'Policy brief', language: 'en' });
  });

  it('refuses a type CSL does not know and a language that is not a tag (or no language), and writes nothing', async () => {
    const core = await openCore(await tempDir());
    expect((await failure(core, 'metadata.set', { docId: BRIEF, fields: { type: 'novel' } })).message).toContain('not a CSL item type');
    for (const language of ['english', 'e', 'en_GB', 'en-', '12', 'sq; DROP']) {
      expect((await failure(core, 'metadata.set', { docId: BRIEF, fields: { language } })).message, language).toContain('not a language tag');
    }
    expect((await failure(core, 'metadata.set', { docId: BRIEF, fields: { language: null } })).code).toBe('BAD_REQUEST');
    expect(core.workspace.records(metadataEditsCollection).size).toBe(0);
  });

  it('takes them from the command line: workbench metadata DOC --set type=report --set language=sq', async () => {
    const workspace = await tempDir();
    const set = await cli(workspace, 'metadata', INFERRED, '--set', 'type=thesis', '--set', 'language=sq');
    expect(set.code, set.stderr).toBe(0);
    const fields = new Map((set.json.fields as Array<{ field: string }>).map((f) => [f.field, f as any]));
    expect(fields.get('type')).toMatchObject({ value: 'thesis', source: 'user' });
    expect(fields.get('language')).toMatchObject({ value: 'sq', source: 'user' });
    // type= goes back to the kind's type; a wrong type says what to use.
    const cleared = await cli(workspace, 'metadata', INFERRED, '--set', 'type=');
    expect(cleared.json.fields.find((f: { field: string }) => f.field === 'type')).toMatchObject({ value: 'report' });
    const wrong = await cli(workspace, 'metadata', INFERRED, '--set', 'type=paper');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout + wrong.stderr).toContain('article-journal');
  });
});
