import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { pdfOfPages, scannedReportPage } from '../import/support/scans';
import { cli, documentFolders, pdf, transcript } from './support';

const tempDir = useTempDirs();

describe('workbench import', () => {
  it('imports a PDF and lists it among the documents', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'import', pdf('tracemonkey.pdf'));
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ title: 'Trace-based Just-in-Time Type Specialization for Dynamic Languages', pages: 14, status: 'imported', hasTextLayer: true });
    expect(result.json.documentId).toMatch(/^imp-/);
    expect(result.json.passages).toBeGreaterThan(100);

    const documents = await cli(workspace, 'documents');
    const imported = documents.json.find((document: { id: string }) => document.id === result.json.documentId);
    expect(imported).toMatchObject({ origin: 'imported-pdf', pageCount: 14, passageCount: result.json.passages });
    const passages = await cli(workspace, 'passages', result.json.documentId);
    expect(passages.json.map((p: { text: string }) => p.text).join(' ')).toContain('TraceMonkey');
  });

  it('refuses a duplicate, skips it or imports it again as asked', async () => {
    const workspace = await tempDir();
    const first = await cli(workspace, 'import', pdf('alphatrans.pdf'));
    expect(first.code).toBe(0);

    const again = await cli(workspace, 'import', pdf('alphatrans.pdf'));
    expect(again.code).toBe(1);
    expect(again.json.error.code).toBe('CONFLICT');
    expect(again.json.error.message).toContain('alphatrans.pdf');

    const skipped = await cli(workspace, 'import', pdf('alphatrans.pdf'), '--duplicate', 'skip');
    expect(skipped.code).toBe(0);
    expect(skipped.json).toMatchObject({ status: 'skipped', documentId: first.json.documentId });

    const copy = await cli(workspace, 'import', pdf('alphatrans.pdf'), '--duplicate', 'again');
    expect(copy.code).toBe(0);
    expect(copy.json.status).toBe('imported');
    expect(copy.json.documentId).not.toBe(first.json.documentId);
    expect(await documentFolders(workspace)).toEqual([first.json.documentId, copy.json.documentId].sort());

    const badChoice = await cli(workspace, 'import', pdf('alphatrans.pdf'), '--duplicate', 'sometimes');
    expect(badChoice.code).toBe(1);
    expect(badChoice.json.error.code).toBe('BAD_REQUEST');
  });

  it('asks for the password of an encrypted PDF, rejects a wrong one, opens with the right one', async () => {
    const workspace = await tempDir();
    const missing = await cli(workspace, 'import', pdf('issue6010_1.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.json.error).toMatchObject({ code: 'PASSWORD_REQUIRED', message: expect.stringContaining('issue6010_1.pdf') });

    const wrong = await cli(workspace, 'import', pdf('issue6010_1.pdf'), '--password', 'abd');
    expect(wrong.code).toBe(1);
    expect(wrong.json.error.code).toBe('PASSWORD_INCORRECT');
    expect(await documentFolders(workspace)).toEqual([]);

    const right = await cli(workspace, 'import', pdf('issue6010_1.pdf'), '--password', 'abc');
    expect(right.code).toBe(0);
    expect(right.json.pages).toBe(1);
  });

  it('reports a corrupt file by name and leaves nothing behind', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'import', pdf('poppler-937-0-fuzzed.pdf'));
    expect(result.code).toBe(1);
    expect(result.json.error).toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('poppler-937-0-fuzzed.pdf') });
    expect(await documentFolders(workspace)).toEqual([]);
    const info = await cli(workspace, 'info');
    expect(info.json.counts.importedDocuments).toBe(0);
  });

  it('reports a missing file as NOT_FOUND', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'import', pdf('no-such-file.pdf'));
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('NOT_FOUND');
  });

  it('imports a PDF without text as a document that says so', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'import', pdf('empty.pdf'));
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ passages: 0, hasTextLayer: false });
    const document = (await cli(workspace, 'documents')).json.find((d: { id: string }) => d.id === result.json.documentId);
    expect(document.note).toContain('no text layer');
  });

  it('imports a transcript with its speakers', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'import', transcript('interview-mitrovica-north-2024-03.txt'));
    expect(result.code).toBe(0);
    const passages = (await cli(workspace, 'passages', result.json.documentId)).json as Array<{ speaker?: string }>;
    expect(new Set(passages.map((p) => p.speaker).filter(Boolean))).toEqual(new Set(['Interviewer', 'Respondent']));
  });
});

describe('workbench remove-document', () => {
  it('removes an imported document, its folder and its library entry', async () => {
    const workspace = await tempDir();
    const imported = await cli(workspace, 'import', transcript('community-meeting-leposavic.txt'));
    const removed = await cli(workspace, 'remove-document', imported.json.documentId, '--annotations', 'delete');
    expect(removed.code).toBe(0);
    expect(removed.json).toEqual({ docId: imported.json.documentId, annotationsDeleted: 0, annotationsKeptAsOrphans: 0 });
    expect(await documentFolders(workspace)).toEqual([]);
    const ids = (await cli(workspace, 'documents')).json.map((d: { id: string }) => d.id);
    expect(ids).not.toContain(imported.json.documentId);
    expect(ids).toHaveLength(5);
  });

  it('refuses bundled papers, unknown ids and unknown choices without changing anything', async () => {
    const workspace = await tempDir();
    const bundled = await cli(workspace, 'remove-document', 'kcss-kosovo-nato-relations-2024');
    expect(bundled.code).toBe(1);
    expect(bundled.json.error.code).toBe('BAD_REQUEST');
    const unknown = await cli(workspace, 'remove-document', 'imp-0123456789ab');
    expect(unknown.code).toBe(1);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
    const imported = await cli(workspace, 'import', transcript('community-meeting-leposavic.txt'));
    const badChoice = await cli(workspace, 'remove-document', imported.json.documentId, '--annotations', 'shred');
    expect(badChoice.code).toBe(1);
    expect(badChoice.json.error.code).toBe('BAD_REQUEST');
    expect(await documentFolders(workspace)).toEqual([imported.json.documentId]);
  });

  it('lists OCR languages, refuses one that is not there, and leaves a scan unread with --no-ocr', async () => {
    const workspace = await tempDir();
    const languages = await cli(workspace, 'ocr-languages');
    expect(languages.code).toBe(0);
    expect(languages.json.languages.map((l: { code: string }) => l.code)).toEqual(['eng', 'fra']);
    expect(languages.json.folder).toBe(path.join(workspace, 'ocr-languages'));

    const scan = path.join(workspace, 'scan.pdf');
    await fs.writeFile(scan, await pdfOfPages([{ scan: await scannedReportPage('jpeg', 72) }]));
    const missing = await cli(workspace, 'import', scan, '--ocr-lang', 'eng+sqi');
    expect(missing.code).toBe(1);
    expect(missing.json.error.code).toBe('NOT_FOUND');
    expect(missing.json.error.message).toContain('sqi.traineddata');

    const unread = await cli(workspace, 'import', scan, '--no-ocr');
    expect(unread.code).toBe(0);
    expect(unread.json).toMatchObject({ hasTextLayer: false, ocrPages: [], passages: 0 });
  });
});
