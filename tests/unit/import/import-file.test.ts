import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/workbench-error.js';
import { DocumentSchema, FootnoteSchema, PassageSchema } from '../../../electron/core/corpus/schema.js';
import { WorkbenchError } from '../../../electron/core/api/errors.js';
import { importFile, type ImportedFile, type ImportProgress } from '../../../electron/core/import/import-file.js';
import { cleanupInterruptedImports, readImportedDocument, removeImportedDocument, updateImportedMetadata } from '../../../electron/core/import/manage-imported.js';
import { interviewDocx } from './support/interview-docx.js';
import { fixturePdf, listTree, tempWorkspace, transcriptFixtures } from './support/paths.js';

let workspace: string;
beforeEach(async () => {
  workspace = await tempWorkspace();
});
afterEach(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

async function imported(filePath: string, options: Parameters<typeof importFile>[2] = {}): Promise<ImportedFile> {
  const outcome = await importFile(workspace, filePath, options);
  if (outcome.status !== 'imported') throw new Error('expected an import');
  return outcome;
}

const failure = rejection;

describe('importFile', () => {
  it('imports a PDF: id from the content hash, original and document.json in the document folder', async () => {
    const stages: ImportProgress['stage'][] = [];
    const result = await imported(fixturePdf('tracemonkey.pdf'), { onProgress: (p) => stages.push(p.stage) });
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.document.id).toBe(`imp-${result.contentHash.slice(0, 12)}`);
    expect(result.document).toMatchObject({ origin: 'imported-pdf', pdf: 'original.pdf', pageCount: 14, source: 'tracemonkey.pdf' });
    expect(result.pages).toBe(14);
    expect(stages[0]).toBe('reading');
    expect(stages.at(-1)).toBe('saving');
    expect(stages.filter((s) => s === 'extracting').length).toBeGreaterThanOrEqual(14);

    expect(await listTree(path.join(workspace, 'documents'))).toEqual([result.document.id, `${result.document.id}/document.json`, `${result.document.id}/original.pdf`]);
    const original = await fs.readFile(path.join(workspace, 'documents', result.document.id, 'original.pdf'));
    expect(original.equals(await fs.readFile(fixturePdf('tracemonkey.pdf')))).toBe(true);

    // Same shapes as the bundled corpus, ids unique, footnotes cite real passages.
    DocumentSchema.parse(result.document);
    for (const p of result.passages) PassageSchema.parse(p);
    for (const f of result.footnotes) FootnoteSchema.parse(f);
    const ids = new Set(result.passages.map((p) => p.id));
    expect(ids.size).toBe(result.passages.length);
    for (const f of result.footnotes) for (const id of f.citedBy) expect(ids.has(id)).toBe(true);

    const record = await readImportedDocument(workspace, result.document.id);
    expect(record.document).toEqual(result.document);
    expect(record.passages).toHaveLength(result.passages.length);
  });

  it('detects a duplicate by its content hash, whatever the file is called', async () => {
    const first = await imported(fixturePdf('alphatrans.pdf'));
    const copy = path.join(workspace, 'renamed copy.pdf');
    await fs.copyFile(fixturePdf('alphatrans.pdf'), copy);
    const existingHashes = { [first.contentHash]: first.document.id };

    const conflict = await failure(importFile(workspace, copy, { existingHashes }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details).toMatchObject({ existingDocumentId: first.document.id });
    expect(conflict.message).toContain('“renamed copy.pdf”');

    const skipped = await importFile(workspace, copy, { existingHashes, onDuplicate: 'skip' });
    expect(skipped).toEqual({ status: 'skipped', existingDocumentId: first.document.id, contentHash: first.contentHash });

    const again = await imported(copy, { existingHashes, onDuplicate: 'import-again' });
    expect(again.document.id).toBe(`${first.document.id}-2`);
    expect(await listTree(path.join(workspace, 'documents'))).toContain(`${again.document.id}/document.json`);
  });

  it('leaves nothing behind when a corrupt PDF fails', async () => {
    const error = await failure(importFile(workspace, fixturePdf('poppler-937-0-fuzzed.pdf')));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('poppler-937-0-fuzzed.pdf');
    expect(await listTree(path.join(workspace, 'documents'))).toEqual([]);
  });

  it('leaves nothing behind when cancelled, during extraction or just before saving', async () => {
    const controller = new AbortController();
    const error = await failure(
      importFile(workspace, fixturePdf('tracemonkey.pdf'), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.page === 3) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(await listTree(path.join(workspace, 'documents'))).toEqual([]);

    const late = new AbortController();
    const lateError = await failure(
      importFile(workspace, fixturePdf('alphatrans.pdf'), {
        signal: late.signal,
        onProgress: (p) => {
          if (p.stage === 'saving') late.abort();
        },
      }),
    );
    expect(lateError.code).toBe('CANCELLED');
    expect(await listTree(path.join(workspace, 'documents'))).toEqual([]);
  });

  it('passes the password through, and asks for one when it is missing', async () => {
    const missing = await failure(importFile(workspace, fixturePdf('issue6010_1.pdf')));
    expect(missing.code).toBe('PASSWORD_REQUIRED');
    const result = await imported(fixturePdf('issue6010_1.pdf'), { password: 'abc' });
    expect(result.passages.map((p) => p.text)).toEqual(['Issue 6010']);
  });

  it('imports a PDF without a text layer, saying so in the document note', async () => {
    const result = await imported(fixturePdf('empty.pdf'));
    expect(result.hasTextLayer).toBe(false);
    expect(result.passages).toEqual([]);
    expect(result.document.note).toMatch(/no text layer/);
  });

  it('imports transcripts in all three formats, with speakers', async () => {
    const txt = await imported(path.join(transcriptFixtures, 'interview-mitrovica-north-2024-03.txt'));
    expect(txt.document).toMatchObject({ origin: 'imported-transcript', kind: 'transcript', title: 'interview-mitrovica-north-2024-03', pageCount: 1 });
    expect(txt.passages.filter((p) => p.speaker === 'Respondent').length).toBeGreaterThan(5);

    const md = await imported(path.join(transcriptFixtures, 'focus-group-zubin-potok.md'));
    expect(md.document).toMatchObject({ origin: 'imported-transcript', title: 'Focus group: trust in policing, Zubin Potok' });
    expect(md.document.pdf).toBeUndefined();
    expect(await listTree(path.join(workspace, 'documents', md.document.id))).toEqual(['document.json', 'original.md']);

    const docxPath = path.join(workspace, 'zvecan-interview.docx');
    await fs.writeFile(docxPath, await interviewDocx());
    const docx = await imported(docxPath);
    expect(docx.document).toMatchObject({ origin: 'imported-docx', kind: 'transcript' });
    expect(new Set(docx.passages.map((p) => p.speaker).filter(Boolean))).toEqual(new Set(['Q', 'A']));
  });

  it('imports plain text without speaker turns as a text document', async () => {
    const notes = path.join(workspace, 'field-notes.txt');
    await fs.writeFile(notes, 'Visited the station in Zvečan.\nThe commander was away.\n\nReturn on Thursday.\n');
    const result = await imported(notes);
    expect(result.document).toMatchObject({ origin: 'imported-text', kind: 'other' });
    expect(result.passages.map((p) => p.text)).toEqual(['Visited the station in Zvečan. The commander was away.', 'Return on Thursday.']);
  });

  it('refuses what it cannot import with a message naming the file', async () => {
    const archive = path.join(workspace, 'archive.zip');
    await fs.writeFile(archive, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0]));
    const unsupported = await failure(importFile(workspace, archive));
    expect(unsupported.code).toBe('UNSUPPORTED');
    expect(unsupported.message).toMatch(/“archive\.zip” is not a format.*PDF, Word \(\.docx\), plain text/);

    const fakePdf = path.join(workspace, 'report.pdf');
    await fs.writeFile(fakePdf, '<html>Not found</html>');
    expect((await failure(importFile(workspace, fakePdf))).code).toBe('CORRUPT');

    const empty = path.join(workspace, 'empty.txt');
    await fs.writeFile(empty, '');
    expect((await failure(importFile(workspace, empty))).message).toMatch(/“empty\.txt” is empty/);

    expect((await failure(importFile(workspace, path.join(workspace, 'missing.pdf')))).code).toBe('NOT_FOUND');
    expect((await failure(importFile(workspace, fixturePdf('alphatrans.pdf'), { maxBytes: 1000 }))).code).toBe('UNSUPPORTED');
    expect(await listTree(path.join(workspace, 'documents'))).toEqual([]);
  });
});

describe('managing imported documents', () => {
  it('edits metadata with validation, atomically, and keeps other fields', async () => {
    const result = await imported(fixturePdf('alphatrans.pdf'));
    const id = result.document.id;
    const updated = await updateImportedMetadata(workspace, id, { title: 'Transparency test page', authors: ['Brendan Dahl'], year: 2011, kind: 'article', publishers: ['Mozilla'] });
    expect(updated).toMatchObject({ title: 'Transparency test page', year: 2011, kind: 'article', publishers: ['Mozilla'], origin: 'imported-pdf' });
    expect((await readImportedDocument(workspace, id)).document.title).toBe('Transparency test page');

    const cleared = await updateImportedMetadata(workspace, id, { year: null });
    expect(cleared.year).toBeUndefined();

    for (const bad of [{ title: '   ' }, { year: 20111 }, { origin: 'bundled' }, { kind: 'novel' }, 'title']) {
      const error = await failure(updateImportedMetadata(workspace, id, bad));
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(await listTree(path.join(workspace, 'documents', id))).toEqual(['document.json', 'original.pdf']);
    await expect(updateImportedMetadata(workspace, 'imp-000000000000', { title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('removes a document folder, and refuses ids that are not imported documents', async () => {
    const result = await imported(fixturePdf('helloworld-bad.pdf'));
    await removeImportedDocument(workspace, result.document.id);
    expect(await listTree(path.join(workspace, 'documents'))).toEqual([]);
    await expect(removeImportedDocument(workspace, result.document.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeImportedDocument(workspace, '../../etc')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('cleans up the temp folders an interrupted import left', async () => {
    await fs.mkdir(path.join(workspace, 'documents', '.tmp-abc123'), { recursive: true });
    await fs.writeFile(path.join(workspace, 'documents', '.tmp-abc123', 'original.pdf'), 'partial');
    const kept = await imported(fixturePdf('helloworld-bad.pdf'));
    expect(await cleanupInterruptedImports(workspace)).toEqual(['.tmp-abc123']);
    expect(await fs.readdir(path.join(workspace, 'documents'))).toEqual([kept.document.id]);
  });
});
