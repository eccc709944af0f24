import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../../electron/core/api/methods/import';
import { annotationsCollection } from '../../../electron/core/annotations';
import type { Core } from '../../../electron/core/core';
import { libraryCollection } from '../../../electron/core/import';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, documentFolders, failure, pdf, transcript } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

const base64Of = async (file: string) => (await fs.readFile(file)).toString('base64');

describe('import.file', () => {
  it('publishes progress page by page, adds the document to the corpus and tells search', async () => {
    const core = await openCore(await tempDir());
    const progress: ImportProgressEvent[] = [];
    core.subscribe('import.progress', (event) => progress.push(event));
    const announced: unknown[] = [];
    core.bus.on('library.changed', (event) => announced.push(event));

    const result = await call(core, 'import.file', { path: pdf('tracemonkey.pdf'), jobId: 'job-1' });

    expect(result).toMatchObject({ jobId: 'job-1', status: 'imported', pages: 14 });
    const pages = progress.filter((event) => event.stage === 'extracting' && event.page > 0);
    expect(pages.map((event) => event.page)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(pages.every((event) => event.total === 14 && event.jobId === 'job-1' && event.fileName === 'tracemonkey.pdf')).toBe(true);
    expect(announced).toEqual([{ docId: result.documentId, change: 'added' }]);
    const listed = (await call(core, 'corpus.documents', {})).find((d: { id: string }) => d.id === result.documentId);
    expect(listed).toMatchObject({ title: result.title, origin: 'imported-pdf', pdfUrl: `/workspace/documents/${result.documentId}/original.pdf` });
    // The URL the reader gets points at the file that is really there.
    await expect(fs.stat(path.join(core.workspace.dir, listed.pdfUrl.replace('/workspace/', '')))).resolves.toBeTruthy();
  });

  it('stops a running import on import.cancel and keeps nothing of it', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    let cancelled: Promise<unknown> | undefined;
    core.subscribe('import.progress', (event) => {
      if (event.page === 2 && !cancelled) cancelled = call(core, 'import.cancel', { jobId: event.jobId });
    });
    const error = await failure(core, 'import.file', { path: pdf('tracemonkey.pdf'), jobId: 'to-cancel' });
    expect(error.code).toBe('CANCELLED');
    await expect(cancelled).resolves.toEqual({ cancelled: true });
    expect(await documentFolders(workspace)).toEqual([]);
    expect([...core.workspace.records(libraryCollection).values()]).toEqual([]);
    expect(await call(core, 'import.cancel', { jobId: 'to-cancel' })).toEqual({ cancelled: false });
  });

  it('runs imports one at a time: a waiting import can be cancelled before it starts, the same file twice gets one copy', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const started: string[] = [];
    core.subscribe('import.progress', (event) => {
      if (!started.includes(event.jobId)) started.push(event.jobId);
    });
    const first = call(core, 'import.file', { path: pdf('alphatrans.pdf'), jobId: 'first' });
    const second = failure(core, 'import.file', { path: pdf('alphatrans.pdf'), jobId: 'second' });
    const third = failure(core, 'import.file', { path: transcript('community-meeting-leposavic.txt'), jobId: 'third' });
    expect(await call(core, 'import.cancel', { jobId: 'third' })).toEqual({ cancelled: true });

    expect((await first).status).toBe('imported');
    // The duplicate check saw the first import's result, because it ran after it.
    expect((await second).code).toBe('CONFLICT');
    expect((await third).code).toBe('CANCELLED');
    expect(started).toEqual(['first', 'second']);
    expect(await documentFolders(workspace)).toHaveLength(1);
  });

  it('refuses a job id already in use', async () => {
    const core = await openCore(await tempDir());
    const running = call(core, 'import.file', { path: pdf('alphatrans.pdf'), jobId: 'same' });
    expect((await failure(core, 'import.file', { path: transcript('community-meeting-leposavic.txt'), jobId: 'same' })).code).toBe('CONFLICT');
    expect((await running).status).toBe('imported');
  });

  it('answers the file dialog method with UNSUPPORTED: only the desktop shell has one', async () => {
    const core = await openCore(await tempDir());
    expect((await failure(core, 'import.pickFiles', {})).code).toBe('UNSUPPORTED');
  });
});

describe('import.bytes', () => {
  it('imports a dropped transcript from its bytes, under its own name, with speakers', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const result = await call(core, 'import.bytes', { fileName: 'focus-group-zubin-potok.md', base64: await base64Of(transcript('focus-group-zubin-potok.md')) });
    expect(result).toMatchObject({ status: 'imported', title: 'Focus group: trust in policing, Zubin Potok' });
    const document = await call(core, 'corpus.document', { docId: result.documentId });
    expect(document).toMatchObject({ source: 'focus-group-zubin-potok.md', origin: 'imported-transcript', kind: 'transcript' });
    const speakers = new Set((await call(core, 'corpus.passages', { docId: result.documentId })).map((p: { speaker?: string }) => p.speaker));
    expect(speakers).toContain('Jelena');
    expect(speakers).toContain('Moderator');
  });

  it('asks for a password, and names the dropped file in the message', async () => {
    const core = await openCore(await tempDir());
    const base64 = await base64Of(pdf('issue6010_1.pdf'));
    const required = await failure(core, 'import.bytes', { fileName: 'secret report.pdf', base64 });
    expect(required).toMatchObject({ code: 'PASSWORD_REQUIRED', message: expect.stringContaining('secret report.pdf') });
    expect((await failure(core, 'import.bytes', { fileName: 'secret report.pdf', base64, password: 'xyz' })).code).toBe('PASSWORD_INCORRECT');
    expect((await call(core, 'import.bytes', { fileName: 'secret report.pdf', base64, password: 'abc' })).status).toBe('imported');
  });

  it('refuses bad input before touching the workspace', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const good = await base64Of(transcript('community-meeting-leposavic.txt'));
    const cases = [
      { fileName: '../escape.txt', base64: good },
      { fileName: 'sub/dir.txt', base64: good },
      { fileName: '', base64: good },
      { fileName: 'notes.txt', base64: 'not base64!' },
      { fileName: 'notes.txt', base64: '' },
      { fileName: 'notes.txt', base64: good, onDuplicate: 'maybe' },
      { fileName: 'notes.txt', base64: good, jobId: 'has spaces' },
      { fileName: 'notes.txt', base64: good, extra: true },
    ];
    for (const args of cases) expect((await failure(core, 'import.bytes', args)).code, JSON.stringify(args).slice(0, 80)).toBe('BAD_REQUEST');
    expect(await documentFolders(workspace)).toEqual([]);
    expect([...core.workspace.records(libraryCollection).values()]).toEqual([]);
  });

  it('names an unsupported file type, and a damaged picture', async () => {
    const core = await openCore(await tempDir());
    const unsupported = await failure(core, 'import.bytes', { fileName: 'slides.pptx', base64: Buffer.from('PK\u0003\u0004 not a document').toString('base64') });
    expect(unsupported.code).toBe('UNSUPPORTED');
    expect(unsupported.message).toContain('“slides.pptx” is not a format');
    // A truncated PNG once crashed the native image decoder, and the process with it.
    const damaged = await failure(core, 'import.bytes', { fileName: 'photo.png', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64') });
    expect(damaged.code).toBe('CORRUPT');
    expect(damaged.message).toContain('“photo.png” could not be read as an image');
  });
});

describe('imported documents across restarts', () => {
  it('loads every imported document at start and clears what an interrupted import left', async () => {
    const workspace = await tempDir();
    const first = await openCore(workspace);
    const pdfResult = await call(first, 'import.file', { path: pdf('alphatrans.pdf') });
    const textResult = await call(first, 'import.file', { path: transcript('interview-mitrovica-north-2024-03.txt') });
    await first.close();
    // What a crash in the middle of an import leaves: a hidden temp folder.
    await fs.mkdir(path.join(workspace, 'documents', '.tmp-deadbeef'));
    await fs.writeFile(path.join(workspace, 'documents', '.tmp-deadbeef', 'document.json'), '{"half":');

    const second = await openCore(workspace);
    const ids = (await call(second, 'corpus.documents', {})).map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining([pdfResult.documentId, textResult.documentId]));
    expect((await call(second, 'corpus.passages', { docId: textResult.documentId })).length).toBe(textResult.passages);
    const found = await call(second, 'search.query', { query: 'Zvečan' });
    expect(found.results.some((result: { docId?: string }) => result.docId === textResult.documentId)).toBe(true);
    expect(await documentFolders(workspace)).toEqual([pdfResult.documentId, textResult.documentId].sort());
  });
});

describe('search over imported documents', () => {
  it('finds an imported document’s text after the import, and no longer after its removal', async () => {
    const core = await openCore(await tempDir());
    const { documentId } = await call(core, 'import.file', { path: transcript('interview-mitrovica-north-2024-03.txt') });
    const found = await call(core, 'search.query', { query: 'Zvečan' });
    expect(found.results.some((result: { docId?: string }) => result.docId === documentId)).toBe(true);
    await call(core, 'import.remove', { docId: documentId, annotations: 'delete' });
    const after = await call(core, 'search.query', { query: 'Zvečan' });
    expect(after.results.some((result: { docId?: string }) => result.docId === documentId)).toBe(false);
  });
});

describe('import.updateMetadata', () => {
  it('saves corrected details, validated, and keeps them after a restart', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const { documentId } = await call(core, 'import.file', { path: pdf('alphatrans.pdf') });
    const updated = await call(core, 'import.updateMetadata', { docId: documentId, title: '  Alpha transparency test  ', authors: ['Ada Lovelace'], year: 2009, publisher: 'PDF.js' });
    expect(updated).toMatchObject({ id: documentId, title: 'Alpha transparency test', authors: ['Ada Lovelace'], year: 2009, publishers: ['PDF.js'] });

    for (const bad of [{ title: '' }, { year: 99 }, { year: 'soon' }, { authors: [''] }, { colour: 'red' }]) {
      expect((await failure(core, 'import.updateMetadata', { docId: documentId, ...bad })).code).toBe('BAD_REQUEST');
    }
    expect((await failure(core, 'import.updateMetadata', { docId: 'kcss-kosovo-nato-relations-2024', title: 'x' })).code).toBe('BAD_REQUEST');
    expect((await failure(core, 'import.updateMetadata', { docId: 'imp-0123456789ab', title: 'x' })).code).toBe('NOT_FOUND');

    const cleared = await call(core, 'import.updateMetadata', { docId: documentId, year: null, publisher: null });
    expect(cleared.year).toBeUndefined();
    expect(cleared.publishers).toEqual([]);
    await core.close();
    const reopened = await openCore(workspace);
    expect(await call(reopened, 'corpus.document', { docId: documentId })).toMatchObject({ title: 'Alpha transparency test', authors: ['Ada Lovelace'], publishers: [] });
  });
});

describe('import.remove', () => {
  async function importWithAnnotation(core: Core) {
    const { documentId } = await call(core, 'import.file', { path: transcript('interview-mitrovica-north-2024-03.txt') });
    const passage = (await call(core, 'corpus.passages', { docId: documentId })).find((p: { text: string }) => p.text.includes('All my life'));
    const annotation = await call(core, 'annotations.create', { passageId: passage.id, quote: 'All my life', note: 'born locally' });
    return { documentId, annotationId: annotation.id as string };
  }

  it('keeps the annotations as orphans when asked to', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const { documentId, annotationId } = await importWithAnnotation(core);
    const result = await call(core, 'import.remove', { docId: documentId, annotations: 'keep-as-orphans' });
    expect(result).toEqual({ docId: documentId, annotationsDeleted: 0, annotationsKeptAsOrphans: 1 });
    const kept = [...core.workspace.records(annotationsCollection).values()].find((a) => a.id === annotationId);
    expect(kept).toMatchObject({ docId: documentId, anchorStatus: 'orphan', note: 'born locally' });
    expect((await failure(core, 'corpus.document', { docId: documentId })).code).toBe('NOT_FOUND');
    expect(await documentFolders(workspace)).toEqual([]);
  });

  it('deletes the annotations when asked to, and announces the removal', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const { documentId } = await importWithAnnotation(core);
    const announced: unknown[] = [];
    core.bus.on('library.changed', (event) => announced.push(event));
    const result = await call(core, 'import.remove', { docId: documentId, annotations: 'delete' });
    expect(result.annotationsDeleted).toBe(1);
    expect([...core.workspace.records(annotationsCollection).values()]).toEqual([]);
    expect(announced).toEqual([{ docId: documentId, change: 'removed' }]);
    expect([...core.workspace.records(libraryCollection).values()]).toEqual([]);
  });

  it('refuses to remove without a choice for the annotations', async () => {
    const core = await openCore(await tempDir());
    const { documentId } = await importWithAnnotation(core);
    expect((await failure(core, 'import.remove', { docId: documentId })).code).toBe('BAD_REQUEST');
    expect([...core.workspace.records(annotationsCollection).values()]).toHaveLength(1);
    expect((await call(core, 'corpus.document', { docId: documentId })).id).toBe(documentId);
  });
});
