import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { defaultOcrWorkerPath } from '../../../electron/core/import/handlers/run-import';
import { tesseractOptions } from '../../../electron/core/import/ocr/ocr-engine';
import { listOcrLanguages, resolveOcrLanguages } from '../../../electron/core/import/ocr/ocr-languages';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { pdfOfPages, scannedReportPage } from '../import/support/scans';
import { call } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

const searchTexts = async (core: Core, query: string) =>
  ((await call(core, 'search.query', { query })).results as Array<{ docId?: string; text?: string; snippet?: string }>);

/**
 * Real scans: page 1 of the typeset Kosovo report drawn by pdftoppm (as a scanner would),
 * then wrapped in a PDF with no text layer, mixed with typed pages, or imported as a photo.
 * OCR takes seconds a page, so each case reads one page.
 */
describe('OCR of scanned pages and photos, offline', () => {
  let jpeg: Uint8Array;
  let png: Uint8Array;
  beforeAll(async () => {
    [jpeg, png] = await Promise.all([scannedReportPage('jpeg', 150), scannedReportPage('png', 110)]);
  });

  it('reads a scanned PDF: passages marked as OCR with a confidence, words searchable, word boxes for the PDF view', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const file = path.join(workspace, 'scanned-report.pdf');
    await fs.writeFile(file, await pdfOfPages([{ scan: jpeg }]));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).trim()).toBe('');

    const stages: string[] = [];
    const off = core.subscribe('import.progress', (event) => stages.push(event.stage));
    const result = await call(core, 'import.file', { path: file });
    off();
    expect(stages).toContain('recognising');
    expect(result).toMatchObject({ status: 'imported', hasTextLayer: true, ocrPages: [1], pages: 1 });

    const passages = core.corpus.passages(result.documentId);
    const text = passages.map((p) => p.text).join(' ');
    expect(text).toContain('Kosovo Police');
    expect(text).toMatch(/resigned in protest/);
    for (const passage of passages) {
      expect(passage.ocr).toBe(true);
      expect(passage.confidence).toBeGreaterThan(0.5);
      expect(passage.confidence).toBeLessThanOrEqual(1);
    }
    expect(core.corpus.document(result.documentId).note).toMatch(/recognised by OCR \(eng\)/);

    const hits = await searchTexts(core, '"resigned in protest"');
    expect(hits.some((hit) => hit.docId === result.documentId)).toBe(true);

    const layer = await call(core, 'import.ocrTextLayer', { docId: result.documentId, page: 1 });
    expect(layer.words.map((w: { text: string }) => w.text)).toEqual(expect.arrayContaining(['Kosovo', 'Police']));
    for (const word of layer.words) {
      expect(word.x).toBeGreaterThanOrEqual(0);
      expect(word.y + word.height).toBeLessThanOrEqual(layer.height + 1);
      expect(word.x + word.width).toBeLessThanOrEqual(layer.width + 1);
    }
    expect(await call(core, 'import.ocrTextLayer', { docId: result.documentId, page: 2 })).toBeNull();
  });

  it('reads only the scanned page of a mixed document; typed pages keep their own text', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const file = path.join(workspace, 'field-notes.pdf');
    await fs.writeFile(
      file,
      await pdfOfPages([
        { text: ['Field notes from Mitrovica, typed up in April 2024.', 'The next page is a scanned report the municipality handed out.'] },
        { scan: jpeg },
        { text: ['Closing remarks: the interviews will continue in Zubin Potok.'] },
      ]),
    );
    const result = await call(core, 'import.file', { path: file });
    expect(result.ocrPages).toEqual([2]);
    const passages = core.corpus.passages(result.documentId);
    const onPage = (page: number) => passages.filter((p) => p.page === page);
    expect(onPage(1).map((p) => p.text).join(' ')).toContain('Field notes from Mitrovica');
    expect(onPage(1).every((p) => !p.ocr)).toBe(true);
    expect(onPage(2).map((p) => p.text).join(' ')).toContain('Kosovo Police');
    expect(onPage(2).every((p) => p.ocr)).toBe(true);
    // The scan ends mid-word ("signific-"), so the typed page's line may run on from it.
    expect(passages.map((p) => p.text).join(' ')).toContain('the interviews will continue in Zubin Potok');
    expect(core.corpus.document(result.documentId).note).toMatch(/Page 2 had no text layer/);
  });

  it('imports photos of a page (JPEG and PNG) as one OCR\'d page each, shown in a PDF made for them', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    for (const [name, bytes] of [['report-photo.jpg', jpeg], ['report-photo.png', png]] as const) {
      const file = path.join(workspace, name);
      await fs.writeFile(file, bytes);
      const result = await call(core, 'import.file', { path: file });
      expect(result).toMatchObject({ status: 'imported', pages: 1, ocrPages: [1], hasTextLayer: true });
      const document = core.corpus.document(result.documentId);
      expect(document).toMatchObject({ origin: 'imported-photo', pdf: 'display.pdf' });
      const folder = path.join(workspace, 'documents', result.documentId);
      const info = execFileSync('pdfinfo', [path.join(folder, 'display.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1/);
      expect(await fs.readdir(folder)).toEqual(expect.arrayContaining([`original.${name.endsWith('jpg') ? 'jpg' : 'png'}`, 'document.json', 'ocr-text.json']));
      expect(core.corpus.passages(result.documentId).map((p) => p.text).join(' ')).toContain('Policing the North');
    }
    const hits = await searchTexts(core, 'leposavic');
    expect(new Set(hits.map((hit) => hit.docId)).size).toBeGreaterThanOrEqual(2);
  });

  it('imports a scan without OCR when asked, as a document that says it has no text', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const file = path.join(workspace, 'scan.pdf');
    await fs.writeFile(file, await pdfOfPages([{ scan: jpeg }]));
    const result = await call(core, 'import.file', { path: file, ocr: false });
    expect(result).toMatchObject({ hasTextLayer: false, ocrPages: [], passages: 0 });
  });
});

describe('OCR languages and the network', () => {
  it('ships English and French, and finds models put into the workspace', async () => {
    const workspace = await tempDir();
    expect((await listOcrLanguages(workspace)).map((l) => `${l.code}:${l.source}`)).toEqual(['eng:bundled', 'fra:bundled']);
    const folder = path.join(workspace, 'ocr-languages');
    await fs.mkdir(folder);
    const [fra] = await resolveOcrLanguages(['fra']);
    await fs.copyFile(fra!.file, path.join(folder, 'srp_latn.traineddata'));
    await fs.writeFile(path.join(folder, 'notes.txt'), 'not a model');
    const core = await openCore(workspace);
    const listed = await call(core, 'import.ocrLanguages', {});
    expect(listed.folder).toBe(folder);
    expect(listed.languages).toContainEqual({ code: 'srp_latn', name: 'Serbian (Latin)', source: 'workspace' });

    const missing = await core.dispatch('import.file', { path: path.join(workspace, 'x.pdf'), ocrLanguages: ['sqi'] });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('NOT_FOUND');
      expect(missing.error.message).toContain(`put its model file sqi.traineddata`);
      expect(missing.error.message).toContain(folder);
    }
    expect((await core.dispatch('import.file', { path: 'x.pdf', ocrLanguages: ['../../etc'] })).ok).toBe(false);
  });

  it('points tesseract.js at local files only, and runs it on a thread where the network is refused', async () => {
    const options = tesseractOptions('/tmp/models', defaultOcrWorkerPath());
    for (const value of [options.corePath, options.langPath, options.cachePath, options.workerPath]) {
      expect(value).toMatch(/^\//);
      expect(value).not.toMatch(/^https?:|cdn|jsdelivr|unpkg/);
    }
    expect(options.cacheMethod).toBe('none');
    // Asked for a model by URL, the engine's thread refuses to fetch it (spoken to in
    // tesseract.js's own worker protocol, so the test holds the thread and can end it).
    const thread = new Worker(defaultOcrWorkerPath());
    try {
      const reply = new Promise<{ status: string; data: string }>((resolve) =>
        thread.on('message', (message: { status: string; data: string }) => {
          if (message.status !== 'progress') resolve(message);
        }),
      );
      thread.postMessage({
        workerId: 'test',
        jobId: 'job-1',
        action: 'loadLanguage',
        payload: { langs: 'eng', options: { langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng/4.0.0_best_int', cacheMethod: 'none', gzip: true } },
      });
      const answer = await reply;
      expect(answer.status).toBe('reject');
      expect(answer.data).toMatch(/tried to use the network \(fetch https:\/\/cdn\.jsdelivr\.net.*refused/);
    } finally {
      await thread.terminate();
    }
  });
});
